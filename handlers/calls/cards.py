"""Funding-call cards and reminders: their buttons (the text is in ``bot.views.calls``).

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
from bot.services.delivery import Button, Buttons, Personal
from bot.texts import t
from bot.timeutil import STOCKHOLM
from bot.views.calls import card_text, reminder_text
from handlers.calls.actions import CallRemind, CallWithdraw

# The shape of handlers.delivery.personalise.Renderer (which imports this module to register them).
Renderer = Callable[
    [AsyncSession, str, Sequence[int], datetime], Awaitable[dict[int, Personal | None]]
]


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
