"""Scheduled sends: a date and time typed in local (Stockholm) time, turned into UTC."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.errors import DomainError
from bot.texts.moments import MomentText, WallClock
from bot.timeutil import as_utc

ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2})[:.](\d{2})$")
DAY_MONTH = re.compile(r"^(\d{1,2})/(\d{1,2})(?:[ ,]+|\s+kl\.?\s*)(\d{1,2})[:.](\d{2})$")
RELATIVE = re.compile(r"^(idag|i dag|today|imorgon|i morgon|tomorrow)\s+(\d{1,2})[:.](\d{2})$")
TOMORROW = ("imorgon", "i morgon", "tomorrow")


def to_utc(day: date, at: time, tz: ZoneInfo) -> datetime:
    """A local wall-clock time as UTC; a time skipped by the spring DST change is refused.

    An hour that happens twice (the autumn change) is taken the first time (fold=0).
    """
    moment = datetime.combine(day, at, tzinfo=tz)
    utc = moment.astimezone(UTC)
    if utc.astimezone(tz).replace(tzinfo=None) != moment.replace(tzinfo=None):
        raise DomainError("schedule_time_skipped", time=WallClock(day, at))
    return utc


def _local_parts(text: str, today: date) -> tuple[date, time]:
    cleaned = " ".join(text.strip().lower().split())
    try:
        if found := ISO.match(cleaned):
            year, month, day, hour, minute = (int(part) for part in found.groups())
            return date(year, month, day), time(hour, minute)
        if found := DAY_MONTH.match(cleaned):
            day, month, hour, minute = (int(part) for part in found.groups())
            candidate = date(today.year, month, day)
            if candidate < today:  # "1/2" typed in December means next February
                candidate = date(today.year + 1, month, day)
            return candidate, time(hour, minute)
        if found := RELATIVE.match(cleaned):
            word, hour, minute = found.group(1), int(found.group(2)), int(found.group(3))
            shift = timedelta(days=1) if word in TOMORROW else timedelta()
            return today + shift, time(hour, minute)
    except ValueError:
        pass  # 31/2 or 25:00: the same answer as text that is no date at all
    raise DomainError("schedule_invalid", text=text.strip())


def parse_local(text: str, *, now: datetime, tz: ZoneInfo) -> datetime:
    """Parse "2026-12-01 09:30", "1/12 9:30" or "i morgon 09:00" (local time); UTC, in the future."""
    day, at = _local_parts(text, as_utc(now).astimezone(tz).date())
    moment = to_utc(day, at, tz)
    if moment <= as_utc(now):
        raise DomainError("schedule_past", time=show(moment, tz))
    return moment


def parse_iso(text: str, *, now: datetime, tz: ZoneInfo) -> datetime:
    """An ISO 8601 time for the shell: local time unless it has an offset; UTC, in the future."""
    try:
        parsed = datetime.fromisoformat(text.strip())
    except ValueError:
        raise DomainError("schedule_invalid", text=text.strip()) from None
    moment = to_utc(parsed.date(), parsed.time(), tz) if parsed.tzinfo is None else as_utc(parsed)
    if moment <= as_utc(now):
        raise DomainError("schedule_past", time=show(moment, tz))
    return moment


def show(moment: datetime, tz: ZoneInfo) -> str:
    """A stored UTC time as local time with its zone abbreviation, e.g. "2026-10-25 09:30 CET",
    as the shell prints it; given to a catalogue text it reads "25 oktober kl. 09.30"."""
    local = as_utc(moment).astimezone(tz)
    return MomentText(f"{local:%Y-%m-%d %H:%M} {local.tzname()}", moment)
