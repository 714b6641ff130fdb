"""Where a meeting's card is shown, so an answer that changes it can have it redrawn."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import Attendance, Campaign, Delivery, User
from bot.services.meetings import subjects
from bot.services.meetings.queries import waiting_line
from bot.services.users import STAFF_ROLES


@dataclass(frozen=True)
class ShownCard:
    """One card in one chat: whose it is and which message holds it."""

    user_id: int
    chat_id: int
    message_id: int


async def concerned(session: AsyncSession, meeting_id: int, user_ids: Collection[int]) -> set[int]:
    """Whose card an answer changes: these users (the one who answered, anyone promoted),
    everyone on the waiting list (their places move) and staff (they see the counts)."""
    staff = await session.scalars(select(User.id).where(User.role.in_(STAFF_ROLES)))
    waiting = {row.user_id for row in await waiting_line(session, meeting_id)}
    return {*user_ids, *staff, *waiting}


async def answered(session: AsyncSession, meeting_id: int) -> list[int]:
    """Everyone who answered the meeting, whatever the answer (their cards show it)."""
    rows = await session.scalars(
        select(Attendance.user_id).where(Attendance.meeting_id == meeting_id)
    )
    return list(rows)


async def delivered_cards(
    session: AsyncSession, meeting_id: int, user_ids: Collection[int]
) -> list[ShownCard]:
    """The meeting's announcement card as delivered to these users, where Telegram said where."""
    if not user_ids:
        return []
    rows = await session.execute(
        select(Delivery.user_id, Delivery.chat_id, Delivery.telegram_message_id)
        .join(Campaign, Campaign.id == Delivery.campaign_id)
        .where(
            Campaign.subject == subjects.card(meeting_id),
            Delivery.user_id.in_(user_ids),
            Delivery.telegram_message_id.is_not(None),
        )
    )
    return [
        ShownCard(user_id, chat_id, message_id)
        for user_id, chat_id, message_id in rows
        if message_id is not None and user_id is not None
    ]
