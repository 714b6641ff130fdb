"""The follow-up CSVs: one row per organisation (missing ones too), and the figures table."""

from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import followup
from bot.timeutil import STOCKHOLM
from tests.conftest import FakeClock
from tests.unit.stats.test_followup_support import signatories
from tests.unit.test_delivery_support import add_org
from tests.unit.test_forms_support import NOW


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


async def test_one_row_per_organisation_with_the_missing_ones_marked(
    session: AsyncSession, clock: FakeClock
) -> None:
    await signatories(session, clock)
    await add_org(session, "=Ändra mig")  # a spreadsheet would run this as a formula
    await session.commit()
    found = await followup.follow_up(session)

    rows = _rows(followup.organisations_csv(found, tz=STOCKHOLM))

    assert rows == [
        [
            "organisation",
            "delregion",
            "paraply",
            "medlemmar",
            "områden",
            "kommuner",
            "profil skickad",
        ],
        ["'=Ändra mig", "", "", "", "", "", "saknas"],
        ["Alfa", "Fyrbodal", "Ja", "120", "Social välfärd", "Uddevalla", "2026-11-19"],
        [
            "Beta",
            "Göteborgsregionen",
            "Nej",
            "50",
            "Hälsa; Kultur",
            "Göteborg; Uddevalla",
            "2026-10-21",
        ],
        ["Delta", "", "", "", "", "", "saknas"],
        [
            "Gamma",
            "Hela Västra Götaland",
            "Ja",
            "1000",
            "Mänskliga rättigheter",
            "Hela Västra Götaland",
            "2026-10-22",
        ],
    ]


async def test_the_organisation_rows_in_english(session: AsyncSession, clock: FakeClock) -> None:
    await signatories(session, clock)
    found = await followup.follow_up(session)

    rows = _rows(followup.organisations_csv(found, tz=STOCKHOLM, lang="en"))

    assert rows[0][0:3] == ["organisation", "sub-region", "umbrella"]
    assert rows[2] == [
        "Beta",
        "Göteborgsregionen",
        "No",
        "50",
        "Health; Culture",
        "Göteborg; Uddevalla",
        "2026-10-21",
    ]
    assert rows[3][-1] == "missing"


async def test_the_figures_table(session: AsyncSession, clock: FakeClock) -> None:
    await signatories(session, clock)
    found = await followup.follow_up(session)

    rows = _rows(followup.figures_csv(found, tz=STOCKHOLM))

    assert rows[0] == ["siffra", "grupp", "värde"]
    table = {(figure, group): value for figure, group, value in rows[1:]}
    assert len(table) == len(rows) - 1  # no figure and group twice
    assert table[("underskrivare", "")] == "4"
    assert table[("med profil", "")] == "3"
    assert table[("utan profil", "")] == "1"
    assert table[("äldsta profil", "")] == "2026-10-21"
    assert table[("nyaste profil", "")] == "2026-11-19"
    assert table[("organisationer per delregion", "Hela Västra Götaland")] == "1"
    assert table[("organisationer per delregion", "Skaraborg")] == "0"
    assert table[("organisationer per område", "Hälsa")] == "1"
    assert table[("medlemmar", "totalt")] == "1170"
    key = ("medlemmar per område (räknas i varje område som anges)", "Kultur")
    assert table[key] == "50"
    assert table[("paraplyorganisationer", "")] == "2"
    assert table[("andel paraply av profilerna (%)", "")] == "67"
    assert table[("organisationer per kommun", "Uddevalla")] == "2"
    assert table[("organisationer per kommun", "Hela Västra Götaland")] == "1"
