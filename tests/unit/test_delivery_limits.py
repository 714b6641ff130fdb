"""Rate limits: the global rate, the reserve for replies, per-chat spacing, RetryAfter pauses."""

from __future__ import annotations

import pytest

from bot.db import Database
from bot.services.delivery import LocalLimiter, Rates, SharedLimiter, build_limiter
from tests.conftest import FakeClock
from tests.unit.test_delivery_support import FakeSleep

RATES = Rates(global_per_second=30, per_chat_per_second=1, per_group_per_minute=20, reserve=3)


def _limiter(clock: FakeClock) -> LocalLimiter:
    return LocalLimiter(RATES, clock=clock, sleep=FakeSleep(clock))


async def test_broadcasts_run_at_the_global_rate(clock: FakeClock) -> None:
    limiter = _limiter(clock)
    start = clock()
    for chat_id in range(1, 301):
        await limiter.acquire_broadcast(chat_id)
    elapsed = (clock() - start).total_seconds()
    assert 299 / 30 - 0.01 <= elapsed <= 300 / 30 + 0.01


async def test_replies_never_wait_behind_a_broadcast(clock: FakeClock) -> None:
    limiter = _limiter(clock)
    for chat_id in range(1, 31):
        await limiter.acquire_broadcast(chat_id)  # the bucket is now at the reserve
    before = clock()
    for chat_id in range(100, 103):
        await limiter.acquire_interactive(chat_id)
    assert clock() == before
    await limiter.acquire_broadcast(31)  # the broadcast waits for the reserve to refill
    assert (clock() - before).total_seconds() >= 3 / 30


async def test_chats_and_groups_are_spaced(clock: FakeClock) -> None:
    limiter = _limiter(clock)
    start = clock()
    await limiter.acquire_broadcast(5)
    await limiter.acquire_broadcast(5)
    assert (clock() - start).total_seconds() >= 1.0
    start = clock()
    await limiter.acquire_broadcast(-100)
    await limiter.acquire_broadcast(-100)
    assert (clock() - start).total_seconds() >= 3.0


async def test_retry_after_pauses_broadcasts_and_replies(clock: FakeClock) -> None:
    limiter = _limiter(clock)
    start = clock()
    await limiter.pause(5)
    assert limiter.paused_for() == 5
    await limiter.acquire_interactive(1)
    assert (clock() - start).total_seconds() >= 5
    await limiter.pause(2)
    await limiter.acquire_broadcast(2)
    assert (clock() - start).total_seconds() >= 7


async def test_processes_share_one_bucket_on_postgresql(
    db_url: str, db: Database, clock: FakeClock
) -> None:
    if db.is_sqlite:
        assert isinstance(build_limiter(db, RATES), LocalLimiter)
        pytest.skip("SQLite: one process, an in-memory bucket")
    other_db = Database(db_url)
    try:
        first = SharedLimiter(db, RATES, clock=clock, sleep=FakeSleep(clock))
        second = SharedLimiter(other_db, RATES, clock=clock, sleep=FakeSleep(clock))
        start = clock()
        for chat_id in range(1, 151):
            await (first if chat_id % 2 else second).acquire_broadcast(chat_id)
        elapsed = (clock() - start).total_seconds()
        burst = first.capacity - RATES.reserve  # a full bucket may go out at once
        assert elapsed >= (150 - burst) / 30  # together at most the global rate
        # A pause one process hears of stops the other too.
        await first.pause(10)
        await second.sync()
        assert second.paused_for() == pytest.approx(10, abs=0.01)
        # Replies are counted locally and paid for at the next reservation.
        clock.advance(seconds=20)
        for chat_id in range(200, 230):
            await second.acquire_interactive(chat_id)
        before = clock()
        await first.acquire_broadcast(300)
        await second.sync()
        for chat_id in range(301, 306):  # past the few tokens first reserved before the sync
            await first.acquire_broadcast(chat_id)
        assert (clock() - before).total_seconds() >= 25 / 30
    finally:
        await other_db.dispose()
