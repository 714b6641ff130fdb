"""Nominations through the sandbox on a controlled clock: staff open a round in the chat,
an approved contact nominates step by step (with a correction), staff see and export it,
the round closes by itself at its end and staff are told; an unlinked user is refused.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.models import AuditEntry, Organisation
from scheduler import nominations as nomination_job
from tests.conftest import FakeClock
from tests.e2e.broadcast.test_broadcast import add_members
from tests.e2e.chat import JSON, Person, buttons, has
from tests.e2e.conftest import Harness, clocked_harness

WAIT = 15.0  # seconds: only bounds a failure; the worker and the job look ten times a second
START = datetime(2026, 10, 20, 8, 0, tzinfo=UTC)  # Tuesday 10:00 in Stockholm
TITLE = "Styrgruppen 2027–2030"


@pytest.fixture(autouse=True)
def often(monkeypatch: pytest.MonkeyPatch) -> None:
    """The job wakes every 30 s in production; here ten times a second."""
    monkeypatch.setattr(nomination_job, "NOMINATIONS_EVERY", timedelta(seconds=0.1))
    monkeypatch.setattr(nomination_job, "FIRST_RUN", timedelta(seconds=0.1))


async def _people(harness: Harness) -> dict[str, Person]:
    """Eva is the approved contact of Föreningen Vägen; Olle is linked to nothing."""
    async with harness.db.session() as session:
        session.add(Organisation(name="Föreningen Vägen"))
        await session.commit()
    return await add_members(harness, {"Eva": "Föreningen Vägen", "Olle": None})


async def _then(person: Person, text: str, wanted: str) -> JSON:
    """Say text and return the bot's next message containing wanted."""
    cursor = await person.send(text)
    return await person.next_message(after=cursor, predicate=has(wanted))


async def _nominate(eva: Person) -> None:
    """/nominate, /cancel, then every step with a bad contact and a correction at review."""
    await _then(eva, "/nominate", "Vad heter kandidaten?")
    assert "avbrutet" in (await eva.say("/cancel"))["text"]
    intro = await _then(eva, "/nominate", "Vad heter kandidaten?")
    assert intro["text"] == "Vad heter kandidaten?"
    assert "Vilken organisation" in (await eva.say("Anna Andersson"))["text"]
    assert "e-postadress" in (await eva.say("Röda Korset"))["text"]
    bad = await eva.say("anna på röda korset")
    assert "inte ut som en e-postadress" in bad["text"]
    assert "motivering" in (await eva.say("anna@example.se"))["text"]
    review = await eva.say("Hon kan samverkan.\nOch lyssnar.")
    assert "Kontakt: anna@example.se" in review["text"]
    assert buttons(review) == ["Skicka", "Ändra", "Avbryt"]
    assert "Använd knapparna" in (await eva.say("Skicka"))["text"]
    choose = await eva.press_and_wait(review, "Ändra", predicate=has("Vad vill du ändra?"))
    assert buttons(choose) == ["Namn", "Organisation", "Kontakt", "Motivering"]
    await eva.press_and_wait(choose, "Kontakt", predicate=has("e-postadress"))
    review = await eva.say("070-123 45 67")
    assert "070-123 45 67" in review["text"] and "Anna Andersson" in review["text"]
    sent = await eva.press_and_wait(review, "Skicka", predicate=has("Tack!"))
    assert f"Nomineringen av Anna Andersson till ”{TITLE}” är mottagen" in sent["text"]


async def _staff_view_and_export(harness: Harness, admin: Person) -> None:
    shown = await _then(admin, "/nominations", "Nomineringar hittills")
    assert "Nomineringar hittills: 1" in shown["text"] and TITLE in shown["text"]
    assert buttons(shown) == ["Exportera (CSV)", "Stäng nu"]
    export = await admin.press_and_wait(
        shown, "Exportera (CSV)", predicate=lambda m: "document" in m
    )
    data = await harness.client.file_bytes(export["document"]["file_id"])
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[1] == [
        "2026-10-20 10:00",
        "Föreningen Vägen",
        "Eva",
        "Anna Andersson",
        "Röda Korset",
        "070-123 45 67",
        "Hon kan samverkan.\nOch lyssnar.",
    ]
    async with harness.db.session() as session:
        audit = await session.scalar(
            select(AuditEntry).where(AuditEntry.action == "export_nominations")
        )
    assert audit is not None and audit.actor_telegram_id == admin.user_id


async def _open_and_close_by_hand(admin: Person) -> None:
    """A trial round: "Stäng nu", "Nej" keeps it open; "Stäng nu", "Ja, stäng" closes it."""
    opened = await admin.say("/nominations open Provomgång; nu; 22/10 12:00")
    assert "torsdag 22 oktober kl. 12.00" in opened["text"]
    twice = await _then(admin, "/nominations open Till; nu; 2026-11-01", "redan öppen")
    assert "”Provomgång” är redan öppen" in twice["text"]
    shown = await _then(admin, "/nominations", "Nominering #1")
    ask = await admin.press_and_wait(shown, "Stäng nu", predicate=has("Stänga"))
    kept = await admin.press_and_wait(ask, "Nej, låt den vara öppen", predicate=has("fortfarande"))
    assert kept["message_id"] == ask["message_id"]
    ask = await admin.press_and_wait(shown, "Stäng nu", predicate=has("Stänga"))
    closed = await admin.press_and_wait(ask, "Ja, stäng", predicate=has("är stängd"))
    assert closed["text"] == "”Provomgång” är stängd. Nomineringar: 0."


async def test_a_round_is_opened_used_exported_and_closes_by_itself(db_url: str) -> None:
    clock = FakeClock(START)
    async with clocked_harness(db_url, clock) as harness:
        people = await _people(harness)
        eva, olle = people["Eva"], people["Olle"]
        admin = Person(harness.client, harness.admin_id)
        assert "ingen nominering just nu" in (await olle.say("/nominate"))["text"]
        assert "bara för handläggare" in (await olle.say("/nominations"))["text"]
        assert "Ingen nomineringsomgång ännu" in (await admin.say("/nominations"))["text"]
        usage = await admin.say("/nominations open Bara en rubrik")
        assert "/nominations open rubrik; från; till" in usage["text"]
        await _open_and_close_by_hand(admin)
        opened = await _then(admin, f"/nominations open {TITLE}; nu; 2026-10-27", "är öppen")
        assert f"”{TITLE}” är öppen" in opened["text"]
        assert "tisdag 27 oktober kl. 23.59" in opened["text"]

        for person in (eva, olle):
            announced = await person.client.wait_for_bot_message(
                person.user_id, after=0, predicate=has(TITLE), timeout=WAIT
            )
            assert "/nominate" in announced["text"]
        refused = await olle.say("/nominate")
        assert "Bara kontaktpersoner" in refused["text"] and "/settings" in refused["text"]
        await _nominate(eva)
        await _staff_view_and_export(harness, admin)

        cursor = await harness.client.cursor()
        clock.advance(days=8)
        notice = await admin.client.wait_for_bot_message(
            admin.user_id, after=cursor, predicate=has("har stängt"), timeout=WAIT
        )
        assert f"”{TITLE}” har stängt. Nomineringar: 1." in notice["text"]
        closed = await eva.say("/nominate")
        assert f"Senaste omgången, ”{TITLE}”, stängde tisdag 27 oktober kl. 23.59" in closed["text"]
        shown = await _then(admin, "/nominations", "Stängd")
        assert "Stängd" in shown["text"] and buttons(shown) == ["Exportera (CSV)"]
