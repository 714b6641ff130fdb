"""Funding-call cards and reminders: text and buttons in the reader's language.

Also the renderers of the delivery engine for the subjects "call:<id>" (the announcement)
and "call_reminder:<id>" (a "Påminn mig"), drawn for each recipient at send time.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import FundingCall, User
from bot.services import calls
from bot.services.calls import subjects
from bot.services.calls.drafts import DESCRIPTION_MAX, excerpt_html
from bot.services.delivery import Button, Buttons, Personal
from bot.texts import Html, t
from bot.timeutil import STOCKHOLM, local
from handlers.calls.actions import CallRemind, CallWithdraw

SHORT_DESCRIPTION = 300  # characters of the description in /calls
# The shape of handlers.delivery.personalise.Renderer (which imports this module to register them).
Renderer = Callable[
    [AsyncSession, str, Sequence[int], datetime], Awaitable[dict[int, Personal | None]]
]


def when(moment: datetime, lang: str, tz: ZoneInfo) -> str:
    """A moment as the reader says it, e.g. "15 maj 2026 kl. 23.59"."""
    shown = local(moment, tz)
    month = t("call_months", lang).split(",")[shown.month - 1]
    return t(
        "call_date",
        lang,
        day=shown.day,
        month=month,
        year=shown.year,
        hour=f"{shown:%H}",
        minute=f"{shown:%M}",
    )


def days_left(deadline: datetime, now: datetime, lang: str, tz: ZoneInfo) -> str:
    """How far off the deadline is in calendar days: "i dag", "i morgon", "om 12 dagar"."""
    days = (local(deadline, tz).date() - local(now, tz).date()).days
    if days <= 0:
        return t("call_left_today", lang)
    if days == 1:
        return t("call_left_tomorrow", lang)
    return t("call_left_days", lang, days=days)


def _description(call: FundingCall, *, short: bool) -> str:
    return excerpt_html(call.description_html, SHORT_DESCRIPTION if short else DESCRIPTION_MAX)


def card_text(
    call: FundingCall, lang: str, *, now: datetime, tz: ZoneInfo = STOCKHOLM, new: bool = False
) -> str:
    """The card: title, funder, deadline with days left, description, subject areas."""
    lines = [t("call_card_new", lang)] if new else []
    lines.append(t("call_card_title", lang, title=call.title))
    if call.funder:
        lines.append(t("call_card_funder", lang, funder=call.funder))
    if call.deadline is None:
        lines.append(t("call_card_no_deadline", lang))
    else:
        shown, left = when(call.deadline, lang, tz), days_left(call.deadline, now, lang, tz)
        lines.append(t("call_card_deadline", lang, deadline=shown, left=left))
    description = _description(call, short=not new)
    if description:
        lines.append(f"\n{description}")
    if call.tags:
        tags = ", ".join(tag for tag in call.tags.split(",") if tag)
        lines.append(f"\n{t('call_card_tags', lang, tags=tags)}")
    return "\n".join(lines)


def card_buttons(call: FundingCall, lang: str, *, now: datetime, staff: bool = False) -> Buttons:
    """ "Läs mer" when there is a link, "Påminn mig" before a deadline; "Dra tillbaka" for staff."""
    row: list[Button] = []
    if call.link:
        row.append(Button(t("call_button_read_more", lang), url=call.link))
    if call.deadline is not None and calls.is_open(call, now):
        row.append(Button(t("call_button_remind", lang), callback=CallRemind(call.id).encode()))
    rows = [tuple(row)] if row else []
    if staff:
        withdraw = CallWithdraw(call.id, "ask").encode()
        rows.append((Button(t("call_button_withdraw", lang), callback=withdraw),))
    return tuple(rows)


def reminder_text(call: FundingCall, lang: str, *, now: datetime, tz: ZoneInfo) -> str | None:
    """ "Påminnelse: sista dag för … är …", or None when the call closed or has no deadline."""
    if call.deadline is None or not calls.is_open(call, now):
        return None
    shown, left = when(call.deadline, lang, tz), days_left(call.deadline, now, lang, tz)
    return t("call_reminder", lang, title=call.title, deadline=Html(shown), left=Html(left))


async def _languages(session: AsyncSession, user_ids: Sequence[int]) -> dict[int, str]:
    rows = await session.execute(select(User.id, User.language).where(User.id.in_(user_ids)))
    return {user_id: language for user_id, language in rows}


async def _open_call(session: AsyncSession, arguments: str, now: datetime) -> FundingCall | None:
    call_id = subjects.parse_call_id(arguments)
    call = None if call_id is None else await session.get(FundingCall, call_id)
    return call if call is not None and calls.is_open(call, now) else None


def card_renderer(tz: ZoneInfo = STOCKHOLM) -> Renderer:
    """The announcement of a call; nothing once it is withdrawn or its deadline has passed."""

    async def render(
        session: AsyncSession, arguments: str, user_ids: Sequence[int], now: datetime
    ) -> dict[int, Personal | None]:
        call = await _open_call(session, arguments, now)
        if call is None:
            return {}
        return {
            user_id: Personal(
                card_text(call, lang, now=now, tz=tz, new=True),
                card_buttons(call, lang, now=now),
            )
            for user_id, lang in (await _languages(session, user_ids)).items()
        }

    return render


def reminder_renderer(tz: ZoneInfo = STOCKHOLM) -> Renderer:
    """A user's "Påminn mig"; nothing once the call is withdrawn or its deadline has passed."""

    async def render(
        session: AsyncSession, arguments: str, user_ids: Sequence[int], now: datetime
    ) -> dict[int, Personal | None]:
        call = await _open_call(session, arguments, now)
        if call is None:
            return {}
        rendered: dict[int, Personal | None] = {}
        for user_id, lang in (await _languages(session, user_ids)).items():
            text = reminder_text(call, lang, now=now, tz=tz)
            link = (Button(t("call_button_read_more", lang), url=call.link),) if call.link else ()
            rendered[user_id] = None if text is None else Personal(text, (link,) if link else ())
        return rendered

    return render
