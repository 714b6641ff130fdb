"""Digest slots: weekly and monthly cron times in Stockholm, across daylight-saving changes."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest

from bot.config import Settings
from bot.models import EditionKind
from bot.services.digest.schedule import DigestOptions, latest_slot, next_slot, trigger
from bot.timeutil import STOCKHOLM

OPTIONS = DigestOptions()  # Monday 08:00 Stockholm, 12 h grace


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        (utc(2026, 10, 13), utc(2026, 10, 19, 6)),  # summer time: 08:00 CEST
        (utc(2026, 10, 20), utc(2026, 10, 26, 7)),  # the clocks went back on Sunday 25th
        (utc(2027, 3, 16), utc(2027, 3, 22, 7)),  # winter time: 08:00 CET
        (utc(2027, 3, 23), utc(2027, 3, 29, 6)),  # the clocks went forward on Sunday 28th
    ],
)
def test_weekly_slots_stay_at_eight_local_across_daylight_saving(
    after: datetime, expected: datetime
) -> None:
    slot = next_slot(EditionKind.WEEKLY, after, OPTIONS)
    assert slot == expected
    assert slot.astimezone(STOCKHOLM).strftime("%a %H:%M") == "Mon 08:00"


@pytest.mark.parametrize(
    ("month", "expected"),
    [
        ((2026, 8), utc(2026, 8, 3, 6)),  # the 1st is a Saturday: Monday the 3rd
        ((2026, 9), utc(2026, 9, 1, 6)),  # a Tuesday
        ((2026, 11), utc(2026, 11, 2, 7)),  # the 1st is a Sunday: Monday the 2nd, winter time
        ((2027, 1), utc(2027, 1, 1, 7)),  # a Friday
        ((2027, 5), utc(2027, 5, 3, 6)),  # the 1st is a Saturday, summer time
    ],
)
def test_monthly_slot_is_the_first_weekday_of_the_month(
    month: tuple[int, int], expected: datetime
) -> None:
    month_start = datetime(*month, 1, tzinfo=STOCKHOLM)
    assert next_slot(EditionKind.MONTHLY, month_start - timedelta(days=1), OPTIONS) == expected
    following = next_slot(EditionKind.MONTHLY, expected, OPTIONS)
    assert following.astimezone(STOCKHOLM).month == month[1] % 12 + 1


def test_latest_slot_is_the_last_one_at_or_before_now() -> None:
    slot = utc(2026, 10, 26, 7)
    assert latest_slot(EditionKind.WEEKLY, slot, OPTIONS) == slot
    assert latest_slot(EditionKind.WEEKLY, slot - timedelta(seconds=1), OPTIONS) == utc(
        2026, 10, 19, 6
    )
    assert latest_slot(EditionKind.WEEKLY, slot + timedelta(days=6), OPTIONS) == slot
    assert latest_slot(EditionKind.MONTHLY, utc(2026, 11, 30, 12), OPTIONS) == utc(2026, 11, 2, 7)
    assert latest_slot(EditionKind.MONTHLY, utc(2026, 11, 2, 6, 59), OPTIONS) == utc(2026, 10, 1, 6)


def test_options_follow_the_settings() -> None:
    settings = Settings.model_validate(
        {"digest_weekday": "Friday", "digest_time": "7:30", "digest_grace_hours": 3}
    )
    options = DigestOptions.from_settings(settings)
    assert options == DigestOptions(
        weekday="fri", time=time(7, 30), grace=timedelta(hours=3), tz=settings.tz
    )
    slot = next_slot(EditionKind.WEEKLY, utc(2026, 10, 19), options)
    assert slot.astimezone(STOCKHOLM).strftime("%Y-%m-%d %a %H:%M") == "2026-10-23 Fri 07:30"


def test_special_editions_have_no_schedule() -> None:
    with pytest.raises(ValueError, match="special"):
        trigger(EditionKind.SPECIAL, OPTIONS)
