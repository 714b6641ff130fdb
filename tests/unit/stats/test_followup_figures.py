"""Follow-up figures from the current organisation profiles."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import Database
from bot.services import followup, forms
from bot.services.forms.profile import ensure_profile_form
from tests.conftest import FakeClock
from tests.unit.stats.test_followup_support import BETA, send_profile, signatories
from tests.unit.test_delivery_support import add_org
from tests.unit.test_forms_support import NOW, contact


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


async def test_figures_count_each_organisation_once_from_its_newest_profile(
    session: AsyncSession, clock: FakeClock
) -> None:
    await signatories(session, clock)

    found = await followup.follow_up(session)

    assert (found.organisations, found.profiles, found.missing) == (4, 3, ["Delta"])
    assert found.oldest == NOW + timedelta(days=1)
    assert found.newest == NOW + timedelta(days=30)
    assert found.by_subregion == {
        "fyrbodal": 1,
        "goteborgsregionen": 1,
        "sjuharad": 0,
        "skaraborg": 0,
        "whole": 1,
    }
    # Alfa's first profile named health too; its replacement does not.
    assert {area: n for area, n in found.by_area.items() if n} == {
        "social_welfare": 1,
        "health": 1,
        "culture": 1,
        "human_rights": 1,
    }
    assert found.members == 120 + 50 + 1000


async def test_members_count_in_every_area_an_organisation_names(
    session: AsyncSession, clock: FakeClock
) -> None:
    await signatories(session, clock)

    found = await followup.follow_up(session)

    assert {area: n for area, n in found.members_by_area.items() if n} == {
        "social_welfare": 120,
        "health": 50,
        "culture": 50,
        "human_rights": 1000,
    }
    assert sum(found.members_by_area.values()) > found.members  # Beta counts twice


async def test_umbrella_share_and_municipalities_with_the_whole_region_apart(
    session: AsyncSession, clock: FakeClock
) -> None:
    await signatories(session, clock)

    found = await followup.follow_up(session)

    assert found.umbrella == 2
    assert found.umbrella_share == pytest.approx(2 / 3)
    assert found.profile_share == pytest.approx(3 / 4)
    assert found.by_municipality == {"Uddevalla": 2, "Göteborg": 1}
    assert found.whole_region == 1
    gamma = next(row for row in found.rows if row.name == "Gamma")
    assert gamma.profile is not None and gamma.profile.whole_region
    assert gamma.profile.municipalities == ()


async def test_a_draft_or_no_profile_form_yet_counts_as_missing(
    session: AsyncSession, clock: FakeClock
) -> None:
    await add_org(session, "Beta")
    await add_org(session, "Alfa")
    empty = await followup.follow_up(session)
    assert (empty.organisations, empty.profiles, empty.missing) == (2, 0, ["Alfa", "Beta"])
    assert (empty.oldest, empty.newest, empty.umbrella_share) == (None, None, 0.0)
    assert set(empty.by_area.values()) == {0}

    form = await ensure_profile_form(session, clock=clock)
    org = await add_org(session, "Gamma")
    draft = await forms.begin(session, form, await contact(session, 1, org), clock=clock)
    await forms.set_answer(session, form, draft, form.questions[0], 10, clock=clock)
    await session.commit()

    assert (await followup.follow_up(session)).missing == ["Alfa", "Beta", "Gamma"]


async def _statements(db: Database, session: AsyncSession) -> int:
    seen: list[Any] = []

    def count(*_args: Any) -> None:
        seen.append(1)

    event.listen(db.engine.sync_engine, "before_cursor_execute", count)
    try:
        await followup.follow_up(session)
    finally:
        event.remove(db.engine.sync_engine, "before_cursor_execute", count)
    return len(seen)


async def test_the_number_of_queries_does_not_grow_with_the_organisations(
    db: Database, session: AsyncSession, clock: FakeClock
) -> None:
    await signatories(session, clock)
    few = await _statements(db, session)
    for number in range(20):
        org = await add_org(session, f"Förening {number}")
        await send_profile(session, org, BETA, clock=clock, telegram_id=1000 + number)
    await session.commit()

    assert await _statements(db, session) == few
