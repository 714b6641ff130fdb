"""Everything stored about one user, as JSON-ready data (for /mydata)."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.models import (
    Attendance,
    AuditEntry,
    BroadcastDraft,
    CallReminder,
    Delivery,
    FundingCall,
    Meeting,
    Nomination,
    NominationRound,
    Poll,
    PollChoice,
    PollOption,
    PollVote,
    QuestionLog,
    StaffRelay,
    TopicPreference,
    User,
)
from bot.services.privacy.form_answers import export_form_answers
from bot.timeutil import local

JSON = dict[str, Any]


def _time(moment: datetime | None, tz: ZoneInfo) -> str | None:
    return None if moment is None else local(moment, tz).isoformat(timespec="seconds")


def _profile(user: User, tz: ZoneInfo) -> JSON:
    org = user.organisation
    return {
        "telegram_id": user.telegram_id,
        "name": user.display_name,
        "username": user.username,
        "language": user.language,
        "role": user.role.value,
        "status": user.status.value,
        "organisation": None if org is None else {"id": org.id, "name": org.name},
        "organisation_link": user.link_status.value,
        "digest_frequency": None if user.digest_frequency is None else user.digest_frequency.value,
        "first_seen": _time(user.first_seen, tz),
        "last_seen": _time(user.last_seen, tz),
    }


async def _questions(session: AsyncSession, user_id: int, tz: ZoneInfo) -> list[JSON]:
    relayed = set(
        await session.scalars(
            select(StaffRelay.question_id)
            .join(QuestionLog, QuestionLog.id == StaffRelay.question_id)
            .where(QuestionLog.user_id == user_id)
        )
    )
    rows = await session.scalars(
        select(QuestionLog).where(QuestionLog.user_id == user_id).order_by(QuestionLog.asked_at)
    )
    return [
        {
            "asked_at": _time(row.asked_at, tz),
            "question": row.question,
            "answered": row.answered,
            "feedback": row.feedback,
            "passed_to_staff": _time(row.handed_over_at, tz),
            "staff_replied": _time(row.staff_replied_at, tz),
            "forwarded_to_staff_chat": row.id in relayed,
        }
        for row in rows
    ]


async def _meetings(session: AsyncSession, user_id: int, tz: ZoneInfo) -> list[JSON]:
    rows = await session.execute(
        select(Attendance, Meeting.title, Meeting.starts_at)
        .join(Meeting, Meeting.id == Attendance.meeting_id)
        .where(Attendance.user_id == user_id)
        .order_by(Meeting.starts_at)
    )
    return [
        {
            "meeting_id": row.meeting_id,
            "title": title,
            "starts_at": _time(starts_at, tz),
            "answer": row.status.value,
            "answered_at": _time(row.joined_at, tz),
            "changed_at": _time(row.changed_at, tz),
        }
        for row, title, starts_at in rows
    ]


async def _call_reminders(session: AsyncSession, user_id: int, tz: ZoneInfo) -> list[JSON]:
    rows = await session.execute(
        select(CallReminder, FundingCall.title)
        .join(FundingCall, FundingCall.id == CallReminder.call_id)
        .where(CallReminder.user_id == user_id)
        .order_by(CallReminder.remind_at)
    )
    return [
        {
            "call_id": row.call_id,
            "title": title,
            "remind_at": _time(row.remind_at, tz),
            "asked_at": _time(row.created_at, tz),
        }
        for row, title in rows
    ]


async def _deliveries(session: AsyncSession, user_id: int, tz: ZoneInfo) -> list[JSON]:
    rows = await session.scalars(
        select(Delivery).where(Delivery.user_id == user_id).order_by(Delivery.id)
    )
    return [
        {
            "campaign_id": row.campaign_id,
            "status": row.status.value,
            "attempts": row.attempts,
            "sent_at": _time(row.sent_at, tz),
        }
        for row in rows
    ]


async def _poll_answers(session: AsyncSession, user_id: int, tz: ZoneInfo) -> list[JSON]:
    """Answers to named polls; anonymous answers hold no link to the user and are not found."""
    votes = list(
        (
            await session.execute(
                select(PollVote, Poll.question)
                .join(Poll, Poll.id == PollVote.poll_id)
                .where(PollVote.user_id == user_id)
                .order_by(PollVote.answered_at)
            )
        ).all()
    )
    chosen: dict[int, list[str]] = defaultdict(list)
    choices = await session.execute(
        select(PollChoice.vote_id, PollOption.text)
        .join(PollOption, PollOption.id == PollChoice.option_id)
        .where(PollChoice.vote_id.in_([vote.id for vote, _ in votes]))
        .order_by(PollOption.position)
    )
    for vote_id, text in choices:
        chosen[vote_id].append(text)
    return [
        {
            "poll_id": vote.poll_id,
            "question": question,
            "answer": chosen[vote.id],
            "comment": vote.comment,
            "answered_at": _time(vote.answered_at, tz),
            "changed_at": _time(vote.changed_at, tz),
        }
        for vote, question in votes
    ]


async def _nominations(session: AsyncSession, user_id: int, tz: ZoneInfo) -> list[JSON]:
    rows = await session.execute(
        select(Nomination, NominationRound.title)
        .join(NominationRound, NominationRound.id == Nomination.round_id)
        .where(Nomination.nominated_by == user_id)
        .order_by(Nomination.created_at)
    )
    return [
        {
            "round": title,
            "candidate_name": row.candidate_name,
            "candidate_organisation": row.candidate_organisation,
            "candidate_contact": row.candidate_contact,
            "motivation": row.motivation,
            "nominated_at": _time(row.created_at, tz),
        }
        for row, title in rows
    ]


async def _audit(session: AsyncSession, telegram_id: int, tz: ZoneInfo) -> list[JSON]:
    rows = await session.scalars(
        select(AuditEntry)
        .where(AuditEntry.actor_telegram_id == telegram_id)
        .order_by(AuditEntry.at, AuditEntry.id)
    )
    return [{"at": _time(row.at, tz), "action": row.action, "detail": row.detail} for row in rows]


async def export_user(session: AsyncSession, user_id: int, *, tz: ZoneInfo) -> JSON:
    """Everything stored about the user (users.id), with times in ``tz``, ready for json.dumps."""
    user = await session.get(User, user_id)
    if user is None:
        raise DomainError("user_not_found")
    return {
        "user": _profile(user, tz),
        "topics": [
            {
                "topic": row.topic.value,
                "enabled": row.enabled,
                "changed_at": _time(row.changed_at, tz),
            }
            for row in await session.scalars(
                select(TopicPreference)
                .where(TopicPreference.user_id == user_id)
                .order_by(TopicPreference.topic)
            )
        ],
        "questions": await _questions(session, user_id, tz),
        "meetings": await _meetings(session, user_id, tz),
        "call_reminders": await _call_reminders(session, user_id, tz),
        "messages_received": await _deliveries(session, user_id, tz),
        "poll_answers": await _poll_answers(session, user_id, tz),
        "nominations_made": await _nominations(session, user_id, tz),
        "form_answers": await export_form_answers(session, user_id, tz),
        "actions_logged": await _audit(session, user.telegram_id, tz),
        "broadcast_draft": await _broadcast_draft(session, user_id, tz),
    }


async def _broadcast_draft(session: AsyncSession, user_id: int, tz: ZoneInfo) -> JSON | None:
    """The broadcast a staff member is composing, if any."""
    row = await session.scalar(select(BroadcastDraft).where(BroadcastDraft.user_id == user_id))
    if row is None:
        return None
    return {
        "text_html": row.text_html,
        "media_kind": row.media_kind,
        "audience": row.audience,
        "send_at": _time(row.due_at, tz),
        "changed_at": _time(row.updated_at, tz),
    }
