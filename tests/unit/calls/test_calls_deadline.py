"""Deadlines: typed dates mean the end of that day in Stockholm; phrases found in feed text."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.errors import DomainError
from bot.services.calls import find_deadline, parse_deadline
from bot.timeutil import STOCKHOLM

NOW = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-05-15", datetime(2026, 5, 15, 21, 59, tzinfo=UTC)),  # CEST
        ("15/5", datetime(2026, 5, 15, 21, 59, tzinfo=UTC)),
        ("15 maj", datetime(2026, 5, 15, 21, 59, tzinfo=UTC)),
        ("15 May 2027", datetime(2027, 5, 15, 21, 59, tzinfo=UTC)),
        ("1/12/2026", datetime(2026, 12, 1, 22, 59, tzinfo=UTC)),  # CET
        ("2026-03-28", datetime(2026, 3, 28, 22, 59, tzinfo=UTC)),  # the day before the change
        ("2026-03-29", datetime(2026, 3, 29, 21, 59, tzinfo=UTC)),  # the change day: CEST
        ("2026-10-25", datetime(2026, 10, 25, 22, 59, tzinfo=UTC)),  # back to CET
        ("1/2", datetime(2027, 2, 1, 22, 59, tzinfo=UTC)),  # already past this year
        ("2026-05-15 12:00", datetime(2026, 5, 15, 10, 0, tzinfo=UTC)),
        ("15/5 kl 9.30", datetime(2026, 5, 15, 7, 30, tzinfo=UTC)),
        ("2026-05-15T12:00+00:00", datetime(2026, 5, 15, 12, 0, tzinfo=UTC)),
        ("20/3", datetime(2026, 3, 20, 22, 59, tzinfo=UTC)),  # today: until midnight
    ],
)
def test_typed_deadlines_are_stockholm_time(typed: str, expected: datetime) -> None:
    assert parse_deadline(typed, now=NOW, tz=STOCKHOLM) == expected


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("snart", "call_deadline_invalid"),
        ("31/2", "call_deadline_invalid"),
        ("2026-13-01", "call_deadline_invalid"),
        ("2026-03-19", "call_deadline_past"),
        ("idag 08:00", "call_deadline_past"),
        ("2026-03-29 02:30", "schedule_time_skipped"),
    ],
)
def test_bad_deadlines_say_what_is_wrong(typed: str, key: str) -> None:
    with pytest.raises(DomainError) as raised:
        parse_deadline(typed, now=NOW, tz=STOCKHOLM)
    assert raised.value.key == key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "<p>Sista ansökningsdag: <b>15 maj 2026</b></p>",
            datetime(2026, 5, 15, 21, 59, tzinfo=UTC),
        ),
        ("Ansök senast 2026-11-02.", datetime(2026, 11, 2, 22, 59, tzinfo=UTC)),
        ("Deadline: 3 June 2026", datetime(2026, 6, 3, 21, 59, tzinfo=UTC)),
        ("Konferens 15 maj 2026 i Borås.", None),  # a date, but not a deadline
        ("Inga datum alls.", None),
        ("Sista ansökningsdag: 31 februari 2026", None),
    ],
)
def test_deadlines_are_found_only_behind_an_explicit_phrase(
    text: str, expected: datetime | None
) -> None:
    assert find_deadline(text, now=NOW, tz=STOCKHOLM) == expected
