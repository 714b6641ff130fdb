"""The nomination job: every 30 s the leading process closes the rounds whose end has come
and tells staff (the staff chat, else the admins) how many nominations each got, through
the delivery engine.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from bot.services import campaign_labels, nominations, staff_notices
from bot.services.container import Services
from bot.services.leader import LeaderLock
from bot.services.staff_notices import NOMINATION_CLOSED, StaffChats, Subject
from scheduler.jobs import Timetable, run_as_leader

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
                count = await nominations.count(session, round_id)
                subject = Subject(NOMINATION_CLOSED, (round_id, count))
                await staff_notices.notify(
                    session,
                    subject,
                    summary=await campaign_labels.summary(
                        session, subject.encode(), svc.settings.tz
                    ),
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


def register(timetable: Timetable, services: Services) -> None:
    """Add the nomination job, run only while this process holds ``services.leader``."""
    job = NominationJob(services, services.leader)
    timetable.every(job.run, interval=NOMINATIONS_EVERY, first=FIRST_RUN, name="nominations")
