"""Campaigns: create, start (expand into deliveries), pause, resume, cancel, finish, count."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, exists, func, literal, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.models import Campaign, CampaignStatus, Delivery, DeliveryStatus, Topic, User
from bot.services import audit
from bot.services.delivery import audience
from bot.services.delivery.sending import MEDIA_KINDS, Buttons, dump_buttons, parse_buttons
from bot.timeutil import Clock, as_utc

TEXT_LIMIT = 4096  # Telegram's limit for a message; captions are checked by Telegram itself
OPEN = (CampaignStatus.SCHEDULED, CampaignStatus.RUNNING, CampaignStatus.PAUSED)


@dataclass(frozen=True)
class Counts:
    """How a campaign's deliveries stand."""

    sent: int = 0
    pending: int = 0
    failed: int = 0
    skipped: int = 0

    @property
    def total(self) -> int:
        """All deliveries (the recipients at expansion)."""
        return self.sent + self.pending + self.failed + self.skipped


async def create(
    session: AsyncSession,
    *,
    text_html: str,
    audience_spec: str,
    created_by: int | None,
    clock: Clock,
    topic: Topic | None = Topic.ANNOUNCEMENTS,
    subject: str | None = None,
    media_kind: str | None = None,
    media_file_id: str | None = None,
    buttons: Buttons = (),
    due_at: datetime | None = None,
    recipients: int | None = None,
) -> Campaign:
    """Record a campaign (flushed, committed by the caller); the worker starts it when due.

    ``recipients``, the count shown to its author, only goes into the audit log. A
    ``subject`` (e.g. "meeting:12") has each recipient's message rendered at send time by
    the worker's Personaliser; ``text_html`` then is the summary staff see in /campaigns.
    """
    parsed = audience.parse(audience_spec)
    if not text_html.strip() and media_file_id is None:
        raise DomainError("campaign_empty")
    if len(text_html) > TEXT_LIMIT:
        raise DomainError("campaign_too_long", limit=TEXT_LIMIT)
    if (media_kind is None) != (media_file_id is None) or (
        media_kind is not None and media_kind not in MEDIA_KINDS
    ):
        raise DomainError("campaign_media_invalid")
    stored_buttons = dump_buttons(buttons)
    parse_buttons(stored_buttons)  # the same check as when a button arrives as JSON
    now = clock()
    campaign = Campaign(
        topic=topic,
        subject=subject,
        text_html=text_html,
        media_kind=media_kind,
        media_file_id=media_file_id,
        buttons=stored_buttons,
        audience=parsed.spec,
        status=CampaignStatus.SCHEDULED,
        due_at=as_utc(due_at) if due_at is not None else now,
        created_by=created_by,
        created_at=now,
    )
    session.add(campaign)
    await session.flush()
    reach = "" if recipients is None else f", {recipients} recipients"
    await audit.record(
        session,
        actor_telegram_id=created_by,
        action="campaign_created",
        detail=f"campaign {campaign.id} to {parsed.spec} ({topic.value if topic else 'service'}{reach}) due {campaign.due_at:%Y-%m-%d %H:%M}Z",
        clock=clock,
    )
    return campaign


def _insert_ignoring_duplicates(session: AsyncSession) -> Any:
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(Delivery)
    return sqlite.insert(Delivery)


async def start(session: AsyncSession, campaign_id: int, *, clock: Clock) -> int | None:
    """Expand a scheduled campaign into one pending delivery per recipient (committed).

    Returns the number of recipients, or None if another process started it first: the
    status change comes first and takes the row lock, so a racing process waits and then
    finds the campaign running; the unique (campaign, user) key guards the rest.
    """
    now = clock()
    claimed = cast(
        CursorResult[Any],
        await session.execute(
            update(Campaign)
            .where(Campaign.id == campaign_id, Campaign.status == CampaignStatus.SCHEDULED)
            .values(status=CampaignStatus.RUNNING, expanded_at=now)
        ),
    )
    if claimed.rowcount != 1:
        await session.rollback()
        return None
    campaign = await session.get_one(Campaign, campaign_id)
    recipients = select(
        literal(campaign_id),
        User.id,
        User.telegram_id,
        literal(DeliveryStatus.PENDING.value),
        literal(0),
        literal(now, Delivery.next_attempt_at.type),
    ).where(audience.condition(audience.parse(campaign.audience), campaign.topic))
    columns = ["campaign_id", "user_id", "chat_id", "status", "attempts", "next_attempt_at"]
    statement = _insert_ignoring_duplicates(session).from_select(columns, recipients)
    await session.execute(
        statement.on_conflict_do_nothing(index_elements=["campaign_id", "user_id"])
    )
    total = int(
        await session.scalar(
            select(func.count(Delivery.id)).where(Delivery.campaign_id == campaign_id)
        )
        or 0
    )
    await audit.record(
        session,
        actor_telegram_id=campaign.created_by,
        action="campaign_started",
        detail=f"campaign {campaign_id} to {campaign.audience}: {total} recipients",
        clock=clock,
    )
    await session.commit()
    return total


