"""A staff group chat, a Bot API that refuses the menu, and a handler that fails."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.sandbox.params import BotApiError, Params
from bot.sandbox.server import RunningSandbox, start_sandbox
from bot.services.knowledge.service import KnowledgeService
from tests.e2e.chat import Person, has
from tests.e2e.conftest import start_harness

STAFF_GROUP = -1007001


@pytest.fixture
async def sandbox() -> AsyncIterator[RunningSandbox]:
    running = await start_sandbox(port=0)
    try:
        yield running
    finally:
        await running.stop()


async def test_questions_go_to_the_staff_group_and_a_reply_there_reaches_the_asker(
    db_url: str,
) -> None:
    async with start_harness(db_url, staff_chat_id=STAFF_GROUP) as harness:
        client = harness.client
        vera = await Person.create(client, "Vera")
        # The staff group exists once someone has written in it.
        await client.send_text(harness.admin_id, "hej", chat_id=STAFF_GROUP, chat_type="supergroup")
        dont_know = await vera.say("Vad kostar en kanelbulle på Gothia?")
        cursor = await client.cursor()
        await vera.press_and_wait(dont_know, "handläggare", predicate=has("skickat"))
        forwarded = await client.wait_for_bot_message(
            STAFF_GROUP, after=cursor, predicate=has("Fråga från Vera")
        )

        cursor = await client.cursor()
        await client.send_text(
            harness.admin_id,
            "Ingen aning, fråga caféet.",
            chat_id=STAFF_GROUP,
            chat_type="supergroup",
            reply_to_message_id=forwarded["message_id"],
        )
        relayed = await vera.next_message(after=cursor, predicate=has("Svar från en handläggare"))
        assert "fråga caféet" in relayed["text"]
        sent = await client.wait_for_bot_message(
            STAFF_GROUP, after=cursor, predicate=has("skickat till Vera")
        )
        assert sent


async def test_a_refused_command_menu_is_logged_and_the_bot_keeps_running(
    db_url: str, sandbox: RunningSandbox, caplog: pytest.LogCaptureFixture
) -> None:
    async def refuse_menu(method: str, _params: Params) -> None:
        if method.lower() == "setmycommands":
            raise BotApiError(400, "Bad Request: commands are not allowed here")

    sandbox.state.call_hooks.append(refuse_menu)
    with caplog.at_level(logging.WARNING):
        async with start_harness(db_url, sandbox=sandbox) as harness:
            wilma = await Person.create(harness.client, "Wilma")
            assert "125" in (await wilma.say("Hur många underskrivare finns det?"))["text"]
    assert "refused the command menu" in caplog.text


async def test_a_failing_handler_apologises_logs_the_update_and_keeps_running(
    db_url: str, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = KnowledgeService.answer

    def answer_or_fail(self: KnowledgeService, question: str, **options: Any) -> object:
        if "krascha" in question:
            raise RuntimeError("secret internal detail")
        return original(self, question, **options)

    monkeypatch.setattr(KnowledgeService, "answer", answer_or_fail)
    with caplog.at_level(logging.ERROR):
        async with start_harness(db_url) as harness:
            xena = await Person.create(harness.client, "Xena")
            await xena.say("/help")  # known to the bot, so "krascha nu" is a question, not hello
            apology = await xena.say("krascha nu")
            assert "något gick fel" in apology["text"]
            assert "secret internal detail" not in apology["text"]
            assert (
                "125" in (await xena.say("Hur många underskrivare har överenskommelsen?"))["text"]
            )
    assert "failed: RuntimeError at test_staff_chat_and_failures.py" in caplog.text
    assert "secret internal detail" not in caplog.text and "krascha" not in caplog.text
