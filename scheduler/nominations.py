"""The nomination job: every 30 s the leading process closes the rounds whose end has come
and tells staff (the staff chat, else the admins) how many nominations each got.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from telegram.ext import Application

from bot.services import handover, nominations
from bot.services.container import Services
from bot.services.digest.leader import LeaderLock
from bot.texts import t
from handlers.core.common import STAFF_LANGUAGE, Context, Outgoing, deliver_all
from scheduler.jobs import job_queue, run_as_leader

log = logging.getLogger(__name__)

NOMINATIONS_EVERY = timedelta(seconds=30)
FIRST_RUN = timedelta(seconds=10)


class NominationJob:
    """The job's state: the services and the leader lock it shares with the digest job."""

    def __init__(self, services: Services, leader: LeaderLock) -> None:
        self.services = services
        self.leader = leader

    async def _close_due(self) -> list[Outgoing]:
        """Close what is due (committed); the staff notices to send."""
        svc = self.services
        async with svc.db.session() as session:
            closed = await nominations.close_due(session, clock=svc.clock)
            await session.commit()
        if not closed:
            return []
        log.info("nominations: %d round(s) closed", len(closed))
        notices: list[Outgoing] = []
        async with svc.db.session() as session:
            chats = await handover.staff_destinations(
                session, staff_chat_id=svc.settings.staff_chat_id, admins=svc.settings.admins
            )
            for round_id in closed:
                found = await nominations.get_round(session, round_id)
                text = t(
                    "nomination_closed_notice",
                    STAFF_LANGUAGE,
                    round_id=round_id,
                    title=found.title,
                    count=await nominations.count(session, round_id),
                )
                notices += [Outgoing(chat_id, text) for chat_id in chats]
        return notices

    async def run(self, context: Context) -> int | None:
        """One tick: the number of staff notices sent, None if not leading or it failed."""

        async def close_and_tell() -> int:
            return len(await deliver_all(context, await self._close_due()))

        return await run_as_leader(self.leader, close_and_tell, log=log, what="nomination job")

    async def tick(self, context: Context) -> None:
        """The job queue's callback."""
        await self.run(context)


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
