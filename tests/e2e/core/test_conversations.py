"""Conversations through the sandbox: questions mid-step, text at button steps, old keyboards."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.texts import t
from handlers import features
from handlers.core.common import AWAITING
from handlers.core.text_router import CONFIRM_STEP
from tests.conftest import FakeClock
from tests.e2e.broadcast.test_broadcast import add_members, compose, preview_and_summary
from tests.e2e.chat import JSON, Person, buttons, has
from tests.e2e.conftest import Harness, clocked_harness
from tests.e2e.forms.test_forms_fill import START as FORMS_START
from tests.e2e.forms.test_forms_fill import _setup as forms_setup
from tests.e2e.meetings.test_meetings import _create_by_chat as create_meeting_by_chat
from tests.e2e.meetings.test_meetings import _push

DONT_KNOW = t("dont_know", "sv")


async def _chat_message(harness: Harness, person: Person, message_id: int) -> JSON:
    """The current version of one message in the person's chat."""
    for message in await harness.client.messages(person.user_id):
        if message["message_id"] == message_id:
            return message
    raise AssertionError(f"message {message_id} not in the chat")


async def test_a_question_mid_onboarding_is_answered_and_the_organisation_step_comes_back(
    harness: Harness,
) -> None:
    eva = await Person.create(harness.client, "Eva")
    welcome = await eva.say("/start")
    prompt = await eva.press_and_wait(welcome, "Svenska", predicate=has("Vilken organisation"))

    cursor = await eva.send("Vad är IOP?")
    answer = await eva.next_message(after=cursor)
    assert "IOP" in answer["text"] and DONT_KNOW not in answer["text"]
    reminder = await eva.next_message(after=answer["revision"], predicate=has("Vi var mitt i"))
    assert buttons(reminder) == ["Hoppa över"]

    # The step is still live: the next text is the organisation search, not a question.
    matches = await eva.say("Viskadalen")
    assert "Viskadalens folkhögskola" in buttons(matches)
    chosen = await eva.press_and_wait(matches, "Viskadalens", predicate=has("Tack"))
    assert "Viskadalens folkhögskola" in chosen["text"]

    # Every keyboard of the onboarding is gone; the choices are written where they were made.
    language = await _chat_message(harness, eva, welcome["message_id"])
    assert "Språk: svenska" in language["text"] and buttons(language) == []
    picker = await _chat_message(harness, eva, matches["message_id"])
    assert "Organisation: Viskadalens folkhögskola" in picker["text"] and buttons(picker) == []
    for earlier in (prompt, reminder):
        assert buttons(await _chat_message(harness, eva, earlier["message_id"])) == []


async def test_skipping_the_organisation_closes_the_prompt_and_records_it(
    harness: Harness,
) -> None:
    fia = await Person.create(harness.client, "Fia")
    welcome = await fia.say("/start")
    prompt = await fia.press_and_wait(welcome, "English", predicate=has("Which organisation"))
    await fia.press_and_wait(prompt, "Skip", predicate=has("later"))
    closed = await _chat_message(harness, fia, prompt["message_id"])
    assert "Organisation: skipped" in closed["text"] and buttons(closed) == []
    language = await _chat_message(harness, fia, welcome["message_id"])
    assert "Language: English" in language["text"] and buttons(language) == []


async def test_a_question_right_after_start_is_answered_and_the_language_offered_again(
    harness: Harness,
) -> None:
    gun = await Person.create(harness.client, "Gun")
    await gun.say("/start")
    cursor = await gun.send("Vad är IOP?")
    answer = await gun.next_message(after=cursor)
    assert "IOP" in answer["text"]
    again = await gun.next_message(after=answer["revision"], predicate=has("Välj gärna språk"))
    assert buttons(again) == ["🇸🇪 Svenska", "🇬🇧 English"]


async def test_someone_the_bot_has_forgotten_gets_the_welcome_when_writing_again(
    harness: Harness,
) -> None:
    hans = await Person.create(harness.client, "Hans")
    await hans.say("/start")
    confirm = await hans.say("/delete")
    # Typed instead of pressed: the hint, never "Det vet jag tyvärr inte"; a question is answered.
    assert (await hans.say("ja"))["text"] == t("step_use_buttons", "sv")
    assert "IOP" in (await hans.say("Vad är IOP?"))["text"]
    await hans.press_and_wait(confirm, "Radera", predicate=has("raderat"))

    hello = await hans.say("hej")
    assert "Välj språk" in hello["text"] and DONT_KNOW not in hello["text"]
    assert buttons(hello) == ["🇸🇪 Svenska", "🇬🇧 English"]
    await hans.press_and_wait(hello, "Svenska", predicate=has("Vilken organisation"))


