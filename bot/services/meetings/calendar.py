"""A meeting as an iCalendar file (.ics) that any calendar app can add."""

from __future__ import annotations

from icalendar import Calendar, Event

from bot.models import Meeting, MeetingStatus
from bot.timeutil import STOCKHOLM, as_utc, local

PRODID = "-//Vastra Gotalandsregionen//signbot//SV"


def calendar_file(meeting: Meeting) -> bytes:
    """One VEVENT in UTC; the same UID with a higher SEQUENCE updates an added event."""
    event = Event()
    event.add("uid", f"meeting-{meeting.id}@signbot")
    event.add("dtstamp", as_utc(meeting.updated_at))
    event.add("dtstart", as_utc(meeting.starts_at))
    event.add("dtend", as_utc(meeting.ends_at))
    event.add("summary", meeting.title)
    where = [part for part in (meeting.place, meeting.online_url) if part]
    if where:
        event.add("location", ", ".join(where))
    if meeting.online_url:
        event.add("url", meeting.online_url)
    if meeting.description:
        event.add("description", meeting.description)
    event.add("sequence", meeting.version)
    cancelled = meeting.status == MeetingStatus.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add_component(event)
    return calendar.to_ical()


def calendar_filename(meeting: Meeting) -> str:
    """The file's name, after the meeting's local date, e.g. "dialogmote-2026-12-03.ics"."""
    return f"dialogmote-{local(meeting.starts_at, STOCKHOLM):%Y-%m-%d}.ics"
