"""The digest job: every 30 s, the leading process creates the editions that are due.

The editions' campaigns are then sent by the delivery worker like any other. Only the
process holding the leader lock does this, so several bot processes on one PostgreSQL
database create each edition once (the unique slot would catch a race anyway).
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine
from telegram.ext import Application

from bot.services.container import Services
from bot.services.digest.leader import LeaderLock
from bot.services.digest.schedule import DigestOptions, SkipMemo, ensure_due_editions
from handlers.core.common import Context
from scheduler.jobs import job_queue, run_as_leader

log = logging.getLogger(__name__)

DIGEST_EVERY = timedelta(seconds=30)
FIRST_RUN = timedelta(seconds=5)  # soon after start-up: a slot missed while down is due now
LEADER_KEY = "digest_leader"


class SharedLeaderLock(LeaderLock):
    """The process's one leader lock, asked by several jobs (digest, polls).

    Its connection runs one statement at a time, so the jobs take turns asking.
    """

    def __init__(self, engine: AsyncEngine) -> None:
        super().__init__(engine)
        self._turn = asyncio.Lock()

    async def is_leader(self) -> bool:
        """As LeaderLock.is_leader, one caller at a time."""
        async with self._turn:
            return await super().is_leader()


class DigestJob:
    """The job's state: the leader lock and the slots already reported as missed."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.options = DigestOptions.from_settings(services.settings)
        self.leader = SharedLeaderLock(services.db.engine)
        self.skipped: SkipMemo = set()

    async def run(self) -> int | None:
        """One tick: the number of editions created, None if not leading or it failed."""
        return await run_as_leader(self.leader, self._create_due, log=log, what="digest schedule")

    async def _create_due(self) -> int:
        async with self.services.db.session() as session:
            created = await ensure_due_editions(
                session, clock=self.services.clock, options=self.options, skipped=self.skipped
            )
            await session.commit()
        return len(created)

    async def tick(self, _context: Context) -> None:
        """The job queue's callback."""
        await self.run()


def register(
    application: Application[Any, Any, Any, Any, Any, Any], services: Services
) -> LeaderLock:
    """Add the digest job; its leader lock is kept in bot_data for ``release_leader``.

    The lock is returned for the other jobs that only the leader runs.
    """
    job = DigestJob(services)
    application.bot_data[LEADER_KEY] = job.leader
    job_queue(application).run_repeating(
        job.tick, interval=DIGEST_EVERY, first=FIRST_RUN, name="digest-schedule"
    )
    return job.leader


async def release_leader(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Give up the leader lock when the application stops, so another process takes over."""
    leader = application.bot_data.pop(LEADER_KEY, None)
    if isinstance(leader, LeaderLock):
        await leader.release()
