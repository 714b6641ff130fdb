"""/unanswered: staff reply to an asker through the bot, or make the question a FAQ entry; a
handled question leaves the list."""

from __future__ import annotations

import re

from sqlalchemy import select

from bot.models import QuestionLog
from tests.e2e.chat import Person, buttons, has
from tests.e2e.conftest import Harness


async def _row(harness: Harness, text: str) -> QuestionLog:
    await harness.bot.services.question_log.flush()
    async with harness.db.session() as session:
        row = await session.scalar(select(QuestionLog).where(QuestionLog.question == text))
        assert row is not None
        return row


async def test_svara_relays_the_typed_answer_to_the_asker(harness: Harness) -> None:
    ida = await Person.create(harness.client, "Ida")
    otto = await Person.create(harness.client, "Otto")
    admin = Person(harness.client, harness.admin_id)
    await ida.say("Hur bakar man surdegsbröd?")
    await otto.say("Hur bakar man surdegsbröd?")  # the same words: the buttons must not mix them
    listing = await admin.say("/unanswered")
    assert buttons(listing) == [
        "💬 Svara 1",
        "📚 Gör till FAQ 1",
        "✅ Klar 1",
        "💬 Svara 2",
        "📚 Gör till FAQ 2",
        "✅ Klar 2",
    ]
    assert "1." in listing["text"] and "Otto" in listing["text"].split("\n\n2. ")[0]
    assert re.search(r"\d{4}-\d\d-\d\d", listing["text"]) is None and "kl. " in listing["text"]

    ask = await admin.press_and_wait(listing, "Svara 2", predicate=has("Skriv ditt svar"))
    assert "Ida" in ask["text"]
    ida_cursor = await harness.client.cursor()
    await admin.send("Prova 24 timmars jäsning.")
    relayed = await ida.next_message(after=ida_cursor, predicate=has("Svar från en handläggare"))
    assert "24 timmars jäsning" in relayed["text"]
    assert await admin.next_message(after=ida_cursor, predicate=has("skickat till Ida"))
    async with harness.db.session() as session:
        rows = list(await session.scalars(select(QuestionLog).order_by(QuestionLog.id)))
    assert [(r.user is not None, r.staff_replied_at is not None) for r in rows] == [
        (True, True),  # Ida's
        (True, False),  # Otto's: untouched
    ]
    after_reply = (await admin.say("/unanswered"))["text"]
    assert "Otto" in after_reply and "Ida" not in after_reply and "\n\n2. " not in after_reply

    # The next text is a question again, not another answer to Ida.
    after = await harness.client.cursor()
    await admin.send("Hur bakar man limpa?")
    assert "vet jag tyvärr inte" in (await admin.next_message(after=after))["text"]


async def test_gor_till_faq_starts_the_entry_with_the_question(harness: Harness) -> None:
    rut = await Person.create(harness.client, "Rut")
    admin = Person(harness.client, harness.admin_id)
    question = "Får vi ha fika på dialogmötet?"
    await rut.say(question)
    listing = await admin.say("/unanswered")
    started = await admin.press_and_wait(listing, "Gör till FAQ 1", predicate=has("formulering"))
    assert question in started["text"]
    asked = await admin.press_and_wait(started, "Inga fler", predicate=has("Skicka nu svaret"))
    assert "Skicka nu svaret" in asked["text"]
    preview = await admin.say("Ja, det bjuder regionen på.")
    assert question in preview["text"]
    await admin.press_and_wait(preview, "Spara", predicate=has("Sparat"))
    assert "bjuder regionen på" in (await rut.say(question))["text"]
    assert "Inget att granska" in (await admin.say("/unanswered"))["text"]
    # The button of that finished entry does nothing more.
    query_id, _ = await admin.press(started, "Inga fler")
    assert "fungerar inte längre" in await admin.answer_text(query_id)


async def test_gor_till_faq_takes_more_phrasings(harness: Harness) -> None:
    rut = await Person.create(harness.client, "Rut")
    admin = Person(harness.client, harness.admin_id)
    await rut.say("Hur långt är det till månen?")
    listing = await admin.say("/unanswered")
    await admin.press_and_wait(listing, "Gör till FAQ 1", predicate=has("formulering"))
    assert "Skicka nu svaret" in (await admin.say("Hur långt bort är månen?"))["text"]
    preview = await admin.say("Ungefär 384 000 km.")
    assert "till månen" in preview["text"] and "Hur långt bort är månen?" in preview["text"]


async def test_members_cannot_press_the_staff_buttons(harness: Harness) -> None:
    kim = await Person.create(harness.client, "Kim")
    await kim.say("Hur bakar man surdegsbröd?")
    row = await _row(harness, "Hur bakar man surdegsbröd?")
    welcome = await kim.say("/start")
    for action in ("reply", "faq", "answer"):
        query_id = await harness.client.press_data(
            kim.user_id, welcome["message_id"], f"una:{row.id}:{action}", chat_id=kim.user_id
        )
        assert "bara för handläggare" in await kim.answer_text(query_id)


async def test_svara_to_someone_who_blocked_the_bot_says_so(harness: Harness) -> None:
    berit = await Person.create(harness.client, "Berit")
    admin = Person(harness.client, harness.admin_id)
    await berit.say("Hur långt är det till solen?")
    listing = await admin.say("/unanswered")
    await admin.press_and_wait(listing, "Svara 1", predicate=has("Skriv ditt svar"))
    await harness.client.set_faults(forbidden_chat_ids=[berit.user_id])
    told = await admin.say("Ungefär 150 miljoner km.")
    assert "blockerat boten" in told["text"]
    row = await _row(harness, "Hur långt är det till solen?")
    assert row.staff_replied_at is None


async def test_svara_after_the_asker_erased_their_data_says_the_question_is_gone(
    harness: Harness,
) -> None:
    gun = await Person.create(harness.client, "Gun")
    admin = Person(harness.client, harness.admin_id)
    await gun.say("Hur långt är det till solen?")
    listing = await admin.say("/unanswered")
    asked = await gun.say("/delete")
    await gun.press_and_wait(asked, "Radera allt", predicate=lambda m: bool(m["edited"]))
    query_id, _ = await admin.press(listing, "Svara 1")
    assert "raderat sina uppgifter" in await admin.answer_text(query_id)
    # Erasing blanked the question: nothing is left to review.
    assert "Inget att granska" in (await admin.say("/unanswered"))["text"]