async def test_a_stranger_saying_hello_gets_the_welcome_and_a_question_its_answer(
    harness: Harness,
) -> None:
    ida = await Person.create(harness.client, "Ida")
    assert "Välj språk" in (await ida.say("Hej!"))["text"]
    jon = await Person.create(harness.client, "Jon")
    assert "IOP" in (await jon.say("Vad är IOP?"))["text"]


async def test_a_date_typed_at_the_broadcast_confirmation_is_understood(
    harness: Harness,
) -> None:
    await add_members(harness, {"Kim": None})
    admin, question = await compose(harness, text="Välkommen till årsmötet")
    _, summary = await preview_and_summary(admin, question, "Alla")

    hint = await admin.say("Skicka i morgon")  # at "Skicka nu / Schemalägg": use the buttons
    assert hint["text"] == t("step_use_buttons", "sv")

    await admin.press_and_wait(summary, "Schemalägg", predicate=has("När ska det skickas?"))
    confirm = await admin.say("2030-10-27 09:00")
    assert "27 oktober 2030 kl. 09.00" in confirm["text"]
    # Typed again at the confirmation: the new time is shown to confirm instead.
    changed = await admin.say("2030-10-28 10:00")
    assert "28 oktober 2030 kl. 10.00" in changed["text"] and "Ja, schemalägg" in buttons(changed)
    scheduled = await admin.press_and_wait(
        changed, "Ja, schemalägg", predicate=has("Utskicket skickas")
    )
    assert "28 oktober 2030 kl. 10.00" in scheduled["text"]
    # The confirmation keeps what was chosen instead of its buttons, and so does the summary.
    confirmed = await _chat_message(harness, admin, changed["message_id"])
    assert "✓ Ja, schemalägg" in confirmed["text"] and buttons(confirmed) == []
    decided = await _chat_message(harness, admin, summary["message_id"])
    assert "✓ Schemalägg" in decided["text"] and buttons(decided) == []
    # The first confirmation, overtaken by the typed time, lost its buttons too.
    assert buttons(await _chat_message(harness, admin, confirm["message_id"])) == []


async def test_text_at_every_button_step_gets_its_hint_never_the_question_fallback(
    harness: Harness,
) -> None:
    button_steps = {
        name: step
        for name, step in features.load().steps(CONFIRM_STEP).items()
        if step.waits_for_button
    }
    assert len(button_steps) >= 10  # broadcast, newcall, newmeeting, digest, newpoll, forms, ...
    admin = Person(harness.client, harness.admin_id)
    await admin.say("/help")  # the admin's user row and chat data exist from here on
    user_data = harness.bot.application.user_data[harness.admin_id]
    for name, step in button_steps.items():
        # Put the admin at the step as its feature would, with a draft the buttons belong to.
        user_data[AWAITING] = {"step": name, "draft": "abcd1234", "form_id": 1}
        got = await admin.say("27/10 12:00")
        assert got["text"] == t(step.hint, "sv"), name
        assert DONT_KNOW not in got["text"]
        assert user_data[AWAITING]["step"] == name  # still waiting at the same step


async def _press_in_place(person: Person, message: JSON, button: str) -> JSON:
    """Press a button; the next change must be an edit of the same message, not a new one."""
    changed = await person.press_and_wait(message, button)
    assert changed["message_id"] == message["message_id"] and changed["edited"], changed
    return changed


async def test_settings_screens_open_in_place_and_come_back_with_the_back_button(
    harness: Harness,
) -> None:
    lars = await Person.create(harness.client, "Lars")
    menu = await lars.say("/settings")
    main = buttons(menu)
    for item, expected in (
        ("Utskick", "Välj vad jag ska skicka"),
        ("Nyhetsbrev", "Just nu"),
        ("Språk", "Välj språk"),
        ("Organisation", "Vilken organisation"),
    ):
        screen = await _press_in_place(lars, menu, item)
        assert expected in screen["text"] and buttons(screen)[-1] == "◀ Tillbaka"
        menu = await _press_in_place(lars, screen, "Tillbaka")
        assert "Inställningar" in menu["text"] and buttons(menu) == main

    # Back from the organisation question stops waiting for a name: text is a question again.
    assert "Vilken organisation" not in (await lars.say("Vad är IOP?"))["text"]

    # A language chosen on its screen redraws the menu in that language, in the same message.
    screen = await _press_in_place(lars, menu, "Språk")
    query_id, cursor = await lars.press(screen, "English")
    assert await lars.answer_text(query_id) == "Language: English"
    english = await lars.next_message(after=cursor)
    assert english["message_id"] == menu["message_id"] and "Settings" in english["text"]
    assert "English" in english["text"]


