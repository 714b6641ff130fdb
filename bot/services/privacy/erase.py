"""Erasing a user: their personal data goes, what others need stays without a link to them.

Kept, unlinked: answers to polls (counts stay right), questions (the row, for statistics,
with the text blanked), nominations and organisation profiles (they belong to the
organisation). Everything else
about the user is deleted, and last the user row itself: if they write again, they are new.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from pydantic import SecretStr
from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.models import (
    Attendance,
    AttendanceStatus,
    BroadcastDraft,
    CallReminder,
    Delivery,
    Meeting,
    MeetingStatus,
    Nomination,
    Poll,
    PollVote,
    QuestionLog,
    StaffRelay,
    TopicPreference,
    User,
)
from bot.services import audit
from bot.services.meetings import queries
from bot.services.meetings.attendance import promote
from bot.services.polls.voting import poll_key, voter_key
from bot.services.privacy.form_answers import erase_form_answers
from bot.services.privacy.unlink import unlink_campaigns, unlink_staff_traces
from bot.timeutil import Clock


@dataclass(frozen=True)
class Erased:
    """How many of the user's rows were deleted or unlinked."""

    questions: int
    meetings: int
    call_reminders: int
    deliveries: int
    poll_answers: int
    nominations: int
    form_answers: int
    audit_entries: int


async def _count_and_delete(
    session: AsyncSession,
    model: type[Attendance] | type[CallReminder] | type[Delivery],
    user_id: int,
) -> int:
    ids = list(await session.scalars(select(model.id).where(model.user_id == user_id)))
    if ids:
        await session.execute(delete(model).where(model.id.in_(ids)))
    return len(ids)


async def _questions(session: AsyncSession, user_id: int) -> int:
    ids = list(await session.scalars(select(QuestionLog.id).where(QuestionLog.user_id == user_id)))
    if ids:
        await session.execute(delete(StaffRelay).where(StaffRelay.question_id.in_(ids)))
        await session.execute(
            update(QuestionLog)
            .where(QuestionLog.id.in_(ids))
            .values(user_id=None, question="")
            .execution_options(synchronize_session=False)
        )
    return len(ids)


async def _meetings(session: AsyncSession, user_id: int, *, clock: Clock, tz: ZoneInfo) -> int:
    """Delete the user's answers; a seat they held at a coming meeting goes to the next in line."""
    now = clock()
    held = list(
        await session.scalars(
            select(Attendance.meeting_id)
            .join(Meeting, Meeting.id == Attendance.meeting_id)
            .where(
                Attendance.user_id == user_id,
                Attendance.status == AttendanceStatus.GOING,
                Meeting.status == MeetingStatus.SCHEDULED,
                Meeting.starts_at > now,
            )
        )
    )
    count = await _count_and_delete(session, Attendance, user_id)
    for meeting_id in held:
        await promote(session, await queries.locked(session, meeting_id), clock=clock, tz=tz)
    return count


async def _poll_answers(session: AsyncSession, user_id: int, secret: SecretStr | None) -> int:
    """Cut every link from the user's votes: named ones lose user and comment; the voter key
    of every vote (anonymous ones too) becomes random, so it cannot be recomputed."""
    named = list(await session.scalars(select(PollVote).where(PollVote.user_id == user_id)))
    anonymous: list[PollVote] = []
    anonymous_polls = list(await session.scalars(select(Poll.id).where(Poll.anonymous)))
    if anonymous_polls:
        key = await poll_key(session, secret)
        keys = [await voter_key(session, poll_id, user_id, key=key) for poll_id in anonymous_polls]
        anonymous = list(
            await session.scalars(select(PollVote).where(PollVote.voter_key.in_(keys)))
        )
    for vote in named:
        vote.user_id = None
        vote.comment = None
    for vote in [*named, *anonymous]:
        vote.voter_key = secrets.token_hex(32)
    await session.flush()
    return len(named) + len(anonymous)


async def _call_reminders(session: AsyncSession, user_id: int) -> int:
    return await _count_and_delete(session, CallReminder, user_id)


async def erase_user(
    session: AsyncSession,
    user_id: int,
    *,
    clock: Clock,
    tz: ZoneInfo,
    poll_secret: SecretStr | None = None,
) -> Erased:
    """Erase the user (users.id) and every link to them (flushed; the caller commits).

    ``poll_secret`` is the SIGNBOT_POLL_KEY setting, to find the user's anonymous votes.
    """
    user = await session.get(User, user_id)
    if user is None:
        raise DomainError("user_not_found")
    await unlink_campaigns(session, user_id, clock=clock)
    erased = Erased(
        questions=await _questions(session, user_id),
        meetings=await _meetings(session, user_id, clock=clock, tz=tz),
        call_reminders=await _call_reminders(session, user_id),
        deliveries=await _count_and_delete(session, Delivery, user_id),
        poll_answers=await _poll_answers(session, user_id, poll_secret),
        nominations=await _detach_nominations(session, user_id),
        form_answers=await erase_form_answers(session, user_id),
        audit_entries=await unlink_staff_traces(session, user),
    )
    await session.execute(delete(TopicPreference).where(TopicPreference.user_id == user_id))
    await session.execute(delete(BroadcastDraft).where(BroadcastDraft.user_id == user_id))
    await session.delete(user)
    await session.flush()
    await audit.record(
        session,
        actor_telegram_id=None,
        action="user_erased",
        detail=(
            f"{erased.questions} questions, {erased.meetings} meeting answers, "
            f"{erased.poll_answers} poll answers unlinked"
        ),
        clock=clock,
    )
    return erased


async def _detach_nominations(session: AsyncSession, user_id: int) -> int:
    ids = list(
        await session.scalars(select(Nomination.id).where(Nomination.nominated_by == user_id))
    )
    if ids:
        await session.execute(
            update(Nomination).where(Nomination.id.in_(ids)).values(nominated_by=None)
        )
    return len(ids)
