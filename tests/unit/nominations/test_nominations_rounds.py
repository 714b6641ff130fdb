"""Nomination rounds: validation, one open at a time, the announcement, closing."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.models import AuditEntry, Campaign, CampaignStatus, RoundStatus, Topic
from bot.services import nominations
from bot.timeutil import STOCKHOLM
from tests.conftest import FakeClock
from tests.unit.nominations.test_nominations_support import NOW, STAFF_ID, TITLE, open_round


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"title": "   "}, "nomination_title_missing"),
        ({"title": "x" * 201}, "nomination_title_too_long"),
        ({"closes_at": NOW}, "nomination_period_order"),
        ({"opens_at": NOW - timedelta(days=9), "closes_at": NOW - timedelta(days=1)}, None),
    ],
)
async def test_bad_rounds_are_refused(
    session: AsyncSession, clock: FakeClock, changes: dict[str, Any], key: str | None
) -> None:
    with pytest.raises(DomainError) as caught:
        await open_round(session, clock, **changes)
    assert caught.value.key == (key or "nomination_closes_past")
    assert await nominations.latest_round(session) is None


async def test_only_one_round_is_open_at_a_time(session: AsyncSession, clock: FakeClock) -> None:
    first = await open_round(session, clock)
    with pytest.raises(DomainError) as caught:
        await open_round(session, clock, title="En till")
    assert caught.value.key == "nomination_round_exists"
    assert caught.value.params == {"title": TITLE, "round_id": first.id}
    await nominations.close(session, first.id, actor=STAFF_ID, clock=clock)
    second = await open_round(session, clock, title="En till")
    assert await nominations.current_round(session, clock=clock) == second


async def test_a_round_past_its_end_does_not_block_the_next(
    session: AsyncSession, clock: FakeClock
) -> None:
    first = await open_round(session, clock, days=1)
    clock.advance(days=2)
    assert await nominations.current_round(session, clock=clock) is None
    second = await open_round(session, clock)
    assert first.status == RoundStatus.CLOSED and second.status == RoundStatus.OPEN


async def test_the_announcement_goes_out_when_the_round_opens(
    session: AsyncSession, clock: FakeClock
) -> None:
    opens = NOW + timedelta(days=3)
    found = await open_round(session, clock, opens_at=opens, announce=True)
    campaign = await session.get_one(Campaign, found.campaign_id)
    assert campaign.topic == Topic.ANNOUNCEMENTS and campaign.audience == "all"
    assert campaign.due_at == opens
    assert TITLE in campaign.text_html and "/nominate" in campaign.text_html
    assert "23 oktober kl. 10.00" in campaign.text_html


async def test_open_now_is_announced_at_once_and_audited(
    session: AsyncSession, clock: FakeClock
) -> None:
    found = await open_round(session, clock, announce=True)
    campaign = await session.get_one(Campaign, found.campaign_id)
    assert campaign.due_at is None or campaign.due_at <= NOW
    actions = list(await session.scalars(select(AuditEntry.action)))
    assert "nomination_round_opened" in actions


async def test_close_due_closes_only_rounds_past_their_end(
    session: AsyncSession, clock: FakeClock
) -> None:
    found = await open_round(session, clock, days=1)
    assert await nominations.close_due(session, clock=clock) == []
    clock.advance(days=1)
    assert await nominations.close_due(session, clock=clock) == [found.id]
    assert found.status == RoundStatus.CLOSED and found.closed_at == clock()
    assert await nominations.close_due(session, clock=clock) == []


async def test_close_by_hand_is_audited_once(session: AsyncSession, clock: FakeClock) -> None:
    found = await open_round(session, clock)
    await nominations.close(session, found.id, actor=STAFF_ID, clock=clock)
    await nominations.close(session, found.id, actor=STAFF_ID, clock=clock)
    entries = list(
        await session.scalars(
            select(AuditEntry).where(AuditEntry.action == "nomination_round_closed")
        )
    )
    assert [entry.actor_telegram_id for entry in entries] == [STAFF_ID]
    with pytest.raises(DomainError) as caught:
        await nominations.close(session, found.id + 1, actor=STAFF_ID, clock=clock)
    assert caught.value.key == "nomination_round_not_found"


@pytest.mark.parametrize(
    ("opens", "closes", "expected"),
    [
        ("nu", "2026-12-15", ("2026-10-20 08:00", "2026-12-15 22:59")),
        ("2026-11-01", "15/12 17:00", ("2026-10-31 23:00", "2026-12-15 16:00")),
        # The night of 25 October 2026 the clocks go back: the day starts at 00:00 CEST.
        ("25/10", "2026-10-25 23:00", ("2026-10-24 22:00", "2026-10-25 22:00")),
    ],
)
def test_the_period_is_read_in_stockholm_time(
    opens: str, closes: str, expected: tuple[str, str]
) -> None:
    found = nominations.parse_period(opens, closes, now=NOW, tz=STOCKHOLM)
    assert tuple(f"{moment:%Y-%m-%d %H:%M}" for moment in found) == expected


def test_a_bad_date_is_explained() -> None:
    with pytest.raises(DomainError) as caught:
        nominations.parse_period("31/2", "2026-12-15", now=NOW, tz=STOCKHOLM)
    assert caught.value.key == "schedule_invalid"


async def test_closing_before_it_opens_stops_the_announcement(
    session: AsyncSession, clock: FakeClock
) -> None:
    found = await open_round(session, clock, opens_at=NOW + timedelta(days=3), announce=True)
    await nominations.close(session, found.id, actor=STAFF_ID, clock=clock)
    campaign = await session.get_one(Campaign, found.campaign_id, populate_existing=True)
    assert campaign.status == CampaignStatus.CANCELLED


async def test_a_finished_announcement_is_left_as_it_is(
    session: AsyncSession, clock: FakeClock
) -> None:
    found = await open_round(session, clock, days=1, announce=True)
    campaign = await session.get_one(Campaign, found.campaign_id)
    campaign.status = CampaignStatus.DONE
    await session.flush()
    clock.advance(days=1)
    assert await nominations.close_due(session, clock=clock) == [found.id]
    assert campaign.status == CampaignStatus.DONE
