"""What every scheduled job shares: the job queue, and a run that only the leader makes and
that never takes the bot down."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from telegram.ext import Application, JobQueue

from bot.services.leader import LeaderLock

T = TypeVar("T")


def job_queue(application: Application[Any, Any, Any, Any, Any, Any]) -> JobQueue[Any]:
    """The application's job queue (APScheduler underneath)."""
    queue: JobQueue[Any] | None = application.job_queue
    if queue is None:
        raise RuntimeError("python-telegram-bot was installed without the job-queue extra")
    return queue


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
