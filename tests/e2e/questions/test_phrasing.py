"""Phrased answers through the sandbox, with a local fake OpenAI-compatible endpoint configured;
and with phrasing off (the default), the extractive answer exactly as before and no request."""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import urlsplit

import pytest

from bot.services.knowledge import phrasing
from bot.texts import plain_text
from bot.texts.answers import answer_text
from tests.e2e.chat import JSON, Person, buttons
from tests.e2e.conftest import Harness, start_harness
from tests.fake_llm import running_fake_llm

QUESTION = "Hur många underskrivare har överenskommelsen?"
PHRASED = "Överenskommelsen har i dag 125 underskrivare."
KEY = "sk-e2e-secret"


def _extractive(harness: Harness, lang: str = "sv") -> str:
    """The extractive answer as the reader sees it (the sandbox shows text without its tags)."""
    answered, match = harness.bot.services.knowledge.answer_now(QUESTION, lang=lang)
    assert answered and match is not None
    return plain_text(answer_text(match, lang))


def _source_line(message: JSON) -> str:
    return str(message["text"]).splitlines()[-1]


async def test_with_an_endpoint_the_answer_is_phrased_and_keeps_its_source_and_buttons(
    db_url: str,
) -> None:
    async with running_fake_llm(Swedish=PHRASED) as fake:
        configured = start_harness(
            db_url, llm_url=fake.url, llm_model="m", llm_key=KEY, llm_timeout_seconds=1.0
        )
        async with configured as harness:
            # The notice at /start names where question texts go.
            welcome = await (await Person.create(harness.client, "Per")).say("/start")
            assert f"tjänsten på {urlsplit(fake.url).netloc}" in welcome["text"]

            stina = await Person.create(harness.client, "Stina")
            answer = await stina.say(QUESTION)
            extractive = _extractive(harness)
            assert answer["text"].startswith(PHRASED)
            assert "✨ Sammanfattat automatiskt från källan" in answer["text"]
            assert _source_line(answer) == extractive.splitlines()[-1]
            assert _source_line(answer).startswith("Källa:")
            assert buttons(answer) == ["👍 Hjälpte", "👎 Hjälpte inte"]
            [seen] = fake.requests
            assert seen.body["messages"][1]["content"] == QUESTION
            assert seen.headers["Authorization"] == f"Bearer {KEY}"

            fake.status = 500  # a failing endpoint: the passage goes out as it is
            fallback = await stina.say(QUESTION)
            assert fallback["text"] == extractive
            assert buttons(fallback) == ["👍 Hjälpte", "👎 Hjälpte inte"]

            fake.status, fake.delay = 200, 10.0  # a stalled endpoint: the passage within ~1 s
            started = time.monotonic()
            stalled = await stina.say(QUESTION)
            assert stalled["text"] == extractive and time.monotonic() - started < 3.0


class _NoClient:
    """Stands in for httpx inside the phrasing module: any client made there fails the test."""

    HTTPError = Exception

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"phrasing used httpx.{name} while it is off")


async def test_with_phrasing_off_no_client_is_made_and_the_answer_is_unchanged(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(phrasing, "httpx", _NoClient())
    assert harness.bot.services.phraser is None
    welcome = await (await Person.create(harness.client, "Per")).say("/start")
    assert "Dina uppgifter" in welcome["text"]
    assert "språkmodell" not in welcome["text"] and "tjänsten på" not in welcome["text"]
    answer = await (await Person.create(harness.client, "Olle")).say(QUESTION)
    assert answer["text"] == _extractive(harness)
    assert "✨" not in answer["text"]
