"""The personaliser's renderers for staff notices: the stored facts in each reader's language."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import Feed, Form, NominationRound, Poll
from bot.services import forms, staff_notices
from bot.services.delivery import Personal
from bot.services.feeds.words import problem_text
from bot.texts import t
from handlers.feeds.view import number
from handlers.polls import results as poll_results

Rendered = dict[int, Personal | None]
Renderer = Callable[[AsyncSession, str, Sequence[int], datetime], Awaitable[Rendered]]
# A notice's text from its facts (all numbers but a feed's error kind), in a language;
# None when what it tells of is gone.
Text = Callable[[AsyncSession, tuple[str, ...], str], Awaitable[str | None]]


async def _form_closed(session: AsyncSession, facts: tuple[str, ...], lang: str) -> str | None:
    form_id, answered, total = map(int, facts)
    form = await session.get(Form, form_id)
    if form is None:
        return None
    title = forms.form_title(form, lang)
    return t(
        "form_closed_notice", lang, form_id=form_id, title=title, answered=answered, total=total
    )


async def _nomination_closed(
    session: AsyncSession, facts: tuple[str, ...], lang: str
) -> str | None:
    round_id, count = map(int, facts)
    found = await session.get(NominationRound, round_id)
    if found is None:
        return None
    return t("nomination_closed_notice", lang, round_id=round_id, title=found.title, count=count)


async def _feed_disabled(session: AsyncSession, facts: tuple[str, ...], lang: str) -> str | None:
    feed_id, failures, kind, status = int(facts[0]), int(facts[1]), facts[2], int(facts[3])
    feed = await session.get(Feed, feed_id)
    if feed is None:
        return None
    return t(
        "feeds_staff_disabled",
        lang,
        feed_id=feed_id,
        url=feed.url,
        failures=failures,
        error=problem_text(kind, status or None, lang),
    )


async def _feed_recovered(session: AsyncSession, facts: tuple[str, ...], lang: str) -> str | None:
    (feed_id,) = map(int, facts)
    feed = await session.get(Feed, feed_id)
    return t("feeds_staff_recovered", lang, feed_id=feed_id, url=feed.url) if feed else None


async def _feed_capped(session: AsyncSession, facts: tuple[str, ...], lang: str) -> str | None:
    feed_id, new, quiet = map(int, facts)
    feed = await session.get(Feed, feed_id)
    if feed is None:
        return None
    return t(
        f"feeds_staff_capped_{feed.kind}",
        lang,
        feed_id=feed_id,
        url=feed.url,
        new=number(new, lang),
        announced=number(new - quiet, lang),
        quiet=number(quiet, lang),
    )


# Each kind's text and how many facts its subject holds.
TEXTS: dict[str, tuple[Text, int]] = {
    staff_notices.FORM_CLOSED: (_form_closed, 3),
    staff_notices.NOMINATION_CLOSED: (_nomination_closed, 2),
    staff_notices.FEED_DISABLED: (_feed_disabled, 4),
    staff_notices.FEED_RECOVERED: (_feed_recovered, 1),
    staff_notices.FEED_CAPPED: (_feed_capped, 3),
}


def poll_result_renderer(tz: ZoneInfo) -> Renderer:
    """A closed poll's result for its author (or staff): a heading with the result, then
    the chart, in the reader's language; nothing once the poll is gone."""

    async def render(
        session: AsyncSession, arguments: str, user_ids: Sequence[int], now: datetime
    ) -> Rendered:
        poll_id = staff_notices.first_id(arguments)
        if poll_id is None or await session.get(Poll, poll_id) is None:
            return {}
        langs = await staff_notices.languages(session, user_ids)
        by_lang: dict[str, Personal] = {}
        for lang in set(langs.values()):
            found = await poll_results.report(session, poll_id, lang, tz, now=now)
            heading = t("poll_results_final", lang, poll_id=poll_id)
            by_lang[lang] = Personal(f"{heading}\n\n{found.text}", photo=found.chart)
        return {user_id: by_lang[lang] for user_id, lang in langs.items()}

    return render


# A notice's whole message (text and buttons) from its facts, in a language, at send time;
# None when what it tells of is gone or no longer waits for staff.
Compose = Callable[[AsyncSession, tuple[str, ...], str, datetime], Awaitable[Personal | None]]


def facts_renderer(compose: Compose, arity: int) -> Renderer:
    """A renderer that composes each reader's message from the subject's ``arity`` facts,
    once per language; nothing (skipped) if the subject is garbled."""

    async def render(
        session: AsyncSession, arguments: str, user_ids: Sequence[int], now: datetime
    ) -> Rendered:
        facts = staff_notices.parse_facts(arguments)
        if len(facts) != arity:
            return {}
        langs = await staff_notices.languages(session, user_ids)
        try:
            by_lang = {
                lang: await compose(session, facts, lang, now) for lang in set(langs.values())
            }
        except ValueError:  # a number that is not one: written by hand, or garbled
            return {}
        return {user_id: by_lang[lang] for user_id, lang in langs.items()}

    return render


def renderer(kind: str) -> Renderer:
    """The renderer of one kind of staff notice; nothing (skipped) if its subject is garbled."""
    text, arity = TEXTS[kind]

    async def compose(
        session: AsyncSession, facts: tuple[str, ...], lang: str, now: datetime
    ) -> Personal | None:
        found = await text(session, facts, lang)
        return Personal(found) if found else None

    return facts_renderer(compose, arity)
