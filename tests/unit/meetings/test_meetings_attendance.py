"""Answers: seats, the waiting list and its order, promotion, alerts, deadlines, races."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import Database
from bot.errors import DomainError
from bot.models import AttendanceStatus, Delivery
from bot.services import meetings
from bot.services.meetings import AnswerResult, Counts, MyStatus, subjects
from bot.services.meetings.capacity import tell_staff_of_capacity
from bot.services.staff_notices import StaffChats
from bot.timeutil import STOCKHOLM
from tests.conftest import FakeClock
from tests.unit.test_meetings_support import (
    NOW,
    OPTIONS,
    START,
    add_members,
    new_meeting,
    subject_campaigns,
)

GOING, WAITING, DECLINED = (
    AttendanceStatus.GOING,
    AttendanceStatus.WAITING,
    AttendanceStatus.DECLINED,
)


@pytest.fixture
def now() -> FakeClock:
    return FakeClock(NOW)


async def _answer(
    session: AsyncSession, meeting_id: int, user_id: int, clock: FakeClock, *, going: bool = True
) -> AnswerResult:
    return await meetings.answer(
        session, meeting_id, user_id, going=going, clock=clock, options=OPTIONS
    )


async def test_full_meeting_puts_people_in_line_and_a_decline_promotes(
    db: Database, now: FakeClock
) -> None:
    meeting_id = await new_meeting(db, now, capacity=2)
    async with db.session() as session:
        a, b, c, d = await add_members(session, 4)
        first = await _answer(session, meeting_id, a, now)
        assert first == AnswerResult(GOING, None, [], None, changed=True)
        now.advance(minutes=1)
        assert (await _answer(session, meeting_id, b, now)).status == GOING
        now.advance(minutes=1)
        assert (await _answer(session, meeting_id, c, now)).position == 1
        now.advance(minutes=1)
        fourth = await _answer(session, meeting_id, d, now)
        assert (fourth.status, fourth.position, fourth.changed) == (WAITING, 2, True)
        again = await _answer(session, meeting_id, d, now)
        assert (again.status, again.position, again.changed) == (WAITING, 2, False)
        assert await meetings.statuses(session, [meeting_id], d) == {
            meeting_id: MyStatus(WAITING, 2)
        }
        assert await meetings.statuses_of_users(session, meeting_id, [a, c, d, 999]) == {
            a: MyStatus(GOING, None),
            c: MyStatus(WAITING, 1),
            d: MyStatus(WAITING, 2),
            999: MyStatus(None, None),
        }
        await session.commit()
    async with db.session() as session:
        declined = await _answer(session, meeting_id, a, now, going=False)
        assert (declined.status, declined.promoted_user_ids) == (DECLINED, [c])
        await session.commit()
    async with db.session() as session:
        assert await meetings.status_of(session, meeting_id, c) == MyStatus(GOING, None)
        assert await meetings.status_of(session, meeting_id, d) == MyStatus(WAITING, 1)
        assert await meetings.counts(session, [meeting_id, 999]) == {
            meeting_id: Counts(going=2, waiting=1, declined=1),
            999: Counts(),
        }
        [notice] = await subject_campaigns(session, subjects.promoted(meeting_id))
        assert (notice.audience, notice.topic) == (f"user:{c}", None)
        # Someone in line who gives up leaves the line; nobody is promoted.
        left = await _answer(session, meeting_id, d, now, going=False)
        assert (left.status, left.promoted_user_ids) == (DECLINED, [])
        # Back again: the end of the line, not the old place.
        back = await _answer(session, meeting_id, a, now)
        assert (back.status, back.position) == (WAITING, 1)


async def test_declining_first_and_unlimited_seats(db: Database, now: FakeClock) -> None:
    meeting_id = await new_meeting(db, now)
    async with db.session() as session:
        members = await add_members(session, 3)
        no = await _answer(session, meeting_id, members[0], now, going=False)
        assert no == AnswerResult(DECLINED, None, [], None, changed=True)
        assert not (await _answer(session, meeting_id, members[0], now, going=False)).changed
        for user_id in members:
            result = await _answer(session, meeting_id, user_id, now)
            assert (result.status, result.capacity_alert) == (GOING, None)
        assert await meetings.status_of(session, meeting_id, 999) == MyStatus(None, None)


async def test_capacity_alerts_come_once_at_80_and_100_percent(
    db: Database, now: FakeClock
) -> None:
    meeting_id = await new_meeting(db, now, capacity=5)
    async with db.session() as session:
        members = await add_members(session, 6)
        alerts = [(await _answer(session, meeting_id, u, now)).capacity_alert for u in members[:5]]
        assert alerts == [None, None, None, 80, 100]
        # A seat freed and taken again does not alert a second time.
        await _answer(session, meeting_id, members[0], now, going=False)
        assert (await _answer(session, meeting_id, members[0], now)).capacity_alert is None
        assert (await _answer(session, meeting_id, members[5], now)).status == WAITING
        # Raising the capacity seats the one in line and re-arms what is no longer reached.
        result = await meetings.edit(
            session, meeting_id, actor=None, clock=now, options=OPTIONS, capacity=10
        )
        assert result.promoted_user_ids == [members[5]]
        more = await add_members(session, 4, first=100)
        alerts = [(await _answer(session, meeting_id, u, now)).capacity_alert for u in more]
        assert alerts == [None, 80, None, 100]  # 7, 8, 9 and 10 of 10 seats


async def test_deadline_closes_sign_up_but_not_declining(db: Database, now: FakeClock) -> None:
    deadline = START - timedelta(days=2)
    meeting_id = await new_meeting(db, now, signup_deadline=deadline)
    async with db.session() as session:
        a, b = await add_members(session, 2)
        await _answer(session, meeting_id, a, now)
        now.now = deadline
        with pytest.raises(DomainError) as closed:
            await _answer(session, meeting_id, b, now)
        assert closed.value.key == "meeting_signup_closed"
        assert (await _answer(session, meeting_id, a, now, going=False)).status == DECLINED
        now.now = START
        for going in (True, False):
            with pytest.raises(DomainError) as started:
                await _answer(session, meeting_id, a, now, going=going)
            assert started.value.key == "meeting_started"


async def test_cancelled_or_missing_meetings_refuse_answers(db: Database, now: FakeClock) -> None:
    meeting_id = await new_meeting(db, now)
    async with db.session() as session:
        [member] = await add_members(session, 1)
        await meetings.cancel(session, meeting_id, actor=None, clock=now)
        with pytest.raises(DomainError) as cancelled:
            await _answer(session, meeting_id, member, now)
        assert cancelled.value.key == "meeting_cancelled"
        with pytest.raises(DomainError) as missing:
            await _answer(session, 999, member, now)
        assert missing.value.key == "meeting_not_found"


async def test_two_people_taking_the_last_seat_at_once(db: Database, db_url: str) -> None:
    if not db_url.startswith("postgresql"):
        pytest.skip("row locks are PostgreSQL's; SQLite has one writer at a time")
    clock = FakeClock(NOW)
    meeting_id = await new_meeting(db, clock, capacity=1)
    async with db.session() as session:
        a, b = await add_members(session, 2)
        await session.commit()
    async with db.session() as first, db.session() as second:
        taken = await _answer(first, meeting_id, a, clock)
        racing = asyncio.create_task(_answer(second, meeting_id, b, clock))
        await asyncio.sleep(0.2)  # let the second reach the lock; it must wait for the first
        assert not racing.done()
        await first.commit()
        late = await racing
        await second.commit()
    assert (taken.status, late.status, late.position) == (GOING, WAITING, 1)


async def test_signed_up_lists_upcoming_seats_and_places_in_line_only(
    db: Database, now: FakeClock
) -> None:
    full = await new_meeting(db, now, capacity=1)
    declined = await new_meeting(db, now, title="Avböjt")
    cancelled = await new_meeting(db, now, title="Inställt")
    async with db.session() as session:
        a, b = await add_members(session, 2)
        await _answer(session, full, a, now)
        await _answer(session, full, b, now)
        await _answer(session, declined, b, now, going=False)
        await _answer(session, cancelled, b, now)
        await meetings.cancel(session, cancelled, actor=None, clock=now)
        mine = await meetings.signed_up(session, b, clock=now)
        assert [(meeting.id, status) for meeting, status in mine] == [(full, MyStatus(WAITING, 1))]
        assert [meeting.id for meeting, _ in await meetings.signed_up(session, a, clock=now)] == [
            full
        ]
        now.advance(days=400)  # after the meeting: nothing is upcoming
        assert await meetings.signed_up(session, a, clock=now) == []


async def test_the_capacity_notice_is_recorded_with_its_facts_for_the_staff_chat(
    db: Database, now: FakeClock
) -> None:
    meeting_id = await new_meeting(db, now, capacity=5)
    async with db.session() as session:
        for user_id in await add_members(session, 4):
            result = await _answer(session, meeting_id, user_id, now)
        assert result.capacity_alert == 80
        meeting = await meetings.get(session, meeting_id)
        to_chat = await tell_staff_of_capacity(
            session, meeting, 80, chats=StaffChats(-100, (7,)), clock=now, tz=STOCKHOLM
        )
        to_admins = await tell_staff_of_capacity(
            session, meeting, 100, chats=StaffChats(None, (7,)), clock=now, tz=STOCKHOLM
        )
        assert to_chat is not None and to_admins is not None
        assert to_chat.subject == f"staff_meeting_capacity:{meeting_id}:80:4:5"
        assert to_admins.subject == f"staff_meeting_capacity:{meeting_id}:100:4:5"
        assert meeting.title in to_chat.text_html  # its summary in /campaigns
        found = await session.execute(select(Delivery.campaign_id, Delivery.chat_id))
        assert sorted(tuple(row) for row in found) == [(to_chat.id, -100), (to_admins.id, 7)]
