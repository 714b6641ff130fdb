"""Nomination rounds: open one (announced to members), find it, close it by hand or when due."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.models import Nomination, NominationRound, RoundStatus, Topic
from bot.services import audit
from bot.services.delivery import campaigns, schedule
from bot.texts import DEFAULT_LANGUAGE, t
from bot.timeutil import STOCKHOLM, Clock, as_utc

TITLE_MAX = 200  # the length of nomination_rounds.title
ANNOUNCE_AUDIENCE = "all"  # only approved contacts can nominate; the text says who may


def check_title(title: str) -> str:
    """The title with its spaces tidied; DomainError when empty or too long."""
    cleaned = " ".join(title.split())
    if not cleaned:
        raise DomainError("nomination_title_missing")
    if len(cleaned) > TITLE_MAX:
        raise DomainError("nomination_title_too_long", limit=TITLE_MAX)
    return cleaned


async def current_round(session: AsyncSession, *, clock: Clock) -> NominationRound | None:
    """The open round whose end has not come (it may not have started yet), if any."""
    query = (
        select(NominationRound)
        .where(NominationRound.status == RoundStatus.OPEN, NominationRound.closes_at > clock())
        .order_by(NominationRound.id.desc())
        .limit(1)
    )
    return await session.scalar(query)


async def latest_round(session: AsyncSession) -> NominationRound | None:
    """The newest round, open or closed."""
    query = select(NominationRound).order_by(NominationRound.id.desc()).limit(1)
    return await session.scalar(query)


async def recent_rounds(session: AsyncSession, *, limit: int = 20) -> list[NominationRound]:
    """The newest rounds first."""
    query = select(NominationRound).order_by(NominationRound.id.desc()).limit(limit)
    return list((await session.scalars(query)).all())


async def get_round(session: AsyncSession, round_id: int) -> NominationRound:
    """The round; DomainError nomination_round_not_found."""
    found = await session.get(NominationRound, round_id)
    if found is None:
        raise DomainError("nomination_round_not_found", round_id=round_id)
    return found


async def count(session: AsyncSession, round_id: int) -> int:
    """How many nominations the round has."""
    query = select(func.count(Nomination.id)).where(Nomination.round_id == round_id)
    return int(await session.scalar(query) or 0)


async def open_round(
    session: AsyncSession,
    *,
    title: str,
    opens_at: datetime,
    closes_at: datetime,
    created_by: int | None,
    clock: Clock,
    announce: bool = True,
    tz: ZoneInfo = STOCKHOLM,
) -> NominationRound:
    """Open a round (flushed; audited); announced to members when it opens unless told not to.

    Only one round is open at a time; it must close after it opens, and in the future.
    """
    now = clock()
    title = check_title(title)
    opens_at, closes_at = as_utc(opens_at), as_utc(closes_at)
    if closes_at <= opens_at:
        raise DomainError("nomination_period_order")
    if closes_at <= now:
        raise DomainError("nomination_closes_past", time=schedule.show(closes_at, tz))
    # A round past its end that the job has not closed yet must not block the new one.
    await close_due(session, clock=clock)
    existing = await current_round(session, clock=clock)
    if existing is not None:
        raise DomainError("nomination_round_exists", title=existing.title, round_id=existing.id)
    found = NominationRound(
        title=title,
        opens_at=opens_at,
        closes_at=closes_at,
        status=RoundStatus.OPEN,
        created_by=created_by,
        created_at=now,
    )
    session.add(found)
    await session.flush()
    if announce:
        campaign = await campaigns.create(
            session,
            text_html=t(
                "nomination_announcement",
                DEFAULT_LANGUAGE,
                title=title,
                opens=schedule.show(opens_at, tz),
                closes=schedule.show(closes_at, tz),
            ),
            audience_spec=ANNOUNCE_AUDIENCE,
            created_by=created_by,
            clock=clock,
            topic=Topic.ANNOUNCEMENTS,
            due_at=opens_at if opens_at > now else None,
        )
        found.campaign_id = campaign.id
        await session.flush()
    await audit.record(
        session,
        actor_telegram_id=created_by,
        action="nomination_round_opened",
        detail=f"round {found.id} «{title[:80]}» {opens_at:%Y-%m-%d %H:%M}–"
        f"{closes_at:%Y-%m-%d %H:%M} UTC" + ("" if announce else " (not announced)"),
        clock=clock,
    )
    return found


async def _close(session: AsyncSession, found: NominationRound, clock: Clock) -> None:
    """Close the round; an announcement not yet out to everyone stops (no one is invited to a
    closed round)."""
    found.status = RoundStatus.CLOSED
    found.closed_at = clock()
    if found.campaign_id is None:
        return
    try:
        await campaigns.cancel(session, found.campaign_id, clock=clock)
    except DomainError as error:
        if error.key not in ("campaign_finished", "campaign_not_found"):
            raise


async def close(
    session: AsyncSession, round_id: int, *, actor: int | None, clock: Clock
) -> NominationRound:
    """Close the round now (a closed round stays as it is); audited."""
    found = await get_round(session, round_id)
    if found.status == RoundStatus.OPEN:
        await _close(session, found, clock)
        await session.flush()
        await audit.record(
            session,
            actor_telegram_id=actor,
            action="nomination_round_closed",
            detail=f"round {found.id} «{found.title[:80]}» closed by hand",
            clock=clock,
        )
    return found


async def close_due(session: AsyncSession, *, clock: Clock) -> list[int]:
    """Close every open round whose closing time has come; the ids just closed."""
    query = (
        select(NominationRound)
        .where(NominationRound.status == RoundStatus.OPEN, NominationRound.closes_at <= clock())
        .order_by(NominationRound.id)
        .with_for_update(skip_locked=True)
    )
    due = list((await session.scalars(query)).all())
    for found in due:
        await _close(session, found, clock)
        await audit.record(
            session,
            actor_telegram_id=None,
            action="nomination_round_closed",
            detail=f"round {found.id} «{found.title[:80]}» closed at its end",
            clock=clock,
        )
    await session.flush()
    return [found.id for found in due]
