"""The follow-up figures of the signatories, counted from their current organisation profiles."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.followup.profiles import OrganisationRow, Profile, organisation_rows
from bot.services.forms.profile import AREAS, SUBREGION_CODES


@dataclass(frozen=True)
class FollowUp:
    """What the profiles say about the signatories as a whole.

    Members by area count an organisation's members in every area it names, so those
    figures add up to more than the total.
    """

    rows: list[OrganisationRow]  # every organisation by name, with its profile if any
    organisations: int
    profiles: int
    missing: list[str]  # names of organisations without a profile
    oldest: datetime | None  # when the oldest current profile was sent (UTC)
    newest: datetime | None
    by_subregion: dict[str, int]  # sub-region code (the whole region too) → organisations
    by_area: dict[str, int]  # area code → organisations
    members: int
    members_by_area: dict[str, int]
    umbrella: int
    by_municipality: dict[str, int]  # name → organisations, most first
    whole_region: int  # organisations active in all of Västra Götaland

    @property
    def umbrella_share(self) -> float:
        """Umbrella bodies per profile (0–1; 0 without profiles)."""
        return self.umbrella / self.profiles if self.profiles else 0.0

    @property
    def profile_share(self) -> float:
        """Organisations with a profile (0–1; 0 without organisations)."""
        return self.profiles / self.organisations if self.organisations else 0.0


def figures(rows: list[OrganisationRow]) -> FollowUp:
    """Count the figures from organisations and their profiles."""
    profiles: list[Profile] = [row.profile for row in rows if row.profile is not None]
    subregions = Counter(p.subregion for p in profiles if p.subregion in SUBREGION_CODES)
    areas = Counter(area for p in profiles for area in set(p.areas) if area in AREAS)
    members_by_area: Counter[str] = Counter()
    for profile in profiles:
        for area in set(profile.areas) & set(AREAS):
            members_by_area[area] += profile.members
    places = Counter(name for p in profiles for name in set(p.municipalities))
    moments = [p.submitted_at for p in profiles]
    return FollowUp(
        rows=rows,
        organisations=len(rows),
        profiles=len(profiles),
        missing=[row.name for row in rows if row.profile is None],
        oldest=min(moments, default=None),
        newest=max(moments, default=None),
        by_subregion={code: subregions[code] for code in SUBREGION_CODES},
        by_area={area: areas[area] for area in AREAS},
        members=sum(p.members for p in profiles),
        members_by_area={area: members_by_area[area] for area in AREAS},
        umbrella=sum(1 for p in profiles if p.umbrella),
        by_municipality=dict(sorted(places.items(), key=lambda item: (-item[1], item[0]))),
        whole_region=sum(1 for p in profiles if p.whole_region),
    )


async def follow_up(session: AsyncSession) -> FollowUp:
    """The follow-up figures now, from every organisation's current profile."""
    return figures(await organisation_rows(session))
