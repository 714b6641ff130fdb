"""/stats through the sandbox: staff get the follow-up figures, the chart and two CSVs from
the organisation profiles (one replaced by a newer one, two missing); members are refused.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from sqlalchemy import func, select

from bot.models import AuditEntry
from tests.conftest import FakeClock
from tests.e2e.broadcast.test_broadcast import add_members
from tests.e2e.chat import JSON, Person, buttons, has
from tests.e2e.conftest import Harness, clocked_harness
from tests.unit.stats.test_followup_support import signatories
from tests.unit.test_delivery_support import add_org

START = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)  # the day after the newest profile


async def _record_profiles(harness: Harness) -> None:
    """Alfa, Beta and Gamma send profiles (Alfa twice), Delta none; on a clock of their own."""
    async with harness.db.session() as session:
        await signatories(session, FakeClock())


def _csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


async def _document(harness: Harness, admin: Person, chart: JSON, button: str) -> list[list[str]]:
    sent = await admin.press_and_wait(chart, button, predicate=lambda m: "document" in m)
    return _csv(await harness.client.file_bytes(sent["document"]["file_id"]))


async def _summary_and_chart(harness: Harness, admin: Person) -> JSON:
    cursor = await admin.send("/stats")
    shown = await admin.next_message(after=cursor, predicate=has("Uppföljning"))
    text = shown["text"]
    assert "Underskrivare: 5\nHar fyllt i profilen: 3 (60 %)\nSaknar profil: 2" in text
    assert "Profilerna är skickade mellan onsdag 21 oktober och torsdag 19 november." in text
    assert "Fyrbodal: 1\nGöteborgsregionen: 1\nSjuhärad: 0\nSkaraborg: 0" in text
    assert "Hela Västra Götaland: 1" in text
    assert "Medlemmar: 1\u00a0170 sammanlagt" in text
    assert "Mänskliga rättigheter: 1\u00a0000" in text
    assert "i varje område den anger" in text
    assert "Paraplyorganisationer: 2 av 3 profiler (67 %)" in text
    assert "Uddevalla: 2\nGöteborg: 1" in text
    assert "Verksamma i hela Västra Götaland: 1" in text
    assert "Saknar profil (2)\nDelta, Epsilon" in text
    chart = await admin.next_message(after=cursor, predicate=lambda m: "photo" in m)
    data = await harness.client.file_bytes(chart["photo"][-1]["file_id"])
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert buttons(chart) == ["CSV per organisation", "CSV siffror"]
    return chart


async def test_staff_get_figures_chart_and_csvs_and_members_are_refused(db_url: str) -> None:
    async with clocked_harness(db_url, FakeClock(START)) as harness:
        admin = Person(harness.client, harness.admin_id)
        olle = (await add_members(harness, {"Olle": None}))["Olle"]
        assert "bara för handläggare" in (await olle.say("/stats"))["text"]
        async with harness.db.session() as session:
            await add_org(session, "Epsilon")
            await session.commit()
        none = await admin.say("/stats")
        assert "Ingen organisation har fyllt i sin profil ännu" in none["text"]
        assert "(underskrivare: 1)" in none["text"]
        assert "/formadmin → Organisationsprofil → Skicka" in none["text"]

        await _record_profiles(harness)
        chart = await _summary_and_chart(harness, admin)

        rows = await _document(harness, admin, chart, "CSV per organisation")
        assert rows[0][0] == "organisation"
        assert [row[0] for row in rows[1:]] == ["Alfa", "Beta", "Delta", "Epsilon", "Gamma"]
        assert rows[1] == [
            "Alfa",
            "Fyrbodal",
            "Ja",
            "120",
            "Social välfärd",
            "Uddevalla",
            "2026-11-19",
        ]
        assert rows[3] == ["Delta", "", "", "", "", "", "saknas"]
        figures = await _document(harness, admin, chart, "CSV siffror")
        assert figures[0] == ["siffra", "grupp", "värde"]
        assert ["underskrivare", "", "5"] in figures and ["medlemmar", "totalt", "1170"] in figures

        query_id, _ = await olle.press(chart, "CSV siffror")  # a forwarded or forged button
        assert "bara för handläggare" in await olle.answer_text(query_id)
        async with harness.db.session() as session:
            exports = await session.scalar(
                select(func.count(AuditEntry.id)).where(AuditEntry.action == "stats_exported")
            )
        assert exports == 2
