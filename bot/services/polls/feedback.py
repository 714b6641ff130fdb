"""The feedback poll after a dialogue meeting: a template staff can edit, sent once per meeting."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from datetime import timedelta

from sqlalchemy import exists, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.models import AppSetting, Attendance, AttendanceStatus, Meeting, MeetingStatus, Poll
from bot.services import audit
from bot.services.polls.drafts import QUESTION_MAX, PollDraft, validate
from bot.services.polls.store import create
from bot.texts import DEFAULT_LANGUAGE, t
from bot.timeutil import Clock

TEMPLATE_SETTING = "poll_feedback_template"
TITLE = "{title}"  # replaced by the meeting's title in the template's question
DAYS_MIN, DAYS_MAX = 1, 30
LOOKBACK = timedelta(days=2)  # meetings that ended longer ago get no poll (e.g. after an outage)


@dataclass(frozen=True)
class FeedbackTemplate:
    """What the poll after a meeting asks; "{title}" in the question names the meeting."""

    question: str
    options: tuple[str, ...] = ("1", "2", "3", "4", "5")
    allow_comment: bool = True
    anonymous: bool = True
    days: int = 3  # how long it stays open


def default_template() -> FeedbackTemplate:
    """The template used until staff change it."""
    return FeedbackTemplate(question=t("poll_feedback_question", DEFAULT_LANGUAGE))


def _draft(template: FeedbackTemplate, title: str, audience: str) -> PollDraft:
    question = template.question.replace(TITLE, title)
    if len(question) > QUESTION_MAX:
        question = question[: QUESTION_MAX - 1] + "…"
    return PollDraft(
        question=question,
        options=template.options,
        multiple=False,
        allow_comment=template.allow_comment,
        anonymous=template.anonymous,
        audience=audience,
    )


def _check(template: FeedbackTemplate, clock: Clock) -> None:
    if not DAYS_MIN <= template.days <= DAYS_MAX:
        raise DomainError("poll_feedback_days_invalid", low=DAYS_MIN, high=DAYS_MAX)
    validate(_draft(template, "", "all"), now=clock())


async def feedback_template(session: AsyncSession) -> FeedbackTemplate:
    """The template staff set, or the default (also when the stored one no longer reads)."""
    stored = await session.scalar(
        select(AppSetting.value).where(AppSetting.key == TEMPLATE_SETTING)
    )
    if stored is None:
        return default_template()
    try:
        data = json.loads(stored)
        return replace(
            default_template(),
            question=str(data["question"]),
            options=tuple(str(option) for option in data["options"]),
            allow_comment=bool(data["allow_comment"]),
            anonymous=bool(data["anonymous"]),
            days=int(data["days"]),
        )
    except (ValueError, KeyError, TypeError):
        return default_template()


async def set_feedback_template(
    session: AsyncSession, template: FeedbackTemplate, *, actor: int | None, clock: Clock
) -> None:
    """Store a new template after checking it as a poll (flushed; audited)."""
    _check(template, clock)
    value = json.dumps({**asdict(template), "options": list(template.options)})
    now = clock()
    setting = await session.get(AppSetting, TEMPLATE_SETTING)
    if setting is None:
        session.add(AppSetting(key=TEMPLATE_SETTING, value=value, changed_by=actor, changed_at=now))
    else:
        setting.value, setting.changed_by, setting.changed_at = value, actor, now
    await session.flush()
    await audit.record(
        session,
        actor_telegram_id=actor,
        action="poll_template_set",
        detail=f"meeting feedback poll: {template.question[:80]} ({len(template.options)} options)",
        clock=clock,
    )


async def create_meeting_feedback(session: AsyncSession, *, clock: Clock) -> list[Poll]:
    """A feedback poll to those who went, for each meeting that recently ended without one.

    ``Poll.meeting_id`` is unique, so a meeting never gets a second poll, even when two
    processes run this at once: the loser's insert fails in its savepoint and is skipped.
    """
    now = clock()
    has_poll = exists().where(Poll.meeting_id == Meeting.id)
    went = exists().where(
        Attendance.meeting_id == Meeting.id, Attendance.status == AttendanceStatus.GOING
    )
    query = (
        select(Meeting)
        .where(
            Meeting.status != MeetingStatus.CANCELLED,
            Meeting.ends_at <= now,
            Meeting.ends_at > now - LOOKBACK,
            ~has_poll,
            went,
        )
        .order_by(Meeting.ends_at, Meeting.id)
    )
    ended = list((await session.scalars(query)).all())
    if not ended:
        return []
    template = await feedback_template(session)
    made = []
    for meeting in ended:
        draft = _draft(template, meeting.title, f"attendees:{meeting.id}")
        try:
            async with session.begin_nested():
                poll = await create(
                    session,
                    draft,
                    created_by=meeting.created_by,
                    clock=clock,
                    poll_days=template.days,
                    meeting_id=meeting.id,
                )
        except IntegrityError:
            continue  # another process made this meeting's poll first
        made.append(poll)
    return made
