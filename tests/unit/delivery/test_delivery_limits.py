"""Rate limits: at most N in any second, replies first, per-chat spacing, RetryAfter pauses."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import delete

from bot.db import Database
from bot.models import SendSlot
from bot.services.delivery import LocalLimiter, Rates, SharedLimiter, build_limiter
from bot.services.delivery.limits import Sleep
from bot.services.delivery.window import PENDING_GUARD, busiest_second
from tests.conftest import FakeClock
from tests.unit.test_delivery_support import FakeSleep

RATES = Rates(global_per_second=30, per_chat_per_second=1, per_group_per_minute=20, reserve=3)


def _limiter(clock: FakeClock) -> LocalLimiter:
    return LocalLimiter(RATES, clock=clock, sleep=FakeSleep(clock))


class Telegram:
    """Sends in flight on a fake clock: each reaches Telegram some time before its answer.

    Its sleep moves the clock and, on the way, answers the sends that are due (releasing
    their tickets), as real time passing would.
    """

    def __init__(self, clock: FakeClock, rng: random.Random) -> None:
        self.clock = clock
        self.rng = rng
        self.in_flight: list[tuple[float, LocalLimiter, str]] = []  # (answer time, by, ticket)
        self.arrivals: list[float] = []

    def now(self) -> float:
        return self.clock().timestamp()

    def _answer_until(self, until: float) -> None:
        while due := [f for f in self.in_flight if f[0] <= until]:
            first = min(due, key=lambda f: f[0])
            self.in_flight.remove(first)
            self.clock.now = max(self.clock.now, _at(first[0]))
            first[1].release(first[2])

    async def sleep(self, seconds: float) -> None:
        until = self.now() + seconds
        self._answer_until(until)
        self.clock.now = max(self.clock.now, _at(until))
        await asyncio.sleep(0)

    def send(self, limiter: LocalLimiter, ticket: str) -> None:
        """The request leaves now, arrives within PENDING_GUARD and is answered at or after that."""
        start = self.now()
        latency = self.rng.choice([0.0, 0.005, 0.02, 0.1, self.rng.uniform(0, 1.5)])
        arrival = start + self.rng.uniform(0, min(latency, PENDING_GUARD))
        self.arrivals.append(arrival)
        self.in_flight.append((start + latency, limiter, ticket))


def _at(timestamp: float) -> datetime:
    return datetime.fromtimestamp(timestamp, UTC)


async def _random_traffic(
    limiters: Sequence[LocalLimiter], telegram: Telegram, rng: random.Random, sends: int
) -> None:
    """Bursts, trickles and pauses of replies and broadcasts from several limiters."""
    for number in range(sends):
        await telegram.sleep(rng.choice([0.0, 0.0, 0.0, 0.001, 0.03, 0.3, rng.uniform(0, 2)]))
        limiter = rng.choice(limiters)
        if rng.random() < 0.3:
            ticket = await limiter.acquire_interactive(rng.randrange(1, 10**6))
        else:
            ticket = await limiter.acquire_broadcast(10**6 + number)
        telegram.send(limiter, ticket)


@pytest.mark.parametrize("seed", range(12))
async def test_no_second_ever_holds_more_than_the_limit(clock: FakeClock, seed: int) -> None:
    rng = random.Random(seed)
    telegram = Telegram(clock, rng)
    limiter = LocalLimiter(RATES, clock=clock, sleep=telegram.sleep)

    await _random_traffic([limiter], telegram, rng, sends=600)

    assert busiest_second(telegram.arrivals) <= 30
    assert len(telegram.arrivals) == 600


async def test_broadcasts_run_at_the_limit_not_above(clock: FakeClock) -> None:
    limiter = _limiter(clock)
    start = clock()
    for chat_id in range(1, 301):
        limiter.release(await limiter.acquire_broadcast(chat_id))
    elapsed = (clock() - start).total_seconds()
    # 30 at once, then 30 a second: a strict window, never a second burst right after.
    assert 9.0 <= elapsed <= 9.0 * 1.01


async def test_a_send_in_flight_holds_its_place_until_answered(clock: FakeClock) -> None:
    limiter = _limiter(clock)
    tickets = [await limiter.acquire_broadcast(chat_id) for chat_id in range(1, 31)]
    clock.advance(seconds=2)  # no answers yet: Telegram may not have counted them
    for ticket in tickets:
        limiter.release(ticket)
    before = clock()
    await limiter.acquire_broadcast(31)
    assert (clock() - before).total_seconds() >= 1.0  # they count from their answers


async def test_a_waiting_reply_goes_before_waiting_broadcasts(clock: FakeClock) -> None:
    limiter = _limiter(clock)
    for chat_id in range(1, 31):  # one every 1/60 s: slots free one by one a second later
        limiter.release(await limiter.acquire_broadcast(chat_id))
        clock.advance(seconds=1 / 60)
    order: list[str] = []

    async def broadcast(chat_id: int) -> None:
        limiter.release(await limiter.acquire_broadcast(chat_id))
        order.append(f"b{chat_id}")

    async def reply() -> None:
        limiter.release(await limiter.acquire_interactive(99))
        order.append("reply")

    broadcasts = [asyncio.create_task(broadcast(chat_id)) for chat_id in range(31, 36)]
    await asyncio.sleep(0)  # the broadcasts queue first
    await asyncio.gather(reply(), *broadcasts)
    assert order == ["reply", "b31", "b32", "b33", "b34", "b35"]


async def _broadcasts_leave_the_reserve_while_a_reply_waits(
    clock: FakeClock, broadcaster: LocalLimiter, replier: LocalLimiter
) -> None:
    start = clock()
    for chat_id in range(1, 31):  # one every 1/60 s: the window is full at start + 0.5 s
        broadcaster.release(await broadcaster.acquire_broadcast(chat_id))
        clock.advance(seconds=1 / 60)
    await broadcaster.sync()
    replier.release(await replier.acquire_interactive(99))  # waits for the first to expire
    await replier.sync()
    replied = clock()
    assert replied - start >= timedelta(seconds=1)
    await broadcaster.acquire_broadcast(100)
    # Without the reserve the next expiry (1/60 s) would do; with it three more must expire.
    assert clock() - replied >= timedelta(seconds=3 / 60 - 0.001)


async def test_broadcasts_leave_the_reserve_while_a_reply_waits(clock: FakeClock) -> None:
    limiter = _limiter(clock)
    await _broadcasts_leave_the_reserve_while_a_reply_waits(clock, limiter, limiter)


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


async def _shared_pair(
    db_url: str, db: Database, clock: FakeClock, sleep: Sleep
) -> tuple[Database, list[LocalLimiter]]:
    async with db.session() as session:  # the run's PostgreSQL database keeps the row
        await session.execute(delete(SendSlot))
        await session.commit()
    other_db = Database(db_url)
    limiters: list[LocalLimiter] = [
        SharedLimiter(db, RATES, clock=clock, sleep=sleep),
        SharedLimiter(other_db, RATES, clock=clock, sleep=sleep),
    ]
    return other_db, limiters


@pytest.mark.parametrize("seed", range(3))
async def test_processes_together_never_exceed_the_limit_on_postgresql(
    db_url: str, db: Database, clock: FakeClock, seed: int
) -> None:
    if db.is_sqlite:
        assert isinstance(build_limiter(db, RATES), LocalLimiter)
        pytest.skip("SQLite: one process, an in-memory window")
    rng = random.Random(seed)
    telegram = Telegram(clock, rng)
    other_db, limiters = await _shared_pair(db_url, db, clock, telegram.sleep)
    try:
        await _random_traffic(limiters, telegram, rng, sends=240)
    finally:
        await other_db.dispose()
    assert busiest_second(telegram.arrivals) <= 30
    assert len(telegram.arrivals) == 240


async def test_processes_share_one_window_and_pauses_on_postgresql(
    db_url: str, db: Database, clock: FakeClock
) -> None:
    if db.is_sqlite:
        pytest.skip("SQLite: one process, an in-memory window")
    other_db, (first, second) = await _shared_pair(db_url, db, clock, FakeSleep(clock))
    try:
        start = clock()
        for chat_id in range(1, 151):
            limiter = first if chat_id % 2 else second
            limiter.release(await limiter.acquire_broadcast(chat_id))
            await (second if chat_id % 2 else first).sync()  # answers are published
        elapsed = (clock() - start).total_seconds()
        assert elapsed >= (150 - 30) / 30  # together 30 in any second, not 30 each
        # A pause one process hears of stops the other too.
        await first.pause(10)
        await second.sync()
        assert second.paused_for() == pytest.approx(10, abs=0.01)
        clock.advance(seconds=20)
        await _broadcasts_leave_the_reserve_while_a_reply_waits(clock, second, first)
    finally:
        await other_db.dispose()
