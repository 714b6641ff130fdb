"""The campaign list any front end shows, and pausing or cancelling one from it."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import AuditEntry, CampaignStatus, User
from bot.services.delivery import campaigns, listing
from bot.timeutil import STOCKHOLM
from tests.conftest import FakeClock

NOW = datetime(2030, 3, 4, 9, 0, tzinfo=UTC)
LATER = datetime(2030, 3, 6, 9, 0, tzinfo=UTC)


async def test_recent_lists_titled_counted_entries_and_act_changes_one(
    session: AsyncSession,
) -> None:
    clock = FakeClock(NOW)
    session.add(User(telegram_id=5151, display_name="Ove"))
    await session.flush()
    made = await campaigns.create(
        session,
        text_html="<b>Årsmöte</b> i maj",
        audience_spec="umbrella",
        created_by=4242,
        clock=clock,
        due_at=LATER,
    )

    [entry] = await listing.recent(session, "sv", STOCKHOLM, limit=8)

    assert (entry.number, entry.campaign_id, entry.status) == (1, made.id, CampaignStatus.SCHEDULED)
    assert "Årsmöte" in entry.title and entry.audience == "paraplyorganisationer"
    assert entry.actionable and entry.open and entry.due_at == LATER

    title = await listing.act(
        session, made.id, "pause", actor=4242, clock=clock, lang="sv", tz=STOCKHOLM
    )

    assert title == entry.title
    [paused] = await listing.recent(session, "sv", STOCKHOLM, limit=8)
    assert paused.status == CampaignStatus.PAUSED
    logged = await session.scalar(select(AuditEntry.action).order_by(AuditEntry.id.desc()))
    assert logged == "campaign_paused"
