"""Clocks and time-zone helpers: store UTC, show Europe/Stockholm."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

Clock = Callable[[], datetime]

STOCKHOLM = ZoneInfo("Europe/Stockholm")
# Example dates in prompts and in `signbot --help` lie this far ahead, so they are never past.
EXAMPLE_DAYS_AHEAD = 10


def utc_now() -> datetime:
    """The current time, timezone-aware in UTC."""
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """Treat a naive datetime as UTC (as stored) and convert an aware one to UTC."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def local(moment: datetime, tz: ZoneInfo = STOCKHOLM) -> datetime:
    """A stored UTC moment in the display time zone."""
    return as_utc(moment).astimezone(tz)
