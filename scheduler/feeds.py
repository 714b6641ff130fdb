"""The feed poll job: every minute, poll the feeds that are due; staff hear of state changes
and of feeds over their caps through the delivery engine, each notice recorded with the
feed's outcome."""

from __future__ import annotations

import logging
from datetime import timedelta

import httpx

from bot.services import calls
from bot.services.container import Services
from bot.services.feeds import FeedOptions, RunReport, poll_due
from bot.services.feeds.notices import staff_notifier
from scheduler.jobs import Timetable

log = logging.getLogger(__name__)

# How often the job looks for due feeds; each feed's own interval decides when it is due.
FEED_POLL_EVERY = timedelta(seconds=60)


async def run_poll(services: Services) -> RunReport | None:
    """One poll run over the due feeds; None (logged) if the run itself failed."""
    try:
        async with httpx.AsyncClient() as client:
            return await poll_due(
                services.db,
                client,
                convert=calls.create_from_feed_item,
                clock=services.clock,
                options=FeedOptions.from_settings(services.settings),
                notify=staff_notifier(services.settings, services.clock),
            )
    except Exception as error:  # the job must never take the bot down (e.g. database gone)
        causes = error.exceptions if isinstance(error, ExceptionGroup) else (error,)
        log.error("feed poll run failed: %s", ", ".join(sorted({type(c).__name__ for c in causes})))
        log.debug("traceback of the feed poll run", exc_info=error)
        return None


async def poll_feeds(services: Services) -> None:
    """The job: poll what is due (staff's notices are recorded as each feed is)."""
    await run_poll(services)


def register(timetable: Timetable, services: Services) -> None:
    """Add the feed poll job (every process polls: each feed is claimed by one)."""

    async def tick() -> None:
        await poll_feeds(services)

    timetable.every(tick, interval=FEED_POLL_EVERY, first=FEED_POLL_EVERY, name="feeds-poll")
