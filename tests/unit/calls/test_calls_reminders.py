""" "Påminn mig": a reminder days before the deadline, at once when closer, once per user."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.models import CallReminder, Campaign, CampaignStatus, User
from bot.services import calls
from bot.services.calls import CallDraft
from bot.services.calls.reminders import reminder_time
from bot.timeutil import STOCKHOLM
from tests.conftest import FakeClock

NOW = datetime(2026, 10, 1, 10, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


async def _user(session: AsyncSession, telegram_id: int = 501) -> int:
    user = User(telegram_id=telegram_id)
    session.add(user)
    await session.flush()
    return user.id


async def _call(session: AsyncSession, clock: FakeClock, deadline: datetime | None) -> int:
    draft = CallDraft(title="Idrottslyftet", deadline=deadline)
    call = await calls.create(session, draft, created_by=None, clock=clock, announce=False)
    return call.id


async def test_the_reminder_comes_the_morning_seven_days_before_as_a_service_message(
    session: AsyncSession, clock: FakeClock
) -> None:
    deadline = datetime(2026, 10, 30, 22, 59, tzinfo=UTC)  # 23:59 CET, after the DST change
    call_id = await _call(session, clock, deadline)
    user_id = await _user(session)
    reminder = await calls.remind(session, call_id, user_id, clock=clock, days_before=7)
    # 23 October 09:00 in Stockholm, still summer time (the clocks go back on the 25th)
    morning = datetime(2026, 10, 23, 7, 0, tzinfo=UTC)
    assert (reminder.remind_at, reminder.deadline, reminder.created) == (morning, deadline, True)
    [campaign] = list(await session.scalars(select(Campaign)))
    assert (campaign.subject, campaign.audience, campaign.topic, campaign.due_at) == (
        f"call_reminder:{call_id}",
        f"user:{user_id}",
        None,
        morning,
    )
    row = await session.scalar(select(CallReminder))
    assert row is not None and row.campaign_id == campaign.id


async def test_a_closer_deadline_means_at_once_and_a_second_press_changes_nothing(
    session: AsyncSession, clock: FakeClock
) -> None:
    call_id = await _call(session, clock, NOW + timedelta(days=3))
    user_id = await _user(session)
    first = await calls.remind(session, call_id, user_id, clock=clock, days_before=7)
    assert (first.remind_at, first.created) == (NOW, True)
    await session.commit()
    clock.advance(hours=1)
    second = await calls.remind(session, call_id, user_id, clock=clock, days_before=7)
    assert (second.remind_at, second.created) == (NOW, False)
    await session.commit()
    assert await session.scalar(select(func.count(Campaign.id))) == 1
    assert await session.scalar(select(func.count(CallReminder.id))) == 1
    other = await _user(session, telegram_id=502)
    assert (await calls.remind(session, call_id, other, clock=clock, days_before=7)).created


async def test_no_reminder_without_a_deadline_after_it_or_for_a_withdrawn_call(
    session: AsyncSession, clock: FakeClock
) -> None:
    user_id = await _user(session)
    open_ended = await _call(session, clock, None)
    closing = await _call(session, clock, NOW + timedelta(hours=2))
    withdrawn = await _call(session, clock, NOW + timedelta(days=20))
    await calls.withdraw(session, withdrawn, actor=None, clock=clock)
    clock.advance(hours=3)
    for call_id, key in (
        (open_ended, "call_no_deadline"),
        (closing, "call_closed"),
        (withdrawn, "call_closed"),
        (9999, "call_not_found"),
    ):
        with pytest.raises(DomainError) as raised:
            await calls.remind(session, call_id, user_id, clock=clock, days_before=7)
        assert raised.value.key == key
    assert await session.scalar(select(func.count(CallReminder.id))) == 0


async def test_withdrawing_cancels_the_reminders_still_waiting(
    session: AsyncSession, clock: FakeClock
) -> None:
    call_id = await _call(session, clock, NOW + timedelta(days=20))
    await calls.remind(session, call_id, await _user(session), clock=clock, days_before=7)
    await calls.withdraw(session, call_id, actor=None, clock=clock)
    statuses = list(await session.scalars(select(Campaign.status)))
    assert statuses == [CampaignStatus.CANCELLED]


@pytest.mark.parametrize(
    ("deadline", "days", "expected"),
    [
        # 15 May 23:59 CEST → 8 May 09:00 CEST
        (datetime(2026, 5, 15, 21, 59, tzinfo=UTC), 7, datetime(2026, 5, 8, 7, 0, tzinfo=UTC)),
        # 2 April 23:59 CEST, a week after the spring change → 26 March 09:00 CET
        (datetime(2026, 4, 2, 21, 59, tzinfo=UTC), 7, datetime(2026, 3, 26, 8, 0, tzinfo=UTC)),
        # the same day at 08:00 local, with no days to spare: an hour before
        (datetime(2026, 5, 15, 6, 0, tzinfo=UTC), 0, datetime(2026, 5, 15, 5, 0, tzinfo=UTC)),
    ],
)
def test_reminder_time_is_a_local_morning_across_dst(
    deadline: datetime, days: int, expected: datetime
) -> None:
    assert reminder_time(deadline, days, STOCKHOLM) == expected
