"""Checking what staff type for a meeting: times, links, seats, "skip"."""

from __future__ import annotations

import re
from datetime import datetime, time
from zoneinfo import ZoneInfo

from bot.errors import DomainError
from bot.services.delivery import schedule
from bot.services.meetings.drafts import CAPACITY_MAX, LINK_MAX
from bot.timeutil import local

SKIP_WORDS = ("-", "hoppa över", "hoppa", "skip")
TIME_ONLY = re.compile(r"^(\d{1,2})[:.](\d{2})$")


def parse_end(text: str, starts_at: datetime, *, now: datetime, tz: ZoneInfo) -> datetime:
    """The end: a time of day on the start's date ("15:00"), or a whole date and time."""
    found = TIME_ONLY.match(text.strip())
    if found is None:
        return schedule.parse_local(text, now=now, tz=tz)
    hour, minute = int(found.group(1)), int(found.group(2))
    if hour > 23 or minute > 59:
        raise DomainError("schedule_invalid", text=text.strip())
    return schedule.to_utc(local(starts_at, tz).date(), time(hour, minute), tz)


def check_link(text: str) -> str:
    """A link as the service will accept it, or DomainError("mtg_link_invalid")."""
    link = text.strip()
    if (
        not link.lower().startswith(("http://", "https://"))
        or any(c.isspace() for c in link)
        or len(link) > LINK_MAX
    ):
        raise DomainError("mtg_link_invalid")
    return link


def check_capacity(text: str) -> int:
    """A number of seats, 0 for unlimited, or DomainError("mtg_capacity_invalid")."""
    cleaned = text.strip()
    if not cleaned.isdigit() or int(cleaned) > CAPACITY_MAX:
        raise DomainError("mtg_capacity_invalid")
    return int(cleaned)


def is_skip(text: str) -> bool:
    """Whether the answer means "leave this empty"."""
    return text.strip().lower() in SKIP_WORDS
