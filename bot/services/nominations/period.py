"""A round's period as staff type it: dates with or without a time, in local time."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from bot.errors import DomainError
from bot.services.delivery import schedule
from bot.timeutil import as_utc

ISO_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
DAY_MONTH = re.compile(r"^(\d{1,2})/(\d{1,2})$")
NOW = ("nu", "now", "idag", "i dag", "today")
DAY_START = time(0, 0)
DAY_END = time(23, 59)  # "to 30 November" means to the end of that day


def _day(text: str, today: date) -> date | None:
    """A bare date ("2026-11-30" or "30/11", the next such day), else None."""
    try:
        if found := ISO_DAY.match(text):
            year, month, day = (int(part) for part in found.groups())
            return date(year, month, day)
        if found := DAY_MONTH.match(text):
            day, month = (int(part) for part in found.groups())
            candidate = date(today.year, month, day)
            return candidate if candidate >= today else date(today.year + 1, month, day)
    except ValueError:
        raise DomainError("schedule_invalid", text=text) from None
    return None


def parse_moment(text: str, *, now: datetime, tz: ZoneInfo, end: bool) -> datetime:
    """One end of the period in UTC: "nu", a bare date (start or end of that day) or a
    date and time as ``schedule.parse_local`` reads them."""
    cleaned = " ".join(text.strip().lower().split())
    if not end and cleaned in NOW:
        return as_utc(now)
    day = _day(cleaned, as_utc(now).astimezone(tz).date())
    if day is not None:
        return schedule.to_utc(day, DAY_END if end else DAY_START, tz)
    return schedule.parse_local(cleaned, now=now, tz=tz)


def parse_period(
    opens: str, closes: str, *, now: datetime, tz: ZoneInfo
) -> tuple[datetime, datetime]:
    """The round's opening and closing moments (UTC); open_round checks their order."""
    return (
        parse_moment(opens, now=now, tz=tz, end=False),
        parse_moment(closes, now=now, tz=tz, end=True),
    )
