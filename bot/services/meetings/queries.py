"""Reading meetings and answers: one meeting, the upcoming ones, statuses and counts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.models import Attendance, AttendanceStatus, Meeting, MeetingStatus
from bot.timeutil import Clock


@dataclass(frozen=True)
class MyStatus:
    """One user's answer to a meeting and, when waiting, their 1-based place in line."""

    status: AttendanceStatus | None
    position: int | None


@dataclass(frozen=True)
class Counts:
    """How many answered each way."""

    going: int = 0
    waiting: int = 0
    declined: int = 0


async def get(session: AsyncSession, meeting_id: int) -> Meeting:
    """The meeting with this id; DomainError("meeting_not_found") if there is none."""
    meeting = await session.get(Meeting, meeting_id, populate_existing=True)
    if meeting is None:
        raise DomainError("meeting_not_found", meeting_id=meeting_id)
    return meeting


async def locked(session: AsyncSession, meeting_id: int) -> Meeting:
    """The meeting, its row locked until commit on PostgreSQL (SQLite serialises writers)."""
    query = (
        select(Meeting)
        .where(Meeting.id == meeting_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    meeting = await session.scalar(query)
    if meeting is None:
        raise DomainError("meeting_not_found", meeting_id=meeting_id)
    return meeting


async def upcoming(session: AsyncSession, *, clock: Clock, limit: int = 20) -> list[Meeting]:
    """Scheduled meetings that have not ended yet, the soonest first."""
    query = (
        select(Meeting)
        .where(Meeting.status == MeetingStatus.SCHEDULED, Meeting.ends_at > clock())
        .order_by(Meeting.starts_at, Meeting.id)
        .limit(limit)
    )
    return list(await session.scalars(query))


async def signed_up(
    session: AsyncSession, user_id: int, *, clock: Clock, limit: int = 20
) -> list[tuple[Meeting, MyStatus]]:
    """The upcoming meetings the user is coming to or waits for a seat at, the soonest first."""
    query = (
        select(Meeting)
        .join(Attendance, Attendance.meeting_id == Meeting.id)
        .where(
            Attendance.user_id == user_id,
            Attendance.status.in_((AttendanceStatus.GOING, AttendanceStatus.WAITING)),
            Meeting.status == MeetingStatus.SCHEDULED,
            Meeting.ends_at > clock(),
        )
        .order_by(Meeting.starts_at, Meeting.id)
        .limit(limit)
    )
    found = list(await session.scalars(query))
    mine = await statuses(session, [meeting.id for meeting in found], user_id)
    return [(meeting, mine[meeting.id]) for meeting in found]


async def attendance_of(session: AsyncSession, meeting_id: int, user_id: int) -> Attendance | None:
    """The user's answer row for the meeting, if any."""
    query = select(Attendance).where(
        Attendance.meeting_id == meeting_id, Attendance.user_id == user_id
    )
    return await session.scalar(query.execution_options(populate_existing=True))


async def position(session: AsyncSession, row: Attendance) -> int:
    """The 1-based place of a waiting answer in its meeting's line (joined_at, then id)."""
    ahead = select(func.count(Attendance.id)).where(
        Attendance.meeting_id == row.meeting_id,
        Attendance.status == AttendanceStatus.WAITING,
        or_(
            Attendance.joined_at < row.joined_at,
            and_(Attendance.joined_at == row.joined_at, Attendance.id < row.id),
        ),
    )
    return int(await session.scalar(ahead) or 0) + 1


async def waiting_line(session: AsyncSession, meeting_id: int) -> list[Attendance]:
    """The waiting list of a meeting, first in line first."""
    query = (
        select(Attendance)
        .where(Attendance.meeting_id == meeting_id, Attendance.status == AttendanceStatus.WAITING)
        .order_by(Attendance.joined_at, Attendance.id)
    )
    return list(await session.scalars(query))


async def going_count(session: AsyncSession, meeting_id: int) -> int:
    """How many have a seat."""
    query = select(func.count(Attendance.id)).where(
        Attendance.meeting_id == meeting_id, Attendance.status == AttendanceStatus.GOING
    )
    return int(await session.scalar(query) or 0)


async def status_of(session: AsyncSession, meeting_id: int, user_id: int) -> MyStatus:
    """The user's answer to one meeting (status None when they have not answered)."""
    return (await statuses(session, [meeting_id], user_id))[meeting_id]


async def statuses(
    session: AsyncSession, meeting_ids: Sequence[int], user_id: int
) -> dict[int, MyStatus]:
    """The user's answer to each meeting, with their place in line where waiting."""
    query = select(Attendance).where(
        Attendance.meeting_id.in_(meeting_ids), Attendance.user_id == user_id
    )
    found = {row.meeting_id: row for row in await session.scalars(query)}
    result = {}
    for meeting_id in meeting_ids:
        row = found.get(meeting_id)
        if row is None:
            result[meeting_id] = MyStatus(None, None)
        elif row.status == AttendanceStatus.WAITING:
            result[meeting_id] = MyStatus(row.status, await position(session, row))
        else:
            result[meeting_id] = MyStatus(row.status, None)
    return result


async def counts(session: AsyncSession, meeting_ids: Sequence[int]) -> dict[int, Counts]:
    """How many are going, waiting and declined for each meeting (zero when nobody answered)."""
    query = (
        select(Attendance.meeting_id, Attendance.status, func.count(Attendance.id))
        .where(Attendance.meeting_id.in_(meeting_ids))
        .group_by(Attendance.meeting_id, Attendance.status)
    )
    raw: dict[int, dict[str, int]] = {meeting_id: {} for meeting_id in meeting_ids}
    for meeting_id, status, number in await session.execute(query):
        raw[meeting_id][AttendanceStatus(status).value] = int(number)
    return {meeting_id: Counts(**values) for meeting_id, values in raw.items()}


async def statuses_of_users(
    session: AsyncSession, meeting_id: int, user_ids: Sequence[int]
) -> dict[int, MyStatus]:
    """Each user's answer to one meeting, in two queries whatever the number of users."""
    query = select(Attendance).where(
        Attendance.meeting_id == meeting_id, Attendance.user_id.in_(user_ids)
    )
    found = {row.user_id: row for row in await session.scalars(query)}
    line = {
        row.user_id: place for place, row in enumerate(await waiting_line(session, meeting_id), 1)
    }
    result = {}
    for user_id in user_ids:
        row = found.get(user_id)
        if row is None:
            result[user_id] = MyStatus(None, None)
        else:
            waiting = row.status == AttendanceStatus.WAITING
            result[user_id] = MyStatus(row.status, line.get(user_id) if waiting else None)
    return result
