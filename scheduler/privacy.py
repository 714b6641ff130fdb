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
from handlers.common import Context

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
        try:
            if not await self.leader.is_leader():
                return None
            async with svc.db.session() as session:
                questions = await privacy.purge_old_questions(
                    session, clock=svc.clock, months=months
                )
                comments = await privacy.purge_old_comments(session, clock=svc.clock, months=months)
                await session.commit()
        except Exception as error:  # the job must never take the bot down (e.g. database gone)
            log.error("retention job run failed: %s", type(error).__name__)
            log.debug("traceback of the retention job run", exc_info=error)
            return None
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
    job_queue = application.job_queue
    if job_queue is None:
        raise RuntimeError("python-telegram-bot was installed without the job-queue extra")
    job = RetentionJob(services, leader)
    job_queue.run_repeating(job.tick, interval=RETENTION_EVERY, first=FIRST_RUN, name="retention")
    return job
