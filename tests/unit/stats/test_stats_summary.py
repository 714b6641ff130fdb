"""The /stats text: profiles all sent on one day name that day once."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.services.followup import FollowUp
from bot.timeutil import STOCKHOLM
from bot.views.stats import summary

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


def _figures(oldest: datetime, newest: datetime) -> FollowUp:
    return FollowUp(
        rows=[],
        organisations=2,
        profiles=2,
        missing=[],
        oldest=oldest,
        newest=newest,
        by_subregion={},
        by_area={},
        members=0,
        members_by_area={},
        umbrella=0,
        by_municipality={},
        whole_region=0,
    )


def test_profiles_sent_on_one_day_name_it_once() -> None:
    morning, evening = datetime(2026, 12, 6, 8, tzinfo=UTC), datetime(2026, 12, 6, 20, tzinfo=UTC)
    text = summary(_figures(morning, evening), "sv", STOCKHOLM, now=NOW)
    assert "Profilerna är skickade söndag 6 december." in text
    assert text.count("6 december") == 1
    english = summary(_figures(morning, evening), "en", STOCKHOLM, now=NOW)
    assert "The profiles were sent on Sunday 6 December." in english


def test_profiles_sent_on_two_days_give_the_range() -> None:
    first, last = datetime(2026, 11, 20, 8, tzinfo=UTC), datetime(2026, 12, 6, 20, tzinfo=UTC)
    text = summary(_figures(first, last), "sv", STOCKHOLM, now=NOW)
    assert "mellan fredag 20 november och söndag 6 december" in text
