"""Claims and leases: a dead worker's deliveries come back; two workers never share one."""

from __future__ import annotations

import asyncio
from collections import Counter

import pytest
from sqlalchemy import select

from bot.db import Database
from bot.models import Delivery, DeliveryStatus
from bot.services.delivery import campaigns
from tests.conftest import FakeClock
from tests.unit.test_delivery_support import FakeSender, add_users, drain, make_worker


async def _campaign(db: Database, clock: FakeClock) -> int:
    async with db.session() as session:
        campaign = await campaigns.create(
            session, text_html="Hej", audience_spec="all", created_by=None, clock=clock
        )
        await session.commit()
        return campaign.id


async def test_a_dead_workers_claims_return_when_the_lease_ends(
    db: Database, clock: FakeClock
) -> None:
    await add_users(db, range(1, 6))
    await _campaign(db, clock)
    dead = make_worker(db, FakeSender(), clock, worker_id="dead", lease=30)
    await dead.housekeeping()
    claimed = await dead.claim(10)  # and then it is killed before sending
    assert len(claimed) == 5
    sender = FakeSender()
    alive = make_worker(db, sender, clock, worker_id="alive", lease=30)
    assert await alive.run_once() == 0
    clock.advance(seconds=31)
    assert await drain(alive) == 5
    assert sorted(sender.calls) == [1, 2, 3, 4, 5]


async def test_a_send_is_not_started_when_the_lease_would_end_during_it(
    db: Database, clock: FakeClock
) -> None:
    await add_users(db, [1])
    campaign_id = await _campaign(db, clock)
    sender = FakeSender()
    worker = make_worker(db, sender, clock, lease=60)
    await worker.housekeeping()
    [item] = await worker.claim(1)
    await worker.limiter.pause(45)  # e.g. another worker's RetryAfter
    await worker.deliver(item)
    assert sender.calls == Counter()
    async with db.session() as session:
        delivery = await session.scalar(select(Delivery).where(Delivery.campaign_id == campaign_id))
    assert delivery is not None
    assert (delivery.status, delivery.claimed_by) == (DeliveryStatus.PENDING, None)
    assert await drain(worker) == 1
    assert sender.calls == Counter({1: 1})


async def test_two_workers_on_postgresql_never_send_the_same_delivery(
    db_url: str, db: Database, clock: FakeClock
) -> None:
    if db.is_sqlite:
        pytest.skip("SQLite is single-process")
    await add_users(db, range(1, 121))
    await _campaign(db, clock)
    other_db = Database(db_url)  # a second process: its own engine and connections
    sender = FakeSender()
    first = make_worker(db, sender, clock, worker_id="a", concurrency=4)
    second = make_worker(other_db, sender, clock, worker_id="b", concurrency=4)
    try:
        await first.housekeeping()
        claims = await asyncio.gather(*(w.claim(7) for w in (first, second) for _ in range(5)))
        ids = [item.id for batch in claims for item in batch]
        assert len(ids) == len(set(ids)) == 70  # concurrent claims never overlap
        clock.advance(seconds=120)  # let those leases lapse, then race to the end
        handled = await asyncio.gather(drain(first, rounds=100), drain(second, rounds=100))
    finally:
        await other_db.dispose()
    assert sum(handled) == 120 and min(handled) > 0
    assert sender.calls == Counter(dict.fromkeys(range(1, 121), 1))
