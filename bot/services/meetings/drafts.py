"""A meeting as staff describe it, the rules it must keep, and the meeting options."""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Final
from zoneinfo import ZoneInfo

from bot.errors import DomainError
from bot.models import Meeting
from bot.timeutil import STOCKHOLM, as_utc

if TYPE_CHECKING:
    from bot.config import Settings

TITLE_MAX = 200  # meetings.title
PLACE_MAX = 300  # meetings.place
LINK_MAX = 500  # meetings.online_url
CAPACITY_MAX = 10_000


class Unset(enum.Enum):
    """The type of UNSET: "leave this field as it is" in an edit."""

    UNSET = "unset"


UNSET: Final = Unset.UNSET


@dataclass(frozen=True)
class MeetingOptions:
    """Settings the meeting service follows: reminder times, the capacity alert, the zone."""

    reminders: tuple[int, ...] = (1440, 60)  # minutes before the start
    capacity_alert_percent: int = 80
    tz: ZoneInfo = STOCKHOLM  # whole days of a reminder keep the local wall time

    @classmethod
    def from_settings(cls, settings: Settings) -> MeetingOptions:
        """The options configured for this deployment."""
        return cls(
            reminders=tuple(settings.meeting_reminders),
            capacity_alert_percent=settings.capacity_alert_percent,
            tz=settings.tz,
        )


@dataclass(frozen=True)
class MeetingDraft:
    """A meeting being created or changed: everything staff decide about it."""

    title: str
    starts_at: datetime  # aware
    ends_at: datetime
    place: str | None = None
    online_url: str | None = None
    description: str = ""
    signup_deadline: datetime | None = None  # None = until the start
    capacity: int = 0  # 0 = unlimited


def _text_or_none(value: str | None) -> str | None:
    if value is None:
        return None
    cleaned = value.strip()
    return cleaned or None


def normalised(draft: MeetingDraft) -> MeetingDraft:
    """The draft with text trimmed, empty place or link as None and times in UTC."""
    return replace(
        draft,
        title=" ".join(draft.title.split()),
        starts_at=as_utc(draft.starts_at),
        ends_at=as_utc(draft.ends_at),
        place=_text_or_none(draft.place),
        online_url=_text_or_none(draft.online_url),
        description=draft.description.strip(),
        signup_deadline=None if draft.signup_deadline is None else as_utc(draft.signup_deadline),
    )


def validate(draft: MeetingDraft, *, now: datetime) -> None:
    """Raise DomainError naming the first rule the (normalised) draft breaks."""
    draft = normalised(draft)
    if not draft.title:
        raise DomainError("meeting_title_missing")
    if len(draft.title) > TITLE_MAX:
        raise DomainError("meeting_title_too_long", limit=TITLE_MAX)
    if draft.ends_at <= draft.starts_at:
        raise DomainError("meeting_end_before_start")
    if draft.starts_at <= as_utc(now):
        raise DomainError("meeting_in_past")
    if draft.place is None and draft.online_url is None:
        raise DomainError("meeting_place_missing")
    if draft.place is not None and len(draft.place) > PLACE_MAX:
        raise DomainError("meeting_place_too_long", limit=PLACE_MAX)
    link = draft.online_url
    if link is not None and (
        not link.lower().startswith(("http://", "https://"))
        or len(link) > LINK_MAX
        or any(c.isspace() for c in link)
    ):
        raise DomainError("meeting_link_invalid", link=link[:80])
    if draft.signup_deadline is not None and draft.signup_deadline > draft.starts_at:
        raise DomainError("meeting_deadline_after_start")
    if not 0 <= draft.capacity <= CAPACITY_MAX:
        raise DomainError("meeting_capacity_invalid", limit=CAPACITY_MAX)


def draft_of(meeting: Meeting) -> MeetingDraft:
    """The draft a stored meeting corresponds to (for edits and moves)."""
    return MeetingDraft(
        title=meeting.title,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        place=meeting.place,
        online_url=meeting.online_url,
        description=meeting.description,
        signup_deadline=meeting.signup_deadline,
        capacity=meeting.capacity,
    )


def apply(meeting: Meeting, draft: MeetingDraft) -> None:
    """Copy a normalised draft onto the stored meeting."""
    meeting.title = draft.title
    meeting.starts_at = draft.starts_at
    meeting.ends_at = draft.ends_at
    meeting.place = draft.place
    meeting.online_url = draft.online_url
    meeting.description = draft.description
    meeting.signup_deadline = draft.signup_deadline
    meeting.capacity = draft.capacity
