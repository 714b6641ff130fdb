"""Questions through the sandbox: answers with sources, feedback, hand-over to staff, FAQ."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from bot.models import QuestionLog, StaffRelay
from tests.e2e.chat import Person, buttons, has
from tests.e2e.conftest import Harness


async def test_known_question_gets_the_number_with_a_source_and_feedback_is_stored(
    harness: Harness,
) -> None:
    gun = await Person.create(harness.client, "Gun")
    question = "Hur många underskrivare har överenskommelsen?"
    answer = await gun.say(question)
    assert "125" in answer["text"]
    assert "Källa:" in answer["text"]
    assert buttons(answer) == ["👍 Hjälpte", "👎 Hjälpte inte"]

    query_id, _ = await gun.press(answer, "👍")
    assert "Tack" in await gun.answer_text(query_id)
    row = await harness.logged_question(question)
    assert row.answered and row.feedback == 1 and row.score >= 0.5


async def test_budget_question_finds_the_budget_lines(harness: Harness) -> None:
    hans = await Person.create(harness.client, "Hans")
    answer = await hans.say("Vad är budgeten för 2026?")
    assert "1 470 000" in answer["text"]
    assert "Budget 2026" in answer["text"]


async def test_a_question_for_the_bots_opinion_is_declined_as_such(harness: Harness) -> None:
    olle = await Person.create(harness.client, "Olle")
    question = "Vad tycker du om att Malin Carlsson efterträdde Stefan Lindborg?"
    reply = await olle.say(question)
    assert "inga egna åsikter" in reply["text"] and "Källa:" not in reply["text"]
    assert buttons(reply) == ["🙋 Fråga en handläggare"]
    assert not (await harness.logged_question(question)).answered


async def test_thanks_and_a_thumbs_up_get_a_friendly_word_not_a_dont_know(
    harness: Harness,
) -> None:
    tove = await Person.create(harness.client, "Tove")
    assert "125" in (await tove.say("Hur många underskrivare har överenskommelsen?"))["text"]
    thanked = await tove.say("tack så mycket!")
    assert thanked["text"].startswith("Varsågod") and buttons(thanked) == []
    assert "Säg till" in (await tove.say("👍"))["text"]
    await harness.bot.services.question_log.flush()
    async with harness.db.session() as session:
        logged = list(await session.scalars(select(QuestionLog.question)))
    assert logged == ["Hur många underskrivare har överenskommelsen?"]  # no thanks to review


async def test_a_question_about_using_the_bot_gets_its_commands(harness: Harness) -> None:
    vera = await Person.create(harness.client, "Vera")
    question = "hur slutar jag få utskick?"
    helped = await vera.say(question)
    assert "/stop" in helped["text"] and "/settings" in helped["text"]
    assert "vet jag tyvärr inte" not in helped["text"]


async def test_unknown_question_is_handed_to_staff_and_the_reply_reaches_the_asker(
    harness: Harness,
) -> None:
    ida = await Person.create(harness.client, "Ida")
    admin = Person(harness.client, harness.admin_id)
    question = "Hur bakar man surdegsbröd?"

    dont_know = await ida.say(question)
    assert "vet jag tyvärr inte" in dont_know["text"]
    assert buttons(dont_know) == ["🙋 Fråga en handläggare"]
    assert not (await harness.logged_question(question)).answered

    admin_cursor = await harness.client.cursor()
    confirmation = await ida.press_and_wait(dont_know, "handläggare", predicate=has("skickat"))
    assert "Svaret kommer här" in confirmation["text"]
    forwarded = await admin.next_message(after=admin_cursor, predicate=has("Fråga från Ida"))
    assert question in forwarded["text"]

    ida_cursor = await harness.client.cursor()
    await admin.send(
        "Det vet vi inte heller, men prova 24 timmars jäsning.", reply_to=forwarded["message_id"]
    )
    relayed = await ida.next_message(after=ida_cursor, predicate=has("Svar från en handläggare"))
    assert "24 timmars jäsning" in relayed["text"] and question in relayed["text"]
    assert await admin.next_message(after=ida_cursor, predicate=has("skickat till Ida"))
    row = await harness.logged_question(question)
    assert row.handed_over_at is not None and row.staff_replied_at is not None

    unanswered = await admin.say("/unanswered")
    assert question not in unanswered["text"]  # answered by staff: no longer to review


async def test_a_staff_reply_keeps_its_formatting_for_the_asker(harness: Harness) -> None:
    ola = await Person.create(harness.client, "Ola")
    admin = Person(harness.client, harness.admin_id)
    dont_know = await ola.say("Hur stämmer man en gitarr?")
    admin_cursor = await harness.client.cursor()
    await ola.press_and_wait(dont_know, "handläggare", predicate=has("skickat"))
    forwarded = await admin.next_message(after=admin_cursor, predicate=has("Fråga från Ola"))

    ola_cursor = await harness.client.cursor()
    answer = "Läs guiden: E < A, inte tvärtom"
    await harness.client.send_text(
        admin.user_id,
        answer,
        reply_to_message_id=forwarded["message_id"],
        entities=[
            {"type": "bold", "offset": 0, "length": 10},
            {"type": "text_link", "offset": 4, "length": 6, "url": "https://example.org/gitarr"},
        ],
    )
    relayed = await ola.next_message(after=ola_cursor, predicate=has("Svar från en handläggare"))
    assert '<b>Läs <a href="https://example.org/gitarr">guiden</a></b>: E &lt; A' in relayed["html"]
    assert answer in relayed["text"]


async def test_thumbs_down_offers_staff_and_a_second_handover_is_refused(harness: Harness) -> None:
    jan = await Person.create(harness.client, "Jan")
    answer = await jan.say("Vem är processledare?")
    offered = await jan.press_and_wait(answer, "👎", predicate=lambda m: m["edited"])
    assert buttons(offered) == ["🙋 Fråga en handläggare"]
    await jan.press_and_wait(offered, "handläggare", predicate=has("skickat"))
    query_id, _ = await jan.press(offered, "handläggare")
    assert "redan skickats" in await jan.answer_text(query_id)


async def test_members_cannot_use_staff_commands_or_forge_staff_buttons(harness: Harness) -> None:
    kim = await Person.create(harness.client, "Kim")
    assert "bara för handläggare" in (await kim.say("/unanswered"))["text"]
    assert "bara för handläggare" in (await kim.say("/faq"))["text"]

    lena = await Person.create(harness.client, "Lena")
    welcome = await lena.say("/start")
    await lena.press_and_wait(welcome, "Svenska", predicate=has("Vilken organisation"))
    matches = await lena.say("suicide")
    await lena.press_and_wait(matches, "Suicide Zero", predicate=has("Tack"))
    async with harness.db.session() as session:
        lena_row = await session.scalar(
            select(QuestionLog.user_id).where(QuestionLog.user_id.is_(None))
        )
    assert lena_row is None

    from bot.models import User

    async with harness.db.session() as session:
        user = await session.scalar(select(User).where(User.telegram_id == lena.user_id))
        assert user is not None and user.organisation_id is not None
        forged = f"link:{user.id}:{user.organisation_id}:1"
    query_id = await harness.client.press_data(
        kim.user_id, welcome["message_id"], forged, chat_id=kim.user_id
    )
    assert "bara för handläggare" in await kim.answer_text(query_id)
    async with harness.db.session() as session:
        user = await session.scalar(select(User).where(User.telegram_id == lena.user_id))
        assert user is not None and user.link_status.value == "pending"

    query_id = await harness.client.press_data(
        kim.user_id, welcome["message_id"], "link:zz", chat_id=kim.user_id
    )
    assert "fungerar inte längre" in await kim.answer_text(query_id)


async def test_someone_elses_feedback_button_is_refused(harness: Harness) -> None:
    mia = await Person.create(harness.client, "Mia")
    nils = await Person.create(harness.client, "Nils")
    await mia.say("Vad är IOP?")
    row = await harness.logged_question("Vad är IOP?")
    own_answer = await nils.say("Vad är reserverad upphandling?")
    forged = f"fb:{row.key}:0"
    query_id = await harness.client.press_data(
        nils.user_id, own_answer["message_id"], forged, chat_id=nils.user_id
    )
    assert "inte till för dig" in await nils.answer_text(query_id)
    assert (await harness.logged_question("Vad är IOP?")).feedback is None


async def test_staff_add_a_faq_entry_that_then_answers_first(harness: Harness) -> None:
    admin = Person(harness.client, harness.admin_id)
    assert "en formulering per rad" in (await admin.say("/faq"))["text"]
    assert (
        "svaret"
        in (await admin.say("Hur anmäler jag mig till nyhetsbrevet?\nVar får jag nyhetsbrevet?"))[
            "text"
        ]
    )
    preview = await admin.say("Mejla processledaren så lägger hon till dig på listan.")
    assert "Förhandsvisning" in preview["text"]
    await admin.press_and_wait(preview, "Spara", predicate=has("Sparat"))

    olle = await Person.create(harness.client, "Olle")
    answer = await olle.say("hur anmäler jag mig till nyhetsbrevet")
    assert "lägger hon till dig" in answer["text"]
    assert "Vanliga frågor" in answer["text"]
    async with harness.db.session() as session:
        assert (await session.scalar(select(StaffRelay))) is None


async def _english_reader(harness: Harness, name: str) -> Person:
    person = await Person.create(harness.client, name)
    welcome = await person.say("/start")
    chosen = await person.press_and_wait(welcome, "English", predicate=has("Which organisation"))
    await person.press_and_wait(chosen, "Skip", predicate=has("later in /settings"))
    return person


async def test_an_english_reader_gets_the_english_passage_with_its_source(
    harness: Harness,
) -> None:
    eve = await _english_reader(harness, "Eve")
    answer = await eve.say("IOP-utbildningar 2024?")
    assert "Around 30 civil servants and elected representatives" in answer["text"]
    assert "Source: IOP and reserved procurement – IOP training in 2024" in answer["text"]
    assert "30-tal" not in answer["text"] and "Swedish" not in answer["text"]
    assert buttons(answer) == ["👍 Helpful", "👎 Not helpful"]
    assert (await harness.logged_question("IOP-utbildningar 2024?")).answered


async def test_an_imported_swedish_document_reaches_an_english_reader_with_a_note(
    harness: Harness, tmp_path: Path
) -> None:
    statutes = tmp_path / "stadgar.md"
    statutes.write_text("# Stadgar\n\n## Årsmöte\n\nÅrsmötet hålls i mars varje år.\n", "utf-8")
    knowledge = harness.bot.services.knowledge
    async with harness.db.session() as session:
        await knowledge.import_paths(session, [statutes])
        await session.commit()
    await knowledge.rebuild()

    finn = await _english_reader(harness, "Finn")
    answer = await finn.say("Årsmötet?")
    assert answer["text"].startswith("ℹ️ This source is only available in Swedish.\n")
    assert "Årsmötet hålls i mars varje år." in answer["text"]
    assert "Source: Stadgar – Årsmöte" in answer["text"]
    sara = await Person.create(harness.client, "Sara")
    swedish = await sara.say("Årsmötet?")
    assert "Årsmötet hålls i mars" in swedish["text"] and "svenska" not in swedish["text"]
