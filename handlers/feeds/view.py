"""Rendering for /feeds: the list, its buttons and poll outcomes."""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.config import Settings
from bot.models import Feed
from bot.services.delivery.schedule import show
from bot.services.feeds import FeedOutcome, feeds_with_counts
from bot.services.feeds.words import problem_text
from bot.texts import t
from bot.views.feeds import interval_label
from handlers.feeds.actions import FeedAction


def _button(text: str, action: FeedAction) -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=action.encode())


def _status(feed: Feed, lang: str) -> str:
    if feed.disabled:
        return t("feeds_status_disabled", lang)
    if feed.failures:
        return t("feeds_status_failing", lang, failures=feed.failures)
    if feed.fetched_at is None:
        return t("feeds_status_new", lang)
    return t("feeds_status_ok", lang)


def feed_entry(feed: Feed, items: int, lang: str, tz: ZoneInfo) -> str:
    """One feed in the list: number, kind, status, address, items, next poll, filters, error."""
    filters = ""
    if feed.include_words or feed.exclude_words:
        filters = t(
            "feeds_filters",
            lang,
            include=feed.include_words or "–",
            exclude=feed.exclude_words or "–",
        )
    error = ""
    if feed.error_kind:
        error = t(
            "feeds_last_error", lang, error=problem_text(feed.error_kind, feed.error_status, lang)
        )
    return t(
        "feeds_item",
        lang,
        feed_id=feed.id,
        kind=t(f"feeds_kind_{feed.kind}", lang),
        status=_status(feed, lang),
        url=feed.url,
        items=items,
        next_poll=show(feed.next_poll_at, tz),
        filters=filters,
        error=error,
    )


def keyboard(
    feeds: Sequence[Feed], lang: str, *, confirming: int | None = None
) -> InlineKeyboardMarkup:
    """Per feed "Hämta nu" and "Ta bort" (the feed being removed asks for a second press),
    then "Lägg till flöde"."""
    rows: list[list[InlineKeyboardButton]] = []
    for feed in feeds:
        number = feed.id
        if number == confirming:
            rows.append(
                [
                    _button(
                        t("button_feed_confirm_remove", lang, feed_id=number),
                        FeedAction(number, "confirm"),
                    ),
                    _button(t("button_feed_keep", lang), FeedAction(number, "keep")),
                ]
            )
            continue
        rows.append(
            [
                _button(t("button_feed_poll", lang, feed_id=number), FeedAction(number, "poll")),
                _button(
                    t("button_feed_remove", lang, feed_id=number), FeedAction(number, "remove")
                ),
            ]
        )
    rows.append([_button(t("button_feed_add", lang), FeedAction(0, "add"))])
    return InlineKeyboardMarkup(rows)


async def render_list(
    session: AsyncSession, settings: Settings, lang: str, *, confirming: int | None = None
) -> tuple[str, InlineKeyboardMarkup | None]:
    """The /feeds message: every feed with its state, how to add one, and the buttons."""
    found = await feeds_with_counts(session)
    entries = [feed_entry(feed, items, lang, settings.tz) for feed, items in found]
    help_text = t("feeds_help", lang, interval=interval_label(settings.feed_interval_minutes, lang))
    body = entries or [t("feeds_none", lang)]
    text = "\n\n".join([t("feeds_header", lang), *body, help_text])
    return text, keyboard([feed for feed, _ in found], lang, confirming=confirming)


def outcome_text(outcome: FeedOutcome, lang: str) -> str:
    """A short summary of one poll (fits a button press's answer)."""
    if outcome.removed:
        return t("feeds_polled_removed", lang, feed_id=outcome.feed_id)
    if outcome.problem:
        problem = problem_text(outcome.problem.kind, outcome.problem.status, lang)
        return t("feeds_polled_error", lang, feed_id=outcome.feed_id, error=problem)
    if outcome.new_items:
        text = t(
            "feeds_polled_new",
            lang,
            feed_id=outcome.feed_id,
            new=number(outcome.new_items, lang),
            calls=number(outcome.calls, lang),
        )
        if outcome.quiet:
            text += " " + t("feeds_polled_quiet", lang, quiet=number(outcome.quiet, lang))
        return text
    return t("feeds_polled_nothing", lang, feed_id=outcome.feed_id)


def number(count: int, lang: str) -> str:
    """A count as people write it: "5 000" in Swedish, "5,000" in English."""
    grouped = f"{count:,}"
    return grouped.replace(",", "\u00a0") if lang == "sv" else grouped
