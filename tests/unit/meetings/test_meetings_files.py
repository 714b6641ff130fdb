"""The attendee list as CSV and the meeting as an .ics file."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
from icalendar import Calendar
from sqlalchemy import update

from bot.db import Database
from bot.errors import DomainError
from bot.models import User
from bot.services import meetings
from bot.timeutil import STOCKHOLM
from tests.conftest import FakeClock
from tests.unit.test_meetings_support import END, NOW, OPTIONS, START, add_members, new_meeting


async def test_csv_lists_going_then_line_then_declined(db: Database) -> None:
    clock = FakeClock(NOW)
    meeting_id = await new_meeting(db, clock, capacity=1)
    async with db.session() as session:
        ids = await add_members(session, 4)
        await session.execute(
            update(User).where(User.id == ids[1]).values(display_name="=SUM(A1)", username="anna")
        )
        for user_id, going in ((ids[3], False), (ids[0], True), (ids[2], True), (ids[1], True)):
            await meetings.answer(
                session, meeting_id, user_id, going=going, clock=clock, options=OPTIONS
            )
            clock.advance(minutes=5)
        await session.commit()
    async with db.session() as session:
        text = await meetings.attendees_csv(session, meeting_id, tz=STOCKHOLM)
        with pytest.raises(DomainError):
            await meetings.attendees_csv(session, 999, tz=STOCKHOLM)
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [
        ["Namn", "Användarnamn", "Organisation", "Status", "Plats i kön", "Svarade"],
        ["u1", "", "Förening 1", "Kommer", "", "2026-10-01 12:05"],
        ["u3", "", "Förening 1", "Väntelista", "1", "2026-10-01 12:10"],
        ["'=SUM(A1)", "@anna", "Förening 1", "Väntelista", "2", "2026-10-01 12:15"],
        ["u4", "", "Förening 1", "Kan inte", "", "2026-10-01 12:00"],
    ]


async def test_calendar_file_parses_back_in_utc(db: Database) -> None:
    clock = FakeClock(NOW)
    meeting_id = await new_meeting(db, clock, online_url="https://teams.example/m/1")
    async with db.session() as session:
        meeting = await meetings.get(session, meeting_id)
        raw = meetings.calendar_file(meeting)
        first = Calendar.from_ical(raw)
        assert meetings.calendar_filename(meeting) == "dialogmote-2026-12-03.ics"
        later = START + timedelta(days=1)
        await meetings.move(
            session,
            meeting_id,
            starts_at=later,
            ends_at=later + timedelta(hours=2),
            actor=None,
            clock=clock,
            options=OPTIONS,
        )
        await meetings.cancel(session, meeting_id, actor=None, clock=clock)
        second = Calendar.from_ical(meetings.calendar_file(meeting))
    assert (str(first["method"]), str(first["version"])) == ("PUBLISH", "2.0")
    [event] = first.walk("VEVENT")
    assert str(event["uid"]) == f"meeting-{meeting_id}@signbot"
    assert event.decoded("dtstart") == START
    assert event.decoded("dtend") == END
    assert b"DTSTART:20261203T120000Z" in raw  # UTC, no time zone definition needed
    assert str(event["summary"]) == "Dialogmöte om bidrag"
    assert str(event["location"]) == "Regionens hus, Vänersborg, https://teams.example/m/1"
    assert str(event["url"]) == "https://teams.example/m/1"
    assert str(event["description"]) == "Vi pratar om nya bidrag."
    assert (event.decoded("sequence"), str(event["status"])) == (1, "CONFIRMED")
    assert event.decoded("dtstamp") == NOW
    [moved] = second.walk("VEVENT")
    assert moved.decoded("dtstart") == datetime(2026, 12, 4, 12, 0, tzinfo=UTC)
    assert (moved.decoded("sequence"), str(moved["status"])) == (2, "CANCELLED")
