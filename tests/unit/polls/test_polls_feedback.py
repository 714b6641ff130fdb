"""The feedback poll after a meeting: the template, and one poll per ended meeting."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.db import Database
from bot.errors import DomainError
from bot.models import AppSetting, AuditEntry, Campaign, Poll, Topic
from bot.services import meetings, polls
from bot.services.polls import FeedbackTemplate
from tests.conftest import FakeClock
from tests.unit.test_meetings_support import END, NOW, OPTIONS, STAFF_ID, add_members, new_meeting


async def _sign_up(db: Database, meeting_id: int, count: int, clock: FakeClock) -> None:
    async with db.session() as session:
        for user_id in await add_members(session, count, first=100 * meeting_id):
            await meetings.answer(
                session, meeting_id, user_id, going=True, clock=clock, options=OPTIONS
            )
        await session.commit()


async def test_template_default_round_trip_and_checks(db: Database) -> None:
    clock = FakeClock(NOW)
    async with db.session() as session:
        default = await polls.feedback_template(session)
        assert default == polls.default_template()
        assert default.options == ("1", "2", "3", "4", "5")
        assert (default.allow_comment, default.anonymous, default.days) == (True, True, 3)
        assert "{title}" in default.question
        mine = FeedbackTemplate(
            question="Vad tyckte du om {title}?",
            options=("Bra", "Sådär", "Dåligt"),
            allow_comment=False,
            anonymous=False,
            days=5,
        )
        await polls.set_feedback_template(session, mine, actor=STAFF_ID, clock=clock)
        await session.commit()
    async with db.session() as session:
        assert await polls.feedback_template(session) == mine
        for broken, key in [
            (FeedbackTemplate(question="Hur var det?", options=("Bra",)), "poll_options_count"),
            (FeedbackTemplate(question=" "), "poll_question_missing"),
            (FeedbackTemplate(question="Hur var det?", days=0), "poll_feedback_days_invalid"),
        ]:
            with pytest.raises(DomainError) as raised:
                await polls.set_feedback_template(session, broken, actor=None, clock=clock)
            assert raised.value.key == key
        assert await polls.feedback_template(session) == mine
        actions = list(await session.scalars(select(AuditEntry.action)))
        assert actions.count("poll_template_set") == 1


async def test_a_garbled_stored_template_falls_back_to_the_default(db: Database) -> None:
    async with db.session() as session:
        session.add(AppSetting(key="poll_feedback_template", value="{not json"))
        await session.flush()
        assert await polls.feedback_template(session) == polls.default_template()


async def test_one_poll_per_ended_meeting_never_a_second(db: Database) -> None:
    clock = FakeClock(NOW)
    held = await new_meeting(db, clock, title="Dialogmöte om bidrag & stöd")
    cancelled = await new_meeting(db, clock)
    await new_meeting(db, clock)  # nobody signed up: no poll
    await _sign_up(db, held, 2, clock)
    await _sign_up(db, cancelled, 1, clock)
    async with db.session() as session:
        await meetings.cancel(session, cancelled, actor=STAFF_ID, clock=clock)
        await session.commit()
    clock.now = END - timedelta(minutes=1)
    async with db.session() as session:
        assert await polls.create_meeting_feedback(session, clock=clock) == []
    clock.now = END
    async with db.session() as session:
        [poll] = await polls.create_meeting_feedback(session, clock=clock)
        await session.commit()
        poll_id = poll.id
    for _ in range(2):
        clock.advance(hours=1)
        async with db.session() as session:
            assert await polls.create_meeting_feedback(session, clock=clock) == []
            await session.commit()
    async with db.session() as session:
        [stored] = list(await session.scalars(select(Poll)))
        campaign = await session.get_one(Campaign, stored.campaign_id)
    assert stored.id == poll_id
    assert stored.meeting_id == held
    assert stored.question == (
        "Hur var mötet ”Dialogmöte om bidrag & stöd”? "
        "Ge ett betyg från 1 (dåligt) till 5 (mycket bra)."
    )
    assert [o.text for o in stored.options] == ["1", "2", "3", "4", "5"]
    assert (stored.anonymous, stored.allow_comment, stored.multiple) == (True, True, False)
    assert stored.audience == f"attendees:{held}"
    assert stored.created_by == STAFF_ID
    assert stored.closes_at == END + timedelta(days=3)
    assert (campaign.subject, campaign.topic) == (f"poll:{poll_id}", Topic.POLLS)


async def test_meetings_that_ended_long_ago_get_no_poll(db: Database) -> None:
    clock = FakeClock(NOW)
    held = await new_meeting(db, clock)
    await _sign_up(db, held, 1, clock)
    clock.now = END + timedelta(days=2)
    async with db.session() as session:
        assert await polls.create_meeting_feedback(session, clock=clock) == []
