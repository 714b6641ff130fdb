"""Forms on the staff side through the sandbox: /formadmin sends a form to two contacts,
one opens and answers it, "Läget" shows 1 of 2, "Påminn" reaches only the other, the CSV
holds the answer, and a member is refused /formadmin."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.models import (
    AuditEntry,
    Campaign,
    Delivery,
    Organisation,
    QuestionKind,
    User,
)
from bot.services import forms
from bot.services.forms import FormSpec, QuestionSpec
from scheduler import forms as form_job
from tests.conftest import FakeClock
from tests.e2e.broadcast.test_broadcast import add_members
from tests.e2e.chat import JSON, Person, buttons, has
from tests.e2e.conftest import Harness, clocked_harness

WAIT = 15.0  # seconds: only bounds a failure; the worker and the job look ten times a second
START = datetime(2026, 10, 20, 8, 0, tzinfo=UTC)  # Tuesday 10:00 in Stockholm
TITLE = "Hur når vi er?"
SPEC = FormSpec(
    title=TITLE,
    intro="En snabb fråga om hur ni vill få information.",
    audience="contacts",
    questions=(
        QuestionSpec("channel", QuestionKind.CHOICE, "Var läser ni oftast?", ("E-post", "Chatt")),
    ),
)


@pytest.fixture
def often(monkeypatch: pytest.MonkeyPatch) -> None:
    """The form job ten times a second, so a form closes by itself within the test."""
    monkeypatch.setattr(form_job, "FORMS_EVERY", timedelta(seconds=0.1))
    monkeypatch.setattr(form_job, "FIRST_RUN", timedelta(seconds=0.1))


async def _setup(harness: Harness) -> tuple[dict[str, Person], int]:
    """Eva and Bo, contacts of two organisations, and the form (not sent yet)."""
    async with harness.db.session() as session:
        session.add_all([Organisation(name="Föreningen Vägen"), Organisation(name="Bo-laget")])
        await session.commit()
    people = await add_members(harness, {"Eva": "Föreningen Vägen", "Bo": "Bo-laget"})
    async with harness.db.session() as session:
        form = await forms.create(session, SPEC, created_by=None, clock=lambda: START)
        await session.commit()
        return people, form.id


async def _form_card(admin: Person) -> JSON:
    """The /formadmin card of the test form (not a delivery report naming it)."""
    cursor = await admin.send("/formadmin")
    return await admin.next_message(
        after=cursor, predicate=lambda m: has(TITLE)(m) and has("som nåtts")(m)
    )


async def _eva_answers(harness: Harness, eva: Person, form_id: int) -> None:
    """Eva opens the form from its card; her answer is then stored as the chat would."""
    card = await eva.client.wait_for_bot_message(
        eva.user_id, after=0, predicate=has(TITLE), timeout=WAIT
    )
    assert "En fråga." in card["text"] and "Du har inte börjat ännu." in card["text"]
    assert buttons(card) == ["Fyll i"]
    await eva.press_and_wait(card, "Fyll i")
    async with harness.db.session() as session:
        user = await session.scalar(select(User).where(User.telegram_id == eva.user_id))
        form = await forms.get(session, form_id)
        assert user is not None
        await forms.record(session, form, user, {"channel": "Chatt"}, clock=lambda: START)
        await session.commit()


async def _reminder_recipients(harness: Harness, form_id: int) -> list[int]:
    """Who the reminder campaign was expanded to (whatever each delivery's state now)."""
    async with harness.db.session() as session:
        query = (
            select(User.telegram_id)
            .join(Delivery, Delivery.user_id == User.id)
            .join(Campaign, Campaign.id == Delivery.campaign_id)
            .where(Campaign.subject == f"form_reminder:{form_id}")
        )
        return list(await session.scalars(query))


async def test_staff_send_follow_remind_and_export(db_url: str) -> None:
    clock = FakeClock(START)
    async with clocked_harness(db_url, clock) as harness:
        people, form_id = await _setup(harness)
        eva, bo = people["Eva"], people["Bo"]
        admin = Person(harness.client, harness.admin_id)
        assert "bara för handläggare" in (await bo.say("/formadmin"))["text"]

        card = await _form_card(admin)
        assert "Svar: 0 av 0 som nåtts" in card["text"]
        assert buttons(card) == ["Skicka", "Läget", "Påminn", "CSV", "Stäng"]
        ask = await admin.press_and_wait(card, "Skicka", predicate=has("Det når"))
        assert "organisationernas kontaktpersoner? Det når 2 personer." in ask["text"]
        done = await admin.press_and_wait(ask, "Ja, skicka", predicate=has("Skickat"))
        assert done["message_id"] == ask["message_id"]
        for person in (eva, bo):
            received = await person.client.wait_for_bot_message(
                person.user_id, after=0, predicate=has(TITLE), timeout=WAIT
            )
            assert buttons(received) == ["Fyll i"]
        await _eva_answers(harness, eva, form_id)

        card = await _form_card(admin)
        assert "Svar: 1 av 2 som nåtts" in card["text"]
        status = await admin.press_and_wait(card, "Läget", predicate=has("Nådda"))
        assert "Nådda: 2\nHar svarat: 1" in status["text"]
        assert "Inte svarat än: Bo" in status["text"]

        ask = await admin.press_and_wait(card, "Påminn", predicate=has("Påminna de"))
        assert "Påminna de 1 som har fått" in ask["text"]
        await admin.press_and_wait(ask, "Ja, påminn", predicate=has("Påminnelsen"))
        nudge = await bo.client.wait_for_bot_message(
            bo.user_id, after=0, predicate=has("Påminnelse:"), timeout=WAIT
        )
        assert TITLE in nudge["text"] and buttons(nudge) == ["Fyll i"]
        assert await _reminder_recipients(harness, form_id) == [bo.user_id]
        eva_texts = [m.get("text", "") for m in await harness.client.messages(eva.user_id)]
        assert not any("Påminnelse:" in text for text in eva_texts)

        export = await admin.press_and_wait(card, "CSV", predicate=lambda m: "document" in m)
        data = await harness.client.file_bytes(export["document"]["file_id"])
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        assert rows == [
            ["skickat", "organisation", "namn", "channel"],
            ["2026-10-20 10:00", "Föreningen Vägen", "Eva", "Chatt"],
        ]
        async with harness.db.session() as session:
            audit = await session.scalar(
                select(AuditEntry).where(AuditEntry.action == "export_form")
            )
        assert audit is not None and audit.actor_telegram_id == admin.user_id


async def test_a_form_closes_by_itself_and_staff_hear_how_many_answered(
    db_url: str, often: None
) -> None:
    clock = FakeClock(START)
    async with clocked_harness(db_url, clock) as harness:
        people, form_id = await _setup(harness)
        async with harness.db.session() as session:
            form = await forms.get(session, form_id)
            form.closes_at = START + timedelta(days=7)
            await session.commit()
        admin = Person(harness.client, harness.admin_id)
        card = await _form_card(admin)
        await admin.press_and_wait(
            await admin.press_and_wait(card, "Skicka", predicate=has("Det når")),
            "Ja, skicka",
            predicate=has("Skickat"),
        )
        await _eva_answers(harness, people["Eva"], form_id)
        bo = people["Bo"]
        card = await bo.client.wait_for_bot_message(
            bo.user_id, after=0, predicate=has(TITLE), timeout=WAIT
        )
        cursor = await admin.send("/formadmin")

        clock.advance(days=8)
        notice = await admin.client.wait_for_bot_message(
            admin.user_id, after=cursor, predicate=has("har stängt"), timeout=WAIT
        )
        assert f"{TITLE} har stängt. Svar: 1 av 2." in notice["text"]
        refused = await bo.press_and_wait(card, "Fyll i")
        assert "stängt" in str(refused)
