"""The organisations with their current profile: one submitted, not replaced, answer each."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import FormResponse, Organisation
from bot.services.forms import definitions
from bot.services.forms.municipalities import WHOLE_REGION
from bot.services.forms.profile import (
    MEMBERS,
    MUNICIPALITIES,
    PROFILE_KEY,
    SUBJECT_AREAS,
    SUBREGION,
    UMBRELLA,
)
from bot.services.forms.values import values_by_key
from bot.timeutil import as_utc


@dataclass(frozen=True)
class Profile:
    """What an organisation's current profile says, and when it was sent (UTC)."""

    submitted_at: datetime
    members: int
    areas: tuple[str, ...]  # area codes (profile.AREAS)
    municipalities: tuple[str, ...]  # names; empty when the whole region is named
    whole_region: bool  # active in all of Västra Götaland
    subregion: str | None  # a code of profile.SUBREGION_CODES
    umbrella: bool


@dataclass(frozen=True)
class OrganisationRow:
    """A signatory and its current profile (None while it has sent none)."""

    organisation_id: int
    name: str
    profile: Profile | None


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(str(item) for item in value) if isinstance(value, list) else ()


def _profile(values: dict[str, Any], submitted_at: datetime) -> Profile:
    places = _strings(values.get(MUNICIPALITIES))
    subregion = values.get(SUBREGION)
    return Profile(
        submitted_at=as_utc(submitted_at),
        members=int(values.get(MEMBERS) or 0),
        areas=_strings(values.get(SUBJECT_AREAS)),
        municipalities=tuple(name for name in places if name != WHOLE_REGION),
        whole_region=WHOLE_REGION in places,
        subregion=str(subregion) if subregion is not None else None,
        umbrella=values.get(UMBRELLA) == "yes",
    )


async def organisation_rows(session: AsyncSession) -> list[OrganisationRow]:
    """Every organisation (by name) with its current profile: three queries in all."""
    organisations = list(await session.scalars(select(Organisation).order_by(Organisation.name)))
    form = await definitions.by_key(session, PROFILE_KEY)
    found: dict[int, Profile] = {}
    if form is not None:
        # The answers come with the responses (selectin): no query per organisation.
        responses = await session.scalars(
            select(FormResponse)
            .where(
                FormResponse.form_id == form.id,
                FormResponse.in_force,
                FormResponse.organisation_id.is_not(None),
            )
            .order_by(FormResponse.submitted_at, FormResponse.id)
        )
        for response in responses:
            assert response.organisation_id is not None and response.submitted_at is not None
            # Oldest first, so should two ever be current, the newest one wins.
            found[response.organisation_id] = _profile(
                values_by_key(form, response), response.submitted_at
            )
    return [OrganisationRow(org.id, org.name, found.get(org.id)) for org in organisations]
