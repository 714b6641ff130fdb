"""/unanswered as a review queue: declined questions and answers marked 👎, Klar to dismiss,
Gör till FAQ in one step, a page at a time."""

from __future__ import annotations

from sqlalchemy import select

from bot.models import KnowledgeDocument, Passage, QuestionLog, User
from bot.services.review_queue import PAGE_SIZE
from tests.e2e.chat import Person, buttons, has
from tests.e2e.conftest import Harness

DECLINED = "Hur bakar man surdegsbröd?"
ANSWERED = "Vem är processledare?"


async def test_declined_and_thumbs_down_are_listed_and_klar_removes_one(harness: Harness) -> None:
    maja = await Person.create(harness.client, "Maja")
    admin = Person(harness.client, harness.admin_id)
    assert "vet jag tyvärr inte" in (await maja.say(DECLINED))["text"]
    answer = await maja.say(ANSWERED)
    assert "Källa:" in answer["text"]
    source = answer["text"].split("Källa:")[1].strip()
    await maja.press_and_wait(answer, "👎", predicate=lambda m: bool(m["edited"]))

    listing = await admin.say("/unanswered")
    text = listing["text"]
    assert text.startswith("Att granska")
    first, second = text.split("\n\n2. ")[0], text.split("\n\n2. ")[1]
    assert "👎" in first and ANSWERED in first and "Maja" in first
    assert f"Mitt svar kom från: {source}" in first
    assert "❓" in second and DECLINED in second
    assert "Visar 1–2 av 2." in text
    assert buttons(listing) == [
        "💬 Svara 1",
        "📚 Gör till FAQ 1",
        "✅ Klar 1",
        "💬 Svara 2",
        "📚 Gör till FAQ 2",
        "✅ Klar 2",
    ]

    query_id, cursor = await admin.press(listing, "Klar 1")
    assert "borttagen ur listan" in await admin.answer_text(query_id)
    redrawn = await admin.next_message(after=cursor, predicate=lambda m: bool(m["edited"]))
    assert ANSWERED not in redrawn["text"] and DECLINED in redrawn["text"]
    assert buttons(redrawn) == ["💬 Svara 1", "📚 Gör till FAQ 1", "✅ Klar 1"]
    # The stale listing's Klar for the same question changes nothing more.
    query_id, _ = await admin.press(listing, "Klar 1")
    assert "redan klar" in await admin.answer_text(query_id)

    again = await admin.say("/review")  # the alias shows the same queue
    assert ANSWERED not in again["text"] and DECLINED in again["text"]
    await harness.bot.services.question_log.flush()
    async with harness.db.session() as session:
        rows = {r.question: r for r in await session.scalars(select(QuestionLog))}
    assert rows[ANSWERED].feedback == -1 and rows[ANSWERED].reviewed_at is not None
    assert rows[DECLINED].reviewed_at is None


async def test_gor_till_faq_of_a_thumbs_down_takes_one_step_and_leaves_the_queue(
    harness: Harness,
) -> None:
    maja = await Person.create(harness.client, "Maja")
    admin = Person(harness.client, harness.admin_id)
    answer = await maja.say(ANSWERED)
    await maja.press_and_wait(answer, "👎", predicate=lambda m: bool(m["edited"]))
    listing = await admin.say("/unanswered")
    started = await admin.press_and_wait(listing, "Gör till FAQ 1", predicate=has("formulering"))
    assert ANSWERED in started["text"]  # the question is the entry's first phrasing already
    asked = await admin.press_and_wait(started, "Inga fler", predicate=has("Skicka nu svaret"))
    assert "Skicka nu svaret" in asked["text"]
    preview = await admin.say("Processledaren är Kim på kansliet.")
    await admin.press_and_wait(preview, "Spara", predicate=has("Sparat"))
    assert "Inget att granska" in (await admin.say("/unanswered"))["text"]
    assert "Kim på kansliet" in (await maja.say(ANSWERED))["text"]


async def test_a_long_queue_pages_with_visa_fler(harness: Harness) -> None:
    asker = await Person.create(harness.client, "Sture")
    admin = Person(harness.client, harness.admin_id)
    grains = ["råg", "vete", "dinkel", "spelt", "korn", "havre", "emmer", "enkorn", "durum", "majs"]
    declined = []
    for grain in grains:
        question = f"Hur bakar man surdegsbröd på {grain}?"
        if "vet jag tyvärr inte" in (await asker.say(question))["text"]:
            declined.append(question)
    total = len(declined)
    assert total > PAGE_SIZE  # the bot knows nothing about baking

    first = await admin.say("/unanswered")
    assert f"Visar 1–{PAGE_SIZE} av {total}." in first["text"]
    assert buttons(first)[-1] == "Visa fler"
    assert declined[-1] in first["text"] and declined[0] not in first["text"]
    second = await admin.press_and_wait(first, "Visa fler", predicate=has("Att granska"))
    assert f"Visar {PAGE_SIZE + 1}–{total} av {total}." in second["text"]
    assert all(question in second["text"] for question in declined[: total - PAGE_SIZE])
    assert "Visa fler" not in buttons(second)
    assert f"✅ Klar {total}" in buttons(second)


async def test_members_cannot_press_klar_or_visa_fler(harness: Harness) -> None:
    kim = await Person.create(harness.client, "Kim")
    await kim.say(DECLINED)
    await harness.bot.services.question_log.flush()
    async with harness.db.session() as session:
        row = await session.scalar(select(QuestionLog).where(QuestionLog.question == DECLINED))
        assert row is not None
    welcome = await kim.say("/start")
    for data in (f"rvd:{row.id}:0", "rvm:8"):
        query_id = await harness.client.press_data(
            kim.user_id, welcome["message_id"], data, chat_id=kim.user_id
        )
        assert "bara för handläggare" in await kim.answer_text(query_id)
    assert "bara för handläggare" in (await kim.say("/review"))["text"]
    async with harness.db.session() as session:
        stored = await session.get(QuestionLog, row.id)
        assert stored is not None and stored.reviewed_at is None


async def test_a_page_of_the_longest_questions_fits_one_message_klar_can_redraw(
    harness: Harness,
) -> None:
    admin = Person(harness.client, harness.admin_id)
    async with harness.db.session() as session:
        asker = User(telegram_id=7700002, display_name="Långa " + "L" * 190)
        document = KnowledgeDocument(
            source_key="lång", title="T" * 300, kind="markdown", content_hash="h"
        )
        document.passages = [Passage(position=0, section="S" * 500, text="Text.")]
        session.add_all([asker, document])
        await session.flush()
        for n in range(PAGE_SIZE + 1):
            session.add(
                QuestionLog(
                    key=5000 + n,
                    user_id=asker.id,
                    question=f"{n} " + "<ö&" * 1400,  # escaped, each of these grows
                    answered=n % 2 == 0,
                    passage_id=document.passages[0].id,
                    feedback=-1,
                )
            )
        await session.commit()

    listing = await admin.say("/unanswered")
    assert buttons(listing)[-1] == "Visa fler"
    assert len(listing["text"]) <= 4096 and "Mitt svar kom från: TTT" in listing["text"]
    query_id, cursor = await admin.press(listing, "Klar 1")
    assert "borttagen" in await admin.answer_text(query_id)
    redrawn = await admin.next_message(after=cursor, predicate=lambda m: bool(m["edited"]))
    assert buttons(redrawn)[-1] != "Visa fler"  # one fewer: the page holds them all now
