"""The question inside a long message: greetings, sign-offs and chat around it set aside.

"Hej! Jag heter Anna … jag undrar hur många organisationer som är med … tack på förhand"
asks one thing; matched as a whole, most of its words match nothing and the bot would
decline. The message is read twice: without its greeting and sign-off lines, and as its
question sentences alone; the surer of the two answers. A single sentence is read by its
clauses the same way ("Vi är en pensionärsorganisation, har ni haft kontakt med …?").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from bot.services.knowledge.analyzer import STOP_WORDS, content_tokens, raw_tokens, word_list

_SEGMENTS = re.compile(r"(?<=[.!?])\s+|\s*\n\s*")
_CLAUSES = re.compile(r"(?<=\w),\s+")  # "Vi är en pensionärsorganisation, har ni …?"
_SIGN_OFFS = frozenset(
    word_list("mvh hälsningar hälsn vänliga bästa tack tackar ha kram /")
)  # a short last line starting so is a signature: "Mvh Kjell", "tack och ha en fin dag"
# A sentence asks when it ends with "?", starts with a question or verb-first ("finns det
# …", "kan man …"), or holds a question word later on ("… för vilken period gäller det").
_OPENING = frozenset(word_list("finns kan ska blir får har är gör undrar"))
_QUESTION_WORDS = frozenset(word_list("vad vem vems vilken vilket vilka varför hur när vart"))
# Pronouns that point at something named before ("det" is left out: "finns det …?").
_POINTERS = frozenset(word_list("den dessa dem hon han henne honom dit it they them she he"))
SHORT = 6  # words: a question this short with a pronoun leans on the sentence before
SIGNATURE = 6  # words: a sign-off line longer than this says something
CONTEXT = 2  # content words a question sentence needs; "vad heter hon?" takes the one before
LOOK_BACK = 2  # sentences it may take (a message of thousands of short lines stays linear)


def segments(message: str) -> list[str]:
    """The sentences and lines of a message, in order, without empty ones."""
    return [part.strip() for part in _SEGMENTS.split(message) if part.strip()]


ContentWords = Callable[[str], Iterable[str]]


def variants(message: str, says: ContentWords = content_tokens) -> list[str]:
    """The message itself or, for a message of several sentences, its readings (see above).

    `says` gives a sentence's content words: a question needs CONTEXT of them to stand alone.
    """
    parts = segments(message)
    if len(parts) < 2:
        parts = [part.strip() for part in _CLAUSES.split(message) if part.strip()]
    if len(parts) < 2:
        return [message]
    kept = [part for part in parts if not _is_chat(part)]
    if not kept:
        return [message]
    asking = _asking(kept)
    readings = ["\n".join(kept)]
    if asking and len(asking) < len(kept):
        chosen: set[int] = set()
        for index in asking:
            chosen.add(index)
            start = index
            while start > max(0, index - LOOK_BACK) and (
                len(_content(kept[start : index + 1], says)) < CONTEXT
                or (start == index and _refers_back(kept[index]))
            ):
                start -= 1
                chosen.add(start)
        if len(chosen) < len(kept):
            readings.append("\n".join(kept[index] for index in sorted(chosen)))
    return readings


def _refers_back(part: str) -> bool:
    """Whether a short question points at a sentence before it: "Vilka år gäller den?"."""
    tokens = raw_tokens(part)
    return len(tokens) <= SHORT and not _POINTERS.isdisjoint(tokens)


def _content(parts: list[str], says: ContentWords) -> set[str]:
    return {token for part in parts for token in says(part)}


def _is_chat(part: str) -> bool:
    if part.endswith("?"):
        return False  # "Var hittar jag den?": every word a stop word, and still the question
    tokens = raw_tokens(part)
    if all(token in STOP_WORDS for token in tokens):
        return True  # "Hej!", "God morgon", "Tack!"
    return tokens[0] in _SIGN_OFFS and len(tokens) <= SIGNATURE


def _asking(parts: list[str]) -> list[int]:
    """The places of the sentences that ask, read beside the others (see `_asks`)."""
    marked = any(part.endswith("?") for part in parts)
    return [index for index, part in enumerate(parts) if _asks(part, marked=marked)]


def _asks(part: str, *, marked: bool = False) -> bool:
    """Whether a sentence asks. In a message with question marks (`marked`), a sentence that
    ends with a full stop asks only by "undrar": "ingen minns hur det funkar." tells."""
    tokens = raw_tokens(part)
    if part.endswith("?") or "undrar" in tokens:
        return True
    if marked and part.endswith((".", "!")):
        return False
    return bool(tokens) and (tokens[0] in _OPENING or not _QUESTION_WORDS.isdisjoint(tokens))


def asking(reading: str) -> str:
    """The sentences of a reading that ask something (all of it when none or all do).

    A situation's names ("vi är en idrottsförening i Skövde") tell who asks, not what: only
    the asking sentences say which names and which kind of fact the answer must hold.
    """
    parts = segments(reading)
    asked = [parts[index] for index in _asking(parts)]
    return "\n".join(asked) if asked and len(asked) < len(parts) else reading
