"""Telegram's rate limits as token buckets, with headroom kept for interactive replies.

How interactive replies are protected: broadcasts and the bot's own replies draw from one
global bucket (30 tokens a second). A broadcast may take a token only while more than
``reserve`` tokens remain; a reply may take the last ones. At idle a broadcast therefore
runs at the full rate (the bucket refills at 30/s and the broadcast drains everything above
the reserve), while a reply never queues behind it: there are always ``reserve`` tokens that
only replies can use, and a reply spends tokens the broadcast then has to wait for. Replies
are counted by ``handlers.delivery_sender.InteractiveRateLimiter``, a python-telegram-bot
rate limiter on the application's bot, which never waits for a broadcast.

With SQLite (one process) the bucket lives in memory. With PostgreSQL the limit belongs to
the bot token and so to every process: the bucket is the ``send_slots`` row "global",
updated under ``SELECT … FOR UPDATE``; a process reserves a few tokens per transaction, and
pays for its replies (counted locally, never waiting) at its next reservation. ``RetryAfter``
sets ``paused_until`` there, pausing all processes.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.db import Database
from bot.models import SendSlot
from bot.timeutil import Clock, utc_now

Sleep = Callable[[float], Awaitable[None]]
GLOBAL_KEY = "global"
BATCH = 4  # tokens a process reserves per transaction: PostgreSQL sees rate/BATCH writes a second
POOL_TTL = 0.5  # seconds reserved tokens stay usable, so an idle process cannot burst later
EPSILON = 1e-6  # clocks tick in microseconds: a refill may fall a hair short of a whole token
CHAT_MEMORY = 20_000  # chats remembered for per-chat spacing before the expired are dropped


@dataclass(frozen=True)
class Rates:
    """Telegram's limits and the reserve kept for interactive replies."""

    global_per_second: float = 30.0
    per_chat_per_second: float = 1.0
    per_group_per_minute: float = 20.0
    reserve: int = 3

    @classmethod
    def from_settings(cls, settings: Settings) -> Rates:
        """The rates configured in settings."""
        return cls(
            global_per_second=settings.rate_global,
            per_chat_per_second=settings.rate_per_chat,
            per_group_per_minute=settings.rate_per_group,
            reserve=settings.rate_reserve,
        )

    def chat_interval(self, chat_id: int) -> float:
        """Seconds between two messages to this chat (groups and channels have negative ids)."""
        if chat_id < 0:
            return 60.0 / self.per_group_per_minute
        return 1.0 / self.per_chat_per_second


class LocalLimiter:
    """The limits for one process (SQLite): an in-memory bucket and per-chat spacing."""

    def __init__(self, rates: Rates, *, clock: Clock = utc_now, sleep: Sleep = asyncio.sleep):
        self.rates = rates
        self.clock = clock
        self.sleep = sleep
        self.capacity = float(rates.reserve + 1)
        self.tokens = self.capacity
        self._stamp = self._now()
        self._paused_until = 0.0
        self._chat_free: dict[int, float] = {}

    def _now(self) -> float:
        return self.clock().timestamp()

    def _refill(self, now: float) -> None:
        elapsed = max(0.0, now - self._stamp)
        self.tokens = min(self.capacity, self.tokens + elapsed * self.rates.global_per_second)
        self._stamp = now

    def paused_for(self) -> float:
        """Seconds left of a RetryAfter pause (0 when sending may go on)."""
        return max(0.0, self._paused_until - self._now())

    async def pause(self, seconds: float) -> None:
        """Pause all sending for this long (Telegram's RetryAfter)."""
        self._paused_until = max(self._paused_until, self._now() + seconds)

    async def sync(self) -> None:
        """Share local state with other processes (nothing to share in one process)."""

    async def acquire_broadcast(self, chat_id: int) -> None:
        """Wait until a broadcast message to this chat may go out, and count it."""
        await self._space_chat(chat_id)
        await self._take_global()

    async def acquire_interactive(self, chat_id: int | None) -> None:
        """Count a reply; it waits only for a RetryAfter pause or its own burst, never a broadcast."""
        while (wait := self.paused_for()) > 0:
            await self.sleep(wait)
        if chat_id is not None:
            self._chat_free[chat_id] = self._now() + self.rates.chat_interval(chat_id)
        await self._take_interactive()

    async def _take_interactive(self) -> None:
        self._refill(self._now())
        if self.tokens < 1 - EPSILON:
            await self.sleep((1 - self.tokens) / self.rates.global_per_second + EPSILON)
            self._refill(self._now())
        self.tokens -= 1

    async def _take_global(self) -> None:
        floor = self.rates.reserve + 1
        while True:
            if (wait := self.paused_for()) > 0:
                await self.sleep(wait)
                continue
            self._refill(self._now())
            if self.tokens >= floor - EPSILON:
                self.tokens -= 1
                return
            await self.sleep((floor - self.tokens) / self.rates.global_per_second + EPSILON)

    async def _space_chat(self, chat_id: int) -> None:
        now = self._now()
        if len(self._chat_free) > CHAT_MEMORY:
            self._chat_free = {c: t for c, t in self._chat_free.items() if t > now}
        free = self._chat_free.get(chat_id, 0.0)
        self._chat_free[chat_id] = max(now, free) + self.rates.chat_interval(chat_id)
        if free > now:
            await self.sleep(free - now)


