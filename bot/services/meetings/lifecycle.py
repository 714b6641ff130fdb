"""What staff do with a meeting: create, announce, edit, move and cancel it (all audited)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.models import Campaign, Meeting, MeetingStatus
from bot.services import audit
from bot.services.delivery.schedule import show
from bot.services.meetings import attendance, notices, queries
from bot.services.meetings.drafts import (
    UNSET,
    MeetingDraft,
    MeetingOptions,
    Unset,
    apply,
    draft_of,
    normalised,
    validate,
)
from bot.timeutil import STOCKHOLM, Clock


@dataclass(frozen=True)
class EditResult:
    """The edited meeting, who got a seat from a raised capacity, and whether people are told."""

    meeting: Meeting
    promoted_user_ids: list[int]
    notified: bool


async def _log(
    session: AsyncSession,
    action: str,
    meeting: Meeting,
    actor: int | None,
    clock: Clock,
    tz: ZoneInfo,
) -> None:
    detail = f"meeting {meeting.id} «{meeting.title}» at {show(meeting.starts_at, tz)}"
    await audit.record(session, actor_telegram_id=actor, action=action, detail=detail, clock=clock)


async def create(
    session: AsyncSession,
    draft: MeetingDraft,
    *,
    created_by: int | None,
    clock: Clock,
    options: MeetingOptions,
    announce: bool = True,
) -> Meeting:
    """Store a new meeting, schedule its reminders and (by default) announce it."""
    now = clock()
    validate(draft, now=now)
    meeting = Meeting(version=1, created_by=created_by, created_at=now, updated_at=now)
    apply(meeting, normalised(draft))
    session.add(meeting)
    await session.flush()
    await _log(session, "meeting_created", meeting, created_by, clock, options.tz)
    await notices.schedule_reminders(
        session,
        meeting,
        reminders=options.reminders,
        actor=created_by,
        clock=clock,
        tz=options.tz,
    )
    if announce:
        await _announce(session, meeting, actor=created_by, clock=clock, tz=options.tz)
    return meeting


async def _announce(
    session: AsyncSession, meeting: Meeting, *, actor: int | None, clock: Clock, tz: ZoneInfo
) -> Campaign:
    if meeting.status == MeetingStatus.CANCELLED:
        raise DomainError("meeting_cancelled", title=meeting.title)
    if meeting.announced_at is not None:
        raise DomainError("meeting_already_announced", title=meeting.title)
    if clock() >= meeting.starts_at:
        raise DomainError("meeting_started", title=meeting.title)
    campaign = await notices.card(session, meeting, actor=actor, clock=clock, tz=tz)
    meeting.announced_at = clock()
    await _log(session, "meeting_announced", meeting, actor, clock, tz)
    return campaign


async def announce(
    session: AsyncSession,
    meeting_id: int,
    *,
    actor: int | None,
    clock: Clock,
    tz: ZoneInfo = STOCKHOLM,
) -> Campaign:
    """Send the meeting's card to the subscribers of the meetings topic (once)."""
    meeting = await queries.locked(session, meeting_id)
    return await _announce(session, meeting, actor=actor, clock=clock, tz=tz)


async def _open_for_change(session: AsyncSession, meeting_id: int) -> Meeting:
    meeting = await queries.locked(session, meeting_id)
    if meeting.status == MeetingStatus.CANCELLED:
        raise DomainError("meeting_cancelled", title=meeting.title)
    return meeting


async def _new_time_or_place(
    session: AsyncSession,
    meeting: Meeting,
    *,
    actor: int | None,
    clock: Clock,
    options: MeetingOptions,
) -> bool:
    """A new version: reminders re-timed for it, and a notice to whoever answered."""
    meeting.version += 1
    await notices.cancel_reminders(session, meeting.id, clock=clock)
    await notices.schedule_reminders(
        session, meeting, reminders=options.reminders, actor=actor, clock=clock, tz=options.tz
    )
    if not await notices.has_answers(session, meeting.id):
        return False
    await notices.changed(session, meeting, actor=actor, clock=clock, tz=options.tz)
    return True


