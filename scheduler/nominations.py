"""The nomination job: every 30 s the leading process closes the rounds whose end has come
and tells staff (the staff chat, else the admins) how many nominations each got, through
the delivery engine.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from telegram.ext import Application

from bot.services import nominations, staff_notices
from bot.services.container import Services
from bot.services.leader import LeaderLock
from bot.services.staff_notices import NOMINATION_CLOSED, StaffChats, Subject
from bot.texts import t
from handlers.common import Context
from scheduler.jobs import job_queue, run_as_leader

log = logging.getLogger(__name__)

NOMINATIONS_EVERY = timedelta(seconds=30)
FIRST_RUN = timedelta(seconds=10)


class NominationJob:
    """The job's state: the services and the leader lock it shares with the other jobs."""

    def __init__(self, services: Services, leader: LeaderLock) -> None:
        self.services = services
        self.leader = leader

    async def _close_due(self) -> int:
        """Close what is due and record a notice for staff of each, in one transaction (so a
        restart neither loses nor repeats one); the number of rounds closed."""
        svc = self.services
        chats = StaffChats(svc.settings.staff_chat_id, svc.settings.admins)
        async with svc.db.session() as session:
            closed = await nominations.close_due(session, clock=svc.clock)
            for round_id in closed:
                found = await nominations.get_round(session, round_id)
                count = await nominations.count(session, round_id)
                await staff_notices.notify(
                    session,
                    Subject(NOMINATION_CLOSED, (round_id, count)),
                    summary=t("nomination_closed_summary", "sv", title=found.title),
                    chats=chats,
                    clock=svc.clock,
                )
            await session.commit()
        if closed:
            log.info("nominations: %d round(s) closed", len(closed))
        return len(closed)

    async def run(self) -> int | None:
        """One tick: the number of rounds closed, None if not leading or it failed."""
        return await run_as_leader(self.leader, self._close_due, log=log, what="nomination job")

    async def tick(self, _context: Context) -> None:
        """The job queue's callback."""
        await self.run()


def register(
    application: Application[Any, Any, Any, Any, Any, Any],
    services: Services,
    *,
    leader: LeaderLock,
) -> None:
    """Add the nomination job, run only while this process holds ``leader``."""
    job = NominationJob(services, leader)
    job_queue(application).run_repeating(
        job.tick, interval=NOMINATIONS_EVERY, first=FIRST_RUN, name="nominations"
    )
