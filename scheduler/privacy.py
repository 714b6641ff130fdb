"""The retention job: every hour the leading process blanks question texts (and poll
comments) older than SIGNBOT_QUESTION_RETENTION_MONTHS; the rows stay for the statistics."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from telegram.ext import Application

from bot.services import privacy
from bot.services.container import Services
from bot.services.digest.leader import LeaderLock
from handlers.core.common import Context
from scheduler.jobs import job_queue, run_as_leader

log = logging.getLogger(__name__)

RETENTION_EVERY = timedelta(hours=1)
FIRST_RUN = timedelta(minutes=1)


class RetentionJob:
    """The job's state: the services and the leader lock it shares with the other jobs."""

    def __init__(self, services: Services, leader: LeaderLock) -> None:
        self.services = services
        self.leader = leader

    async def run(self) -> int | None:
        """One tick: the number of texts blanked, None if not leading or it failed."""
        svc = self.services
        months = svc.settings.question_retention_months

        async def purge() -> tuple[int, int]:
            async with svc.db.session() as session:
                questions = await privacy.purge_old_questions(
                    session, clock=svc.clock, months=months
                )
                comments = await privacy.purge_old_comments(session, clock=svc.clock, months=months)
                await session.commit()
            return questions, comments

        purged = await run_as_leader(self.leader, purge, log=log, what="retention job")
        if purged is None:
            return None
        questions, comments = purged
        if questions or comments:
            log.info(
                "retention: %d question texts and %d poll comments older than %d months removed",
                questions,
                comments,
                months,
            )
        return questions + comments

    async def tick(self, _context: Context) -> None:
        """The job queue's callback."""
        await self.run()


def register(
    application: Application[Any, Any, Any, Any, Any, Any],
    services: Services,
    *,
    leader: LeaderLock,
) -> RetentionJob:
    """Add the retention job, run only while this process holds ``leader``."""
    job = RetentionJob(services, leader)
    job_queue(application).run_repeating(
        job.tick, interval=RETENTION_EVERY, first=FIRST_RUN, name="retention"
    )
    return job
