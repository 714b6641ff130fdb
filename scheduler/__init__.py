"""Scheduled jobs: each a thin, named call into a service."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from telegram.ext import Application, CallbackContext

from bot.services.container import Services
from scheduler import digest, feeds, forms, nominations, polls, privacy
from scheduler.jobs import job_queue

KNOWLEDGE_REFRESH = timedelta(seconds=60)


def register(application: Application[Any, Any, Any, Any, Any, Any], services: Services) -> None:
    """Add the jobs to the application's job queue (APScheduler underneath)."""
    queue = job_queue(application)

    async def refresh_knowledge(_context: CallbackContext[Any, Any, Any, Any]) -> None:
        # Another process (e.g. `signbot kb import`) may have changed the knowledge.
        await services.knowledge.refresh_if_changed()

    queue.run_repeating(
        refresh_knowledge,
        interval=KNOWLEDGE_REFRESH,
        first=KNOWLEDGE_REFRESH,
        name="knowledge-refresh",
    )
    feeds.register(queue)
    digest.register(application, services)
    leader = services.leader
    polls.register(application, services, leader=leader)
    nominations.register(application, services, leader=leader)
    forms.register(application, services, leader=leader)
    privacy.register(application, services, leader=leader)
