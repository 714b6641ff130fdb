"""Times and example dates as people read them: "15 december kl. 13.00", never ISO or "CET".

Texts are rendered in many places (handlers, services' errors, the shell), so the clock that
says what "this year" and "today" are is set once, by the composition root
(``build_services``), like the catalogue itself; it is the real clock until then.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.timeutil import EXAMPLE_DAYS_AHEAD, STOCKHOLM, Clock, as_utc, utc_now

EXAMPLE_SPAN_DAYS = 30  # the second date of an example range ("from; to")


@dataclass
class _TextClock:
    clock: Clock = utc_now
    tz: ZoneInfo = STOCKHOLM

    def today(self) -> date:
        return as_utc(self.clock()).astimezone(self.tz).date()


_CURRENT = _TextClock()


def use_clock(clock: Clock, tz: ZoneInfo) -> None:
    """Tell the texts what time it is and where (the composition root calls this)."""
    _CURRENT.clock, _CURRENT.tz = clock, tz


@dataclass(frozen=True)
class Moment:
    """A point in time for a text parameter; the catalogue renders it in the reader's language."""

    at: datetime

    def __str__(self) -> str:  # for logs and audit details: unambiguous, in UTC
        return f"{as_utc(self.at):%Y-%m-%d %H:%M}Z"


@dataclass(frozen=True)
class WallClock:
    """A local date and time of day that may not exist as a moment (the hour the clocks skip)."""

    day: date
    at: time

    def __str__(self) -> str:
        return f"{self.day:%Y-%m-%d} {self.at:%H:%M}"


def render_wall_clock(value: WallClock, table: dict[str, str]) -> str:
    """ "29 mars kl. 02.30", with the year when not this one."""
    return _day_and_time(value.day, value.at.hour, value.at.minute, table)


class MomentText(str):
    """A time as the shell prints it ("2026-12-01 09:00 CET") that a catalogue text shows in
    words, like a Moment: what schedule.show() returns, so every caller gets both."""

    moment: Moment

    def __new__(cls, text: str, at: datetime) -> MomentText:
        made = super().__new__(cls, text)
        made.moment = Moment(at)
        return made


def _names(table: dict[str, str], key: str) -> list[str]:
    return table[key].split(",")


def render_moment(moment: Moment, table: dict[str, str]) -> str:
    """ "15 december kl. 13.00" (or "15 December at 13:00"), with the year when not this one."""
    local = as_utc(moment.at).astimezone(_CURRENT.tz)
    return _day_and_time(local.date(), local.hour, local.minute, table)


def _day_and_time(day: date, hour: int, minute: int, table: dict[str, str]) -> str:
    month = _names(table, "mtg_months")[day.month - 1]
    clock = table["mtg_clock"].format(hour=f"{hour:02d}", minute=f"{minute:02d}")
    key = "moment" if day.year == _CURRENT.today().year else "moment_year"
    return table[key].format(day=day.day, month=month, year=day.year, time=clock)


def example_dates(table: dict[str, str]) -> dict[str, str]:
    """The {ex_*} placeholders of prompts: dates ahead of today, in each written form."""
    day = _CURRENT.today() + timedelta(days=EXAMPLE_DAYS_AHEAD)
    later = day + timedelta(days=EXAMPLE_SPAN_DAYS)
    month = _names(table, "mtg_months")[day.month - 1]
    return {
        "ex_iso": day.isoformat(),
        "ex_iso_later": later.isoformat(),
        "ex_dm": f"{day.day}/{day.month}",
        "ex_words": f"{day.day} {month}",
    }


def _local_day(moment: Moment) -> date:
    return as_utc(moment.at).astimezone(_CURRENT.tz).date()


def render_time(moment: Moment, table: dict[str, str]) -> str:
    """Only the time of day, for the second moment of a range within one day: "kl. 17.00"."""
    local = as_utc(moment.at).astimezone(_CURRENT.tz)
    time = table["mtg_clock"].format(hour=f"{local.hour:02d}", minute=f"{local.minute:02d}")
    return table["moment_time"].format(time=time)


def same_day_times(order: list[str], params: dict[str, object]) -> set[str]:
    """The moment parameters that fall on the day of an earlier one in the text: shown by time
    only, so a range reads "6 december kl. 10.00 till kl. 17.00", not the day twice."""
    seen: set[date] = set()
    later: set[str] = set()
    for name in order:
        value = params.get(name)
        if not isinstance(value, Moment):
            continue
        day = _local_day(value)
        if day in seen:
            later.add(name)
        seen.add(day)
    return later


# "{count|plats|platser}": the word for the count parameter, singular when it is 1.
_PLURAL = re.compile(r"\{((\w+)\|([^|{}]*)\|([^|{}]*))\}")
_FORMATTER = string.Formatter()


def derived_params(
    template: str, table: dict[str, str], params: dict[str, object]
) -> dict[str, object]:
    """The parameters a text needs besides those given: example dates ({ex_iso}, ...), the
    word a count chooses ({count|plats|platser}), and times in words in the text's language
    (the second of two on one day by its time only)."""
    if "{ex_" in template:  # example dates in a prompt: always ahead of today
        params = {**example_dates(table), **params}
    if not params:
        return params
    params = {
        name: value.moment if isinstance(value, MomentText) else value
        for name, value in params.items()
    }
    derived = dict(params)
    for field, name, singular, plural in _PLURAL.findall(template):
        derived[field] = singular if str(params[name]).strip() in ("1", "-1") else plural
    order = [name for _, name, _, _ in _FORMATTER.parse(template) if name]
    times = same_day_times(order, params)
    for name, value in params.items():
        if isinstance(value, Moment):
            show = render_time if name in times else render_moment
            derived[name] = show(value, table)
        elif isinstance(value, WallClock):
            derived[name] = render_wall_clock(value, table)
    return derived
