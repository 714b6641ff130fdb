"""The worker's database side: claim due deliveries under a lease, record each outcome."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import Database
from bot.models import Campaign, CampaignStatus, Delivery, DeliveryStatus, User, UserStatus
from bot.services.delivery import audience
from bot.services.delivery.personal import NO_USER, Personaliser
from bot.services.delivery.sending import Buttons, parse_buttons
from bot.timeutil import Clock

ERROR_LIMIT = 300  # the length of deliveries.error


@dataclass(frozen=True)
class Content:
    """What a campaign sends, as the Sender needs it."""

    campaign_id: int
    text_html: str
    media_kind: str | None
    media_file_id: str | None
    buttons: Buttons
    created_by: int | None
    subject: str | None = None
    photo: bytes | None = None  # rendered for the recipient: sent after the text


@dataclass(frozen=True)
class Claimed:
    """A delivery this worker holds until ``lease_until``."""

    id: int
    campaign_id: int
    user_id: int | None  # None for a chat that is no user's (the staff group)
    chat_id: int
    attempts: int
    lease_until: datetime
    content: Content


async def claim(
    db: Database,
    *,
    worker_id: str,
    limit: int,
    lease: timedelta,
    clock: Clock,
    personaliser: Personaliser | None = None,
) -> list[Claimed]:
    """Lease up to ``limit`` due deliveries of running campaigns; skip who is no longer eligible.

    A campaign with a subject gets each recipient's own message from the personaliser;
    whoever it has nothing for (any longer) is skipped. On PostgreSQL ``FOR UPDATE SKIP LOCKED`` lets several workers claim at once without
    waiting for or overlapping each other; an expired lease (a worker that died) is claimable.
    A delivery to a chat that is no user's (the staff group) has no audience to leave.
    """
    now = clock()
    until = now + lease
    running = select(Campaign.id).where(Campaign.status == CampaignStatus.RUNNING)
    candidates = (
        select(Delivery.id)
        .where(
            Delivery.status == DeliveryStatus.PENDING,
            Delivery.next_attempt_at <= now,
            or_(Delivery.claimed_until.is_(None), Delivery.claimed_until < now),
            Delivery.campaign_id.in_(running),
        )
        .order_by(Delivery.campaign_id, Delivery.id)
        .limit(limit)
    )
    if not db.is_sqlite:
        candidates = candidates.with_for_update(skip_locked=True, of=Delivery)
    statement = (
        update(Delivery)
        .where(Delivery.id.in_(candidates))
        .values(claimed_by=worker_id, claimed_until=until)
        .returning(
            Delivery.id, Delivery.campaign_id, Delivery.user_id, Delivery.chat_id, Delivery.attempts
        )
    )
    async with db.session() as session:
        rows = list(await session.execute(statement))
        if not rows:
            await session.commit()
            return []
        contents = await _contents(session, {row.campaign_id for row in rows})
        by_campaign: dict[int, list[int]] = defaultdict(list)
        for row in rows:
            if row.user_id is not None:
                by_campaign[row.campaign_id].append(row.user_id)
        eligible: set[int] = {row.id for row in rows if row.user_id is None}
        for campaign_id, user_ids in by_campaign.items():
            spec, topic = contents[campaign_id][1]
            users = await audience.still_eligible(session, spec, topic, user_ids)
            eligible.update(
                row.id for row in rows if row.campaign_id == campaign_id and row.user_id in users
            )
        dropped = [row for row in rows if row.id not in eligible]
        await _skip_ineligible(session, dropped)
        personal = await _personalise(
            session, rows, eligible, contents, personaliser=personaliser, now=now
        )
        await session.commit()
    return [
        Claimed(row.id, row.campaign_id, row.user_id, row.chat_id, row.attempts, until, content)
        for row in rows
        if row.id in personal
        for content in [personal[row.id]]
    ]


async def _personalise(
    session: AsyncSession,
    rows: list[Any],
    eligible: set[int],
    contents: dict[int, tuple[Content, tuple[str, Any]]],
    *,
    personaliser: Personaliser | None,
    now: datetime,
) -> dict[int, Content]:
    """Each eligible row's content by delivery id; a subject's rows rendered for their recipient."""
    ready: dict[int, Content] = {}
    by_subject: dict[int, list[Any]] = defaultdict(list)
    for row in rows:
        if row.id not in eligible:
            continue
        content = contents[row.campaign_id][0]
        if content.subject is None:
            ready[row.id] = content
        else:
            by_subject[row.campaign_id].append(row)
    for campaign_id, subject_rows in by_subject.items():
        content = contents[campaign_id][0]
        assert content.subject is not None
        rendered = (
            await personaliser.personalise(
                session, content.subject, [_recipient(r) for r in subject_rows], now=now
            )
            if personaliser is not None
            else {}
        )
        for row in subject_rows:
            message = rendered.get(_recipient(row))
            if message is None:
                await _set(
                    session, row.id, status=DeliveryStatus.SKIPPED, error="no longer relevant"
                )
                continue
            ready[row.id] = Content(
                campaign_id,
                message.text_html,
                content.media_kind,
                content.media_file_id,
                message.buttons,
                content.created_by,
                content.subject,
                message.photo,
            )
    return ready


def _recipient(row: Any) -> int:
    """Whom the personaliser renders a row for: its user, or NO_USER for the staff group."""
    return NO_USER if row.user_id is None else int(row.user_id)


async def _contents(
    session: AsyncSession, campaign_ids: set[int]
) -> dict[int, tuple[Content, tuple[str, Any]]]:
    found = await session.scalars(select(Campaign).where(Campaign.id.in_(campaign_ids)))
    return {
        c.id: (
            Content(
                c.id,
                c.text_html,
                c.media_kind,
                c.media_file_id,
                parse_buttons(c.buttons),
                c.created_by,
                c.subject,
            ),
            (c.audience, c.topic),
        )
        for c in found
    }


async def _skip_ineligible(session: AsyncSession, rows: list[Any]) -> None:
    if not rows:
        return
    found = await session.execute(
        select(User.id, User.status).where(User.id.in_({r.user_id for r in rows}))
    )
    statuses = {user_id: status for user_id, status in found}
    for row in rows:
        status = statuses.get(row.user_id, UserStatus.DELETED)
        reason = "no longer in the audience" if status == UserStatus.ACTIVE else f"user {status}"
        await _set(session, row.id, status=DeliveryStatus.SKIPPED, error=reason)


async def _set(
    session: AsyncSession, delivery_id: int, *, only_pending: bool = True, **values: Any
) -> bool:
    conditions = [Delivery.id == delivery_id]
    if only_pending:
        # A cancellation may have skipped it meanwhile; only a confirmed send overrides that.
        conditions.append(Delivery.status == DeliveryStatus.PENDING)
    values = {"claimed_by": None, "claimed_until": None, **values}
    result = cast(
        CursorResult[Any],
        await session.execute(update(Delivery).where(*conditions).values(**values)),
    )
    return result.rowcount == 1


async def record_sent(db: Database, item: Claimed, message_id: int, *, clock: Clock) -> None:
    """Record a send Telegram confirmed (its own transaction, so a crash cannot undo it)."""
    async with db.session() as session:
        await _set(
            session,
            item.id,
            only_pending=False,
            status=DeliveryStatus.SENT,
            telegram_message_id=message_id,
            sent_at=clock(),
            attempts=item.attempts + 1,
            error=None,
        )
        await session.commit()


async def record_final(db: Database, item: Claimed, status: DeliveryStatus, reason: str) -> None:
    """Record a delivery that failed or was skipped, with the reason."""
    async with db.session() as session:
        await _set(
            session, item.id, status=status, attempts=item.attempts + 1, error=reason[:ERROR_LIMIT]
        )
        await session.commit()


async def record_retry(
    db: Database, item: Claimed, *, at: datetime, reason: str, count_attempt: bool = True
) -> None:
    """Put a delivery back to be tried again at ``at``."""
    attempts = item.attempts + 1 if count_attempt else item.attempts
    async with db.session() as session:
        await _set(
            session, item.id, next_attempt_at=at, attempts=attempts, error=reason[:ERROR_LIMIT]
        )
        await session.commit()


async def release(db: Database, item: Claimed, *, worker_id: str) -> None:
    """Give a claimed delivery back unsent (its lease ran too short)."""
    async with db.session() as session:
        await session.execute(
            update(Delivery)
            .where(Delivery.id == item.id, Delivery.claimed_by == worker_id)
            .values(claimed_by=None, claimed_until=None)
        )
        await session.commit()


async def block_user(db: Database, user_id: int) -> None:
    """Mark a user who blocked the bot, so every later campaign skips them."""
    async with db.session() as session:
        await session.execute(
            update(User)
            .where(User.id == user_id, User.status == UserStatus.ACTIVE)
            .values(status=UserStatus.BLOCKED)
        )
        await session.commit()
