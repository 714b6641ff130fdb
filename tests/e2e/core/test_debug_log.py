"""At SIGNBOT_LOG_LEVEL=DEBUG, a conversation through the sandbox leaves neither what people
wrote, nor what the bot answered them, nor the token in the log (as the README promises)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest

from bot.bot_identity import SANDBOX_TOKEN
from bot.logging_setup import PAYLOAD_LOGGERS, setup_logging
from bot.services.knowledge import KnowledgeService
from tests.e2e.chat import Person
from tests.e2e.conftest import start_harness

QUESTION = "Min granne zebrakaka4711 undrar vad överenskommelsen säger?"
CRASH = "Kan du krascha med morotskaka9901?"
UNKNOWN = "Hur bakar man kladdkaka7342 utan ägg?"


@pytest.fixture
def restore_logging() -> Iterator[None]:
    """Put the process's logging back as it was (setup_logging changes it for good)."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    names = [*PAYLOAD_LOGGERS, "telegram.request", "pypdf"]
    levels = {name: logging.getLogger(name).level for name in names}
    yield
    root.handlers[:] = handlers
    root.setLevel(level)
    for name, old in levels.items():
        logging.getLogger(name).setLevel(old)


@pytest.mark.usefixtures("restore_logging")
async def test_a_debug_log_holds_no_message_text_and_no_token(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    original = KnowledgeService.answer

    def answer_or_fail(self: KnowledgeService, question: str, **options: Any) -> object:
        if "krascha" in question:  # a failure whose message quotes what was written
            raise ValueError(f"cannot read {question!r}")
        return original(self, question, **options)

    monkeypatch.setattr(KnowledgeService, "answer", answer_or_fail)
    setup_logging("DEBUG", secrets=[SANDBOX_TOKEN])
    logging.getLogger("handlers").debug("the log is on at DEBUG")
    async with start_harness(db_url, log_level="DEBUG") as harness:
        mia = await Person.create(harness.client, "Mia")
        replies = [await mia.say(text) for text in ("/start", QUESTION, UNKNOWN, "/help", CRASH)]
        await harness.bot.services.question_log.flush()
    log = capsys.readouterr().err
    assert "DEBUG handlers: the log is on at DEBUG" in log
    assert "traceback of update" in log and "ValueError" in log  # the failure is there
    secrets = ("zebrakaka4711", "kladdkaka7342", "morotskaka9901", SANDBOX_TOKEN)
    for private in (*secrets, "sandbox/sendMessage"):
        assert private not in log, private
    for reply in replies:
        first_line = (reply["text"] or "").splitlines()[0]
        assert first_line not in log, first_line
