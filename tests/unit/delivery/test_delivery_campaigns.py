"""Campaigns: creation, expansion into deliveries, pause, resume, cancel, counts."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from bot.db import Database
from bot.errors import DomainError
from bot.models import Campaign, CampaignStatus, Delivery, DeliveryStatus
from bot.services.delivery import Button, campaigns
from tests.conftest import FakeClock
from tests.unit.test_delivery_support import AUTHOR_ID, add_users


async def _create(db: Database, clock: FakeClock, **kwargs: object) -> int:
    async with db.session() as session:
        campaign = await campaigns.create(
            session,
            text_html=str(kwargs.pop("text_html", "<b>Hej</b>")),
            audience_spec=str(kwargs.pop("audience_spec", "all")),
            created_by=AUTHOR_ID,
            clock=clock,
            **kwargs,  # type: ignore[arg-type]
        )
        await session.commit()
        return campaign.id


async def _deliveries(db: Database, campaign_id: int) -> int:
    async with db.session() as session:
        query = select(func.count(Delivery.id)).where(Delivery.campaign_id == campaign_id)
        return int(await session.scalar(query) or 0)


@pytest.mark.parametrize(
    ("kwargs", "key"),
    [
        ({"text_html": " "}, "campaign_empty"),
        ({"text_html": "x" * 5000}, "campaign_too_long"),
        ({"media_kind": "video", "media_file_id": "f"}, "campaign_media_invalid"),
        ({"media_kind": "photo"}, "campaign_media_invalid"),
        ({"audience_spec": "nobody"}, "audience_unknown"),
        ({"buttons": ((Button("Läs", "javascript:x"),),)}, "campaign_buttons_invalid"),
    ],
)
async def test_invalid_campaigns_are_refused(
    db: Database, clock: FakeClock, kwargs: dict[str, object], key: str
) -> None:
    with pytest.raises(DomainError) as raised:
        await _create(db, clock, **kwargs)
    assert raised.value.key == key


async def test_start_expands_once_and_late_joiners_do_not_get_it(
    db: Database, clock: FakeClock
) -> None:
    await add_users(db, range(1, 6))
    campaign_id = await _create(db, clock, due_at=clock() + timedelta(hours=1))
    async with db.session() as session:
        assert await campaigns.due(session, clock=clock) == []
    clock.advance(hours=1)
    async with db.session() as session:
        assert await campaigns.due(session, clock=clock) == [campaign_id]
        assert await campaigns.start(session, campaign_id, clock=clock) == 5
    await add_users(db, [6])
    async with db.session() as session:
        assert await campaigns.start(session, campaign_id, clock=clock) is None
        campaign = await campaigns.get(session, campaign_id)
    assert campaign.status == CampaignStatus.RUNNING
    assert campaign.expanded_at == clock()
    assert await _deliveries(db, campaign_id) == 5


async def test_two_processes_starting_at_once_expand_once(
    db_url: str, db: Database, clock: FakeClock
) -> None:
    if db.is_sqlite:
        pytest.skip("SQLite is single-process")
    await add_users(db, range(1, 41))
    campaign_id = await _create(db, clock)
    other = Database(db_url)
    try:

        async def start(database: Database) -> int | None:
            async with database.session() as session:
                return await campaigns.start(session, campaign_id, clock=clock)

        results = await asyncio.gather(start(db), start(other))
    finally:
        await other.dispose()
    assert sorted(results, key=str) == [40, None]
    assert await _deliveries(db, campaign_id) == 40


async def test_pause_resume_cancel_and_counts(db: Database, clock: FakeClock) -> None:
    await add_users(db, range(1, 4))
    campaign_id = await _create(db, clock)
    async with db.session() as session:
        await campaigns.pause(session, campaign_id, reason="wait")
        await session.commit()
        with pytest.raises(DomainError) as raised:
            await campaigns.pause(session, campaign_id)
        assert raised.value.key == "campaign_not_running"
        await campaigns.resume(session, campaign_id)
        await session.commit()
        # Paused before it started: it is scheduled again, not running without deliveries.
        assert (await campaigns.get(session, campaign_id)).status == CampaignStatus.SCHEDULED
        await campaigns.start(session, campaign_id, clock=clock)
        await campaigns.cancel(session, campaign_id, clock=clock)
        await session.commit()
        with pytest.raises(DomainError) as raised:
            await campaigns.resume(session, campaign_id)
        assert raised.value.key == "campaign_not_paused"
        with pytest.raises(DomainError) as raised:
            await campaigns.cancel(session, campaign_id, clock=clock)
        assert raised.value.key == "campaign_finished"
        numbers = (await campaigns.counts(session, [campaign_id]))[campaign_id]
        assert numbers == campaigns.Counts(skipped=3)
        listed = await campaigns.recent(session)
        assert [(c.id, c.status, n.total) for c, n in listed] == [
            (campaign_id, CampaignStatus.CANCELLED, 3)
        ]
        with pytest.raises(DomainError) as raised:
            await campaigns.get(session, 4242)
        assert raised.value.key == "campaign_not_found"


async def test_finish_done_marks_each_campaign_once(db: Database, clock: FakeClock) -> None:
    campaign_id = await _create(db, clock)  # nobody to reach
    async with db.session() as session:
        assert await campaigns.start(session, campaign_id, clock=clock) == 0
        assert await campaigns.finish_done(session, clock=clock) == [campaign_id]
        assert await campaigns.finish_done(session, clock=clock) == []
        await session.commit()
        campaign = await session.get_one(Campaign, campaign_id)
    assert (campaign.status, campaign.finished_at) == (CampaignStatus.DONE, clock())
    assert DeliveryStatus.PENDING.value == "pending"
