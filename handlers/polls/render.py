"""The poll card: its text and buttons, and the renderer of the subject "poll:<id>".

Each recipient's copy shows their own answer (✅ on the buttons they chose); the counts
stay with staff (/results). Once the poll has closed, nothing more is sent.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from pydantic import SecretStr
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot import texts
from bot.errors import DomainError
from bot.ids import parse_id
from bot.models import Poll, User
from bot.services import polls
from bot.services.delivery import Button, Buttons, Personal
from bot.services.polls import MyVote
from bot.texts import t
from bot.views.polls import card_text, closed_text, is_over
from handlers.polls.actions import PollChoose, PollComment

Rendered = dict[
    int, Personal | None
]  # as in handlers.delivery.personalise, which imports this module
Renderer = Callable[[AsyncSession, str, Sequence[int], datetime], Awaitable[Rendered]]


def card_buttons(poll: Poll, lang: str, mine: MyVote) -> Buttons:
    """One button per option, ✅ on the reader's choice; "Kommentera" when comments are allowed."""
    rows: list[tuple[Button, ...]] = []
    for option in poll.options:
        label = option.text
        if option.id in mine.option_ids:
            label = texts.label("poll_button_chosen", lang, option=option.text)
        rows.append((Button(label, callback=PollChoose(poll.id, option.id).encode()),))
    if poll.allow_comment:
        rows.append(
            (Button(t("poll_button_comment", lang), callback=PollComment(poll.id).encode()),)
        )
    return tuple(rows)


def personal(poll: Poll, lang: str, tz: ZoneInfo, *, now: datetime, mine: MyVote) -> Personal:
    """The card as a message: open with its buttons, or closed without any."""
    if is_over(poll, now):
        return Personal(closed_text(poll, lang, tz, now=now, mine=mine))
    return Personal(card_text(poll, lang, tz, now=now, mine=mine), card_buttons(poll, lang, mine))


async def _languages(session: AsyncSession, user_ids: Sequence[int]) -> dict[int, str]:
    rows = await session.execute(select(User.id, User.language).where(User.id.in_(user_ids)))
    return {user_id: language for user_id, language in rows}


def poll_renderer(tz: ZoneInfo, *, poll_key: SecretStr | None) -> Renderer:
    """Each recipient's card of an open poll; nothing once it has closed or is gone.

    ``poll_key`` is the configured voter-key secret (settings.poll_key): the reader's own
    answer is found through it, as when they answer.
    """

    async def render(
        session: AsyncSession, arguments: str, user_ids: Sequence[int], now: datetime
    ) -> Rendered:
        poll_id = parse_id(arguments)
        if poll_id is None:
            return {}
        try:
            poll = await polls.get(session, poll_id)
        except DomainError:  # deleted since the campaign was made
            return {}
        if is_over(poll, now):
            return {}
        key = await polls.poll_key(session, poll_key)
        result: Rendered = {}
        for user_id, lang in (await _languages(session, user_ids)).items():
            mine = await polls.my_choice(session, poll, user_id, key=key)
            result[user_id] = personal(poll, lang, tz, now=now, mine=mine)
        return result

    return render
