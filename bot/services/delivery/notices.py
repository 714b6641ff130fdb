"""Messages to a campaign's author: the report when it finishes, the notice when it pauses."""

from __future__ import annotations

import html
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import Campaign, User
from bot.services.delivery.campaigns import Counts, counts
from bot.texts import DEFAULT_LANGUAGE, Html, t

REPORT_KEY = "campaign_report"
PAUSED_KEY = "campaign_paused_errors"
ERROR_RATE = "error_rate"  # paused_reason "error_rate:FAILED:WINDOW", worded by the catalogue
EXCERPT = 60
TAG = re.compile(r"<[^>]+>")

# What a campaign is, in a language, as Telegram HTML (bot.services.campaign_labels.title,
# given by the runner: it knows every feature's campaigns, which this engine does not).
Titler = Callable[[AsyncSession, Campaign, str], Awaitable[str]]


def excerpt(text_html: str, *, limit: int = EXCERPT) -> str:
    """The first words of a message as plain text, cut with "…" at ``limit`` characters."""
    plain = " ".join(html.unescape(TAG.sub("", text_html)).split())
    return plain if len(plain) <= limit else plain[: limit - 1] + "…"


async def first_words(session: AsyncSession, campaign: Campaign, lang: str) -> str:
    """The plain titler: the campaign's own text (for automatic ones, its Swedish summary)."""
    return html.escape(excerpt(campaign.text_html), quote=False)


def error_rate_reason(failures: int, window: int) -> str:
    """The stored reason of a campaign that paused itself for too many failures."""
    return f"{ERROR_RATE}:{failures}:{window}"


def _error_rate(reason: str | None) -> tuple[int, int]:
    kind, _, numbers = (reason or "").partition(":")
    failures, _, window = numbers.partition(":")
    if kind != ERROR_RATE or not failures.isdigit() or not window.isdigit():
        return 0, 0
    return int(failures), int(window)


@dataclass(frozen=True)
class Notice:
    """A message for a campaign's author."""

    chat_id: int
    text_html: str


@dataclass(frozen=True)
class Report:
    """How a campaign went, for its author and for /campaigns."""

    campaign: Campaign
    counts: Counts


async def report(session: AsyncSession, campaign_id: int) -> Report:
    """The campaign and its counts."""
    campaign = await session.get_one(Campaign, campaign_id, populate_existing=True)
    return Report(campaign, (await counts(session, [campaign_id]))[campaign_id])


async def author_notice(
    session: AsyncSession, campaign_id: int, key: str, *, title: Titler = first_words
) -> Notice | None:
    """The message for the campaign's author, or None when it was created from the shell.

    It names the campaign by ``title`` in the author's language, never by its id.
    """
    found = await report(session, campaign_id)
    author = found.campaign.created_by
    if author is None:
        return None
    lang = await session.scalar(select(User.language).where(User.telegram_id == author))
    lang = lang or DEFAULT_LANGUAGE
    numbers = found.counts
    text = t(
        key,
        lang,
        title=Html(await title(session, found.campaign, lang)),
        sent=numbers.sent,
        failed=numbers.failed,
        skipped=numbers.skipped,
        pending=numbers.pending,
        total=numbers.total,
        failures=_error_rate(found.campaign.paused_reason)[0],
        window=_error_rate(found.campaign.paused_reason)[1],
    )
    return Notice(author, text)