async def test_a_wizard_prompt_loses_its_buttons_once_its_step_is_done(harness: Harness) -> None:
    admin = Person(harness.client, harness.admin_id)
    await admin.say("/newcall")
    await admin.say("Kulturstöd för unga")
    await admin.say("Västra Götalandsregionen")
    ask_link = await admin.say("Stöd till kultur för unga.")
    assert buttons(ask_link) == ["Hoppa över"]
    ask_deadline = await admin.say("https://www.vgregion.se/kultur")  # typed, not skipped
    assert buttons(ask_deadline) == ["Hoppa över"]
    assert buttons(await _chat_message(harness, admin, ask_link["message_id"])) == []

    # A new draft leaves the old one's buttons behind: they go too.
    await admin.say("/newpoll")
    first = await admin.say("Hur var mötet?")
    assert buttons(await _chat_message(harness, admin, ask_deadline["message_id"])) == []
    await admin.say("Bra")
    second = await admin.say("Dåligt")
    assert buttons(second) == ["Klar"]
    ask = await admin.press_and_wait(second, "Klar", predicate=has("ett eller flera"))
    for done in (first, second):
        assert buttons(await _chat_message(harness, admin, done["message_id"])) == []
    assert buttons(ask)  # the step now waited for keeps its buttons


async def _redrawn(person: Person, card: JSON, text: str) -> JSON:
    """The card once it has been redrawn to show this text."""
    return await person.client.wait_for_bot_message(
        person.user_id,
        after=card["revision"],
        predicate=lambda m: m["message_id"] == card["message_id"] and text in m["text"],
    )


async def test_cards_an_answer_changes_are_redrawn_for_the_promoted_person_and_staff(
    db_url: str,
) -> None:
    clock = FakeClock(datetime(2026, 11, 20, 9, 0, tzinfo=UTC))
    async with clocked_harness(db_url, clock) as harness:
        people = await add_members(harness, {"Eva": None, "Olle": None})
        eva, olle = people["Eva"], people["Olle"]
        admin = Person(harness.client, harness.admin_id)
        await create_meeting_by_chat(admin)  # one seat
        eva_card = await _push(eva, "Dialogmöte om bidrag")
        olle_card = await _push(olle, "Dialogmöte om bidrag")
        # Staff are not in the members' audience: their copy is the one /meetings shows.
        listed = await admin.say("/meetings")
        listed = await admin.next_message(after=listed["revision"], predicate=has("anmälda 0"))

        eva_card = await eva.press_and_wait(eva_card, "Jag kommer", predicate=has("anmäld"))
        await _redrawn(admin, listed, "anmälda 1 av 1 · väntelista 0 · kan inte 0")
        olle_card = await olle.press_and_wait(olle_card, "Jag kommer", predicate=has("plats 1"))

        await eva.press_and_wait(eva_card, "Kan inte", predicate=has("inte kan komma"))
        # Olle's own earlier card no longer says he waits: it shows the seat he got.
        redrawn = await _redrawn(olle, olle_card, "Du är anmäld")
        assert "plats 1" not in redrawn["text"] and "✅ Jag kommer" in buttons(redrawn)
        await _redrawn(admin, listed, "anmälda 1 av 1 · väntelista 0 · kan inte 1")

        # Cancelled by staff: the cards that still offered "Jag kommer" say so, without buttons.
        listed = await _redrawn(admin, listed, "kan inte 1")
        asking = await admin.press_and_wait(listed, "Ställ in", predicate=has("Vill du ställa in"))
        await admin.press_and_wait(asking, "Ja, ställ in mötet", predicate=has("inställt"))
        for person, card in ((olle, olle_card), (eva, eva_card)):
            redrawn = await _redrawn(person, card, "INSTÄLLT")
            assert buttons(redrawn) == [], person.user_id


async def test_a_form_question_answered_by_typing_loses_its_buttons(db_url: str) -> None:
    clock = FakeClock(FORMS_START)
    async with clocked_harness(db_url, clock) as harness:
        eva, _olle, _form_id = await forms_setup(harness, clock)
        listing = await eva.say("/forms")
        q1 = await eva.press_and_wait(listing, "Fyll i: Hur når vi er?", predicate=has("Fråga 1"))
        q2 = await eva.press_and_wait(q1, "E-post", predicate=has("Fråga 2 av 5"))
        answered = await _chat_message(harness, eva, q1["message_id"])
        assert "✓ E-post" in answered["text"] and buttons(answered) == []
        ticked = await eva.press_and_wait(q2, "Möten", predicate=has("Valt hittills"))
        q3 = await eva.press_and_wait(ticked, "Klar", predicate=has("Fråga 3 av 5"))
        assert "◀ Föregående" in buttons(q3)
        cursor = await eva.send("många")  # asked again: both stay live while at question 3
        again = await eva.next_message(after=cursor, predicate=has("Fråga 3 av 5"))
        assert buttons(again) and buttons(await _chat_message(harness, eva, q3["message_id"]))
        q4 = await eva.say("1 200")
        assert "Fråga 4 av 5" in q4["text"] and "Hoppa över" in buttons(q4)
        for done in (q3, again):
            assert buttons(await _chat_message(harness, eva, done["message_id"])) == []
