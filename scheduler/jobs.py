"""What every scheduled job shares: the timetable it is put on, and a run that only the
leader makes and that never takes the bot down."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Protocol, TypeVar

from bot.services.leader import LeaderLock

T = TypeVar("T")
Tick = Callable[[], Awaitable[object]]


class Timetable(Protocol):
    """Where the jobs go: APScheduler underneath (python-telegram-bot's job queue in the
    bot, adapted by handlers.job_queue), so that jobs know nothing of Telegram."""

    def every(self, tick: Tick, *, interval: timedelta, first: timedelta, name: str) -> None:
        """Call ``tick`` every ``interval``, the first time ``first`` from now."""
        ...


async def run_as_leader(
    leader: LeaderLock, body: Callable[[], Awaitable[T]], *, log: logging.Logger, what: str
) -> T | None:
    """Run ``body`` if this process leads: its result, or None when not leading or it failed.

    A failure (e.g. the database is gone) is one line in ``log`` naming the error's type;
    the traceback only at DEBUG.
    """
    try:
        if not await leader.is_leader():
            return None
        return await body()
    except Exception as error:  # the job must never take the bot down
        log.error("%s run failed: %s", what, type(error).__name__)
        log.debug("traceback of the %s run", what, exc_info=error)
        return None
