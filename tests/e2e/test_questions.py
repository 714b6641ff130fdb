"""Questions through the sandbox: answers with sources, feedback, hand-over to staff, FAQ."""

from __future__ import annotations

from sqlalchemy import select

from bot.models import QuestionLog, StaffRelay
from tests.e2e.chat import Person, buttons, has
from tests.e2e.conftest import Harness


async def _question(harness: Harness, text: str) -> QuestionLog:
    await harness.bot.services.question_log.flush()
    async with harness.db.session() as session:
        row = await session.scalar(select(QuestionLog).where(QuestionLog.question == text))
        assert row is not None
        return row


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
    row = await _question(harness, question)
    assert row.answered and row.feedback == 1 and row.score >= 0.5


async def test_budget_question_finds_the_budget_lines(harness: Harness) -> None:
    hans = await Person.create(harness.client, "Hans")
    answer = await hans.say("Vad är budgeten för 2026?")
    assert "1 470 000" in answer["text"]
    assert "Budget 2026" in answer["text"]


async def test_unknown_question_is_handed_to_staff_and_the_reply_reaches_the_asker(
    harness: Harness,
) -> None:
    ida = await Person.create(harness.client, "Ida")
    admin = Person(harness.client, harness.admin_id)
    question = "Hur bakar man surdegsbröd?"

    dont_know = await ida.say(question)
    assert "vet jag tyvärr inte" in dont_know["text"]
    assert buttons(dont_know) == ["🙋 Fråga en handläggare"]
    assert not (await _question(harness, question)).answered

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
    row = await _question(harness, question)
    assert row.handed_over_at is not None and row.staff_replied_at is not None

    unanswered = await admin.say("/unanswered")
    assert question in unanswered["text"] and "besvarad" in unanswered["text"]


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
    row = await _question(harness, "Vad är IOP?")
    own_answer = await nils.say("Vad är reserverad upphandling?")
    forged = f"fb:{row.key}:0"
    query_id = await harness.client.press_data(
        nils.user_id, own_answer["message_id"], forged, chat_id=nils.user_id
    )
    assert "inte till för dig" in await nils.answer_text(query_id)
    assert (await _question(harness, "Vad är IOP?")).feedback is None


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
