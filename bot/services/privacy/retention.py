"""Retention: free texts people wrote are blanked after a set number of months.

The rows stay (with their times and outcomes), so counts and statistics are unchanged.
"""

from __future__ import annotations

import calendar
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import Poll, PollStatus, PollVote, QuestionLog
from bot.timeutil import Clock, as_utc


def months_before(moment: datetime, months: int) -> datetime:
    """The same day and time ``months`` calendar months earlier (clamped to the month's end)."""
    total = moment.year * 12 + (moment.month - 1) - months
    year, month = divmod(total, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


async def purge_old_questions(session: AsyncSession, *, clock: Clock, months: int) -> int:
    """Blank the text of questions asked more than ``months`` ago; the number blanked."""
    cutoff = months_before(as_utc(clock()), months)
    statement = (
        update(QuestionLog)
        .where(QuestionLog.asked_at < cutoff, QuestionLog.question != "")
        .values(question="")
        .execution_options(synchronize_session=False)
    )
    result = cast(CursorResult[Any], await session.execute(statement))
    return int(result.rowcount or 0)


async def purge_old_comments(session: AsyncSession, *, clock: Clock, months: int) -> int:
    """Remove comments on polls closed more than ``months`` ago; the number removed."""
    cutoff = months_before(as_utc(clock()), months)
    old_polls = select(Poll.id).where(Poll.status == PollStatus.CLOSED, Poll.closes_at < cutoff)
    statement = (
        update(PollVote)
        .where(PollVote.comment.is_not(None), PollVote.poll_id.in_(old_polls))
        .values(comment=None)
        .execution_options(synchronize_session=False)
    )
    result = cast(CursorResult[Any], await session.execute(statement))
    return int(result.rowcount or 0)
