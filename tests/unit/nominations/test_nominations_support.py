"""Helpers for the nomination tests: a period, a candidate, an open round."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import NominationRound
from bot.services import nominations
from bot.services.nominations import Candidate
from tests.conftest import FakeClock

NOW = datetime(2026, 10, 20, 8, 0, tzinfo=UTC)  # Tuesday 10:00 in Stockholm
STAFF_ID = 700001
TITLE = "Styrgruppen 2027–2030"


def candidate(**changes: str) -> Candidate:
    """A valid candidate, with any field changed."""
    values = {
        "name": "Anna Andersson",
        "organisation": "Röda Korset Västra Götaland",
        "contact": "anna@example.se",
        "motivation": "Lång erfarenhet av samverkan.",
        **changes,
    }
    return Candidate(**values)


async def open_round(
    session: AsyncSession, clock: FakeClock, *, days: float = 30, **changes: Any
) -> NominationRound:
    """A round open from now for some days (flushed), unannounced unless told."""
    values: dict[str, Any] = {
        "title": TITLE,
        "opens_at": clock(),
        "closes_at": clock() + timedelta(days=days),
        "created_by": STAFF_ID,
        "clock": clock,
        "announce": False,
        **changes,
    }
    return await nominations.open_round(session, **values)
