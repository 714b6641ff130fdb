"""The feed poll job: every minute, poll the feeds that are due; tell staff of state changes."""

from __future__ import annotations

import logging
from datetime import timedelta

import httpx
from telegram.ext import JobQueue

from bot.services import calls
from bot.services.container import Services
from bot.services.feeds import FeedOptions, RunReport, poll_due
from handlers.core.common import Context, deliver_all
from handlers.feeds.view import staff_notices

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
            )
    except Exception as error:  # the job must never take the bot down (e.g. database gone)
        causes = error.exceptions if isinstance(error, ExceptionGroup) else (error,)
        log.error("feed poll run failed: %s", ", ".join(sorted({type(c).__name__ for c in causes})))
        log.debug("traceback of the feed poll run", exc_info=error)
        return None


async def poll_feeds(context: Context) -> None:
    """The job: poll what is due, then tell staff which feeds were disabled or recovered,
    and which had more new items than were announced."""
    services: Services = context.bot_data["services"]
    report = await run_poll(services)
    if report is None or not (report.disabled_now or report.recovered or report.capped):
        return
    async with services.db.session() as session:
        notices = await staff_notices(session, services.settings, report.outcomes)
    await deliver_all(context, notices)


def register(job_queue: JobQueue[Context]) -> None:
    """Add the feed poll job."""
    job_queue.run_repeating(
        poll_feeds, interval=FEED_POLL_EVERY, first=FEED_POLL_EVERY, name="feeds-poll"
    )
