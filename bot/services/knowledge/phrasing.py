"""Optional generative phrasing: an OpenAI-compatible endpoint rewords the retrieved passages.

Off unless SIGNBOT_LLM_URL is set. The model sees only the question and the passages the search
found, and may answer only from them; anything doubtful (an error, a timeout, an empty, overlong
or "I don't know" reply) returns None and the extractive answer goes out instead.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx

from bot.config import Settings
from bot.services.knowledge.index import Match
from bot.texts import plain_text

log = logging.getLogger(__name__)

NO_ANSWER = "NO_ANSWER"
MAX_TOKENS = 350  # a few sentences; a reply cut off at this length is not used
MAX_CHARS = 1200  # longer than any sensible summary of one passage: likely rambling
TEMPERATURE = 0.1
LANGUAGE_NAMES = {"sv": "Swedish", "en": "English"}

SYSTEM_PROMPT = """\
You answer questions from the signatories of Överenskommelsen, the agreement between \
Västra Götalandsregionen and civil society in Västra Götaland.

Rules:
- Answer ONLY from the numbered passages below. Never add facts, figures, dates, names or \
links that are not in them, and do not use what you may know from elsewhere.
- Answer in {language}, whatever the language of the passages.
- Be brief: at most three short sentences, plain text, no markup, no headings, no lists.
- If the passages do not answer the question, reply with exactly {no_answer} and nothing else.

Passages:
{passages}"""

# Ways a model says it cannot answer despite being told to reply NO_ANSWER.
CANNOT_ANSWER = re.compile(
    r"no[_ ]answer|jag vet inte|vet jag inte|kan inte svara|kan jag inte svara|"
    r"framgår inte|finns ingen information|finns inte i (?:texten|texterna|passagerna|källan)|"
    r"i do(?:n'?t| not) know|can(?:no|')t answer|unable to answer|"
    r"(?:passages?|text|sources?) (?:do(?:es)? not|don'?t) (?:say|mention|contain|answer)|"
    r"no information",
    re.IGNORECASE,
)
# Markdown emphasis, code and headings, and "[1]"-style references to the numbered passages
# (the source line below the answer already names the passage).
MARKUP = re.compile(r"\*\*|__|`+|^#+\s*| ?\[\d+\]", re.MULTILINE)


@dataclass(frozen=True)
class Excerpt:
    """A retrieved passage as the reader sees it: its (trimmed) text and its source line."""

    text: str
    source: str


def excerpts_for(match: Match, source: str) -> list[Excerpt]:
    """What the model may phrase from: a passage; a curated FAQ answer is staff's own words."""
    return [Excerpt(match.text, source)] if match.kind == "passage" else []


class PhrasingFailed(Exception):
    """The endpoint's reply cannot be used; the reason names no question or answer text."""


class Phraser:
    """Asks an OpenAI-compatible `/chat/completions` endpoint to phrase an answer."""

    def __init__(
        self, *, url: str, model: str, key: str | None = None, timeout: float = 4.0
    ) -> None:
        self.endpoint = f"{url.rstrip('/')}/chat/completions"
        self.model = model
        self._key = key
        self.timeout = timeout

    @classmethod
    def from_settings(cls, settings: Settings) -> Phraser | None:
        """The phraser for these settings, or None when phrasing is off (the default)."""
        if not settings.llm_enabled:
            return None
        assert settings.llm_url is not None and settings.llm_model is not None
        key = settings.llm_key.get_secret_value() if settings.llm_key is not None else None
        return cls(
            url=settings.llm_url,
            model=settings.llm_model,
            key=key,
            timeout=settings.llm_timeout_seconds,
        )

    def request_body(self, question: str, excerpts: Sequence[Excerpt], lang: str) -> dict[str, Any]:
        """The chat completion request: the rules with the numbered passages, then the question."""
        numbered = "\n\n".join(
            f"[{number}] (Source: {excerpt.source})\n{excerpt.text}"
            for number, excerpt in enumerate(excerpts, start=1)
        )
        system = SYSTEM_PROMPT.format(
            language=LANGUAGE_NAMES.get(lang, LANGUAGE_NAMES["sv"]),
            no_answer=NO_ANSWER,
            passages=numbered,
        )
        return {
            "model": self.model,
            "messages": [
                {"role": "system", "content": system},
                {"role": "user", "content": question},
            ],
            "temperature": TEMPERATURE,
            "max_tokens": MAX_TOKENS,
            "stream": False,
        }

    async def phrase(self, question: str, excerpts: Sequence[Excerpt], lang: str) -> str | None:
        """The answer phrased from the excerpts as plain text, or None to use them as they are."""
        if not excerpts:
            return None
        try:
            async with asyncio.timeout(self.timeout):
                return await self._ask(self.request_body(question, excerpts, lang))
        except TimeoutError:
            reason = f"no answer within {self.timeout:g} s"
        except httpx.HTTPStatusError as error:
            reason = f"HTTP {error.response.status_code}"
        except httpx.HTTPError as error:
            reason = type(error).__name__
        except PhrasingFailed as error:
            reason = str(error)
        # One line, without the question, the answer or the key.
        log.warning("answer phrasing skipped (%s): the passage is shown as it is", reason)
        return None

    async def _ask(self, body: dict[str, Any]) -> str:
        headers = {"Authorization": f"Bearer {self._key}"} if self._key else {}
        # A client per question: a reply takes far longer than a connection, and no client
        # outlives the event loop that made it.
        async with httpx.AsyncClient(timeout=self.timeout, follow_redirects=False) as client:
            response = await client.post(self.endpoint, json=body, headers=headers)
            response.raise_for_status()
        try:
            choice = response.json()["choices"][0]
            content, finished = choice["message"]["content"], choice.get("finish_reason")
        except (ValueError, KeyError, IndexError, TypeError, AttributeError):
            raise PhrasingFailed("not a chat completion") from None
        if not isinstance(content, str):
            raise PhrasingFailed("no text in the reply")
        if finished == "length":
            raise PhrasingFailed("the reply was cut off")
        return checked(content)


def checked(content: str) -> str:
    """The model's reply as plain text, or PhrasingFailed when it should not be shown."""
    text = MARKUP.sub("", plain_text(content))
    text = "\n".join(" ".join(line.split()) for line in text.strip().splitlines())
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    if not text:
        raise PhrasingFailed("empty reply")
    if len(text) > MAX_CHARS:
        raise PhrasingFailed(f"reply longer than {MAX_CHARS} characters")
    if CANNOT_ANSWER.search(text):
        raise PhrasingFailed("the model found no answer in the passages")
    return text


def endpoint_host(url: str) -> str:
    """The host (and port) of an endpoint URL, as the privacy notice names it."""
    parts = urlsplit(url)
    host = parts.hostname or url
    return f"{host}:{parts.port}" if parts.port else host
