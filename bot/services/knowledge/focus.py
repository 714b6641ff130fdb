"""The question inside a long message: greetings, sign-offs and chat around it set aside.

"Hej! Jag heter Anna … jag undrar hur många organisationer som är med … tack på förhand"
asks one thing; matched as a whole, most of its words match nothing and the bot would
decline. The message is read twice: without its greeting and sign-off lines, and as its
question sentences alone; the surer of the two answers.
"""

from __future__ import annotations

import re

from bot.services.knowledge.analyzer import STOP_WORDS, raw_tokens

_SEGMENTS = re.compile(r"(?<=[.!?])\s+|\s*\n\s*")
_SIGN_OFFS = frozenset(
    "mvh hälsningar hälsn vänliga bästa tack tackar ha kram /".split()
)  # a short last line starting so is a signature: "Mvh Kjell", "tack och ha en fin dag"
_ASKING = frozenset(
    """vad vem vems vilken vilket vilka varför hur när vart finns kan ska blir får har är
    undrar undra fråga frågan frågar""".split()
)
SIGNATURE = 6  # words: a sign-off line longer than this says something


def segments(message: str) -> list[str]:
    """The sentences and lines of a message, in order, without empty ones."""
    return [part.strip() for part in _SEGMENTS.split(message) if part.strip()]


def variants(message: str) -> list[str]:
    """The message itself or, for a message of several sentences, its readings (see above)."""
    parts = segments(message)
    if len(parts) < 2:
        return [message]
    kept = [part for part in parts if not _is_chat(part)]
    if not kept:
        return [message]
    asking = [part for part in kept if _asks(part)]
    readings = ["\n".join(kept)]
    if asking and len(asking) < len(kept):
        readings.append("\n".join(asking))
    return readings


def _is_chat(part: str) -> bool:
    tokens = raw_tokens(part)
    if all(token in STOP_WORDS for token in tokens):
        return True  # "Hej!", "God morgon", "Tack!"
    return tokens[0] in _SIGN_OFFS and len(tokens) <= SIGNATURE


def _asks(part: str) -> bool:
    tokens = raw_tokens(part)
    return part.endswith("?") or bool(tokens) and (tokens[0] in _ASKING or "undrar" in tokens)
