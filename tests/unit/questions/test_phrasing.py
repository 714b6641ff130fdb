"""Generative phrasing against a local fake OpenAI-compatible endpoint: what is sent, what is
shown, and the extractive answer whenever the endpoint fails, stalls or has no answer."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import pytest
from pydantic import SecretStr

from bot.config import ConfigError, Settings, load_settings
from bot.entrypoints.bootstrap import build_services
from bot.entrypoints.cli.serve import secret_values
from bot.services.knowledge.index import IndexedFaq, IndexedPassage, Match, SearchIndex
from bot.services.knowledge.phrasing import MAX_CHARS, Phraser, excerpts_for
from bot.texts import plain_text
from bot.texts.answers import answer_text, source_label
from handlers.privacy.mydata import privacy_notice
from tests.fake_llm import FakeLlm, running_fake_llm

KEY = "sk-local-test-key-4711"
QUESTION = "Hur många har skrivit under överenskommelsen?"
SIGNATORIES = (
    "Överenskommelsen har i dag 125 underskrivare. Den som vill skriva under anmäler det till "
    "kansliet."
)
BUDGET = "Budgeten för 2026 är 1 470 000 kronor till dialogmöten och samverkan."
SV_REPLY = "Överenskommelsen har 125 underskrivare."
EN_REPLY = "The agreement has 125 signatories."


def _index() -> SearchIndex:
    return SearchIndex.build(
        [
            IndexedPassage(1, "Överenskommelsen", "Underskrivare", SIGNATORIES),
            IndexedPassage(2, "Budget 2026", "Budget", BUDGET),
        ],
        [IndexedFaq(1, ("Vem kontaktar jag?",), "Skriv till kansliet.", "")],
    )


def _match(question: str = QUESTION) -> Match:
    match = _index().best(question)
    assert match is not None and match.kind == "passage" and match.id == 1
    return match


def _phraser(fake: FakeLlm, *, timeout: float = 4.0, key: str | None = KEY) -> Phraser:
    return Phraser(url=fake.url, model="llama3.1:8b", key=key, timeout=timeout)


async def _phrase(
    fake: FakeLlm, lang: str = "sv", *, deadline: float = 4.0, key: str | None = KEY
) -> str | None:
    match = _match()
    excerpts = excerpts_for(match, source_label(match, lang))
    return await _phraser(fake, timeout=deadline, key=key).phrase(QUESTION, excerpts, lang)


@pytest.mark.parametrize(("lang", "reply", "source_line"), [
    ("sv", SV_REPLY, "<i>Källa: Överenskommelsen – Underskrivare</i>"),
    ("en", EN_REPLY, "<i>Source: Överenskommelsen – Underskrivare</i>"),
])  # fmt: skip
async def test_answer_is_phrased_in_the_askers_language_and_keeps_its_source(
    lang: str, reply: str, source_line: str
) -> None:
    async with running_fake_llm(Swedish=SV_REPLY, English=EN_REPLY) as fake:
        phrased = await _phrase(fake, lang)
    assert phrased == reply
    match = _match()
    shown = answer_text(match, lang, phrased=phrased)
    extractive = answer_text(match, lang)
    # Only the body changes: a note on the source's language stays, as does the source line.
    assert reply in shown and SIGNATORIES not in shown and SIGNATORIES in extractive
    assert shown.startswith(reply) == extractive.startswith(SIGNATORIES) == (lang == "sv")
    assert shown.splitlines()[-1] == extractive.splitlines()[-1] == source_line
    marker = "✨ Sammanfattat automatiskt" if lang == "sv" else "✨ Summarised automatically"
    assert marker in shown and marker not in extractive


async def test_request_holds_only_the_retrieved_passage_and_the_question() -> None:
    async with running_fake_llm(Swedish=SV_REPLY) as fake:
        await _phrase(fake)
    [seen] = fake.requests
    assert seen.path == "/v1/chat/completions"
    body = seen.body
    assert set(body) == {"model", "messages", "temperature", "max_tokens", "stream"}
    assert body["model"] == "llama3.1:8b" and body["stream"] is False
    assert body["temperature"] <= 0.2 and 0 < body["max_tokens"] <= 500
    system, user = body["messages"]
    assert (system["role"], user["role"]) == ("system", "user")
    assert user["content"] == QUESTION
    passages = system["content"].split("Passages:\n", 1)[1]
    match = _match()
    assert passages == f"[1] (Source: Överenskommelsen – Underskrivare)\n{match.text}"
    assert BUDGET not in system["content"] and QUESTION not in system["content"]
    assert "Answer ONLY from the numbered passages" in system["content"]
    assert "Answer in Swedish" in system["content"] and "NO_ANSWER" in system["content"]


async def test_key_goes_as_a_bearer_token_and_is_never_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    async with running_fake_llm(Swedish=SV_REPLY) as fake:
        assert await _phrase(fake) == SV_REPLY
        fake.status = 500
        assert await _phrase(fake) is None
        assert await _phrase(fake, key=None) is None
    first, _, keyless = fake.requests
    assert first.headers["Authorization"] == f"Bearer {KEY}"
    assert "Authorization" not in keyless.headers
    assert "HTTP 500" in caplog.text
    assert KEY not in caplog.text and QUESTION not in caplog.text and SV_REPLY not in caplog.text


async def test_a_stalled_endpoint_gives_the_extractive_answer_within_the_deadline(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async with running_fake_llm(Swedish=SV_REPLY) as fake:
        fake.delay = 5.0
        started = time.monotonic()
        assert await _phrase(fake, deadline=0.3) is None
        elapsed = time.monotonic() - started
    assert elapsed < 1.0
    assert "answer phrasing skipped" in caplog.text
    assert len([r for r in caplog.records if r.name.endswith("phrasing")]) == 1


async def test_server_errors_and_an_unreachable_endpoint_give_the_extractive_answer() -> None:
    async with running_fake_llm(Swedish=SV_REPLY) as fake:
        for status in (500, 503, 401, 404):
            fake.status = status
            assert await _phrase(fake) is None
        closed = fake.url
    unreachable = Phraser(url=closed, model="m", timeout=1.0)
    match = _match()
    assert await unreachable.phrase(QUESTION, excerpts_for(match, "Källa"), "sv") is None


@pytest.mark.parametrize(
    "raw",
    [
        "<html>502 Bad Gateway</html>",
        "{}",
        '{"choices": []}',
        '{"choices": [{"message": {"content": null}}]}',
        '{"choices": [{"message": {"content": 42}}]}',
        '{"choices": ["text"]}',
        "[1, 2, 3]",
    ],
)
async def test_a_reply_that_is_no_chat_completion_gives_the_extractive_answer(raw: str) -> None:
    async with running_fake_llm(Swedish=SV_REPLY) as fake:
        fake.raw = raw
        assert await _phrase(fake) is None


@pytest.mark.parametrize(
    "content",
    [
        "",
        "   \n\n  ",
        "<p></p>",
        "Överenskommelsen " * (MAX_CHARS // 10),
        "NO_ANSWER",
        "Jag vet inte – det framgår inte av texten.",
        "I don't know; the passages do not say.",
        "The passages do not mention that.",
    ],
)
async def test_empty_overlong_or_cannot_answer_gives_the_extractive_answer(content: str) -> None:
    async with running_fake_llm(Swedish=content) as fake:
        assert await _phrase(fake) is None


async def test_a_reply_cut_off_at_the_token_limit_is_not_used() -> None:
    async with running_fake_llm(Swedish=SV_REPLY) as fake:
        fake.finish_reason = "length"
        assert await _phrase(fake) is None


async def test_markup_in_the_models_reply_is_stripped_and_escaped() -> None:
    hostile = (
        '## <b>125</b> **underskrivare** & <a href="https://evil.example">mer</a>'
        "<script>alert(1)</script> – 1 < 2 [1]"
    )
    async with running_fake_llm(Swedish=hostile) as fake:
        phrased = await _phrase(fake)
    assert phrased == "125 underskrivare & mer – 1 < 2"
    shown = answer_text(_match(), "sv", phrased=phrased)
    assert shown.startswith("125 underskrivare &amp; mer – 1 &lt; 2\n\n<i>✨")
    assert "<b>" not in shown and "<a" not in shown and "script" not in shown
    assert plain_text(shown).startswith(phrased)


async def test_a_curated_faq_answer_is_never_sent() -> None:
    faq = _index().best("Vem kontaktar jag?")
    assert faq is not None and faq.kind == "faq"
    async with running_fake_llm(Swedish=SV_REPLY) as fake:
        phraser = _phraser(fake)
        assert await phraser.phrase("Vem?", excerpts_for(faq, "FAQ"), "sv") is None
    assert fake.requests == []


def _settings(**values: object) -> Settings:
    return Settings.model_validate({"database_url": "sqlite:///data/unused.db", **values})


async def test_phrasing_is_off_by_default_and_then_no_phraser_exists(tmp_path: Path) -> None:
    settings = _settings(database_url=f"sqlite:///{tmp_path / 'off.db'}")
    assert not settings.llm_enabled
    assert Phraser.from_settings(settings) is None
    services = build_services(settings)
    assert services.phraser is None
    await services.db.dispose()


def test_wrong_llm_settings_name_the_setting_in_one_line() -> None:
    cases = {
        "SIGNBOT_LLM_URL": {"SIGNBOT_LLM_URL": "localhost:11434", "SIGNBOT_LLM_MODEL": "m"},
        "SIGNBOT_LLM_MODEL": {"SIGNBOT_LLM_URL": "http://127.0.0.1:11434/v1"},
        "SIGNBOT_LLM_TIMEOUT_SECONDS": {"SIGNBOT_LLM_TIMEOUT_SECONDS": "0"},
    }
    for name, values in cases.items():
        with pytest.raises(ConfigError) as raised:
            load_settings(**values)
        message = str(raised.value)
        assert message.startswith(f"Invalid setting {name}:") and "\n" not in message
    configured = load_settings(
        SIGNBOT_LLM_URL=" http://127.0.0.1:11434/v1/ ", SIGNBOT_LLM_MODEL="llama3.1:8b"
    )
    assert configured.llm_enabled and configured.llm_url == "http://127.0.0.1:11434/v1"
    assert configured.llm_timeout_seconds == 4.0 and configured.llm_key is None


def test_privacy_notice_names_the_endpoint_only_when_configured() -> None:
    off = _settings()
    on = _settings(llm_url="http://llm.internal:11434/v1", llm_model="m", llm_key=KEY)
    for lang, words in (("sv", "språkmodell"), ("en", "language model")):
        assert words not in privacy_notice(lang, off)
        notice = privacy_notice(lang, on)
        assert words in notice and "llm.internal:11434" in notice and KEY not in notice


def test_every_secret_setting_is_redacted_from_logs() -> None:
    settings = _settings(
        telegram_bot_token="123:token",
        webhook_secret="hook-secret",
        poll_key="poll-secret",
        llm_url="http://127.0.0.1:11434/v1",
        llm_model="m",
        llm_key=KEY,
    )
    secret_fields = [
        name for name, value in settings.model_dump().items() if isinstance(value, SecretStr)
    ]
    assert "llm_key" in secret_fields
    redacted = secret_values(settings)
    assert len(redacted) == len(secret_fields) and KEY in redacted
