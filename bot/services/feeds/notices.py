"""What staff hear of polled feeds: a notice for each feed just disabled or working again,
and for each with more new items than were announced, recorded in the outbox in the same
transaction as the poll's outcome (so a restart neither loses nor repeats one)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.services import campaign_labels, staff_notices
from bot.services.feeds.fetch import ErrorKind, Problem
from bot.services.feeds.runner import FeedOutcome, Notify
from bot.services.staff_notices import (
    FEED_CAPPED,
    FEED_DISABLED,
    FEED_RECOVERED,
    StaffChats,
    Subject,
)
from bot.timeutil import Clock


def subjects(outcomes: Sequence[FeedOutcome]) -> list[Subject]:
    """The notices of these outcomes: state changes first, then feeds over their caps."""
    found: list[Subject] = []
    for outcome in outcomes:
        if outcome.disabled_now:
            problem = outcome.problem or Problem(ErrorKind.INTERNAL)
            facts = (outcome.feed_id, outcome.failures, problem.kind.value, problem.status or 0)
            found.append(Subject(FEED_DISABLED, facts))
        elif outcome.recovered:
            found.append(Subject(FEED_RECOVERED, (outcome.feed_id,)))
    found += [Subject(FEED_CAPPED, (o.feed_id, o.new_items, o.quiet)) for o in outcomes if o.quiet]
    return found


async def tell_staff(
    session: AsyncSession, outcomes: Sequence[FeedOutcome], *, settings: Settings, clock: Clock
) -> int:
    """Record the notices of these outcomes for staff (flushed, committed by the caller);
    how many."""
    chats = StaffChats(settings.staff_chat_id, settings.admins)
    found = subjects(outcomes)
    for subject in found:
        summary = await campaign_labels.summary(session, subject.encode(), settings.tz)
        await staff_notices.notify(session, subject, summary=summary, chats=chats, clock=clock)
    return len(found)


def staff_notifier(settings: Settings, clock: Clock) -> Notify:
    """The poll's ``notify``: each feed's notices recorded in the transaction of its outcome."""

    async def notify(session: AsyncSession, outcome: FeedOutcome) -> int:
        return await tell_staff(session, [outcome], settings=settings, clock=clock)

    return notify
