"""Telling staff that a meeting's seats run low: a staff notice in the outbox, recorded in
the transaction of the answer that crossed the threshold."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import Campaign, Meeting
from bot.services import campaign_labels, staff_notices
from bot.services.meetings.queries import counts
from bot.services.staff_notices import MEETING_CAPACITY, StaffChats, Subject
from bot.timeutil import Clock

FULL = 100  # percent


def capacity_subject(meeting: Meeting, percent: int, going: int) -> Subject:
    """The notice's facts: the meeting, the threshold crossed (80, or 100 when full), the
    people going and the seats, as they were when the answer was given."""
    return Subject(MEETING_CAPACITY, (meeting.id, percent, going, meeting.capacity))


async def tell_staff_of_capacity(
    session: AsyncSession,
    meeting: Meeting,
    percent: int,
    *,
    chats: StaffChats,
    clock: Clock,
    tz: ZoneInfo,
) -> Campaign | None:
    """Record the notice for an answer that crossed a threshold (AnswerResult.capacity_alert)
    for the staff chat, else every admin (flushed, committed by the caller)."""
    going = (await counts(session, [meeting.id]))[meeting.id].going
    subject = capacity_subject(meeting, percent, going)
    summary = await campaign_labels.summary(session, subject.encode(), tz)
    return await staff_notices.notify(session, subject, summary=summary, chats=chats, clock=clock)
