"""Telegram's rate limits: at most N messages in any one-second window, replies first.

Broadcasts and the bot's own replies share one send window (``window.SendWindow``: the log
of the last send times), so together they never put more than ``global_per_second``
messages into any one-second window at Telegram, which refuses (429) the next one.

Replies come first. In one process, waiting sends queue by priority (replies before
broadcasts, each in arrival order) and one task books their slots, each a moment
(``HORIZON``) ahead. A reply that has to wait also sets ``hold_until`` in the window (so in
every process): for ``HOLD`` seconds broadcasts leave ``reserve`` slots of the window free,
which only replies may take, so the replies of a busy moment do not queue behind slots
the broadcast booked ahead. Replies are counted
by ``handlers.delivery.sender.InteractiveRateLimiter``, a python-telegram-bot rate limiter
on the application's bot.

With SQLite (one process) the window lives in memory. With PostgreSQL the limit belongs to
the bot token and so to every process: the window is the ``send_slots`` row "global",
read and written under ``SELECT … FOR UPDATE``, one short transaction per batch of waiting
sends; answers (the send times that count) are written at the process's next transaction.
``RetryAfter`` sets ``paused_until`` there, pausing all processes.
"""

from __future__ import annotations

import asyncio
import bisect
import itertools
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import text
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.db import Database
from bot.models import SendSlot
from bot.services.delivery.window import SendWindow
from bot.timeutil import Clock, utc_now

Sleep = Callable[[float], Awaitable[None]]
GLOBAL_KEY = "global"
EPSILON = 1e-6  # clocks tick in microseconds: a shorter wait is none (PERIOD has the margin)
# Slots are booked up to this far ahead, so the transaction that books one is not between
# the moment it frees and the message; a reply arriving meanwhile waits at most this long.
HORIZON = 0.1
# After a reply had to wait, broadcasts leave ``reserve`` slots free this long: enough for
# the replies of the moment to find room, short enough to cost the broadcast little.
HOLD = 0.25
PENDING_POLL = 0.01  # seconds between looks while a send still in flight decides the wait
CHAT_MEMORY = 20_000  # chats remembered for per-chat spacing before the expired are dropped
REPLY, BROADCAST = 0, 1  # queue priorities: lower goes first


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

    @property
    def per_window(self) -> int:
        """Messages allowed in any one-second window."""
        return max(1, int(self.global_per_second))

    def chat_interval(self, chat_id: int) -> float:
        """Seconds between two messages to this chat (groups and channels have negative ids)."""
        if chat_id < 0:
            return 60.0 / self.per_group_per_minute
        return 1.0 / self.per_chat_per_second


@dataclass
class _Request:
    """A send waiting for its slot."""

    ticket: str
    reply: bool
    booked: asyncio.Future[float]  # the moment it may start


