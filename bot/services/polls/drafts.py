"""A poll as staff describe it, and the rules it must keep."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from bot.errors import DomainError
from bot.timeutil import as_utc

QUESTION_MAX = 300  # polls.question
OPTION_MAX = 100  # poll_options.text
OPTIONS_MIN = 2
OPTIONS_MAX = 10
COMMENT_MAX = 1000


@dataclass(frozen=True)
class PollDraft:
    """A poll being created: the question, its options and who may answer until when."""

    question: str
    options: tuple[str, ...]  # 2–10, each 1–100 characters, distinct
    multiple: bool = False
    allow_comment: bool = False
    anonymous: bool = False
    closes_at: datetime | None = None  # None = now + poll_days
    audience: str = "all"  # any broadcast audience spec, or "attendees:<meeting id>"


def _clean(text: str) -> str:
    return " ".join(text.split())


def normalised(draft: PollDraft) -> PollDraft:
    """The draft with whitespace tidied, empty options dropped and the closing time in UTC."""
    options = tuple(_clean(option) for option in draft.options)
    return replace(
        draft,
        question=draft.question.strip(),
        options=tuple(option for option in options if option),
        closes_at=None if draft.closes_at is None else as_utc(draft.closes_at),
        audience=draft.audience.strip(),
    )


def validate(draft: PollDraft, *, now: datetime) -> None:
    """Raise DomainError naming the first rule the (normalised) draft breaks."""
    draft = normalised(draft)
    if not draft.question:
        raise DomainError("poll_question_missing")
    if len(draft.question) > QUESTION_MAX:
        raise DomainError("poll_question_too_long", limit=QUESTION_MAX)
    if not OPTIONS_MIN <= len(draft.options) <= OPTIONS_MAX:
        raise DomainError("poll_options_count", low=OPTIONS_MIN, high=OPTIONS_MAX)
    for option in draft.options:
        if len(option) > OPTION_MAX:
            raise DomainError("poll_option_too_long", option=option[:40], limit=OPTION_MAX)
    if len({option.casefold() for option in draft.options}) != len(draft.options):
        raise DomainError("poll_options_duplicate")
    if draft.closes_at is not None and draft.closes_at <= as_utc(now):
        raise DomainError("poll_closes_in_past")
