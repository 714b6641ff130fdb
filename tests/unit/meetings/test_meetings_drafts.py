"""The rules of a meeting, reminder times across daylight saving, the options."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.config import Settings
from bot.errors import DomainError
from bot.services.meetings import MeetingOptions, validate
from bot.services.meetings.notices import reminder_due
from bot.timeutil import STOCKHOLM, local
from tests.unit.test_meetings_support import END, NOW, START, draft


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"title": "  "}, "meeting_title_missing"),
        ({"title": "x" * 201}, "meeting_title_too_long"),
        ({"ends_at": START}, "meeting_end_before_start"),
        ({"starts_at": NOW - timedelta(hours=1), "ends_at": NOW}, "meeting_in_past"),
        ({"place": " ", "online_url": None}, "meeting_place_missing"),
        ({"place": "x" * 301}, "meeting_place_too_long"),
        ({"online_url": "teams.microsoft.com/x"}, "meeting_link_invalid"),
        ({"online_url": "javascript:alert(1)"}, "meeting_link_invalid"),
        ({"signup_deadline": START + timedelta(minutes=1)}, "meeting_deadline_after_start"),
        ({"capacity": -1}, "meeting_capacity_invalid"),
        ({"capacity": 10_001}, "meeting_capacity_invalid"),
    ],
)
def test_broken_rules_are_named(changes: dict[str, Any], key: str) -> None:
    with pytest.raises(DomainError) as raised:
        validate(draft(**changes), now=NOW)
    assert raised.value.key == key


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"place": None, "online_url": "https://teams.example/m/1"},
        {"signup_deadline": START, "capacity": 10_000},
        {"starts_at": NOW + timedelta(minutes=1), "ends_at": END},
    ],
)
def test_valid_meetings_pass(changes: dict[str, Any]) -> None:
    validate(draft(**changes), now=NOW)


@pytest.mark.parametrize(
    ("start_utc", "minutes", "due_utc"),
    [
        # Sunday 25 October 2026 09:00 CET: the day before is Saturday 09:00 CEST, 25 h earlier.
        (datetime(2026, 10, 25, 8, 0, tzinfo=UTC), 1440, datetime(2026, 10, 24, 7, 0, tzinfo=UTC)),
        # Monday 26 October 09:00 CET: the day before is already CET, 24 h earlier.
        (datetime(2026, 10, 26, 8, 0, tzinfo=UTC), 1440, datetime(2026, 10, 25, 8, 0, tzinfo=UTC)),
        # Sunday 29 March 2026 09:00 CEST: the day before is Saturday 09:00 CET, 23 h earlier.
        (datetime(2026, 3, 29, 7, 0, tzinfo=UTC), 1440, datetime(2026, 3, 28, 8, 0, tzinfo=UTC)),
        # An hour before is always 60 minutes, even over the change at 03:00.
        (datetime(2026, 10, 25, 2, 30, tzinfo=UTC), 60, datetime(2026, 10, 25, 1, 30, tzinfo=UTC)),
        # A day and an hour: the day on the calendar, then the hour exactly.
        (datetime(2026, 10, 25, 8, 0, tzinfo=UTC), 1500, datetime(2026, 10, 24, 6, 0, tzinfo=UTC)),
    ],
)
def test_whole_days_keep_the_wall_time_across_dst(
    start_utc: datetime, minutes: int, due_utc: datetime
) -> None:
    due = reminder_due(start_utc, minutes, STOCKHOLM)
    assert due == due_utc
    if minutes == 1440:
        assert local(due).time() == local(start_utc).time()
        assert local(due).date() == local(start_utc).date() - timedelta(days=1)


def test_options_follow_the_settings() -> None:
    settings = Settings(
        _env_file=None,
        SIGNBOT_MEETING_REMINDERS="2d,30m",
        SIGNBOT_CAPACITY_ALERT_PERCENT=90,
    )
    options = MeetingOptions.from_settings(settings)
    assert options == MeetingOptions(reminders=(2880, 30), capacity_alert_percent=90)
