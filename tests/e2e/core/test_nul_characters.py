"""Text PostgreSQL refuses (NUL, lone surrogates) is cleaned where updates enter the bot."""

from __future__ import annotations

import json

import httpx
import pytest
from sqlalchemy import select

from bot.models import QuestionLog
from bot.texts.clean import REPLACEMENT
from tests.e2e.chat import JSON, Person, buttons, has
from tests.e2e.conftest import Harness

HOSTILE = [
    pytest.param("Hur bakar man\x00 surdegsbröd?", "Hur bakar man surdegsbröd?", id="nul"),
    pytest.param("Hur bakar man\ud800 bröd?", f"Hur bakar man{REPLACEMENT} bröd?", id="surrogate"),
]


@pytest.mark.parametrize(("question", "stored"), HOSTILE)
async def test_a_hostile_question_is_logged_cleaned_and_staff_can_still_be_asked(
    harness: Harness, question: str, stored: str
) -> None:
    eva = await Person.create(harness.client, "Eva")
    admin = Person(harness.client, harness.admin_id)
    dont_know = await _say_raw(harness, eva, question)
    assert buttons(dont_know) == ["🙋 Fråga en handläggare"]
    confirmation = await eva.press_and_wait(dont_know, "handläggare", predicate=has("skickat"))
    assert "Svaret kommer här" in confirmation["text"]

    # Everyone after her is unaffected: the log is written and the next question still works.
    ola = await Person.create(harness.client, "Ola")
    later = await ola.say("Hur lagar man en cykel?")
    confirmation = await ola.press_and_wait(later, "handläggare", predicate=has("skickat"))
    assert "Svaret kommer här" in confirmation["text"]
    unanswered = await admin.say("/unanswered")
    assert stored in unanswered["text"] and "Hur lagar man en cykel?" in unanswered["text"]
    await harness.bot.services.question_log.flush()
    async with harness.db.session() as session:
        logged = list(await session.scalars(select(QuestionLog.question)))
    assert stored in logged and question not in logged
    assert harness.bot.services.question_log.quarantined == 0


async def test_a_hostile_button_press_is_refused_politely(harness: Harness) -> None:
    eva = await Person.create(harness.client, "Eva")
    answer = await eva.say("Hur många underskrivare har överenskommelsen?")
    # Forged callback data carrying NUL: the press is answered, and the bot still works after.
    query_id = await harness.client.press_data(eva.user_id, answer["message_id"], "fb:1\x00:1")
    assert await eva.answer_text(query_id)
    assert "125" in (await eva.say("Hur många underskrivare har överenskommelsen?"))["text"]


async def _say_raw(harness: Harness, person: Person, text: str) -> JSON:
    """Send text as JSON with \\u escapes, which can carry a lone surrogate (httpx cannot)."""
    assert harness.bot.sandbox is not None
    body = json.dumps({"user_id": person.user_id, "text": text, "chat_type": "private"})
    async with httpx.AsyncClient(base_url=harness.bot.sandbox.root_url) as http:
        response = await http.post(
            "/sandbox/api/messages",
            content=body.encode("ascii"),
            headers={"Content-Type": "application/json"},
        )
    response.raise_for_status()
    cursor = int(response.json()["cursor"])
    return await harness.client.wait_for_bot_message(person.user_id, after=cursor)
