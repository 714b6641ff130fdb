"""Creating, announcing, editing, moving and cancelling meetings, and their campaigns."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.db import Database
from bot.errors import DomainError
from bot.models import AuditEntry, CampaignStatus, MeetingStatus, Topic
from bot.services import meetings
from bot.services.meetings import subjects
from bot.timeutil import local
from tests.conftest import FakeClock
from tests.unit.test_meetings_support import (
    NOW,
    OPTIONS,
    STAFF_ID,
    START,
    add_members,
    new_meeting,
    subject_campaigns,
)


@pytest.fixture
def now() -> FakeClock:
    return FakeClock(NOW)


async def _actions(db: Database) -> list[str]:
    async with db.session() as session:
        query = select(AuditEntry.action).where(AuditEntry.action.startswith("meeting"))
        return list(await session.scalars(query.order_by(AuditEntry.id)))


async def test_create_schedules_reminders_and_announces(db: Database, now: FakeClock) -> None:
    meeting_id = await new_meeting(db, now, announce=True)
    async with db.session() as session:
        meeting = await meetings.get(session, meeting_id)
        assert (meeting.version, meeting.announced_at, meeting.status) == (
            1,
            NOW,
            MeetingStatus.SCHEDULED,
        )
        reminders = await subject_campaigns(session, subjects.reminder_prefix(meeting_id))
        assert [(c.subject, c.due_at, c.audience, c.topic) for c in reminders] == [
            (
                f"meeting_reminder:{meeting_id}:1:1440",
                START - timedelta(days=1),
                f"attendees:{meeting_id}",
                None,
            ),
            (
                f"meeting_reminder:{meeting_id}:1:60",
                START - timedelta(hours=1),
                f"attendees:{meeting_id}",
                None,
            ),
        ]
        [card] = await subject_campaigns(session, subjects.card(meeting_id))
        assert (card.topic, card.audience, card.due_at) == (Topic.MEETINGS, "all", NOW)
        assert card.text_html == "📅 Inbjudan: Dialogmöte om bidrag, 3 december kl. 13.00"
        assert card.created_by == STAFF_ID
    assert await _actions(db) == ["meeting_created", "meeting_announced"]


async def test_reminders_across_dst_keep_the_wall_time_and_skip_the_past(
    db: Database, now: FakeClock
) -> None:
    # Sunday 25 October 2026 09:00 CET; the clock says Saturday 12:00, after the 1-day time.
    now.now = datetime(2026, 10, 24, 10, 0, tzinfo=UTC)
    start = datetime(2026, 10, 25, 8, 0, tzinfo=UTC)
    first = await new_meeting(db, now, starts_at=start, ends_at=start + timedelta(hours=2))
    now.now = datetime(2026, 10, 20, 10, 0, tzinfo=UTC)
    second = await new_meeting(db, now, starts_at=start, ends_at=start + timedelta(hours=2))
    async with db.session() as session:
        late = await subject_campaigns(session, subjects.reminder_prefix(first))
        assert [c.subject.rsplit(":", 1)[1] for c in late if c.subject] == ["60"]
        day, hour = await subject_campaigns(session, subjects.reminder_prefix(second))
    assert day.due_at == datetime(2026, 10, 24, 7, 0, tzinfo=UTC)  # 25 hours before
    assert local(day.due_at).strftime("%a %H:%M %Z") == "Sat 09:00 CEST"
    assert hour.due_at == start - timedelta(hours=1)


async def test_announce_once_and_never_for_cancelled(db: Database, now: FakeClock) -> None:
    meeting_id = await new_meeting(db, now)
    async with db.session() as session:
        campaign = await meetings.announce(session, meeting_id, actor=STAFF_ID, clock=now)
        assert campaign.subject == f"meeting:{meeting_id}"
        await session.commit()
    async with db.session() as session:
        with pytest.raises(DomainError) as again:
            await meetings.announce(session, meeting_id, actor=STAFF_ID, clock=now)
        assert again.value.key == "meeting_already_announced"
    other = await new_meeting(db, now)
    async with db.session() as session:
        await meetings.cancel(session, other, actor=STAFF_ID, clock=now)
        with pytest.raises(DomainError) as cancelled:
            await meetings.announce(session, other, actor=STAFF_ID, clock=now)
        assert cancelled.value.key == "meeting_cancelled"
        with pytest.raises(DomainError) as missing:
            await meetings.announce(session, 999, actor=STAFF_ID, clock=now)
        assert missing.value.key == "meeting_not_found"


async def test_move_retimes_reminders_and_tells_attendees(db: Database, now: FakeClock) -> None:
    meeting_id = await new_meeting(db, now, signup_deadline=START - timedelta(days=2))
    async with db.session() as session:
        [member] = await add_members(session, 1)
        await meetings.answer(session, meeting_id, member, going=True, clock=now, options=OPTIONS)
        await session.commit()
    new_start = START + timedelta(days=7)
    async with db.session() as session:
        meeting = await meetings.move(
            session,
            meeting_id,
            starts_at=new_start,
            ends_at=new_start + timedelta(hours=2),
            actor=STAFF_ID,
            clock=now,
            options=OPTIONS,
        )
        await session.commit()
        assert (meeting.version, meeting.signup_deadline) == (2, new_start - timedelta(days=2))
    async with db.session() as session:
        prefix = subjects.reminder_prefix(meeting_id)
        old = await subject_campaigns(session, prefix, status=CampaignStatus.CANCELLED)
        new = await subject_campaigns(session, prefix, status=CampaignStatus.SCHEDULED)
        [notice] = await subject_campaigns(session, f"{subjects.CHANGED}:{meeting_id}:")
    assert {c.due_at for c in old} == {START - timedelta(days=1), START - timedelta(hours=1)}
    assert [(c.subject, c.due_at) for c in new] == [
        (f"meeting_reminder:{meeting_id}:2:1440", new_start - timedelta(days=1)),
        (f"meeting_reminder:{meeting_id}:2:60", new_start - timedelta(hours=1)),
    ]
    assert (notice.subject, notice.audience, notice.topic) == (
        f"meeting_changed:{meeting_id}:2",
        f"meeting:{meeting_id}",
        None,
    )
    assert await _actions(db) == ["meeting_created", "meeting_moved"]


async def test_move_close_to_now_schedules_no_reminder_in_the_past(
    db: Database, now: FakeClock
) -> None:
    meeting_id = await new_meeting(db, now)
    soon = NOW + timedelta(minutes=90)
    async with db.session() as session:
        await meetings.move(
            session,
            meeting_id,
            starts_at=soon,
            ends_at=soon + timedelta(hours=1),
            actor=None,
            clock=now,
            options=OPTIONS,
        )
        prefix = subjects.reminder_prefix(meeting_id)
        scheduled = await subject_campaigns(session, prefix, status=CampaignStatus.SCHEDULED)
        assert [c.due_at for c in scheduled] == [soon - timedelta(hours=1)]
        with pytest.raises(DomainError) as past:
            await meetings.move(
                session,
                meeting_id,
                starts_at=NOW - timedelta(hours=1),
                ends_at=NOW,
                actor=None,
                clock=now,
                options=OPTIONS,
            )
        assert past.value.key == "meeting_in_past"


async def test_edit_place_bumps_version_and_capacity_promotes(db: Database, now: FakeClock) -> None:
    meeting_id = await new_meeting(db, now, capacity=1)
    async with db.session() as session:
        first, second = await add_members(session, 2)
        for user_id in (first, second):
            await meetings.answer(
                session, meeting_id, user_id, going=True, clock=now, options=OPTIONS
            )
        await session.commit()
    async with db.session() as session:
        same = await meetings.edit(
            session,
            meeting_id,
            actor=STAFF_ID,
            clock=now,
            options=OPTIONS,
            title=" Dialogmöte om bidrag ",
        )
        assert (same.meeting.version, same.notified, same.promoted_user_ids) == (1, False, [])
        result = await meetings.edit(
            session,
            meeting_id,
            actor=STAFF_ID,
            clock=now,
            options=OPTIONS,
            place=None,
            online_url="https://teams.example/m/1",
            capacity=2,
        )
        await session.commit()
    assert (result.meeting.version, result.notified, result.promoted_user_ids) == (
        2,
        True,
        [second],
    )
    async with db.session() as session:
        promoted = await subject_campaigns(session, subjects.promoted(meeting_id))
        assert [c.audience for c in promoted] == [f"user:{second}"]
        prefix = subjects.reminder_prefix(meeting_id)
        live = await subject_campaigns(session, prefix, status=CampaignStatus.SCHEDULED)
        assert {c.subject.split(":")[2] for c in live if c.subject} == {"2"}
        with pytest.raises(DomainError) as bad:
            await meetings.edit(
                session, meeting_id, actor=None, clock=now, options=OPTIONS, online_url=None
            )
        assert bad.value.key == "meeting_place_missing"
    assert await _actions(db) == ["meeting_created", "meeting_edited:place,online_url,capacity"]


async def test_cancel_stops_reminders_and_card_and_tells_attendees(
    db: Database, now: FakeClock
) -> None:
    meeting_id = await new_meeting(db, now, announce=True)
    async with db.session() as session:
        [member] = await add_members(session, 1)
        await meetings.answer(session, meeting_id, member, going=True, clock=now, options=OPTIONS)
        meeting = await meetings.cancel(session, meeting_id, actor=STAFF_ID, clock=now)
        await session.commit()
        assert meeting.status == MeetingStatus.CANCELLED
    async with db.session() as session:
        reminders = await subject_campaigns(session, subjects.reminder_prefix(meeting_id))
        assert {c.status for c in reminders} == {CampaignStatus.CANCELLED}
        [card] = await subject_campaigns(session, subjects.card(meeting_id))
        assert card.status == CampaignStatus.CANCELLED
        [notice] = await subject_campaigns(session, subjects.cancelled(meeting_id))
        assert (notice.audience, notice.status) == (
            f"meeting:{meeting_id}",
            CampaignStatus.SCHEDULED,
        )
        assert await meetings.upcoming(session, clock=now) == []
        for attempt in (
            meetings.cancel(session, meeting_id, actor=None, clock=now),
            meetings.edit(session, meeting_id, actor=None, clock=now, options=OPTIONS, title="x"),
        ):
            with pytest.raises(DomainError) as refused:
                await attempt
            assert refused.value.key == "meeting_cancelled"


async def test_upcoming_lists_meetings_not_ended_soonest_first(
    db: Database, now: FakeClock
) -> None:
    later = await new_meeting(db, now)
    soon_start = NOW + timedelta(days=1)
    sooner = await new_meeting(
        db, now, starts_at=soon_start, ends_at=soon_start + timedelta(hours=1)
    )
    async with db.session() as session:
        assert [m.id for m in await meetings.upcoming(session, clock=now)] == [sooner, later]
    now.now = soon_start + timedelta(minutes=30)  # started, not ended: still listed
    async with db.session() as session:
        assert [m.id for m in await meetings.upcoming(session, clock=now)] == [sooner, later]
    now.now = soon_start + timedelta(hours=1)
    async with db.session() as session:
        assert [m.id for m in await meetings.upcoming(session, clock=now, limit=5)] == [later]
