"""Helpers for the follow-up tests: organisations whose contacts send their profiles."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import Organisation
from bot.services import forms
from bot.services.forms.profile import ensure_profile_form
from tests.conftest import FakeClock
from tests.unit.test_delivery_support import add_org
from tests.unit.test_forms_support import NOW, contact

ALFA_FIRST = {
    "members": 100,
    "areas": ["social_welfare", "health"],
    "municipalities": ["Uddevalla", "Trollhättan"],
    "subregion": "fyrbodal",
    "umbrella": "yes",
}
ALFA = {**ALFA_FIRST, "members": 120, "areas": ["social_welfare"], "municipalities": ["Uddevalla"]}
BETA = {
    "members": 50,
    "areas": ["health", "culture"],
    "municipalities": ["Göteborg", "Uddevalla"],
    "subregion": "goteborgsregionen",
    "umbrella": "no",
}
GAMMA = {
    "members": 1000,
    "areas": ["human_rights"],
    "municipalities": [forms.WHOLE_REGION],
    "subregion": "whole",
    "umbrella": "yes",
}


async def send_profile(
    session: AsyncSession,
    org: Organisation,
    values: dict[str, Any],
    *,
    clock: FakeClock,
    telegram_id: int,
) -> None:
    """A new approved contact of the organisation sends the whole profile."""
    form = await ensure_profile_form(session, clock=clock)
    user = await contact(session, telegram_id, org)
    await forms.record(session, form, user, values, clock=clock)


async def signatories(session: AsyncSession, clock: FakeClock) -> dict[str, Organisation]:
    """Alfa (profile replaced a month later), Beta, Gamma (whole region), Delta (none).

    The clock starts at NOW; Beta's profile (NOW + 1 day) ends up the oldest and Alfa's
    replacement (NOW + 30 days) the newest. Committed.
    """
    clock.now = NOW
    orgs = {name: await add_org(session, name) for name in ("Alfa", "Beta", "Gamma", "Delta")}
    await send_profile(session, orgs["Alfa"], ALFA_FIRST, clock=clock, telegram_id=101)
    clock.advance(days=1)
    await send_profile(session, orgs["Beta"], BETA, clock=clock, telegram_id=102)
    clock.advance(days=1)
    await send_profile(session, orgs["Gamma"], GAMMA, clock=clock, telegram_id=103)
    clock.now = NOW + timedelta(days=30)
    await send_profile(session, orgs["Alfa"], ALFA, clock=clock, telegram_id=104)
    await session.commit()
    return orgs
