"""Deadlines of funding calls: typed by staff, or found in the text of a feed item.

A date without a time means the end of that day in local (Stockholm) time: a call that
closes "1 maj" takes applications all that day.
"""

from __future__ import annotations

import html
import re
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from bot.errors import DomainError
from bot.services.delivery import schedule
from bot.timeutil import as_utc

END_OF_DAY = time(23, 59)
ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
DAY_MONTH = re.compile(r"^(\d{1,2})/(\d{1,2})(?:[/ -](\d{4}))?$")
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("januari", "january", "jan"),
            ("februari", "february", "feb"),
            ("mars", "march", "mar"),
            ("april", "apr"),
            ("maj", "may"),
            ("juni", "june", "jun"),
            ("juli", "july", "jul"),
            ("augusti", "august", "aug"),
            ("september", "sept", "sep"),
            ("oktober", "october", "okt", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
DAY_MONTH_NAME = re.compile(rf"^(\d{{1,2}})\s+({_MONTH_NAMES})\.?(?:\s+(\d{{4}}))?$")
# "Sista ansökningsdag: 15 maj 2026", "Ansök senast 2026-05-15", "Deadline: 15 May 2026".
IN_TEXT = re.compile(
    r"(?:sista\s+ans[öo]kningsdag(?:en)?|sista\s+dag\s+f[öo]r\s+ans[öo]kan|ans[öo]k\s+senast"
    r"|ans[öo]kan\s+senast|deadline|closing\s+date|apply\s+by)"
    rf"\D{{0,20}}?(\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}\s+(?:{_MONTH_NAMES})\.?(?:\s+\d{{4}})?)",
    re.IGNORECASE,
)
TAG = re.compile(r"<[^>]+>")


def _date_only(text: str, today: date) -> date | None:
    """A date typed without a time, or None if the text is not one; ValueError if impossible."""
    cleaned = " ".join(text.strip().lower().split())
    if found := ISO_DATE.match(cleaned):
        year, month, day = (int(part) for part in found.groups())
        return date(year, month, day)
    found = DAY_MONTH.match(cleaned) or DAY_MONTH_NAME.match(cleaned)
    if found is None:
        return None
    day = int(found.group(1))
    raw_month = found.group(2)
    month = int(raw_month) if raw_month.isdigit() else MONTHS[raw_month]
    if found.group(3):
        return date(int(found.group(3)), month, day)
    candidate = date(today.year, month, day)
    # "1/2" typed in December means next February
    return candidate if candidate >= today else date(today.year + 1, month, day)


def parse_deadline(text: str, *, now: datetime, tz: ZoneInfo) -> datetime:
    """A typed deadline ("2026-05-15", "15/5", "15 maj", or a date and time) as UTC, in the future.

    DomainError("call_deadline_invalid") for text that is no date, "call_deadline_past"
    for a moment that has gone, "schedule_time_skipped" for an hour the clocks skip.
    """
    today = as_utc(now).astimezone(tz).date()
    try:
        day = _date_only(text, today)
    except ValueError:
        raise DomainError("call_deadline_invalid", text=text.strip()) from None
    try:
        if day is not None:
            moment = schedule.to_utc(day, END_OF_DAY, tz)
        else:
            moment = _date_and_time(text, now=now, tz=tz)
    except DomainError as error:
        if error.key == "schedule_invalid":
            raise DomainError("call_deadline_invalid", text=text.strip()) from None
        if error.key == "schedule_past":
            raise DomainError("call_deadline_past", **error.params) from None
        raise
    if moment <= as_utc(now):
        raise DomainError("call_deadline_past", time=schedule.show(moment, tz))
    return moment


def _date_and_time(text: str, *, now: datetime, tz: ZoneInfo) -> datetime:
    """A date with a time, as typed in the chat or given in ISO 8601 on the shell."""
    try:
        return schedule.parse_local(text, now=now, tz=tz)
    except DomainError as error:
        if error.key != "schedule_invalid":
            raise
    return schedule.parse_iso(text, now=now, tz=tz)


def find_deadline(text_html: str, *, now: datetime, tz: ZoneInfo) -> datetime | None:
    """The deadline a feed item states ("Sista ansökningsdag: 15 maj 2026"), if any, as UTC.

    Only an explicit phrase counts; any other date in the text (an event, a publication
    date) is not a deadline. A date in the past is still returned: the call is closed.
    """
    plain = html.unescape(TAG.sub(" ", text_html))
    found = IN_TEXT.search(plain)
    if found is None:
        return None
    today = as_utc(now).astimezone(tz).date()
    try:
        day = _date_only(found.group(1), today)
    except ValueError:
        return None
    if day is None:
        return None
    try:
        return schedule.to_utc(day, END_OF_DAY, tz)
    except DomainError:
        return None
