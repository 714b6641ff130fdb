"""The campaigns staff look over: newest first, one-person campaigns about one thing as one entry.

Some features make a campaign per person (a funding call's "remind me", a seat from the
waiting list); a hundred of them would push what staff made themselves out of /campaigns.
Those to one person each, about the same thing and in the same state, are listed as one
entry with how many people they go to.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import Campaign
from bot.services.delivery.campaigns import Counts, counts

ONE_PERSON = "user:"  # the audience of a campaign to one person (users.id)


@dataclass(frozen=True)
class Entry:
    """One line of the overview: a campaign, or several to one person each (``people`` > 1)."""

    campaign: Campaign  # the newest of them
    counts: Counts
    people: int = 1

    @property
    def grouped(self) -> bool:
        """Several one-person campaigns: shown together, paused or cancelled one by one elsewhere."""
        return self.people > 1


def _total(found: list[Counts]) -> Counts:
    return Counts(
        sent=sum(c.sent for c in found),
        pending=sum(c.pending for c in found),
        failed=sum(c.failed for c in found),
        skipped=sum(c.skipped for c in found),
    )


async def overview(session: AsyncSession, *, limit: int) -> list[Entry]:
    """The newest ``limit`` entries, each with its live counts."""
    # Automatic ones only (a subject): a message staff wrote to one person stays on its own.
    one_person = and_(
        Campaign.audience.startswith(ONE_PERSON, autoescape=True), Campaign.subject.is_not(None)
    )
    newest = (Campaign.created_at.desc(), Campaign.id.desc())
    singles = list(
        await session.scalars(select(Campaign).where(~one_person).order_by(*newest).limit(limit))
    )
    groups = (
        select(func.max(Campaign.id))
        .where(one_person)
        .group_by(Campaign.subject, Campaign.status)
        .order_by(func.max(Campaign.created_at).desc(), func.max(Campaign.id).desc())
        .limit(limit)
    )
    heads: list[Campaign] = []
    members: dict[int, list[int]] = {}  # a group's newest id: every id in it
    for newest_id in list(await session.scalars(groups)):
        head = await session.get_one(Campaign, newest_id)
        same = select(Campaign.id).where(
            one_person, Campaign.subject == head.subject, Campaign.status == head.status
        )
        members[head.id] = list(await session.scalars(same))
        heads.append(head)
    chosen = sorted([*singles, *heads], key=lambda c: (c.created_at, c.id), reverse=True)[:limit]
    numbers = await counts(session, [i for c in chosen for i in members.get(c.id, [c.id])])
    return [
        Entry(
            c,
            _total([numbers[i] for i in members.get(c.id, [c.id])]),
            people=len(members.get(c.id, [c.id])),
        )
        for c in chosen
    ]
