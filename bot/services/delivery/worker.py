"""The delivery worker: claims due deliveries, sends them within the limits, records each one.

Crash safety: a delivery is marked sent in its own transaction only after Telegram confirmed
it, and at most ``concurrency`` deliveries are between "request sent" and "recorded" at any
moment. A SIGKILL can therefore duplicate at most ``concurrency`` messages (those in flight);
everything else is either recorded or still pending and is sent after the restart, once the
dead worker's leases expire.
"""

from __future__ import annotations

import asyncio
import logging
import os
import random
import secrets
import socket
from collections import deque
from dataclasses import dataclass
from datetime import timedelta

from bot.config import Settings
from bot.db import Database
from bot.errors import DomainError
from bot.models import DeliveryStatus
from bot.services.delivery import campaigns, notices, store
from bot.services.delivery.limits import LocalLimiter, Sleep
from bot.services.delivery.personal import Personaliser
from bot.services.delivery.sending import (
    Blocked,
    Rejected,
    RetryAfter,
    Sender,
    SendOutcome,
    Sent,
    Transient,
)
from bot.services.delivery.store import Claimed
from bot.timeutil import Clock, utc_now

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WorkerOptions:
    """How the worker sends: concurrency, retries, leases and the error-rate brake."""

    concurrency: int = 8
    max_attempts: int = 5
    lease: float = 60.0
    error_rate_limit: float = 0.2
    error_rate_min: int = 20
    idle_interval: float = 1.0
    backoff_base: float = 2.0
    backoff_cap: float = 300.0

    @classmethod
    def from_settings(cls, settings: Settings) -> WorkerOptions:
        """The options configured in settings."""
        return cls(
            concurrency=settings.send_concurrency,
            max_attempts=settings.send_max_attempts,
            lease=settings.send_lease,
            error_rate_limit=settings.error_rate_limit,
            error_rate_min=settings.error_rate_min,
            idle_interval=settings.delivery_idle,
            backoff_base=settings.send_backoff,
        )


