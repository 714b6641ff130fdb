"""Helpers for the poll tests: a draft, members, a stored poll, its recipients."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import Database
from bot.models import Delivery, DeliveryStatus, Poll
from bot.services import polls
from bot.services.polls import PollDraft
from tests.conftest import FakeClock

NOW = datetime(2026, 10, 1, 10, 0, tzinfo=UTC)
STAFF_ID = 700001
KEY = b"test-poll-key"


def draft(**changes: Any) -> PollDraft:
    """A valid single-choice poll to everyone, with any field changed."""
    base = PollDraft(question="Hur vill ni träffas?", options=("På plats", "Digitalt", "Båda"))
    return replace(base, **changes)


async def new_poll(db: Database, clock: FakeClock, **changes: Any) -> Poll:
    """A stored poll (committed)."""
    async with db.session() as session:
        poll = await polls.create(session, draft(**changes), created_by=STAFF_ID, clock=clock)
        await session.commit()
        return poll


async def option_ids(session: AsyncSession, poll_id: int) -> list[int]:
    """The poll's option ids in order."""
    return [option.id for option in (await polls.get(session, poll_id)).options]


async def mark_sent(
    session: AsyncSession, poll: Poll, user_ids: list[int], clock: FakeClock
) -> None:
    """Deliveries of the poll's campaign, as if the worker had sent them (flushed)."""
    assert poll.campaign_id is not None
    for user_id in user_ids:
        session.add(
            Delivery(
                campaign_id=poll.campaign_id,
                user_id=user_id,
                chat_id=user_id,
                status=DeliveryStatus.SENT,
                sent_at=clock(),
            )
        )
    await session.flush()
