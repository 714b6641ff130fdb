"""The poll job: every 30 s the leading process closes due polls, makes the feedback poll
of each meeting that just ended, and sends each closed poll's result to its author.

The result is sent once: it is marked sent after Telegram took it (or refused it for
good, e.g. the author blocked the bot); a network failure leaves it for the next tick.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from telegram import error as tg
from telegram.ext import Application, ExtBot

from bot.models import User
from bot.services import handover, polls
from bot.services.container import Services
from bot.services.digest.leader import LeaderLock
from bot.texts import DEFAULT_LANGUAGE
from handlers.core.common import Context
from handlers.polls.results import Report, notify, report
from scheduler.jobs import job_queue, run_as_leader

log = logging.getLogger(__name__)

POLLS_EVERY = timedelta(seconds=30)
FIRST_RUN = timedelta(seconds=10)


async def _authors(
    session: AsyncSession, services: Services, poll_id: int
) -> list[tuple[int, str]]:
    """Who gets the result, with their language: the author, else staff (a poll from the shell)."""
    poll = await polls.get(session, poll_id)
    if poll.created_by is not None:
        lang = await session.scalar(
            select(User.language).where(User.telegram_id == poll.created_by)
        )
        return [(poll.created_by, lang or DEFAULT_LANGUAGE)]
    settings = services.settings
    chats = await handover.staff_destinations(
        session, staff_chat_id=settings.staff_chat_id, admins=settings.admins
    )
    return [(chat_id, DEFAULT_LANGUAGE) for chat_id in chats]


@dataclass(frozen=True)
class Outgoing:
    """A result for one chat, in its reader's language."""

    chat_id: int
    lang: str
    report: Report


class PollJob:
    """The job's state: the services and the leader lock it shares with the digest job."""

    def __init__(self, services: Services, leader: LeaderLock) -> None:
        self.services = services
        self.leader = leader

    async def _prepare(self) -> list[tuple[int, list[Outgoing]]]:
        """Close what is due, make feedback polls (committed); then the results to send."""
        svc = self.services
        async with svc.db.session() as session:
            closed = await polls.close_due(session, clock=svc.clock)
            await session.commit()
        async with svc.db.session() as session:
            made = await polls.create_meeting_feedback(session, clock=svc.clock)
            await session.commit()
        if closed or made:
            log.info("polls: %d closed, %d meeting feedback polls made", len(closed), len(made))
        outgoing: list[tuple[int, list[Outgoing]]] = []
        async with svc.db.session() as session:
            for poll_id in await polls.results_due(session):
                reports = [
                    Outgoing(
                        chat_id,
                        lang,
                        await report(session, poll_id, lang, svc.settings.tz, now=svc.clock()),
                    )
                    for chat_id, lang in await _authors(session, svc, poll_id)
                ]
                outgoing.append((poll_id, reports))
        return outgoing

    async def _send(self, bot: ExtBot[Any], poll_id: int, reports: list[Outgoing]) -> bool:
        """Send to each recipient; False when worth trying again (network, rate limit)."""
        done = True
        for item in reports:
            try:
                await notify(bot, item.chat_id, item.report, item.lang)
            except (tg.Forbidden, tg.BadRequest) as error:  # will not work later either
                log.warning("poll %s result not delivered: %s", poll_id, error)
            except tg.TelegramError as error:
                log.warning("poll %s result not sent, tried again later: %s", poll_id, error)
                done = False
        return done

    async def run(self, bot: ExtBot[Any]) -> int | None:
        """One tick: the number of results sent, None if not leading or it failed."""

        async def close_and_report() -> int:
            sent = 0
            for poll_id, reports in await self._prepare():
                if not await self._send(bot, poll_id, reports):
                    continue
                async with self.services.db.session() as session:
                    await polls.mark_result_sent(session, poll_id, clock=self.services.clock)
                    await session.commit()
                sent += 1
            return sent

        return await run_as_leader(self.leader, close_and_report, log=log, what="poll job")

    async def tick(self, context: Context) -> None:
        """The job queue's callback."""
        await self.run(context.bot)


def register(
    application: Application[Any, Any, Any, Any, Any, Any],
    services: Services,
    *,
    leader: LeaderLock,
) -> None:
    """Add the poll job, run only while this process holds ``leader``."""
    job = PollJob(services, leader)
    job_queue(application).run_repeating(
        job.tick, interval=POLLS_EVERY, first=FIRST_RUN, name="polls"
    )
