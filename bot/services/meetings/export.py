"""The attendee list of a meeting as CSV, for staff to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from zoneinfo import ZoneInfo

from sqlalchemy import case, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import Attendance, AttendanceStatus
from bot.services.meetings import queries
from bot.services.spreadsheet import safe_cell
from bot.texts import DEFAULT_LANGUAGE, t
from bot.timeutil import local

COLUMNS = ("name", "username", "organisation", "status", "position", "answered")
ORDER = case(
    (Attendance.status == AttendanceStatus.GOING, 0),
    (Attendance.status == AttendanceStatus.WAITING, 1),
    else_=2,
)


async def attendees_csv(
    session: AsyncSession, meeting_id: int, *, tz: ZoneInfo, lang: str = DEFAULT_LANGUAGE
) -> str:
    """Everyone who answered: going first, then the waiting list in order, then declined."""
    await queries.get(session, meeting_id)
    query = (
        select(Attendance)
        .where(Attendance.meeting_id == meeting_id)
        .order_by(ORDER, Attendance.joined_at, Attendance.id)
    )
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow([t(f"meeting_csv_{column}", lang) for column in COLUMNS])
    place = 0
    for row in await session.scalars(query):
        user = row.user
        waiting = row.status == AttendanceStatus.WAITING
        place += waiting
        writer.writerow(
            [
                safe_cell(user.display_name),
                f"@{user.username}" if user.username else "",
                safe_cell(user.organisation.name) if user.organisation else "",
                t(f"meeting_csv_{row.status.value}", lang),
                str(place) if waiting else "",
                f"{local(row.changed_at, tz):%Y-%m-%d %H:%M}",
            ]
        )
    return output.getvalue()
