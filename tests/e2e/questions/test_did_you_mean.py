""" "Menade du …?" through the sandbox: topics offered when unsure, a pressed topic answers, "Inget
av dessa" offers a person, and every choice is logged (a chosen topic is a learned phrasing)."""

from __future__ import annotations

import asyncio

from sqlalchemy import select

from bot.models import Passage
from tests.e2e.chat import Person, buttons, has
from tests.e2e.conftest import Harness

UNSURE = "vad satsar ni på utbildning och sånt"  # vague: several courses are all likely
VAGUE = "vad händer med IOP framöver då"


async def test_a_pressed_topic_answers_with_its_source_and_the_choice_is_learned(
    harness: Harness,
) -> None:
    vera = await Person.create(harness.client, "Vera")
    offer = await vera.say(UNSURE)
    assert "Menade du" in offer["text"]
    topics = buttons(offer)
    assert topics[-1] == "❌ Inget av dessa"
    assert 2 <= len(topics) <= 4 and "IOP-utbildningar 2024" in topics
    row = await harness.logged_question(UNSURE)
    assert not row.answered and row.offered is not None and row.offer_choice is None

    answer = await vera.press_and_wait(offer, "IOP-utbildningar 2024", predicate=has("Källa:"))
    assert "30" in answer["text"] and "IOP-utbildningar 2024" in answer["text"]
    assert buttons(answer) == ["👍 Hjälpte", "👎 Hjälpte inte"]
    row = await harness.logged_question(UNSURE)
    assert row.offer_choice == "topic" and row.answered
    async with harness.db.session() as session:
        chosen = await session.get(Passage, row.chosen_passage_id)
        assert chosen is not None and chosen.section == "IOP-utbildningar 2024"

    # The choice is a learned phrasing that staff can list, and the index uses it at once.
    knowledge = harness.bot.services.knowledge
    async with harness.db.session() as session:
        learned = await knowledge.learned(session)
    assert [(p.question, p.passage_id) for p in learned] == [(UNSURE, row.chosen_passage_id)]
    for _ in range(250):  # the index is rebuilt right after the answer went out
        if row.chosen_passage_id in knowledge._index.learned:
            break
        await asyncio.sleep(0.02)
    assert row.chosen_passage_id in knowledge._index.learned

    query_id, _ = await vera.press(answer, "👍")  # the usual feedback works on it
    assert "Tack" in await vera.answer_text(query_id)
    assert (await harness.logged_question(UNSURE)).feedback == 1


async def test_none_of_these_offers_a_person_and_is_logged(harness: Harness) -> None:
    olof = await Person.create(harness.client, "Olof")
    offer = await olof.say(VAGUE)
    assert "Menade du" in offer["text"]
    reply = await olof.press_and_wait(offer, "Inget av dessa", predicate=has("handläggare"))
    assert buttons(reply) == ["🙋 Fråga en handläggare"]
    row = await harness.logged_question(VAGUE)
    assert row.offer_choice == "none" and row.chosen_passage_id is None and not row.answered

    confirmation = await olof.press_and_wait(reply, "handläggare", predicate=has("skickat"))
    assert "Svaret kommer här" in confirmation["text"]
    assert (await harness.logged_question(VAGUE)).handed_over_at is not None


async def test_a_forged_or_foreign_topic_press_is_refused(harness: Harness) -> None:
    pia = await Person.create(harness.client, "Pia")
    eve = await Person.create(harness.client, "Eve")
    offer = await pia.say(UNSURE)
    row = await harness.logged_question(UNSURE)
    offered = [int(ident) for ident in (row.offered or "").split(",")]
    async with harness.db.session() as session:
        other = await session.scalar(select(Passage.id).where(Passage.id.not_in(offered)))
    assert other is not None

    # A passage that was not offered for this question, and someone else's question.
    not_offered = await harness.client.press_data(
        pia.user_id, offer["message_id"], f"dym:{row.key}:{other}"
    )
    assert "går inte längre" in await pia.answer_text(not_offered)
    eves = await eve.say("hej")
    foreign = await harness.client.press_data(
        eve.user_id, eves["message_id"], f"dym:{row.key}:{offered[0]}"
    )
    assert await eve.answer_text(foreign)  # refused with a short note, nothing logged
    for bad in ("dym:1:x", "dym:-1:2", "dymx:", f"dym:{row.key}:99999999999999999999"):
        query_id = await harness.client.press_data(pia.user_id, offer["message_id"], bad)
        assert await pia.answer_text(query_id)
    row = await harness.logged_question(UNSURE)
    assert row.offer_choice is None and row.chosen_passage_id is None
