"""The organisation profile: a built-in per-organisation form the follow-up figures come from.

Its answers also keep the organisation's sub-region and umbrella flag up to date, since
those decide who a push to ``subregion:…`` or ``umbrella`` reaches.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import Form, FormResponse, Organisation, QuestionKind, SubRegion
from bot.services.forms import definitions
from bot.services.forms.definitions import FormSpec, QuestionSpec
from bot.services.forms.values import values_by_key
from bot.timeutil import Clock

PROFILE_KEY = "org_profile"
AREAS = (
    "social_welfare",
    "health",
    "culture",
    "sport",
    "environment",
    "education",
    "human_rights",
    "other",
)
WHOLE_REGION_CODE = "whole"
SUBREGION_CODES: dict[str, SubRegion | None] = {
    "fyrbodal": SubRegion.FYRBODAL,
    "goteborgsregionen": SubRegion.GOTEBORGSREGIONEN,
    "sjuharad": SubRegion.SJUHARAD,
    "skaraborg": SubRegion.SKARABORG,
    WHOLE_REGION_CODE: None,
}
MEMBERS, SUBJECT_AREAS, MUNICIPALITIES, SUBREGION, UMBRELLA = (
    "members",
    "areas",
    "municipalities",
    "subregion",
    "umbrella",
)
MEMBERS_MAX = 10_000_000

PROFILE_SPEC = FormSpec(
    key=PROFILE_KEY,
    title="Organisationsprofil",
    audience="contacts",
    per_organisation=True,
    questions=(
        QuestionSpec(MEMBERS, QuestionKind.NUMBER, min_value=0, max_value=MEMBERS_MAX),
        QuestionSpec(SUBJECT_AREAS, QuestionKind.CHOICES, options=AREAS),
        QuestionSpec(MUNICIPALITIES, QuestionKind.MUNICIPALITIES),
        QuestionSpec(SUBREGION, QuestionKind.CHOICE, options=tuple(SUBREGION_CODES)),
        QuestionSpec(UMBRELLA, QuestionKind.CHOICE, options=("yes", "no")),
    ),
)


async def ensure_profile_form(session: AsyncSession, *, clock: Clock) -> Form:
    """The profile form, created the first time it is needed."""
    found = await definitions.by_key(session, PROFILE_KEY)
    if found is not None:
        return found
    return await definitions.create(session, PROFILE_SPEC, created_by=None, clock=clock)


def apply_to_organisation(organisation: Organisation, values: Mapping[str, Any]) -> None:
    """Copy the profile's sub-region and umbrella answer onto the organisation."""
    if SUBREGION in values and values[SUBREGION] in SUBREGION_CODES:
        organisation.subregion = SUBREGION_CODES[values[SUBREGION]]
    if UMBRELLA in values:
        organisation.umbrella = values[UMBRELLA] == "yes"


async def after_submit(session: AsyncSession, form: Form, response: FormResponse) -> None:
    """Keep the organisation row in step with its newly submitted profile."""
    if form.key != PROFILE_KEY or response.organisation_id is None:
        return
    organisation = await session.get(Organisation, response.organisation_id)
    if organisation is None:
        return
    apply_to_organisation(organisation, values_by_key(form, response))
