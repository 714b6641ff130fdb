"""The poll job: every 30 s the leading process closes due polls, makes the feedback poll
of each meeting that just ended, and records each closed poll's result for its author.

The result goes through the delivery engine: it is recorded in the same transaction that
marks it sent, so a restart neither loses nor repeats it.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import User
from bot.services import campaign_labels, polls, staff_notices
from bot.services.container import Services
from bot.services.leader import LeaderLock
from bot.services.staff_notices import POLL_RESULT, StaffChats, Subject
from scheduler.jobs import Timetable, run_as_leader

log = logging.getLogger(__name__)

POLLS_EVERY = timedelta(seconds=30)
FIRST_RUN = timedelta(seconds=10)


async def _author(session: AsyncSession, poll_id: int) -> list[tuple[int | None, int]] | None:
    """Who gets the result: the author (users.id, chat), else None for staff (a poll from
    the shell)."""
    poll = await polls.get(session, poll_id)
    if poll.created_by is None:
        return None
    user_id = await session.scalar(select(User.id).where(User.telegram_id == poll.created_by))
    return [(user_id, poll.created_by)]


class PollJob:
    """The job's state: the services and the leader lock it shares with the other jobs."""

    def __init__(self, services: Services, leader: LeaderLock) -> None:
        self.services = services
        self.leader = leader

    async def _close_and_report(self) -> int:
        """Close what is due, make feedback polls, record the results; how many results."""
        svc = self.services
        async with svc.db.session() as session:
            closed = await polls.close_due(session, clock=svc.clock)
            await session.commit()
        async with svc.db.session() as session:
            made = await polls.create_meeting_feedback(session, clock=svc.clock)
            await session.commit()
        if closed or made:
            log.info("polls: %d closed, %d meeting feedback polls made", len(closed), len(made))
        chats = StaffChats(svc.settings.staff_chat_id, svc.settings.admins)
        async with svc.db.session() as session:
            due = await polls.results_due(session)
            for poll_id in due:
                subject = Subject(POLL_RESULT, (poll_id,))
                await staff_notices.notify(
                    session,
                    subject,
                    summary=await campaign_labels.summary(
                        session, subject.encode(), svc.settings.tz
                    ),
                    chats=chats,
                    clock=svc.clock,
                    to=await _author(session, poll_id),
                )
                await polls.mark_result_sent(session, poll_id, clock=svc.clock)
            await session.commit()
        return len(due)

    async def run(self) -> int | None:
        """One tick: the number of results recorded, None if not leading or it failed."""
        return await run_as_leader(self.leader, self._close_and_report, log=log, what="poll job")


def register(timetable: Timetable, services: Services) -> None:
    """Add the poll job, run only while this process holds ``services.leader``."""
    job = PollJob(services, services.leader)
    timetable.every(job.run, interval=POLLS_EVERY, first=FIRST_RUN, name="polls")
