""" "Påminn mig": one reminder per user and call, sent a set number of days before the deadline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.models import CallReminder
from bot.services.calls import subjects
from bot.services.calls.store import get, is_open
from bot.services.calls.upsert import insert_once
from bot.services.delivery import campaigns
from bot.texts import DEFAULT_LANGUAGE, t
from bot.timeutil import STOCKHOLM, Clock, as_utc, local

REMIND_AT = time(9, 0)  # local time of day the reminders come


@dataclass(frozen=True)
class Reminder:
    """A user's reminder of a call: when it comes, and whether this press set it."""

    call_id: int
    remind_at: datetime
    deadline: datetime
    created: bool  # False: it was set already (a second press)


def reminder_time(deadline: datetime, days_before: int, tz: ZoneInfo) -> datetime:
    """The morning (09:00 local) of the day days_before the deadline's day, before the deadline.

    Counted in local calendar days, so a DST change in between moves nothing, and the
    reminder comes at a decent hour rather than at the deadline's 23:59.
    """
    day = local(deadline, tz).date() - timedelta(days=days_before)
    morning = datetime.combine(day, REMIND_AT, tzinfo=tz).astimezone(UTC)
    return min(morning, deadline - timedelta(hours=1))


async def remind(
    session: AsyncSession,
    call_id: int,
    user_id: int,
    *,
    clock: Clock,
    days_before: int,
    tz: ZoneInfo = STOCKHOLM,
) -> Reminder:
    """Set the user's reminder (users.id) of a call, due days_before the deadline or now (flushed).

    DomainError("call_no_deadline") for a call without a deadline and "call_closed" for one
    that was withdrawn or whose deadline has passed.
    """
    call = await get(session, call_id)
    now = clock()
    if not is_open(call, now):
        raise DomainError("call_closed", title=call.title)
    if call.deadline is None:
        raise DomainError("call_no_deadline", title=call.title)
    deadline = as_utc(call.deadline)
    remind_at = max(reminder_time(deadline, days_before, tz), as_utc(now))
    values = {"call_id": call_id, "user_id": user_id, "remind_at": remind_at, "created_at": now}
    reminder_id = await insert_once(session, CallReminder, values, unique=["call_id", "user_id"])
    if reminder_id is None:
        existing = await session.scalar(
            select(CallReminder).where(
                CallReminder.call_id == call_id, CallReminder.user_id == user_id
            )
        )
        assert existing is not None  # the conflict that made the insert do nothing
        return Reminder(call_id, as_utc(existing.remind_at), deadline, created=False)
    campaign = await campaigns.create(
        session,
        text_html=t("call_reminder_summary", DEFAULT_LANGUAGE, title=call.title),
        audience_spec=f"user:{user_id}",
        created_by=None,
        clock=clock,
        topic=None,
        subject=subjects.reminder(call_id),
        due_at=remind_at,
    )
    reminder = await session.get_one(CallReminder, reminder_id)
    reminder.campaign_id = campaign.id
    await session.flush()
    return Reminder(call_id, remind_at, deadline, created=True)
