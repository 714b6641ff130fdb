"""A confirmation asked by a press keeps its buttons: the press's own sweep of the buttons of
steps left never takes those of a prompt that same press has just sent (staff could not send
or close a form, nor cancel a meeting, from the chat)."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.conftest import FakeClock
from tests.e2e.broadcast.test_broadcast import add_members
from tests.e2e.chat import JSON, Person, buttons, has
from tests.e2e.conftest import clocked_harness
from tests.e2e.forms.test_forms_staff import START, _form_card, _setup
from tests.e2e.meetings.test_meetings import _meeting_for


async def _current(person: Person, message_id: int) -> JSON:
    """The message as it stands now in the chat (after every edit)."""
    for message in await person.client.messages(person.user_id):
        if message["message_id"] == message_id:
            return message
    raise AssertionError(f"message {message_id} not in the chat")


async def _ask(person: Person, message: JSON, button: str, question: str) -> JSON:
    """Press a button that asks a confirmation as a new message; once the press is fully
    handled (answered), return that confirmation as it stands."""
    known = await person.client.messages(person.user_id)
    newest = max(int(m["message_id"]) for m in known)
    query_id, cursor = await person.press(message, button)
    asking = await person.next_message(
        after=cursor, predicate=lambda m: m["message_id"] > newest and has(question)(m)
    )
    await person.answer_text(query_id)  # the press's sweep runs before its answer
    return await _current(person, asking["message_id"])


async def test_formadmin_send_confirmation_keeps_its_buttons_and_yes_sends(db_url: str) -> None:
    async with clocked_harness(db_url, FakeClock(START)) as harness:
        await _setup(harness)
        admin = Person(harness.client, harness.admin_id)
        card = await _form_card(admin)
        asking = await _ask(admin, card, "Skicka", "Det når")
        assert "Ja, skicka" in buttons(asking)
        done = await admin.press_and_wait(asking, "Ja, skicka", predicate=has("Skickat"))
        assert done["message_id"] == asking["message_id"] and buttons(done) == []


async def test_formadmin_close_confirmation_keeps_its_buttons_and_yes_closes(db_url: str) -> None:
    async with clocked_harness(db_url, FakeClock(START)) as harness:
        await _setup(harness)
        admin = Person(harness.client, harness.admin_id)
        card = await _form_card(admin)
        asking = await _ask(admin, card, "Stäng", "?")
        yes = [label for label in buttons(asking) if label.startswith("Ja")]
        assert len(yes) == 1, buttons(asking)
        done = await admin.press_and_wait(asking, yes[0])
        assert done["message_id"] == asking["message_id"] and buttons(done) == []
        assert "är stängt" in done["text"]


async def test_meeting_cancel_confirmation_keeps_its_buttons_and_yes_cancels(
    db_url: str,
) -> None:
    clock = FakeClock(datetime(2026, 10, 20, 10, 0, tzinfo=UTC))
    async with clocked_harness(db_url, clock) as harness:
        eva = (await add_members(harness, {"Eva": None}))["Eva"]
        admin = Person(harness.client, harness.admin_id)
        await _meeting_for(harness, clock, eva, datetime(2026, 10, 25, 12, 0, tzinfo=UTC))
        await admin.say("/meetings")
        card = await admin.next_message(after=0, predicate=has("Höstmöte"))
        asking = await _ask(admin, card, "Ställ in", "Vill du ställa in")
        assert "Ja, ställ in mötet" in buttons(asking)
        done = await admin.press_and_wait(asking, "Ja, ställ in mötet", predicate=has("inställt"))
        assert buttons(done) == []
        assert "inga kommande dialogmöten" in (await admin.say("/meetings"))["text"]
