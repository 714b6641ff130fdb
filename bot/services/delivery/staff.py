"""What staff do with campaigns (chat and shell alike): record a draft, pause, resume, cancel.

Each action is written to the audit log with who did it; the engine itself records
``campaign_created`` (here with the recipient count) and ``campaign_started``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import Campaign, Topic
from bot.services import audit, campaign_labels
from bot.services.delivery import audience, campaigns
from bot.timeutil import Clock


@dataclass(frozen=True)
class Draft:
    """A message being composed: exactly what every recipient will get."""

    text_html: str
    media_kind: str | None = None
    media_file_id: str | None = None


@dataclass(frozen=True)
class Audience:
    """An audience in words and how many it reaches now."""

    spec: str
    label: str  # HTML (campaign_labels)
    recipients: int


def topic_for(audience_spec: str) -> Topic:
    """The campaign's topic: announcements, unless it goes to the subscribers of a topic."""
    parsed = audience.parse(audience_spec)
    return Topic(parsed.value) if parsed.kind == "topic" else Topic.ANNOUNCEMENTS


async def recipients(
    session: AsyncSession, audience_spec: str, *, topic: Topic | None = None
) -> int:
    """How many people a campaign to this audience (and topic) would reach now."""
    return await audience.count(session, audience_spec, topic or topic_for(audience_spec))


async def describe(
    session: AsyncSession, audience_spec: str, lang: str, *, topic: Topic | None = None
) -> Audience:
    """An audience in words (naming its organisation, meeting...) and its size now."""
    label = await campaign_labels.audience_label(session, audience_spec, lang)
    count = await recipients(session, audience_spec, topic=topic)
    return Audience(audience_spec, str(label), count)


async def record(
    session: AsyncSession,
    draft: Draft,
    *,
    audience_spec: str,
    created_by: int | None,
    clock: Clock,
    due_at: datetime | None = None,
    topic: Topic | None = None,
) -> Campaign:
    """Record the campaign (flushed, committed by the caller); the worker sends it when due."""
    topic = topic or topic_for(audience_spec)
    return await campaigns.create(
        session,
        text_html=draft.text_html,
        audience_spec=audience_spec,
        created_by=created_by,
        clock=clock,
        topic=topic,
        media_kind=draft.media_kind,
        media_file_id=draft.media_file_id,
        due_at=due_at,
        recipients=await recipients(session, audience_spec, topic=topic),
    )


async def pause(
    session: AsyncSession, campaign_id: int, *, actor: int | None, clock: Clock
) -> None:
    """Pause a campaign and log who did it (flushed, not committed)."""
    await campaigns.pause(session, campaign_id, reason=None)
    await _log(session, "campaign_paused", campaign_id, actor, clock)


async def resume(
    session: AsyncSession, campaign_id: int, *, actor: int | None, clock: Clock
) -> None:
    """Resume a paused campaign and log who did it (flushed, not committed)."""
    await campaigns.resume(session, campaign_id)
    await _log(session, "campaign_resumed", campaign_id, actor, clock)


async def cancel(
    session: AsyncSession, campaign_id: int, *, actor: int | None, clock: Clock
) -> None:
    """Cancel a campaign and log who did it (flushed, not committed)."""
    await campaigns.cancel(session, campaign_id, clock=clock)
    await _log(session, "campaign_cancelled", campaign_id, actor, clock)


async def _log(
    session: AsyncSession, action: str, campaign_id: int, actor: int | None, clock: Clock
) -> None:
    await audit.record(
        session,
        actor_telegram_id=actor,
        action=action,
        detail=f"campaign {campaign_id}",
        clock=clock,
    )
