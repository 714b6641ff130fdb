"""Creating a poll (and its campaign), finding it, closing it, and results due."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.db import Database
from bot.errors import DomainError
from bot.models import AuditEntry, Campaign, CampaignStatus, PollStatus, Topic
from bot.services import polls
from tests.conftest import FakeClock
from tests.unit.polls.test_polls_support import NOW, STAFF_ID, draft, new_poll


async def test_create_stores_the_poll_and_one_campaign(db: Database) -> None:
    clock = FakeClock(NOW)
    poll = await new_poll(
        db, clock, options=(" Ja ", "Nej"), multiple=True, anonymous=True, audience="topic:meetings"
    )
    async with db.session() as session:
        stored = await polls.get(session, poll.id)
        [campaign] = list(await session.scalars(select(Campaign)))
        actions = list(await session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    assert [(o.position, o.text) for o in stored.options] == [(0, "Ja"), (1, "Nej")]
    assert (stored.multiple, stored.anonymous, stored.allow_comment) == (True, True, False)
    assert stored.status == PollStatus.OPEN
    assert stored.closes_at == NOW + timedelta(days=7)
    assert stored.created_by == STAFF_ID
    assert stored.campaign_id == campaign.id
    assert campaign.subject == f"poll:{poll.id}"
    assert campaign.topic == Topic.POLLS
    assert campaign.audience == "topic:meetings"
    assert campaign.status == CampaignStatus.SCHEDULED
    assert campaign.due_at == NOW
    assert campaign.text_html == "Enkät: Hur vill ni träffas?"
    assert actions == ["campaign_created", "poll_created"]


async def test_create_with_a_closing_time_and_poll_days(db: Database) -> None:
    clock = FakeClock(NOW)
    closes = NOW + timedelta(hours=5)
    assert (await new_poll(db, clock, closes_at=closes)).closes_at == closes
    async with db.session() as session:
        poll = await polls.create(session, draft(), created_by=None, clock=clock, poll_days=2)
    assert poll.closes_at == NOW + timedelta(days=2)


async def test_bad_audience_or_draft_stores_nothing(db: Database) -> None:
    clock = FakeClock(NOW)
    async with db.session() as session:
        with pytest.raises(DomainError) as raised:
            await polls.create(session, draft(audience="moon"), created_by=None, clock=clock)
        assert raised.value.key == "audience_unknown"
        with pytest.raises(DomainError) as raised:
            await polls.create(session, draft(options=("Ja",)), created_by=None, clock=clock)
        assert raised.value.key == "poll_options_count"
        assert await polls.recent(session) == []


async def test_get_recent_and_unknown(db: Database) -> None:
    clock = FakeClock(NOW)
    first = await new_poll(db, clock)
    clock.advance(minutes=1)
    second = await new_poll(db, clock, question="Andra frågan?")
    async with db.session() as session:
        assert [p.id for p in await polls.recent(session)] == [second.id, first.id]
        assert [p.id for p in await polls.recent(session, limit=1)] == [second.id]
        with pytest.raises(DomainError) as raised:
            await polls.get(session, 999)
    assert raised.value.key == "poll_not_found"


async def test_close_is_idempotent_and_results_are_due_once(db: Database) -> None:
    clock = FakeClock(NOW)
    poll = await new_poll(db, clock)
    async with db.session() as session:
        assert await polls.results_due(session) == []
        closed = await polls.close(session, poll.id, clock=clock, actor=STAFF_ID)
        assert (closed.status, closed.closed_at) == (PollStatus.CLOSED, NOW)
        clock.advance(hours=1)
        again = await polls.close(session, poll.id, clock=clock)
        assert again.closed_at == NOW
        assert await polls.results_due(session) == [poll.id]
        await polls.mark_result_sent(session, poll.id, clock=clock)
        assert await polls.results_due(session) == []
        actions = list(await session.scalars(select(AuditEntry.action)))
    assert actions.count("poll_closed") == 1


async def test_close_due_closes_only_polls_whose_time_has_come(db: Database) -> None:
    clock = FakeClock(NOW)
    soon = await new_poll(db, clock, closes_at=NOW + timedelta(hours=1))
    later = await new_poll(db, clock, closes_at=NOW + timedelta(hours=2))
    async with db.session() as session:
        assert await polls.close_due(session, clock=clock) == []
        clock.advance(hours=1)
        assert await polls.close_due(session, clock=clock) == [soon.id]
        assert await polls.close_due(session, clock=clock) == []
        await session.commit()
    async with db.session() as session:
        assert (await polls.get(session, soon.id)).status == PollStatus.CLOSED
        assert (await polls.get(session, later.id)).status == PollStatus.OPEN
