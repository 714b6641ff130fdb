"""Filling in forms through the sandbox: a member answers every kind of question (a bad
number, a skipped optional text, a municipality typed), pauses, resumes from /forms, changes
an answer at the review, sends, and later changes the answers sent; the organisation profile
is filled in with the municipality buttons via /profile; an unlinked user is refused."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import select

from bot.models import Form, FormResponse, Organisation, ResponseStatus
from bot.services import forms
from bot.services.forms import values_by_key
from tests.conftest import FakeClock
from tests.e2e.broadcast.test_broadcast import add_members
from tests.e2e.chat import JSON, Person, buttons, has
from tests.e2e.conftest import Harness, clocked_harness
from tests.unit.test_forms_support import STAFF_ID, SURVEY

START = datetime(2026, 10, 20, 8, 0, tzinfo=UTC)  # Tuesday 10:00 in Stockholm
SURVEY_BUTTON = "Fyll i: Hur når vi er?"


async def _setup(harness: Harness, clock: FakeClock) -> tuple[Person, Person, int]:
    """Eva is the approved contact of Föreningen Vägen, Olle is linked to nothing; a survey."""
    async with harness.db.session() as session:
        session.add(Organisation(name="Föreningen Vägen"))
        await session.commit()
    people = await add_members(harness, {"Eva": "Föreningen Vägen", "Olle": None})
    async with harness.db.session() as session:
        form = await forms.create(session, SURVEY, created_by=STAFF_ID, clock=clock)
        await session.commit()
        form_id = form.id
    return people["Eva"], people["Olle"], form_id


def _buttons_contain(text: str) -> Callable[[JSON], bool]:
    return lambda message: text in buttons(message)


async def _first_half(eva: Person) -> None:
    """Open from /forms; a choice, two ticks and Klar, a bad number then a good one, a skip;
    then pause at the last question."""
    listing = await eva.say("/forms")
    assert "Hur når vi er? – inte påbörjad" in listing["text"]
    assert "Organisationsprofil – inte påbörjad" in listing["text"]
    q1 = await eva.press_and_wait(listing, SURVEY_BUTTON, predicate=has("Fråga 1 av 5"))
    assert "Var läser ni oftast?" in q1["text"]
    assert buttons(q1) == ["E-post", "Chatt", "⏸ Pausa"]
    q2 = await eva.press_and_wait(q1, "E-post", predicate=has("Fråga 2 av 5"))
    assert buttons(q2)[:3] == ["Möten", "Utlysningar", "IOP"]
    ticked = await eva.press_and_wait(q2, "Möten", predicate=has("Valt hittills: Möten"))
    assert buttons(ticked)[0] == "✅ Möten"
    ticked = await eva.press_and_wait(ticked, "IOP", predicate=has("Möten, IOP"))
    q3 = await eva.press_and_wait(ticked, "Klar", predicate=has("Fråga 3 av 5"))
    assert "◀ Föregående" in buttons(q3) and "Hoppa över" not in buttons(q3)
    bad = await eva.say("många")
    assert "Skriv ett heltal" in bad["text"]
    cursor = await eva.send("1 200")
    q4 = await eva.next_message(after=cursor, predicate=has("Fråga 4 av 5"))
    assert "(frivillig)" in q4["text"] and "Hoppa över" in buttons(q4)
    q5 = await eva.press_and_wait(q4, "Hoppa över", predicate=has("Fråga 5 av 5"))
    paused = await eva.press_and_wait(q5, "⏸ Pausa", predicate=has("Sparat"))
    assert buttons(paused) == ["Fortsätt"]


async def _resume_review_and_send(eva: Person) -> None:
    """/forms shows the pause; resuming asks question 5; a typed municipality; change one
    answer at the review; send."""
    listing = await eva.say("/forms")
    assert "Hur når vi er? – pausad vid fråga 5" in listing["text"]
    cont = "Fortsätt: Hur når vi er?"
    q5 = await eva.press_and_wait(listing, cont, predicate=has("Fråga 5 av 5"))
    assert "Var har ni ert säte?" in q5["text"]
    cursor = await eva.send("Boras")
    review = await eva.next_message(after=cursor, predicate=has("Så här blev dina svar"))
    for answer in ("E-post", "Möten, IOP", "1\u00a0200", "4. Något mer?\n→ –", "Borås"):
        assert answer in review["text"]
    assert buttons(review) == ["Skicka", "Ändra ett svar", "⏸ Pausa", "Kasta utkastet"]
    choose = await eva.press_and_wait(review, "Ändra ett svar", predicate=has("Vilket svar"))
    assert "3. Hur många anställda?" in buttons(choose)
    q3 = await eva.press_and_wait(choose, "3. Hur många anställda?", predicate=has("Fråga 3"))
    assert "Ditt svar nu: 1\u00a0200" in q3["text"]
    cursor = await eva.send("40")
    review = await eva.next_message(after=cursor, predicate=has("Så här blev dina svar"))
    assert "→ 40" in review["text"] and "1\u00a0200" not in review["text"]
    sent = await eva.press_and_wait(review, "Skicka", predicate=has("Tack!"))
    assert "Dina svar är skickade" in sent["text"] and buttons(sent) == ["Ändra svar"]
    stale = await eva.press(review, "Skicka")
    assert "gäller inte längre" in await eva.answer_text(stale[0])


async def _change_later(eva: Person, clock: FakeClock) -> None:
    """Two days later: /forms says when it was sent; change the first answer and send again."""
    clock.advance(days=2)
    listing = await eva.say("/forms")
    assert "Hur når vi er? – skickad 20 okt" in listing["text"]
    review = await eva.press_and_wait(
        listing, "Ändra svar: Hur når vi er?", predicate=has("Så här blev dina svar")
    )
    assert "→ 40" in review["text"]
    choose = await eva.press_and_wait(review, "Ändra ett svar", predicate=has("Vilket svar"))
    q1 = await eva.press_and_wait(choose, "1. Var läser ni oftast?", predicate=has("Fråga 1"))
    review = await eva.press_and_wait(q1, "Chatt", predicate=has("Så här blev dina svar"))
    assert "→ Chatt" in review["text"]
    await eva.press_and_wait(review, "Skicka", predicate=has("Tack!"))


async def _profile_by_buttons(eva: Person) -> None:
    """/profile invites; /cancel pauses; Fortsätt resumes; municipalities picked by buttons."""
    invite = await eva.say("/profile")
    assert "Föreningen Vägen" in invite["text"] and "inte fyllt i" in invite["text"]
    q1 = await eva.press_and_wait(invite, "Fyll i", predicate=has("Fråga 1 av 5"))
    paused = await eva.say("/cancel")
    assert "Sparat" in paused["text"]
    q1 = await eva.press_and_wait(paused, "Fortsätt", predicate=has("Fråga 1 av 5"))
    assert "medlemmar" in q1["text"]
    cursor = await eva.send("35")
    q2 = await eva.next_message(after=cursor, predicate=has("Fråga 2 av 5"))
    refused = await eva.press(q2, "Klar")
    assert "behöver ett svar" in await eva.answer_text(refused[0])
    ticked = await eva.press_and_wait(q2, "Kultur", predicate=has("Valt hittills: Kultur"))
    q3 = await eva.press_and_wait(ticked, "Klar", predicate=has("Fråga 3 av 5"))
    assert buttons(q3)[:5] == [
        "Fyrbodal",
        "Göteborgsregionen",
        "Sjuhärad",
        "Skaraborg",
        "Hela Västra Götaland",
    ]
    page = await eva.press_and_wait(q3, "Sjuhärad", predicate=_buttons_contain("Borås"))
    assert buttons(page)[-2:] == ["Tillbaka", "Klar"]
    page = await eva.press_and_wait(page, "Borås", predicate=has("Valt hittills: Borås"))
    page = await eva.press_and_wait(page, "Mark", predicate=has("Borås, Mark"))
    assert "✅ Borås" in buttons(page)
    q4 = await eva.press_and_wait(page, "Klar", predicate=has("Fråga 4 av 5"))
    q5 = await eva.press_and_wait(q4, "Sjuhärad", predicate=has("Fråga 5 av 5"))
    review = await eva.press_and_wait(q5, "Nej", predicate=has("Så här blev dina svar"))
    assert "Borås, Mark" in review["text"] and "→ 35" in review["text"]
    sent = await eva.press_and_wait(review, "Skicka", predicate=has("Tack!"))
    assert "gäller för Föreningen Vägen från 22 okt" in sent["text"]
    shown = await eva.say("/profile")
    assert "Senast uppdaterad 22 okt" in shown["text"] and "Borås, Mark" in shown["text"]
    assert buttons(shown) == ["Uppdatera"]


async def _check_database(harness: Harness, form_id: int) -> None:
    """One current answer and one replaced (dated); the profile set the sub-region."""
    async with harness.db.session() as session:
        form = await session.get(Form, form_id)
        assert form is not None
        found = list(
            await session.scalars(
                select(FormResponse)
                .where(FormResponse.form_id == form_id)
                .order_by(FormResponse.id)
            )
        )
        assert [r.status for r in found] == [ResponseStatus.SUBMITTED] * 2
        old, new = found
        assert old.superseded_at is not None and new.superseded_at is None
        assert values_by_key(form, old)["channel"] == "E-post"
        assert values_by_key(form, new) == {
            "channel": "Chatt",
            "topics": ["Möten", "IOP"],
            "staff": 40,
            "wish": None,
            "home": "Borås",
        }
        organisation = await session.scalar(
            select(Organisation).where(Organisation.name == "Föreningen Vägen")
        )
        assert organisation is not None and organisation.subregion == "Sjuhärad"


async def test_a_member_fills_in_pauses_resumes_changes_and_sends(db_url: str) -> None:
    clock = FakeClock(START)
    async with clocked_harness(db_url, clock) as harness:
        eva, olle, form_id = await _setup(harness, clock)
        await _first_half(eva)
        await _resume_review_and_send(eva)
        await _change_later(eva, clock)
        await _profile_by_buttons(eva)
        await _check_database(harness, form_id)
        refused = await olle.say("/profile")
        assert "kontaktpersoner" in refused["text"] and not buttons(refused)
        listing: JSON = await olle.say("/forms")
        assert "Hur når vi er?" in listing["text"] and "Organisationsprofil" not in listing["text"]
