"""Answers to a meeting: seats, the waiting list, promotion and the capacity alerts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.models import Attendance, AttendanceStatus, Meeting, MeetingStatus
from bot.services.meetings import notices, queries
from bot.services.meetings.drafts import MeetingOptions
from bot.timeutil import Clock


@dataclass(frozen=True)
class AnswerResult:
    """What an answer led to, for the reply and for staff."""

    status: AttendanceStatus  # what the user now has
    position: int | None  # 1-based place on the waiting list when waiting
    promoted_user_ids: list[int]  # users.id moved from waiting to going by this answer
    capacity_alert: int | None  # the alert percent or 100, the first time it is reached
    changed: bool  # False when the answer was already the same


def _has_room(meeting: Meeting, going: int) -> bool:
    return meeting.capacity == 0 or going < meeting.capacity


def _check_open(meeting: Meeting, now: datetime, *, going: bool) -> None:
    if meeting.status == MeetingStatus.CANCELLED:
        raise DomainError("meeting_cancelled", title=meeting.title)
    if now >= meeting.starts_at:
        raise DomainError("meeting_started", title=meeting.title)
    if going and meeting.signup_deadline is not None and now >= meeting.signup_deadline:
        raise DomainError("meeting_signup_closed", title=meeting.title)


async def promote(
    session: AsyncSession, meeting: Meeting, *, clock: Clock, tz: ZoneInfo
) -> list[int]:
    """Give free seats to the first in line, tell each of them; their users.id."""
    going = await queries.going_count(session, meeting.id)
    promoted: list[int] = []
    for row in await queries.waiting_line(session, meeting.id):
        if not _has_room(meeting, going + len(promoted)):
            break
        row.status = AttendanceStatus.GOING
        row.changed_at = clock()
        promoted.append(row.user_id)
        await notices.promoted(session, meeting, row.user_id, clock=clock, tz=tz)
    await session.flush()
    return promoted


async def capacity_alert(session: AsyncSession, meeting: Meeting, percent: int) -> int | None:
    """The threshold (percent, or 100) the meeting has just reached for the first time."""
    if meeting.capacity == 0 or meeting.notified_full:
        return None
    going = await queries.going_count(session, meeting.id)
    if going >= meeting.capacity:
        meeting.notified_full = meeting.notified_80 = True
        return 100
    if not meeting.notified_80 and going * 100 >= meeting.capacity * percent:
        meeting.notified_80 = True
        return percent
    return None


async def reset_alerts(session: AsyncSession, meeting: Meeting, percent: int) -> None:
    """After a change of capacity, alert again only for thresholds not reached now."""
    going = await queries.going_count(session, meeting.id)
    meeting.notified_full = meeting.capacity > 0 and going >= meeting.capacity
    meeting.notified_80 = meeting.capacity > 0 and going * 100 >= meeting.capacity * percent


async def answer(
    session: AsyncSession,
    meeting_id: int,
    user_id: int,
    *,
    going: bool,
    clock: Clock,
    options: MeetingOptions,
) -> AnswerResult:
    """Record "Jag kommer" (a seat, or a place in line when full) or "Kan inte".

    The meeting row is locked first, so two people taking the last seat at once are
    counted one after the other.
    """
    meeting = await queries.locked(session, meeting_id)
    now = clock()
    _check_open(meeting, now, going=going)
    row = await queries.attendance_of(session, meeting_id, user_id)
    before = row.status if row is not None else None
    promoted: list[int] = []
    new: AttendanceStatus
    if going:
        if before in (AttendanceStatus.GOING, AttendanceStatus.WAITING):
            new = before
        elif _has_room(meeting, await queries.going_count(session, meeting_id)):
            new = AttendanceStatus.GOING
        else:
            new = AttendanceStatus.WAITING
    else:
        new = AttendanceStatus.DECLINED
    if row is None:
        row = Attendance(
            meeting_id=meeting_id, user_id=user_id, status=new, joined_at=now, changed_at=now
        )
        session.add(row)
    elif new != before:
        row.status = new
        row.joined_at = now  # a new answer goes to the back of any line
        row.changed_at = now
    await session.flush()
    if before == AttendanceStatus.GOING and new == AttendanceStatus.DECLINED:
        promoted = await promote(session, meeting, clock=clock, tz=options.tz)
    alert = None
    if new == AttendanceStatus.GOING and before != new:
        alert = await capacity_alert(session, meeting, options.capacity_alert_percent)
    await session.flush()
    place = await queries.position(session, row) if new == AttendanceStatus.WAITING else None
    return AnswerResult(new, place, promoted, alert, changed=new != before)