def new_worker_id() -> str:
    """A name for this worker in ``deliveries.claimed_by``."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{secrets.token_hex(3)}"


class DeliveryWorker:
    """Sends every campaign's deliveries; several may run against one PostgreSQL database."""

    def __init__(
        self,
        db: Database,
        sender: Sender,
        limiter: LocalLimiter,
        *,
        options: WorkerOptions | None = None,
        clock: Clock = utc_now,
        sleep: Sleep = asyncio.sleep,
        worker_id: str | None = None,
        rng: random.Random | None = None,
        personaliser: Personaliser | None = None,
        title: notices.Titler = notices.first_words,
    ) -> None:
        self.db = db
        self.sender = sender
        self.limiter = limiter
        self.options = options or WorkerOptions()
        self.clock = clock
        self.sleep = sleep
        self.worker_id = worker_id or new_worker_id()
        self.rng = rng or random.Random()
        self.personaliser = personaliser
        self.title = title  # names a campaign in its author's report
        # Recent outcomes per campaign, judged over a window so a resumed campaign starts afresh.
        self._outcomes: dict[int, deque[bool]] = {}
        self._window = max(self.options.error_rate_min, 50)

    async def housekeeping(self) -> None:
        """Start due campaigns, finish those with nothing pending, share limiter state."""
        async with self.db.session() as session:
            due = await campaigns.due(session, clock=self.clock)
        for campaign_id in due:
            async with self.db.session() as session:
                await campaigns.start(session, campaign_id, clock=self.clock)
        async with self.db.session() as session:
            finished = await campaigns.finish_done(session, clock=self.clock)
            await session.commit()
        for campaign_id in finished:
            await self._notify(campaign_id, notices.REPORT_KEY)
        await self.limiter.sync()

    async def claim(self, limit: int) -> list[Claimed]:
        """Lease up to ``limit`` due deliveries for this worker."""
        lease = timedelta(seconds=self.options.lease)
        return await store.claim(
            self.db,
            worker_id=self.worker_id,
            limit=limit,
            lease=lease,
            clock=self.clock,
            personaliser=self.personaliser,
        )

    async def run_once(self) -> int:
        """One round for tests and scripts: housekeeping, then send one claimed batch."""
        await self.housekeeping()
        batch = await self.claim(self.options.concurrency)
        await asyncio.gather(*(self.deliver(item) for item in batch))
        if batch:
            await self.housekeeping()
        return len(batch)

    async def deliver(self, item: Claimed) -> None:
        """Send one delivery when the limits allow, and record what Telegram answered."""
        ticket = await self.limiter.acquire_broadcast(item.chat_id)
        try:
            # Another worker may claim it once the lease ends: never start a send that could
            # still be in flight by then.
            margin = timedelta(seconds=self.options.lease / 2)
            if self.clock() > item.lease_until - margin:
                await store.release(self.db, item, worker_id=self.worker_id)
                return
            content = item.content
            outcome = await self.sender.send(
                item.chat_id,
                content.text_html,
                content.media_kind,
                content.media_file_id,
                content.buttons,
                photo=content.photo,
            )
        finally:
            self.limiter.release(ticket)  # answered: the send counts from now
        # Telegram has answered: record it even if shutdown cancels this task meanwhile, so a
        # confirmed send is never left unrecorded (and sent again) after a graceful stop.
        await asyncio.shield(self._record(item, outcome))

    async def _record(self, item: Claimed, outcome: SendOutcome) -> None:
        match outcome:
            case Sent(message_id):
                await store.record_sent(self.db, item, message_id, clock=self.clock)
                await self._count(item.campaign_id, ok=True)
            case RetryAfter(seconds):
                await self.limiter.pause(seconds)
                at = self.clock() + timedelta(seconds=seconds)
                await store.record_retry(
                    self.db, item, at=at, reason="retry after", count_attempt=False
                )
            case Blocked(reason):
                if item.user_id is not None:
                    await store.block_user(self.db, item.user_id)
                await store.record_final(
                    self.db, item, DeliveryStatus.SKIPPED, f"blocked: {reason}"
                )
            case Rejected(reason):
                await store.record_final(self.db, item, DeliveryStatus.FAILED, reason)
                await self._count(item.campaign_id, ok=False)
            case Transient(reason):
                if item.attempts + 1 >= self.options.max_attempts:
                    await store.record_final(self.db, item, DeliveryStatus.FAILED, reason)
                    await self._count(item.campaign_id, ok=False)
                else:
                    at = self.clock() + timedelta(seconds=self.backoff(item.attempts + 1))
                    await store.record_retry(self.db, item, at=at, reason=reason)

    def backoff(self, attempt: int) -> float:
        """Seconds before retry number ``attempt``: exponential, capped, with jitter."""
        delay = min(self.options.backoff_cap, self.options.backoff_base * 2 ** (attempt - 1))
        return delay * self.rng.uniform(0.5, 1.0)

    async def _count(self, campaign_id: int, *, ok: bool) -> None:
        """Track recent outcomes; pause the campaign when too many of them failed."""
        window = self._outcomes.setdefault(campaign_id, deque(maxlen=self._window))
        window.append(ok)
        failures = window.count(False)
        if len(window) < self.options.error_rate_min:
            return
        if failures / len(window) <= self.options.error_rate_limit:
            return
        total = len(window)
        window.clear()
        reason = notices.error_rate_reason(failures, total)
        async with self.db.session() as session:
            try:
                await campaigns.pause(session, campaign_id, reason=reason)
            except DomainError:
                return  # paused, cancelled or finished meanwhile: someone else decided
            await session.commit()
        log.warning("campaign %s paused itself: %s", campaign_id, reason)
        await self._notify(campaign_id, notices.PAUSED_KEY)

    async def _notify(self, campaign_id: int, key: str) -> None:
        async with self.db.session() as session:
            notice = await notices.author_notice(session, campaign_id, key, title=self.title)
        if notice is None:
            return
        async with self.limiter.sending(notice.chat_id, reply=True):
            outcome = await self.sender.send(notice.chat_id, notice.text_html, None, None, ())
        if not isinstance(outcome, Sent):
            log.warning(
                "campaign %s: the author's notice was not delivered: %s", campaign_id, outcome
            )