async def due(session: AsyncSession, *, clock: Clock, limit: int = 10) -> list[int]:
    """Ids of scheduled campaigns whose time has come."""
    query = (
        select(Campaign.id)
        .where(Campaign.status == CampaignStatus.SCHEDULED, Campaign.due_at <= clock())
        .order_by(Campaign.due_at, Campaign.id)
        .limit(limit)
    )
    return list(await session.scalars(query))


async def _set_status(
    session: AsyncSession, campaign_id: int, allowed: tuple[CampaignStatus, ...], **values: Any
) -> bool:
    result = cast(
        CursorResult[Any],
        await session.execute(
            update(Campaign)
            .where(Campaign.id == campaign_id, Campaign.status.in_(allowed))
            .values(**values)
        ),
    )
    return result.rowcount == 1


async def get(session: AsyncSession, campaign_id: int) -> Campaign:
    """The campaign with this id; DomainError("campaign_not_found") if there is none."""
    campaign = await session.get(Campaign, campaign_id, populate_existing=True)
    if campaign is None:
        raise DomainError("campaign_not_found", campaign_id=campaign_id)
    return campaign


async def pause(session: AsyncSession, campaign_id: int, *, reason: str | None = None) -> None:
    """Stop sending a scheduled or running campaign until resumed (flushed, not committed)."""
    await get(session, campaign_id)
    allowed = (CampaignStatus.SCHEDULED, CampaignStatus.RUNNING)
    values = {"status": CampaignStatus.PAUSED, "paused_reason": reason}
    if not await _set_status(session, campaign_id, allowed, **values):
        raise DomainError("campaign_not_running", campaign_id=campaign_id)


async def resume(session: AsyncSession, campaign_id: int) -> None:
    """Continue a paused campaign where it stopped (flushed, not committed)."""
    campaign = await get(session, campaign_id)
    status = CampaignStatus.SCHEDULED if campaign.expanded_at is None else CampaignStatus.RUNNING
    values = {"status": status, "paused_reason": None}
    if not await _set_status(session, campaign_id, (CampaignStatus.PAUSED,), **values):
        raise DomainError("campaign_not_paused", campaign_id=campaign_id)


async def cancel(session: AsyncSession, campaign_id: int, *, clock: Clock) -> None:
    """Cancel a campaign: whoever has not got it yet never will (flushed, not committed)."""
    await get(session, campaign_id)
    values = {"status": CampaignStatus.CANCELLED, "finished_at": clock()}
    if not await _set_status(session, campaign_id, OPEN, **values):
        raise DomainError("campaign_finished", campaign_id=campaign_id)
    await session.execute(
        update(Delivery)
        .where(Delivery.campaign_id == campaign_id, Delivery.status == DeliveryStatus.PENDING)
        .values(status=DeliveryStatus.SKIPPED, error="cancelled")
    )


async def finish_done(session: AsyncSession, *, clock: Clock) -> list[int]:
    """Mark running campaigns with nothing pending as done (flushed); the ids this call finished.

    Only one process gets each id back, so the author's report goes out once.
    """
    pending = exists().where(
        Delivery.campaign_id == Campaign.id, Delivery.status == DeliveryStatus.PENDING
    )
    statement = (
        update(Campaign)
        .where(Campaign.status == CampaignStatus.RUNNING, ~pending)
        .values(status=CampaignStatus.DONE, finished_at=clock())
        .returning(Campaign.id)
    )
    return list(await session.scalars(statement))


async def counts(session: AsyncSession, campaign_ids: list[int]) -> dict[int, Counts]:
    """Delivery counts per campaign (campaigns without deliveries count zero)."""
    query = (
        select(Delivery.campaign_id, Delivery.status, func.count(Delivery.id))
        .where(Delivery.campaign_id.in_(campaign_ids))
        .group_by(Delivery.campaign_id, Delivery.status)
    )
    raw: dict[int, dict[str, int]] = {cid: {} for cid in campaign_ids}
    for campaign_id, status, number in await session.execute(query):
        raw[campaign_id][DeliveryStatus(status).value] = int(number)
    return {cid: Counts(**values) for cid, values in raw.items()}


async def recent(session: AsyncSession, *, limit: int = 10) -> list[tuple[Campaign, Counts]]:
    """The newest campaigns first, each with its live counts."""
    query = select(Campaign).order_by(Campaign.created_at.desc(), Campaign.id.desc()).limit(limit)
    found = list(await session.scalars(query))
    numbers = await counts(session, [c.id for c in found])
    return [(c, numbers[c.id]) for c in found]
