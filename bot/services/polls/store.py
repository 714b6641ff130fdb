"""Polls kept and found: create (with its campaign), get, list, close, and results due."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.models import Poll, PollOption, PollStatus, Topic
from bot.services import audit
from bot.services.delivery import audience, campaigns
from bot.services.polls.drafts import PollDraft, normalised, validate
from bot.texts import DEFAULT_LANGUAGE, t
from bot.timeutil import Clock

SUBJECT = "poll"  # the campaign subject "poll:<id>", rendered per recipient by the chat side


def subject(poll_id: int) -> str:
    """The campaign subject of a poll's delivery."""
    return f"{SUBJECT}:{poll_id}"


async def create(
    session: AsyncSession,
    draft: PollDraft,
    *,
    created_by: int | None,
    clock: Clock,
    poll_days: int = 7,
    meeting_id: int | None = None,
) -> Poll:
    """Store a poll and one campaign delivering it to its audience now (flushed; audited)."""
    now = clock()
    validate(draft, now=now)
    draft = normalised(draft)
    spec = audience.parse(draft.audience).spec
    poll = Poll(
        question=draft.question,
        multiple=draft.multiple,
        allow_comment=draft.allow_comment,
        anonymous=draft.anonymous,
        audience=spec,
        meeting_id=meeting_id,
        status=PollStatus.OPEN,
        closes_at=draft.closes_at or now + timedelta(days=poll_days),
        created_by=created_by,
        created_at=now,
        options=[PollOption(position=index, text=text) for index, text in enumerate(draft.options)],
    )
    session.add(poll)
    await session.flush()
    campaign = await campaigns.create(
        session,
        text_html=t("poll_summary", DEFAULT_LANGUAGE, question=poll.question),
        audience_spec=spec,
        created_by=created_by,
        clock=clock,
        topic=Topic.POLLS,
        subject=subject(poll.id),
    )
    poll.campaign_id = campaign.id
    await session.flush()
    kind = "anonymous" if poll.anonymous else "named"
    await audit.record(
        session,
        actor_telegram_id=created_by,
        action="poll_created",
        detail=f"poll {poll.id} «{poll.question[:80]}» ({kind}) to {spec}",
        clock=clock,
    )
    return poll


async def get(session: AsyncSession, poll_id: int) -> Poll:
    """The poll with its options; DomainError poll_not_found."""
    poll = await session.get(Poll, poll_id)
    if poll is None:
        raise DomainError("poll_not_found", poll_id=poll_id)
    return poll


async def recent(session: AsyncSession, *, limit: int = 10) -> list[Poll]:
    """The newest polls first."""
    query = select(Poll).order_by(Poll.created_at.desc(), Poll.id.desc()).limit(limit)
    return list((await session.scalars(query)).all())


def _close(poll: Poll, clock: Clock) -> None:
    poll.status = PollStatus.CLOSED
    poll.closed_at = clock()


async def close(
    session: AsyncSession, poll_id: int, *, clock: Clock, actor: int | None = None
) -> Poll:
    """Close the poll now (a closed poll stays as it is); audited."""
    poll = await get(session, poll_id)
    if poll.status == PollStatus.OPEN:
        _close(poll, clock)
        await session.flush()
        await audit.record(
            session,
            actor_telegram_id=actor,
            action="poll_closed",
            detail=f"poll {poll.id} «{poll.question[:80]}» closed",
            clock=clock,
        )
    return poll


async def close_due(session: AsyncSession, *, clock: Clock) -> list[int]:
    """Close every open poll whose closing time has come; the ids just closed."""
    query = (
        select(Poll)
        .where(Poll.status == PollStatus.OPEN, Poll.closes_at <= clock())
        .order_by(Poll.id)
        .with_for_update(skip_locked=True)
    )
    due = list((await session.scalars(query)).all())
    for poll in due:
        _close(poll, clock)
    await session.flush()
    return [poll.id for poll in due]


async def results_due(session: AsyncSession) -> list[int]:
    """Closed polls whose author has not been sent the result yet."""
    query = (
        select(Poll.id)
        .where(Poll.status == PollStatus.CLOSED, Poll.result_sent_at.is_(None))
        .order_by(Poll.id)
    )
    return list((await session.scalars(query)).all())


async def mark_result_sent(session: AsyncSession, poll_id: int, clock: Clock) -> None:
    """Record that the poll's author got the result (so it is sent once)."""
    poll = await get(session, poll_id)
    poll.result_sent_at = clock()
    await session.flush()
