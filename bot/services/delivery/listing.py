"""What staff see of recent campaigns, and what they do to one: plain data for any front end.

The chat's /campaigns and a web admin list the same entries (titled and counted now) and act
through the same functions, each written to the audit log with who did it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import CampaignStatus
from bot.services import campaign_labels
from bot.services.delivery import campaigns, staff
from bot.services.delivery.campaigns import Counts
from bot.services.delivery.overview import overview
from bot.texts import t
from bot.timeutil import Clock

OPEN = (CampaignStatus.SCHEDULED, CampaignStatus.RUNNING, CampaignStatus.PAUSED)

Act = Callable[..., Awaitable[None]]
ACTIONS: dict[str, Act] = {"pause": staff.pause, "resume": staff.resume, "cancel": staff.cancel}


@dataclass(frozen=True)
class CampaignEntry:
    """One entry of the list, numbered by its place; several one-person campaigns are one."""

    number: int
    campaign_id: int
    title: str  # HTML
    status: CampaignStatus
    due_at: datetime
    audience: str  # HTML words, or how many people a grouped entry goes to
    counts: Counts
    actionable: bool  # a grouped entry has no actions: one press would not say which it meant

    @property
    def open(self) -> bool:
        """Not finished: it can still be paused, resumed or cancelled."""
        return self.status in OPEN


async def recent(
    session: AsyncSession, lang: str, tz: ZoneInfo, *, limit: int
) -> list[CampaignEntry]:
    """The newest ``limit`` entries with their live counts, in the reader's language."""
    found = await overview(session, limit=limit)
    titles = await campaign_labels.titles(session, [e.campaign for e in found], lang, tz)
    entries = []
    for number, entry in enumerate(found, start=1):
        campaign = entry.campaign
        if entry.grouped:
            audience = t("campaigns_people", lang, n=entry.people)
        else:
            audience = await campaign_labels.audience_label(session, campaign.audience, lang)
        entries.append(
            CampaignEntry(
                number=number,
                campaign_id=campaign.id,
                title=str(titles[campaign.id]),
                status=campaign.status,
                due_at=campaign.due_at,
                audience=str(audience),
                counts=entry.counts,
                actionable=not entry.grouped,
            )
        )
    return entries


async def act(
    session: AsyncSession,
    campaign_id: int,
    action: str,
    *,
    actor: int | None,
    clock: Clock,
    lang: str,
    tz: ZoneInfo,
) -> str:
    """Pause, resume or cancel a campaign (flushed, logged); returns its title (HTML)."""
    await ACTIONS[action](session, campaign_id, actor=actor, clock=clock)
    campaign = await campaigns.get(session, campaign_id)
    return str(await campaign_labels.title(session, campaign, lang, tz))