class SharedLimiter(LocalLimiter):
    """The global limit shared by every process through the ``send_slots`` row (PostgreSQL)."""

    def __init__(
        self, db: Database, rates: Rates, *, clock: Clock = utc_now, sleep: Sleep = asyncio.sleep
    ):
        super().__init__(rates, clock=clock, sleep=sleep)
        self.db = db
        # Room for a few batches above the broadcast's floor, so a late wake-up loses nothing;
        # never more than Telegram's own one-second burst.
        self.capacity = float(min(rates.global_per_second, rates.reserve + 3 * BATCH))
        self._pool = 0
        self._pool_at = 0.0
        self._debt = 0
        self._retry_at = 0.0  # after a short reservation, nobody asks the database before this
        self._lock = asyncio.Lock()

    async def pause(self, seconds: float) -> None:
        """Pause all sending in every process."""
        await super().pause(seconds)
        await self.sync()

    async def sync(self) -> None:
        """Pay for replies sent and publish or learn of a pause, reserving nothing."""
        async with self._lock:
            await self._reserve(0)

    async def _take_interactive(self) -> None:
        self._debt += 1  # paid at the next reservation; a reply never waits for the database

    async def _take_global(self) -> None:
        while True:
            if (wait := self.paused_for()) > 0:
                await self.sleep(wait)
                continue
            async with self._lock:
                if self._pool > 0 and self._now() - self._pool_at < POOL_TTL:
                    self._pool -= 1
                    return
                wait = self._retry_at - self._now()
                if wait <= EPSILON:  # clocks tick in microseconds: a smaller wait is none
                    wait = await self._reserve(BATCH)
                    self._retry_at = self._now() + wait
            if wait > 0:
                await self.sleep(wait)

    async def _reserve(self, want: int) -> float:
        """Take ``want`` tokens from the shared bucket; return how long to wait if there are too few."""
        async with self.db.session() as session:
            slot = await self._locked_slot(session)
            # The time is read once the row is ours and stored as is: the refill then counts
            # every moment, including the wait for the lock.
            moment = self.clock()
            now = moment.timestamp()
            elapsed = max(0.0, now - slot.updated_at.timestamp())
            tokens = min(self.capacity, slot.tokens + elapsed * self.rates.global_per_second)
            tokens -= self._debt
            self._debt = 0
            shared_pause = slot.paused_until.timestamp() if slot.paused_until else 0.0
            self._paused_until = max(self._paused_until, shared_pause)
            if self._paused_until > shared_pause:
                slot.paused_until = datetime.fromtimestamp(self._paused_until, UTC)
            wait = 0.0
            if want and self._paused_until <= now:
                if tokens >= self.rates.reserve + want - EPSILON:
                    tokens -= want
                    self._pool, self._pool_at = want, now
                else:
                    self._pool = 0
                    wait = (self.rates.reserve + want - tokens) / self.rates.global_per_second
                    wait += EPSILON
            slot.tokens = tokens
            slot.updated_at = moment
            await session.commit()
        return wait

    async def _locked_slot(self, session: AsyncSession) -> SendSlot:
        slot = await session.get(SendSlot, GLOBAL_KEY, with_for_update=True, populate_existing=True)
        if slot is None:  # the first reservation ever; two processes may race to create it
            insert = postgresql.insert(SendSlot).values(
                key=GLOBAL_KEY, tokens=self.capacity, updated_at=self.clock()
            )
            await session.execute(insert.on_conflict_do_nothing(index_elements=["key"]))
            slot = await session.get(
                SendSlot, GLOBAL_KEY, with_for_update=True, populate_existing=True
            )
        assert slot is not None
        return slot


def build_limiter(db: Database, rates: Rates, *, clock: Clock = utc_now) -> LocalLimiter:
    """The shared limiter on PostgreSQL, the in-memory one on SQLite (a single process)."""
    if db.is_sqlite:
        return LocalLimiter(rates, clock=clock)
    return SharedLimiter(db, rates, clock=clock)
