"""Helpers for the meeting tests: a draft, members, a stored meeting, its campaigns."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import Database
from bot.models import Campaign, CampaignStatus
from bot.services import meetings
from bot.services.meetings import MeetingDraft, MeetingOptions
from tests.conftest import FakeClock
from tests.unit.test_delivery_support import add_org, add_user

NOW = datetime(2026, 10, 1, 10, 0, tzinfo=UTC)
STAFF_ID = 700001
OPTIONS = MeetingOptions()
# 2026-12-03 13:00-15:00 in Stockholm (CET, UTC+1).
START = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
END = datetime(2026, 12, 3, 14, 0, tzinfo=UTC)


def draft(**changes: Any) -> MeetingDraft:
    """A valid meeting in Vänersborg on 3 December, with any field changed."""
    base = MeetingDraft(
        title="Dialogmöte om bidrag",
        starts_at=START,
        ends_at=END,
        place="Regionens hus, Vänersborg",
        description="Vi pratar om nya bidrag.",
    )
    return replace(base, **changes)


async def add_members(session: AsyncSession, count: int, *, first: int = 1) -> list[int]:
    """Members of one organisation (flushed); their users.id in order."""
    org = await add_org(session, f"Förening {first}")
    ids = []
    for telegram_id in range(first, first + count):
        ids.append((await add_user(session, telegram_id, org=org)).id)
    return ids


async def new_meeting(
    db: Database, clock: FakeClock, *, announce: bool = False, **changes: Any
) -> int:
    """A stored meeting (committed); its id."""
    async with db.session() as session:
        meeting = await meetings.create(
            session,
            draft(**changes),
            created_by=STAFF_ID,
            clock=clock,
            options=OPTIONS,
            announce=announce,
        )
        await session.commit()
        return meeting.id


async def subject_campaigns(
    session: AsyncSession, prefix: str, *, status: CampaignStatus | None = None
) -> list[Campaign]:
    """Campaigns whose subject starts with prefix, oldest first."""
    query = select(Campaign).where(Campaign.subject.startswith(prefix)).order_by(Campaign.id)
    if status is not None:
        query = query.where(Campaign.status == status)
    return list(await session.scalars(query))
