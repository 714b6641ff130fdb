"""Renderers of the meeting subjects: each recipient's card, reminder or notice at send time.

A renderer answers None for everyone when its message is no longer true: a reminder of a
cancelled or moved meeting, a change notice overtaken by a newer change, anything after the
start. The personaliser then skips those deliveries.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.models import AttendanceStatus, Meeting, MeetingStatus, User
from bot.services import meetings
from bot.services.delivery import Personal
from bot.services.meetings import MyStatus, subjects
from bot.services.meetings.subjects import SubjectArgs
from bot.timeutil import STOCKHOLM, as_utc
from bot.views.meetings import (
    Facts,
    cancelled_text,
    card_text,
    changed_text,
    promoted_text,
    reminder_text,
)
from handlers.meetings.keyboards import card_buttons

Rendered = dict[
    int, Personal | None
]  # as in handlers.delivery.personalise, which imports this module
Renderer = Callable[[AsyncSession, str, Sequence[int], datetime], Awaitable[Rendered]]


async def _languages(session: AsyncSession, user_ids: Sequence[int]) -> dict[int, str]:
    rows = await session.execute(select(User.id, User.language).where(User.id.in_(user_ids)))
    return {user_id: language for user_id, language in rows}


async def _readers(
    session: AsyncSession, meeting_id: int, user_ids: Sequence[int]
) -> list[tuple[int, str, MyStatus]]:
    """Each recipient with their language and their own answer to the meeting."""
    languages = await _languages(session, user_ids)
    found = await meetings.statuses_of_users(session, meeting_id, list(languages))
    return [(user_id, lang, found[user_id]) for user_id, lang in languages.items()]


def _over(meeting: Meeting, now: datetime) -> bool:
    """Cancelled or started: no card, reminder or promotion makes sense any more."""
    return meeting.status == MeetingStatus.CANCELLED or as_utc(now) >= as_utc(meeting.starts_at)


async def _meeting(session: AsyncSession, args: SubjectArgs | None) -> Meeting | None:
    if args is None:
        return None
    try:
        return await meetings.get(session, args.meeting_id)
    except DomainError:  # deleted since the campaign was made: nothing to say
        return None


class MeetingRenderers:
    """The renderers of every meeting subject, showing times in one time zone."""

    def __init__(self, tz: ZoneInfo = STOCKHOLM) -> None:
        self.tz = tz

    def renderers(self) -> dict[str, Renderer]:
        """Subject kind -> renderer, for build_personaliser()."""
        return {
            subjects.CARD: self.card,
            subjects.REMINDER: self.reminder,
            subjects.CHANGED: self.changed,
            subjects.CANCELLED: self.cancelled,
            subjects.PROMOTED: self.promoted,
        }

    async def card(
        self, session: AsyncSession, arguments: str, user_ids: Sequence[int], now: datetime
    ) -> Rendered:
        """The announcement card, with each reader's own answer (None once it has started)."""
        meeting = await _meeting(session, subjects.parse_arguments(arguments))
        if meeting is None or _over(meeting, now):
            return {}
        counts = (await meetings.counts(session, [meeting.id]))[meeting.id]
        result: Rendered = {}
        for user_id, lang, status in await _readers(session, meeting.id, user_ids):
            text = card_text(
                Facts.of(meeting), lang, self.tz, now=now, status=status, counts=counts
            )
            result[user_id] = Personal(text, card_buttons(meeting.id, lang, status))
        return result

    async def reminder(
        self, session: AsyncSession, arguments: str, user_ids: Sequence[int], now: datetime
    ) -> Rendered:
        """A reminder of the version it was made for; nothing once moved, cancelled or started."""
        args = subjects.parse_arguments(arguments)
        meeting = await _meeting(session, args)
        if meeting is None or args is None or args.minutes is None:
            return {}
        if _over(meeting, now) or meeting.version != args.version:
            return {}
        result: Rendered = {}
        for user_id, lang, status in await _readers(session, meeting.id, user_ids):
            if status.status != AttendanceStatus.GOING:  # gave up the seat since it was due
                continue
            text = reminder_text(Facts.of(meeting), args.minutes, lang, self.tz, now=now)
            result[user_id] = Personal(text, card_buttons(meeting.id, lang, status))
        return result

    async def changed(
        self, session: AsyncSession, arguments: str, user_ids: Sequence[int], now: datetime
    ) -> Rendered:
        """The new time and place with the card's buttons; nothing when a newer change exists."""
        args = subjects.parse_arguments(arguments)
        meeting = await _meeting(session, args)
        if meeting is None or args is None or meeting.version != args.version:
            return {}
        if meeting.status == MeetingStatus.CANCELLED or as_utc(now) >= as_utc(meeting.ends_at):
            return {}
        counts = (await meetings.counts(session, [meeting.id]))[meeting.id]
        result: Rendered = {}
        for user_id, lang, status in await _readers(session, meeting.id, user_ids):
            text = changed_text(
                Facts.of(meeting), lang, self.tz, now=now, status=status, counts=counts
            )
            result[user_id] = Personal(text, card_buttons(meeting.id, lang, status))
        return result

    async def cancelled(
        self, session: AsyncSession, arguments: str, user_ids: Sequence[int], now: datetime
    ) -> Rendered:
        """The cancellation, with the title and the time that no longer holds."""
        meeting = await _meeting(session, subjects.parse_arguments(arguments))
        if meeting is None or meeting.status != MeetingStatus.CANCELLED:
            return {}
        result: Rendered = {}
        for user_id, lang in (await _languages(session, user_ids)).items():
            text = cancelled_text(Facts.of(meeting), lang, self.tz, now=now)
            result[user_id] = Personal(text)
        return result

    async def promoted(
        self, session: AsyncSession, arguments: str, user_ids: Sequence[int], now: datetime
    ) -> Rendered:
        """ "Du har fått en plats" to someone still holding the seat, before the start."""
        meeting = await _meeting(session, subjects.parse_arguments(arguments))
        if meeting is None or _over(meeting, now):
            return {}
        counts = (await meetings.counts(session, [meeting.id]))[meeting.id]
        result: Rendered = {}
        for user_id, lang, status in await _readers(session, meeting.id, user_ids):
            if status.status != AttendanceStatus.GOING:
                continue
            text = promoted_text(
                Facts.of(meeting), lang, self.tz, now=now, status=status, counts=counts
            )
            result[user_id] = Personal(text, card_buttons(meeting.id, lang, status))
        return result
