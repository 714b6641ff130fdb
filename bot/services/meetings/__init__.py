"""Dialogue meetings: create, announce, edit, move, cancel; sign-up with a waiting list."""

from bot.services.meetings.attendance import AnswerResult, answer
from bot.services.meetings.calendar import calendar_file, calendar_filename
from bot.services.meetings.drafts import UNSET, MeetingDraft, MeetingOptions, Unset, validate
from bot.services.meetings.export import attendees_csv
from bot.services.meetings.lifecycle import EditResult, announce, cancel, create, edit, move
from bot.services.meetings.queries import (
    Counts,
    MyStatus,
    counts,
    get,
    signed_up,
    status_of,
    statuses,
    statuses_of_users,
    upcoming,
)

__all__ = [
    "UNSET",
    "AnswerResult",
    "Counts",
    "EditResult",
    "MeetingDraft",
    "MeetingOptions",
    "MyStatus",
    "Unset",
    "announce",
    "answer",
    "attendees_csv",
    "calendar_file",
    "calendar_filename",
    "cancel",
    "counts",
    "create",
    "edit",
    "get",
    "move",
    "signed_up",
    "status_of",
    "statuses",
    "statuses_of_users",
    "upcoming",
    "validate",
]
