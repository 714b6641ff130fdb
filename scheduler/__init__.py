"""Scheduled jobs: each a thin, named call into a service, put on a Timetable."""

from __future__ import annotations

from datetime import timedelta

from bot.services.container import Services
from scheduler import digest, feeds, forms, nominations, polls, privacy
from scheduler.jobs import Timetable

KNOWLEDGE_REFRESH = timedelta(seconds=60)


def register(timetable: Timetable, services: Services) -> None:
    """Put every job on the timetable (APScheduler underneath)."""

    async def refresh_knowledge() -> None:
        # Another process (e.g. `signbot kb import`) may have changed the knowledge.
        await services.knowledge.refresh_if_changed()

    timetable.every(
        refresh_knowledge,
        interval=KNOWLEDGE_REFRESH,
        first=KNOWLEDGE_REFRESH,
        name="knowledge-refresh",
    )
    feeds.register(timetable, services)
    digest.register(timetable, services)
    polls.register(timetable, services)
    nominations.register(timetable, services)
    forms.register(timetable, services)
    privacy.register(timetable, services)
