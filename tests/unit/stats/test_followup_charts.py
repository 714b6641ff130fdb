"""The follow-up chart: one PNG, in Swedish or English, also with few or no profiles."""

from __future__ import annotations

import struct

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import followup
from tests.conftest import FakeClock
from tests.unit.stats.test_followup_support import signatories
from tests.unit.test_delivery_support import add_org
from tests.unit.test_forms_support import NOW

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


def _size(data: bytes) -> tuple[int, int]:
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


@pytest.mark.parametrize("lang", ["sv", "en"])
async def test_the_chart_is_a_png_in_the_language_asked(
    session: AsyncSession, clock: FakeClock, lang: str
) -> None:
    await signatories(session, clock)
    found = await followup.follow_up(session)
    labels = followup.chart_labels(found, lang)

    chart = followup.chart_png(found, labels=labels)

    assert chart.startswith(PNG)
    assert _size(chart) == (1200, 850)
    assert (
        labels.subregions["whole"]
        == {"sv": "Hela Västra Götaland", "en": "All of Västra Götaland"}[lang]
    )
    assert labels.footer.startswith("3 ")


def test_chart_labels_take_the_words_given() -> None:
    found = followup.figures([])
    labels = followup.chart_labels(found, "en")

    assert labels.areas["social_welfare"] == "Social welfare"
    assert (labels.umbrella, labels.not_umbrella, labels.missing) == (
        "Umbrella body",
        "Not an umbrella",
        "No profile",
    )
    assert followup.chart_png(found, labels=labels).startswith(PNG)


async def test_dollar_signs_in_a_label_are_drawn_as_text(session: AsyncSession) -> None:
    await add_org(session, "Förening")
    found = await followup.follow_up(session)
    labels = followup.chart_labels(found, "sv")
    odd = followup.ChartLabels(**{**labels.__dict__, "title": "Kostnad $5 och $6"})

    assert len(followup.chart_png(found, labels=odd)) > 0
