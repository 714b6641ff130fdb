"""The campaigns a meeting sends: its card, reminders, change and cancellation notices.

Each campaign has a subject (see ``subjects``) that is rendered for every recipient at
send time; its ``text_html`` is only the summary staff see in /campaigns (in Swedish,
the staff's language).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import Attendance, AttendanceStatus, Campaign, CampaignStatus, Meeting, Topic
from bot.services.delivery import campaigns
from bot.services.delivery.schedule import show
from bot.services.meetings import subjects
from bot.texts import DEFAULT_LANGUAGE, t
from bot.timeutil import Clock, as_utc, local

MINUTES_PER_DAY = 24 * 60


def reminder_due(starts_at: datetime, minutes: int, tz: ZoneInfo) -> datetime:
    """When a reminder ``minutes`` before the start is due (UTC).

    Whole days are counted on the local calendar, so "1 day before" a 09:00 meeting is at
    09:00 the day before even across a change of daylight saving time; the rest is exact.
    """
    days, rest = divmod(minutes, MINUTES_PER_DAY)
    wall = local(starts_at, tz) - timedelta(days=days)  # aware arithmetic keeps the wall time
    return as_utc(wall) - timedelta(minutes=rest)


def _before(minutes: int) -> str:
    days, rest = divmod(minutes, MINUTES_PER_DAY)
    if days and not rest:
        return t("meeting_before_days", DEFAULT_LANGUAGE, n=days)
    if minutes % 60 == 0:
        return t("meeting_before_hours", DEFAULT_LANGUAGE, n=minutes // 60)
    return t("meeting_before_minutes", DEFAULT_LANGUAGE, n=minutes)


def _summary(key: str, meeting: Meeting, tz: ZoneInfo, **extra: object) -> str:
    return t(key, DEFAULT_LANGUAGE, title=meeting.title, when=show(meeting.starts_at, tz), **extra)


async def schedule_reminders(
    session: AsyncSession,
    meeting: Meeting,
    *,
    reminders: tuple[int, ...],
    actor: int | None,
    clock: Clock,
    tz: ZoneInfo,
) -> list[Campaign]:
    """One reminder campaign per configured time that is still in the future."""
    now = clock()
    made = []
    for minutes in sorted(set(reminders), reverse=True):
        due = reminder_due(meeting.starts_at, minutes, tz)
        if minutes <= 0 or due <= now:
            continue  # never a reminder for a moment already gone
        made.append(
            await campaigns.create(
                session,
                text_html=_summary(
                    "meeting_summary_reminder", meeting, tz, before=_before(minutes)
                ),
                audience_spec=f"attendees:{meeting.id}",
                created_by=actor,
                clock=clock,
                topic=None,
                subject=subjects.reminder(meeting.id, meeting.version, minutes),
                due_at=due,
            )
        )
    return made


async def _cancel(
    session: AsyncSession,
    matches: ColumnElement[bool],
    statuses: tuple[CampaignStatus, ...],
    clock: Clock,
) -> list[int]:
    query = select(Campaign.id).where(matches, Campaign.status.in_(statuses))
    found = list(await session.scalars(query))
    for campaign_id in found:
        await campaigns.cancel(session, campaign_id, clock=clock)
    return found


async def cancel_reminders(session: AsyncSession, meeting_id: int, *, clock: Clock) -> list[int]:
    """Cancel the meeting's reminders that have not started sending; their ids."""
    prefix = subjects.reminder_prefix(meeting_id)
    matches = Campaign.subject.startswith(prefix, autoescape=True)
    return await _cancel(session, matches, (CampaignStatus.SCHEDULED,), clock)


async def cancel_card(session: AsyncSession, meeting_id: int, *, clock: Clock) -> list[int]:
    """Stop an announcement still on its way (nobody should be invited to a cancelled meeting)."""
    matches = Campaign.subject == subjects.card(meeting_id)
    return await _cancel(session, matches, campaigns.OPEN, clock)


async def has_answers(session: AsyncSession, meeting_id: int) -> bool:
    """Whether anyone has said they are coming (a seat or a place in line)."""
    query = select(Attendance.id).where(
        Attendance.meeting_id == meeting_id,
        Attendance.status.in_((AttendanceStatus.GOING, AttendanceStatus.WAITING)),
    )
    return await session.scalar(query.limit(1)) is not None


async def card(
    session: AsyncSession, meeting: Meeting, *, actor: int | None, clock: Clock, tz: ZoneInfo
) -> Campaign:
    """The announcement to subscribers of the meetings topic."""
    return await campaigns.create(
        session,
        text_html=_summary("meeting_summary_card", meeting, tz),
        audience_spec="all",
        created_by=actor,
        clock=clock,
        topic=Topic.MEETINGS,
        subject=subjects.card(meeting.id),
    )


async def changed(
    session: AsyncSession, meeting: Meeting, *, actor: int | None, clock: Clock, tz: ZoneInfo
) -> Campaign:
    """Tell everyone who is coming or waiting that the time or place changed."""
    subject = subjects.changed(meeting.id, meeting.version)
    return await _to_those_answering(
        session, meeting, "meeting_summary_changed", subject, actor=actor, clock=clock, tz=tz
    )


async def cancelled(
    session: AsyncSession, meeting: Meeting, *, actor: int | None, clock: Clock, tz: ZoneInfo
) -> Campaign:
    """Tell everyone who is coming or waiting that the meeting is cancelled."""
    subject = subjects.cancelled(meeting.id)
    return await _to_those_answering(
        session, meeting, "meeting_summary_cancelled", subject, actor=actor, clock=clock, tz=tz
    )


async def _to_those_answering(
    session: AsyncSession,
    meeting: Meeting,
    summary_key: str,
    subject: str,
    *,
    actor: int | None,
    clock: Clock,
    tz: ZoneInfo,
) -> Campaign:
    # A service message: those who answered "coming" asked to hear, whatever their topics.
    return await campaigns.create(
        session,
        text_html=_summary(summary_key, meeting, tz),
        audience_spec=f"meeting:{meeting.id}",
        created_by=actor,
        clock=clock,
        topic=None,
        subject=subject,
    )


async def promoted(
    session: AsyncSession, meeting: Meeting, user_id: int, *, clock: Clock, tz: ZoneInfo
) -> Campaign:
    """Tell one user (users.id) they moved from the waiting list to a seat."""
    return await campaigns.create(
        session,
        text_html=_summary("meeting_summary_promoted", meeting, tz),
        audience_spec=f"user:{user_id}",
        created_by=None,
        clock=clock,
        topic=None,
        subject=subjects.promoted(meeting.id),
    )
