"""A prompt replaced by a newer one of the same step loses its buttons, and a press on an
older confirmation never acts with the newer answer."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select

from bot.models import Campaign
from bot.texts import t
from tests.e2e.broadcast.test_broadcast import add_members, compose, preview_and_summary
from tests.e2e.chat import JSON, Person, buttons, has
from tests.e2e.conftest import Harness


async def current(person: Person, message_id: int) -> JSON:
    """The message as it stands now in the chat (after every edit)."""
    for message in await person.client.messages(person.user_id):
        if message["message_id"] == message_id:
            return message
    raise AssertionError(f"message {message_id} not in the chat")


async def test_an_older_time_confirmation_loses_its_buttons_and_a_press_on_it_is_refused(
    harness: Harness,
) -> None:
    await add_members(harness, {"Eva": None})
    admin, question = await compose(harness, text="Välkommen till årsmötet")
    _, summary = await preview_and_summary(admin, question, "Alla")
    chosen = await current(admin, question["message_id"])  # the audience is written where chosen
    assert chosen["text"].endswith("✓ Alla") and buttons(chosen) == []
    await admin.press_and_wait(summary, "Schemalägg", predicate=has("När ska det skickas?"))
    first = await admin.say("2030-12-09 09:00")
    assert "9 december 2030" in first["text"] and "Ja, schemalägg" in buttons(first)
    second = await admin.say("2030-12-10 09:00")
    assert "10 december 2030" in second["text"] and "Ja, schemalägg" in buttons(second)
    assert buttons(await current(admin, first["message_id"])) == []

    # A press on the old one (its data kept from before) is refused and schedules nothing.
    query_id, _ = await admin.press(first, "Ja, schemalägg")
    assert await admin.answer_text(query_id) == t("broadcast_time_replaced", "sv")
    assert "✓" not in (await current(admin, first["message_id"]))["text"]
    async with harness.db.session() as session:
        assert await session.scalar(select(func.count(Campaign.id))) == 0

    # The newest one schedules for its own time.
    await admin.press_and_wait(second, "Ja, schemalägg", predicate=has("Utskicket skickas"))
    async with harness.db.session() as session:
        due = await session.scalar(select(Campaign.due_at))
    assert due == datetime(2030, 12, 10, 8, 0, tzinfo=UTC)


async def test_questions_mid_onboarding_leave_only_the_newest_skip_button(
    harness: Harness,
) -> None:
    eva = await Person.create(harness.client, "Eva")
    welcome = await eva.say("/start")
    prompt = await eva.press_and_wait(welcome, "Svenska", predicate=has("Vilken organisation"))
    reminders: list[JSON] = []
    for question in ("Vad är IOP?", "Vad är överenskommelsen?"):
        newest = max(int(m["message_id"]) for m in await eva.client.messages(eva.user_id))
        cursor = await eva.send(question)
        reminders.append(
            await eva.next_message(
                after=cursor,
                predicate=lambda m, newest=newest: (
                    m["message_id"] > newest  # type: ignore[misc]
                    and has("Vi var mitt i")(m)
                ),
            )
        )
    assert buttons(await current(eva, reminders[-1]["message_id"])) == ["Hoppa över"]
    for earlier in (prompt, reminders[0]):
        assert buttons(await current(eva, earlier["message_id"])) == []


async def test_newpoll_offers_klar_only_under_the_newest_option(harness: Harness) -> None:
    admin = Person(harness.client, harness.admin_id)
    await admin.say("/newpoll")
    await admin.say("Hur var höstens dialogmöten?")
    await admin.say("Bra")
    second = await admin.say("Okej")
    third = await admin.say("Dåliga")
    assert buttons(third) == ["Klar"]
    assert buttons(await current(admin, second["message_id"])) == []
    ask = await admin.press_and_wait(third, "Klar", predicate=has("ett eller flera"))
    assert "✓ Klar" in (await current(admin, third["message_id"]))["text"]
    # The one-or-several choice is written on its message too.
    await admin.press_and_wait(ask, "Ett svar", predicate=has("kommentar"))
    assert "✓ Ett svar" in (await current(admin, ask["message_id"]))["text"]


async def test_invite_matches_record_the_choice_and_lose_their_buttons(harness: Harness) -> None:
    admin = Person(harness.client, harness.admin_id)
    await admin.say("/invite")
    old = await admin.say("röda")
    matches = await admin.say("röda korset")
    assert buttons(await current(admin, old["message_id"])) == []  # a new search replaces it
    cursor = await harness.client.cursor()
    await admin.press(matches, "Röda Korset Västra Götaland")
    await admin.next_message(after=cursor, predicate=has("Inbjudan"))
    pressed = await current(admin, matches["message_id"])
    assert buttons(pressed) == [] and "✓ Röda Korset Västra Götaland" in pressed["text"]


async def test_faq_no_more_button_goes_once_the_entry_moves_on(harness: Harness) -> None:
    rut = await Person.create(harness.client, "Rut")
    admin = Person(harness.client, harness.admin_id)
    await rut.say("Får vi ha fika på dialogmötet?")
    listing = await admin.say("/unanswered")
    started = await admin.press_and_wait(listing, "Gör till FAQ 1", predicate=has("formulering"))
    assert "Inga fler – skriv svaret" in buttons(started)
    asked = await admin.say("Bjuds det på fika?")  # another phrasing: the answer comes next
    assert "svaret" in asked["text"]
    preview = await admin.say("Ja, det bjuder regionen på.")
    await admin.press_and_wait(preview, "Spara", predicate=has("Sparat"))
    assert buttons(await current(admin, started["message_id"])) == []
