"""/delete's service: nothing personal left in any table; poll answers and counts stay."""

from __future__ import annotations

import pytest
from pydantic import SecretStr
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.models import (
    Attendance,
    AttendanceStatus,
    AuditEntry,
    Campaign,
    CampaignStatus,
    FormResponse,
    Nomination,
    PollVote,
    QuestionLog,
    User,
)
from bot.services import polls, privacy, users
from bot.services.polls.voting import NO_VOTE
from bot.timeutil import STOCKHOLM
from tests.conftest import FakeClock
from tests.unit.privacy.test_privacy_support import (
    CANDIDATE,
    GRETA_TG,
    KEY,
    NOW,
    OTHER_TG,
    STAFF_TG,
    seed,
    traces,
)

NAMES = ("Greta Ekström", "gretae")
SECRET = SecretStr(KEY.decode())


async def _erase(session: AsyncSession, clock: FakeClock, user_id: int) -> privacy.Erased:
    erased = await privacy.erase_user(
        session, user_id, clock=clock, tz=STOCKHOLM, poll_secret=SECRET
    )
    await session.commit()
    return erased


async def test_nothing_personal_is_left_in_any_table(session: AsyncSession) -> None:
    clock = FakeClock(NOW)
    seeded = await seed(session, clock)
    await session.commit()
    before = await traces(session, user_id=seeded.user_id, telegram_id=GRETA_TG, names=NAMES)
    assert len(before) > 10  # the scan does find her before

    erased = await _erase(session, clock, seeded.user_id)

    assert await traces(session, user_id=seeded.user_id, telegram_id=GRETA_TG, names=NAMES) == []
    assert erased.questions == 1 and erased.meetings == 1 and erased.call_reminders == 1
    assert erased.deliveries == 1 and erased.poll_answers == 2 and erased.nominations == 1
    assert await session.get(User, seeded.user_id) is None
    other = await traces(session, user_id=seeded.other_id, telegram_id=OTHER_TG, names=("Olle",))
    assert other != []  # Olle is untouched


async def test_poll_answers_and_counts_stay_without_a_link(session: AsyncSession) -> None:
    clock = FakeClock(NOW)
    seeded = await seed(session, clock)
    await session.commit()
    named_before = await polls.results(session, seeded.named_poll)
    anonymous_before = await polls.results(session, seeded.anonymous_poll)

    await _erase(session, clock, seeded.user_id)

    named_after = await polls.results(session, seeded.named_poll)
    anonymous_after = await polls.results(session, seeded.anonymous_poll)
    assert named_after.counts == named_before.counts
    assert anonymous_after.counts == anonymous_before.counts
    comments = list(
        await session.scalars(select(PollVote.comment).where(PollVote.comment.is_not(None)))
    )
    assert comments == ["Mer tid för frågor"]  # the anonymous one; her named comment is gone
    # A newcomer who gets her old users.id (SQLite reuses it) finds no answer of hers.
    newcomer = await users.touch(
        session, telegram_id=777, display_name="Ny", username=None, admins=(), clock=clock
    )
    for poll_id in (seeded.named_poll, seeded.anonymous_poll):
        poll = await polls.get(session, poll_id)
        assert await polls.my_choice(session, poll, newcomer.id, key=KEY) == NO_VOTE


async def test_her_seat_goes_to_the_next_in_line(session: AsyncSession) -> None:
    clock = FakeClock(NOW)
    seeded = await seed(session, clock)
    await session.commit()

    await _erase(session, clock, seeded.user_id)

    status = await session.scalar(
        select(Attendance.status).where(Attendance.user_id == seeded.other_id)
    )
    assert status == AttendanceStatus.GOING
    promoted = await session.scalar(
        select(func.count(Campaign.id)).where(Campaign.subject.like("meeting_promoted%"))
    )
    assert promoted == 1


async def test_what_others_need_stays(session: AsyncSession) -> None:
    clock = FakeClock(NOW)
    seeded = await seed(session, clock)
    await session.commit()

    await _erase(session, clock, seeded.user_id)

    nomination = await session.scalar(select(Nomination))
    assert nomination is not None
    responses = list(await session.scalars(select(FormResponse)))  # her survey answer is gone
    assert [(r.form_id, r.user_id, r.organisation_id) for r in responses] == [
        (seeded.profile_id, None, seeded.org_id)
    ]
    assert (nomination.candidate_name, nomination.nominated_by) == (CANDIDATE, None)
    question = await session.scalar(select(QuestionLog))
    assert question is not None and (question.user_id, question.question) == (None, "")
    reminders = list(
        await session.scalars(select(Campaign).where(Campaign.subject.like("call_reminder%")))
    )
    assert [(c.status, c.audience) for c in reminders] == [(CampaignStatus.CANCELLED, "user:0")]
    erased = await session.scalar(select(AuditEntry).where(AuditEntry.action == "user_erased"))
    assert erased is not None and erased.actor_telegram_id is None
    note = await session.scalar(select(AuditEntry).where(AuditEntry.action == "note"))
    assert note is not None
    assert (note.actor_telegram_id, note.detail) == (STAFF_TG, "about user [erased]")


async def test_an_erased_staff_member_leaves_no_author_id(session: AsyncSession) -> None:
    clock = FakeClock(NOW)
    seeded = await seed(session, clock)
    staff = await users.add_staff(session, STAFF_TG, admin=False, clock=clock)
    await session.commit()

    await _erase(session, clock, staff.id)

    assert await traces(session, user_id=staff.id, telegram_id=STAFF_TG, names=()) == []
    assert await session.get(User, seeded.user_id) is not None


async def test_erasing_an_unknown_user_is_refused(session: AsyncSession) -> None:
    with pytest.raises(DomainError) as refused:
        await privacy.erase_user(session, 4711, clock=FakeClock(NOW), tz=STOCKHOLM)
    assert refused.value.key == "user_not_found"
