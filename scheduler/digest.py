"""The digest job: every 30 s, the leading process creates the editions that are due.

The editions' campaigns are then sent by the delivery worker like any other. Only the
process holding the leader lock does this, so several bot processes on one PostgreSQL
database create each edition once (the unique slot would catch a race anyway).
"""

from __future__ import annotations

import logging
from datetime import timedelta

from bot.services.container import Services
from bot.services.digest.schedule import DigestOptions, SkipMemo, ensure_due_editions
from scheduler.jobs import Timetable, run_as_leader

log = logging.getLogger(__name__)

DIGEST_EVERY = timedelta(seconds=30)
FIRST_RUN = timedelta(seconds=5)  # soon after start-up: a slot missed while down is due now


class DigestJob:
    """The job's state: the leader lock and the slots already reported as missed."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.options = DigestOptions.from_settings(services.settings)
        self.leader = services.leader
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


def register(timetable: Timetable, services: Services) -> None:
    """Add the digest job, run only while this process holds ``services.leader``."""
    job = DigestJob(services)
    timetable.every(job.run, interval=DIGEST_EVERY, first=FIRST_RUN, name="digest-schedule")
