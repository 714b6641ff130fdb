"""The scheduler's Timetable on python-telegram-bot's job queue (APScheduler underneath)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from telegram.ext import JobQueue

from handlers.core.common import App, Context
from scheduler.jobs import Tick


class JobQueueTimetable:
    """Puts each job on the application's job queue; the jobs never see Telegram's context."""

    def __init__(self, application: App) -> None:
        queue: JobQueue[Any] | None = application.job_queue
        if queue is None:
            raise RuntimeError("python-telegram-bot was installed without the job-queue extra")
        self.queue = queue

    def every(self, tick: Tick, *, interval: timedelta, first: timedelta, name: str) -> None:
        """Call ``tick`` every ``interval``, the first time ``first`` from now."""

        async def callback(_context: Context) -> None:
            await tick()

        self.queue.run_repeating(callback, interval=interval, first=first, name=name)
