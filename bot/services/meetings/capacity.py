"""Telling staff that a meeting's seats run low: what to say and to whom, as plain data."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import Meeting
from bot.services import handover
from bot.services.meetings.queries import counts

FULL = 100  # percent


@dataclass(frozen=True)
class CapacityNotice:
    """A meeting reached ``percent`` of its seats (80, or 100 when full)."""

    meeting_id: int
    title: str
    starts_at: datetime
    ends_at: datetime
    going: int
    capacity: int
    percent: int
    destinations: tuple[int, ...]  # the staff chat, else every admin's private chat

    @property
    def full(self) -> bool:
        return self.percent >= FULL


async def capacity_notice(
    session: AsyncSession,
    meeting: Meeting,
    percent: int,
    *,
    staff_chat_id: int | None,
    admins: Collection[int],
) -> CapacityNotice:
    """The notice for an answer that crossed a threshold (AnswerResult.capacity_alert)."""
    going = (await counts(session, [meeting.id]))[meeting.id].going
    destinations = await handover.staff_destinations(
        session, staff_chat_id=staff_chat_id, admins=admins
    )
    return CapacityNotice(
        meeting_id=meeting.id,
        title=meeting.title,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        going=going,
        capacity=meeting.capacity,
        percent=percent,
        destinations=tuple(destinations),
    )