async def edit(
    session: AsyncSession,
    meeting_id: int,
    *,
    actor: int | None,
    clock: Clock,
    options: MeetingOptions,
    title: str | Unset = UNSET,
    description: str | Unset = UNSET,
    place: str | Unset | None = UNSET,
    online_url: str | Unset | None = UNSET,
    capacity: int | Unset = UNSET,
    signup_deadline: datetime | Unset | None = UNSET,
) -> EditResult:
    """Change what staff give (UNSET leaves a field as it is; None clears place, link, deadline)."""
    meeting = await _open_for_change(session, meeting_id)
    now = clock()
    if now >= meeting.starts_at:
        raise DomainError("meeting_started", title=meeting.title)
    changes = {
        name: value
        for name, value in (
            ("title", title),
            ("description", description),
            ("place", place),
            ("online_url", online_url),
            ("capacity", capacity),
            ("signup_deadline", signup_deadline),
        )
        if value is not UNSET
    }
    old = draft_of(meeting)
    new = normalised(replace(old, **changes))  # type: ignore[arg-type]
    validate(new, now=now)
    changed = [name for name in changes if getattr(new, name) != getattr(old, name)]
    if not changed:
        return EditResult(meeting, [], notified=False)
    apply(meeting, new)
    meeting.updated_at = now
    notified = False
    if "place" in changed or "online_url" in changed:
        notified = await _new_time_or_place(
            session, meeting, actor=actor, clock=clock, options=options
        )
    promoted: list[int] = []
    if "capacity" in changed:
        promoted = await attendance.promote(session, meeting, clock=clock, tz=options.tz)
        await attendance.reset_alerts(session, meeting, options.capacity_alert_percent)
    await session.flush()
    await _log(session, f"meeting_edited:{','.join(changed)}", meeting, actor, clock, options.tz)
    return EditResult(meeting, promoted, notified)


async def move(
    session: AsyncSession,
    meeting_id: int,
    *,
    starts_at: datetime,
    ends_at: datetime,
    actor: int | None,
    clock: Clock,
    options: MeetingOptions,
) -> Meeting:
    """Give the meeting a new time: reminders re-timed, attendees told.

    A sign-up deadline moves with the start, so "closes two days before" stays true.
    """
    meeting = await _open_for_change(session, meeting_id)
    old = draft_of(meeting)
    shifted = replace(old, starts_at=starts_at, ends_at=ends_at)
    if old.signup_deadline is not None:
        deadline = old.signup_deadline + (normalised(shifted).starts_at - old.starts_at)
        shifted = replace(shifted, signup_deadline=deadline)
    new = normalised(shifted)
    validate(new, now=clock())
    if (new.starts_at, new.ends_at) == (old.starts_at, old.ends_at):
        return meeting
    apply(meeting, new)
    meeting.updated_at = clock()
    await _new_time_or_place(session, meeting, actor=actor, clock=clock, options=options)
    await session.flush()
    await _log(session, "meeting_moved", meeting, actor, clock, options.tz)
    return meeting


async def cancel(
    session: AsyncSession,
    meeting_id: int,
    *,
    actor: int | None,
    clock: Clock,
    tz: ZoneInfo = STOCKHOLM,
) -> Meeting:
    """Cancel the meeting: no reminders, no further invitations, and attendees are told."""
    meeting = await _open_for_change(session, meeting_id)
    meeting.status = MeetingStatus.CANCELLED
    meeting.updated_at = clock()
    await notices.cancel_reminders(session, meeting.id, clock=clock)
    await notices.cancel_card(session, meeting.id, clock=clock)
    if await notices.has_answers(session, meeting.id) and clock() < meeting.ends_at:
        await notices.cancelled(session, meeting, actor=actor, clock=clock, tz=tz)
    await session.flush()
    await _log(session, "meeting_cancelled", meeting, actor, clock, tz)
    return meeting