class LocalLimiter:
    """The limits for one process (SQLite): an in-memory send window and per-chat spacing."""

    def __init__(self, rates: Rates, *, clock: Clock = utc_now, sleep: Sleep = asyncio.sleep):
        self.rates = rates
        self.clock = clock
        self.sleep = sleep
        self.window = SendWindow()
        self._answered: dict[str, float] = {}
        self._paused_until = 0.0
        self._chat_free: dict[int, float] = {}
        self._waiting: list[tuple[int, int, _Request]] = []  # sorted: priority, arrival
        self._booker: asyncio.Task[None] | None = None
        self._prefix = secrets.token_hex(3)
        self._tickets = itertools.count()

    def _now(self) -> float:
        return self.clock().timestamp()

    def paused_for(self) -> float:
        """Seconds left of a RetryAfter pause (0 when sending may go on)."""
        return max(0.0, self._paused_until - self._now())

    async def pause(self, seconds: float) -> None:
        """Pause all sending for this long (Telegram's RetryAfter)."""
        self._paused_until = max(self._paused_until, self._now() + seconds)

    async def sync(self) -> None:
        """Share local state with other processes (nothing to share in one process)."""

    async def acquire_broadcast(self, chat_id: int) -> str:
        """Wait until a broadcast message to this chat may start; return its ticket."""
        await self._space_chat(chat_id)
        return await self._take(BROADCAST)

    async def acquire_interactive(self, chat_id: int | None) -> str:
        """Wait for a reply's slot (before any broadcast's); return its ticket."""
        if chat_id is not None:
            self._chat_free[chat_id] = self._now() + self.rates.chat_interval(chat_id)
        return await self._take(REPLY)

    def release(self, ticket: str) -> None:
        """The request of this ticket was answered (or failed): it reached Telegram by now."""
        self._answered[ticket] = self._now()

    @asynccontextmanager
    async def sending(self, chat_id: int | None, *, reply: bool) -> AsyncIterator[None]:
        """Hold a slot for one request: acquired before, released once it is answered."""
        if reply:
            ticket = await self.acquire_interactive(chat_id)
        else:
            assert chat_id is not None
            ticket = await self.acquire_broadcast(chat_id)
        try:
            yield
        finally:
            self.release(ticket)

    async def _take(self, priority: int) -> str:
        """Queue for a slot; one booking task serves the queue, many sends per transaction."""
        number = next(self._tickets)
        request = _Request(
            f"{self._prefix}:{number}",
            priority == REPLY,
            asyncio.get_running_loop().create_future(),
        )
        bisect.insort(self._waiting, (priority, number, request), key=lambda w: w[:2])
        if self._booker is None or self._booker.done():
            self._booker = asyncio.create_task(self._book_waiting(), name="send-window")
        try:
            start = await request.booked
        except asyncio.CancelledError:
            if request.booked.done() and not request.booked.cancelled():
                self.release(request.ticket)  # booked just as it was cancelled: unused
            raise
        if (early := start - self._now()) > 0:
            await self.sleep(early)  # booked a moment ahead: never start before the slot
        return request.ticket

    async def _book_waiting(self) -> None:
        """Book slots for the waiting, in order, as the window frees them; end when none wait."""
        try:
            while True:
                self._waiting = [w for w in self._waiting if not w[2].booked.done()]
                if not self._waiting:
                    return
                if (paused := self.paused_for()) > 0:
                    await self.sleep(paused)
                    continue
                batch = [w[2] for w in self._waiting]
                starts, wait, pending = await self._attempt(batch)
                for request, start in zip(batch, starts, strict=False):
                    if request.booked.done():  # cancelled while the transaction ran
                        self.release(request.ticket)
                    else:
                        request.booked.set_result(start)
                if len(starts) < len(batch):
                    await self.sleep(min(wait, PENDING_POLL) if pending else wait)
        except Exception as error:  # e.g. the database: every waiting send fails with it
            for _priority, _number, request in self._waiting:
                if not request.booked.done():
                    request.booked.set_exception(error)
            self._waiting = []

    def _decide(
        self, window: SendWindow, now: float, batch: list[_Request]
    ) -> tuple[list[float], float, bool]:
        """Book the first sends of ``batch`` whose slot comes within HORIZON.

        Returns their start times, how long until the next one may be booked, and whether a
        send still in flight decides that (its answer may come any moment).
        """
        answered, self._answered = self._answered, {}
        window.settle(answered)
        window.forget(now)
        starts: list[float] = []
        for request in batch:
            limit = self.rates.per_window
            if not request.reply and now < window.hold_until:
                limit -= self.rates.reserve
            wait, pending = window.wait(now, limit)
            if request.reply and wait > EPSILON:
                window.hold_until = max(window.hold_until, now + HOLD)
            if wait > HORIZON + EPSILON:
                return starts, wait - HORIZON, pending
            start = now + wait if wait > EPSILON else now
            window.book(start, request.ticket)
            starts.append(start)
        return starts, 0.0, False

    async def _attempt(self, batch: list[_Request]) -> tuple[list[float], float, bool]:
        return self._decide(self.window, self._now(), batch)

    async def _space_chat(self, chat_id: int) -> None:
        now = self._now()
        if len(self._chat_free) > CHAT_MEMORY:
            self._chat_free = {c: t for c, t in self._chat_free.items() if t > now}
        free = self._chat_free.get(chat_id, 0.0)
        self._chat_free[chat_id] = max(now, free) + self.rates.chat_interval(chat_id)
        if free > now:
            await self.sleep(free - now)


class SharedLimiter(LocalLimiter):
    """The send window shared by every process through the ``send_slots`` row (PostgreSQL)."""

    def __init__(
        self, db: Database, rates: Rates, *, clock: Clock = utc_now, sleep: Sleep = asyncio.sleep
    ):
        super().__init__(rates, clock=clock, sleep=sleep)
        self.db = db
        self._lock = asyncio.Lock()  # one transaction on the row at a time per process

    async def pause(self, seconds: float) -> None:
        """Pause all sending in every process."""
        await super().pause(seconds)
        await self.sync()

    async def sync(self) -> None:
        """Publish answered sends and a pause, learn of other processes' pauses; book nothing."""
        await self._transact([])

    async def _attempt(self, batch: list[_Request]) -> tuple[list[float], float, bool]:
        return await self._transact(batch)

    async def _transact(self, batch: list[_Request]) -> tuple[list[float], float, bool]:
        """One transaction on the row: book what may start now of ``batch`` (if any)."""
        async with self._lock, self.db.session() as session:
            # The row is the last second's sends: worthless after a crash, so its commit need
            # not wait for the disk (each message waits for this transaction).
            await session.execute(text("SET LOCAL synchronous_commit TO OFF"))
            slot = await self._locked_slot(session)
            # The time is read once the row is ours: every other process's booking is older.
            moment = self.clock()
            now = moment.timestamp()
            window = SendWindow.from_json(slot.send_log)
            shared_pause = slot.paused_until.timestamp() if slot.paused_until else 0.0
            self._paused_until = max(self._paused_until, shared_pause)
            if self._paused_until > shared_pause:
                slot.paused_until = datetime.fromtimestamp(self._paused_until, UTC)
            if not batch or self._paused_until > now:
                answered, self._answered = self._answered, {}
                window.settle(answered)
                window.forget(now)
                decision: tuple[list[float], float, bool] = (
                    [],
                    max(0.0, self._paused_until - now),
                    False,
                )
            else:
                decision = self._decide(window, now, batch)
            slot.send_log = window.to_json()
            slot.tokens = float(len(window.entries))
            slot.updated_at = moment
            await session.commit()
        return decision

    async def _locked_slot(self, session: AsyncSession) -> SendSlot:
        slot = await session.get(SendSlot, GLOBAL_KEY, with_for_update=True, populate_existing=True)
        if slot is None:  # the first transaction ever; two processes may race to create it
            insert = postgresql.insert(SendSlot).values(
                key=GLOBAL_KEY, tokens=0.0, updated_at=self.clock()
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
