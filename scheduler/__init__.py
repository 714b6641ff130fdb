"""Scheduled jobs: each a thin, named call into a service."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from telegram.ext import Application, CallbackContext

from bot.services.container import Services
from scheduler import digest, feeds, nominations, polls, privacy

KNOWLEDGE_REFRESH = timedelta(seconds=60)


def register(application: Application[Any, Any, Any, Any, Any, Any], services: Services) -> None:
    """Add the jobs to the application's job queue (APScheduler underneath)."""
    job_queue = application.job_queue
    if job_queue is None:
        raise RuntimeError("python-telegram-bot was installed without the job-queue extra")

    async def refresh_knowledge(_context: CallbackContext[Any, Any, Any, Any]) -> None:
        # Another process (e.g. `signbot kb import`) may have changed the knowledge.
        await services.knowledge.refresh_if_changed()

    job_queue.run_repeating(
        refresh_knowledge,
        interval=KNOWLEDGE_REFRESH,
        first=KNOWLEDGE_REFRESH,
        name="knowledge-refresh",
    )
    feeds.register(job_queue)
    leader = digest.register(application, services)
    polls.register(application, services, leader=leader)
    nominations.register(application, services, leader=leader)
    privacy.register(application, services, leader=leader)
