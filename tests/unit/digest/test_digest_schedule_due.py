"""Creating due editions: on time, after downtime within the grace, never late, never twice."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import Campaign, CampaignStatus, DigestEdition, EditionKind, Topic
from bot.services.delivery import campaigns
from bot.services.digest.schedule import (
    DigestOptions,
    SkipMemo,
    ensure_due_editions,
    schedule_since,
)
from bot.services.digest.subjects import subject
from tests.conftest import FakeClock

OPTIONS = DigestOptions()  # Monday 08:00 Stockholm, 12 h grace
WEEKLY_SLOT = datetime(2026, 10, 26, 7, tzinfo=UTC)  # 08:00 CET, the day after the DST change


async def _editions(session: AsyncSession) -> list[DigestEdition]:
    query = select(DigestEdition).order_by(DigestEdition.kind, DigestEdition.scheduled_for)
    return list(await session.scalars(query))


async def test_a_slot_is_created_when_its_time_comes_and_its_campaign_is_due_at_once(
    session: AsyncSession,
) -> None:
    clock = FakeClock(WEEKLY_SLOT - timedelta(seconds=30))
    assert await ensure_due_editions(session, clock=clock, options=OPTIONS) == []
    clock.advance(seconds=30)
    [edition] = await ensure_due_editions(session, clock=clock, options=OPTIONS)
    await session.commit()
    assert (edition.kind, edition.scheduled_for) == (EditionKind.WEEKLY, WEEKLY_SLOT)
    assert edition.window_end == WEEKLY_SLOT and edition.created_by is None
    campaign = await session.get_one(Campaign, edition.campaign_id)
    assert campaign.subject == subject(edition.id) and campaign.topic == Topic.DIGEST
    assert campaign.status == CampaignStatus.SCHEDULED and campaign.due_at == WEEKLY_SLOT
    assert await campaigns.due(session, clock=clock) == [campaign.id]


async def test_after_downtime_within_the_grace_the_slot_is_created_once(
    session: AsyncSession,
) -> None:
    clock = FakeClock(WEEKLY_SLOT + timedelta(hours=11, minutes=59))  # back up just in time
    created = await ensure_due_editions(session, clock=clock, options=OPTIONS)
    await session.commit()
    assert [e.scheduled_for for e in created] == [WEEKLY_SLOT]
    for _ in range(3):  # the next ticks, and a restart (the same call on fresh state)
        clock.advance(seconds=30)
        assert await ensure_due_editions(session, clock=clock, options=OPTIONS) == []
    assert len(await _editions(session)) == 1
    assert await session.scalar(select(func.count(Campaign.id))) == 1


async def test_a_slot_missed_beyond_the_grace_is_skipped_for_good_and_logged_once(
    session: AsyncSession, caplog: pytest.LogCaptureFixture
) -> None:
    # The bot first ran in September, then was down over both slots.
    await schedule_since(session, clock=FakeClock(datetime(2026, 9, 1, tzinfo=UTC)))
    clock = FakeClock(WEEKLY_SLOT + timedelta(hours=12, minutes=1))
    skipped: SkipMemo = set()
    with caplog.at_level(logging.WARNING, logger="bot.services.digest.schedule"):
        for _ in range(4):
            assert (
                await ensure_due_editions(session, clock=clock, options=OPTIONS, skipped=skipped)
                == []
            )
            clock.advance(days=1)
    assert await _editions(session) == []
    missed = [r.getMessage() for r in caplog.records if "missed" in r.getMessage()]
    assert missed == [
        "the weekly digest of 2026-10-26 07:00Z was missed by more than 12:00:00: skipped",
        "the monthly digest of 2026-10-01 06:00Z was missed by more than 12:00:00: skipped",
    ]
    clock.now = WEEKLY_SLOT + timedelta(days=14, hours=1)  # a later Monday comes as usual
    [edition] = await ensure_due_editions(session, clock=clock, options=OPTIONS, skipped=skipped)
    assert edition.scheduled_for == WEEKLY_SLOT + timedelta(days=14)


@pytest.mark.parametrize("days_after", [0.6, 3, 30])
async def test_a_new_database_misses_nothing_that_fell_before_its_first_start(
    session: AsyncSession, caplog: pytest.LogCaptureFixture, days_after: float
) -> None:
    clock = FakeClock(WEEKLY_SLOT + timedelta(days=days_after))
    with caplog.at_level(logging.WARNING, logger="bot.services.digest.schedule"):
        for _ in range(3):  # the first ticks, and a restart
            assert await ensure_due_editions(session, clock=clock, options=OPTIONS) == []
            clock.advance(seconds=30)
    assert [r.getMessage() for r in caplog.records] == []
    assert await _editions(session) == []


async def test_after_the_first_start_a_slot_slept_through_is_reported_as_missed(
    session: AsyncSession, caplog: pytest.LogCaptureFixture
) -> None:
    first_start = WEEKLY_SLOT + timedelta(days=1)  # a Tuesday: the Monday before is no loss
    assert await ensure_due_editions(session, clock=FakeClock(first_start), options=OPTIONS) == []
    await session.commit()
    back = FakeClock(WEEKLY_SLOT + timedelta(days=7, hours=13))  # down over the next Monday
    with caplog.at_level(logging.WARNING, logger="bot.services.digest.schedule"):
        assert await ensure_due_editions(session, clock=back, options=OPTIONS) == []
    assert [r.getMessage() for r in caplog.records] == [
        "the weekly digest of 2026-11-02 07:00Z was missed by more than 12:00:00: skipped",
        "the monthly digest of 2026-11-02 07:00Z was missed by more than 12:00:00: skipped",
    ]
    assert await schedule_since(session, clock=back) == first_start


async def test_the_first_weekday_of_a_month_gets_a_weekly_and_a_monthly_edition(
    session: AsyncSession,
) -> None:
    slot = datetime(2026, 11, 2, 7, tzinfo=UTC)  # Monday 2 November, 08:00 CET
    clock = FakeClock(slot + timedelta(minutes=5))
    created = await ensure_due_editions(session, clock=clock, options=OPTIONS)
    await session.commit()
    assert sorted((e.kind.value, e.scheduled_for) for e in created) == [
        ("monthly", slot),
        ("weekly", slot),
    ]
    audiences = set(await session.scalars(select(Campaign.audience)))
    assert audiences == {"digest:weekly+", "digest:monthly"}


async def test_a_zero_grace_still_catches_the_slot_on_the_next_tick(session: AsyncSession) -> None:
    clock = FakeClock(WEEKLY_SLOT + timedelta(seconds=30))
    options = DigestOptions(grace=timedelta())
    [edition] = await ensure_due_editions(session, clock=clock, options=options)
    assert edition.scheduled_for == WEEKLY_SLOT
