"""Topics through the sandbox: the 🔔 list in /settings, /stop, turning all on, forged presses."""

from __future__ import annotations

from sqlalchemy import select

from bot.models import Topic, TopicPreference, User
from tests.e2e.chat import JSON, Person, buttons, has
from tests.e2e.conftest import Harness

TOGGLES = [
    "✅ Meddelanden från regionen",
    "✅ Dialogmöten",
    "✅ Utlysningar",
    "✅ Nyhetsbrev",
    "✅ Enkäter",
]


async def _choices(harness: Harness, telegram_id: int) -> dict[Topic, bool]:
    async with harness.db.session() as session:
        rows = await session.execute(
            select(TopicPreference.topic, TopicPreference.enabled)
            .join(User, User.id == TopicPreference.user_id)
            .where(User.telegram_id == telegram_id)
        )
        return {topic: enabled for topic, enabled in rows}


async def _open_list(person: Person) -> JSON:
    menu = await person.say("/settings")
    assert "🔔 Utskick" in buttons(menu)
    return await person.press_and_wait(menu, "Utskick", predicate=has("Välj vad jag ska skicka"))


async def _press_and_see_edit(person: Person, message: JSON, button: str) -> tuple[JSON, str]:
    """Press a button on the list; return the edited list and the press's short answer."""
    query_id, cursor = await person.press(message, button)
    answer = await person.answer_text(query_id)  # answered after the edit was made
    changed = await person.client.messages(person.user_id, after=cursor)
    assert [m["message_id"] for m in changed] == [message["message_id"]], "no new message"
    return changed[0], answer


async def test_toggle_one_topic_edits_the_list_in_place(harness: Harness) -> None:
    sara = await Person.create(harness.client, "Sara")
    listing = await _open_list(sara)
    assert buttons(listing) == [*TOGGLES, "Stäng av allt", "Slå på allt", "◀ Tillbaka"]
    assert "Du får alla utskick" in listing["text"]

    edited, answer = await _press_and_see_edit(sara, listing, "Dialogmöten")

    assert edited["edited"]
    assert answer == "Dialogmöten: av"
    assert "⬜ Dialogmöten" in buttons(edited) and "✅ Enkäter" in buttons(edited)
    assert "4 av 5" in edited["text"]
    assert await _choices(harness, sara.user_id) == {Topic.MEETINGS: False}

    again, answer = await _press_and_see_edit(sara, edited, "Dialogmöten")
    assert answer == "Dialogmöten: på"
    assert buttons(again)[:5] == TOGGLES
    assert await _choices(harness, sara.user_id) == {Topic.MEETINGS: True}


async def test_stop_turns_everything_off_and_all_on_turns_it_back(harness: Harness) -> None:
    olle = await Person.create(harness.client, "Olle")
    assert "/stop" in (await olle.say("/help"))["text"]

    stopped = await olle.say("/stop")

    assert "inga fler utskick" in stopped["text"]
    assert "svarar fortfarande" in stopped["text"] and "/settings" in stopped["text"]
    assert await _choices(harness, olle.user_id) == dict.fromkeys(Topic, False)

    listing = await _open_list(olle)
    assert all(label.startswith("⬜") for label in buttons(listing)[:5])
    assert "inga utskick" in listing["text"]
    edited, answer = await _press_and_see_edit(olle, listing, "Slå på allt")
    assert answer == "Alla utskick är på."
    assert buttons(edited)[:5] == TOGGLES
    assert await _choices(harness, olle.user_id) == dict.fromkeys(Topic, True)

    # Pressing it again changes nothing; Telegram's "not modified" refusal is not an error.
    query_id, _ = await olle.press(edited, "Slå på allt")
    assert await olle.answer_text(query_id) == "Alla utskick är på."

    off, answer = await _press_and_see_edit(olle, edited, "Stäng av allt")
    assert answer == "Alla utskick är avstängda."
    assert await _choices(harness, olle.user_id) == dict.fromkeys(Topic, False)
    assert "inga utskick" in off["text"]


async def test_a_forged_topic_is_refused(harness: Harness) -> None:
    kaj = await Person.create(harness.client, "Kaj")
    listing = await _open_list(kaj)
    for forged in ("tpc:weather:0", "tpc:meetings:2", "tpall:maybe"):
        query_id = await harness.client.press_data(
            kaj.user_id, listing["message_id"], forged, chat_id=kaj.user_id
        )
        assert "fungerar inte längre" in await kaj.answer_text(query_id)
    assert await _choices(harness, kaj.user_id) == {}


async def test_notifications_in_english_and_in_the_command_menu(harness: Harness) -> None:
    english = await harness.client.commands("en")
    assert "stop" in {c["command"] for c in english["commands"]}
    eva = await Person.create(harness.client, "Eva")
    welcome = await eva.say("/start")
    await eva.press_and_wait(welcome, "English", predicate=has("Which organisation"))
    menu = await eva.say("/settings")
    listing = await eva.press_and_wait(menu, "Notifications", predicate=has("Choose what I send"))
    assert buttons(listing)[1] == "✅ Dialogue meetings"
    assert "Type /settings" in (await eva.say("/stop"))["text"]
