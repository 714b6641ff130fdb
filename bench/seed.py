"""Audiences and campaigns for the delivery benchmark, and what became of them.

Users are created directly (a sandbox user, so the chat exists, and a User row with the same
telegram_id); the campaign is recorded with the delivery service, as the /broadcast command
would, and the running worker starts it.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, insert, select

from bot.db import Database
from bot.models import Campaign, CampaignStatus, Delivery, DeliveryStatus, User
from bot.sandbox.client import SandboxClient
from bot.services.delivery import campaigns
from bot.services.delivery.campaigns import Counts
from bot.timeutil import utc_now

CHUNK = 50  # concurrent control-API requests when creating or reading thousands of chats


async def create_audience(client: SandboxClient, db: Database, telegram_ids: list[int]) -> None:
    """Create each person in the sandbox (their chat) and as an active User in the database."""
    for start in range(0, len(telegram_ids), CHUNK):
        chunk = telegram_ids[start : start + CHUNK]
        await asyncio.gather(*(client.create_user(f"R{i}", user_id=i) for i in chunk))
    rows = [{"telegram_id": i, "display_name": f"R{i}"} for i in telegram_ids]
    async with db.session() as session:
        await session.execute(insert(User), rows)
        await session.commit()


async def create_campaign(db: Database, text_html: str) -> int:
    """Record a campaign to everyone, due now, with the delivery service; return its id."""
    async with db.session() as session:
        campaign = await campaigns.create(
            session, text_html=text_html, audience_spec="all", created_by=None, clock=utc_now
        )
        await session.commit()
        return campaign.id


@dataclass(frozen=True)
class Progress:
    """How a campaign stands in the database."""

    status: CampaignStatus
    counts: Counts


async def progress(db: Database, campaign_id: int) -> Progress:
    """The campaign's status and delivery counts, read afresh."""
    async with db.session() as session:
        campaign = await session.get_one(Campaign, campaign_id, populate_existing=True)
        counts = (await campaigns.counts(session, [campaign_id]))[campaign_id]
        return Progress(campaign.status, counts)


async def claimers(db: Database, campaign_id: int) -> set[str]:
    """Workers holding a lease on one of the campaign's deliveries right now."""
    async with db.session() as session:
        query = select(Delivery.claimed_by).where(
            Delivery.campaign_id == campaign_id, Delivery.claimed_by.is_not(None)
        )
        return {worker for worker in await session.scalars(query.distinct()) if worker}


async def sent_times(db: Database, campaign_id: int) -> list[datetime]:
    """When each sent delivery was confirmed (recorded right after Telegram's answer), in order."""
    async with db.session() as session:
        query = (
            select(Delivery.sent_at)
            .where(Delivery.campaign_id == campaign_id, Delivery.status == DeliveryStatus.SENT)
            .order_by(Delivery.sent_at)
        )
        return [at for at in await session.scalars(query) if at is not None]


async def statuses(db: Database, campaign_id: int) -> dict[str, int]:
    """Deliveries per status, e.g. {"sent": 600}."""
    async with db.session() as session:
        query = (
            select(Delivery.status, func.count(Delivery.id))
            .where(Delivery.campaign_id == campaign_id)
            .group_by(Delivery.status)
        )
        return {DeliveryStatus(s).value: int(n) for s, n in await session.execute(query)}


async def bot_messages_per_chat(client: SandboxClient, chat_ids: list[int]) -> list[int]:
    """How many bot messages each chat's sandbox transcript holds (recipients never write)."""
    counts: list[int] = []
    for start in range(0, len(chat_ids), CHUNK):
        chunk = chat_ids[start : start + CHUNK]
        transcripts = await asyncio.gather(*(client.messages(chat_id) for chat_id in chunk))
        counts.extend(sum(bool(m["from_bot"]) for m in messages) for messages in transcripts)
    return counts
