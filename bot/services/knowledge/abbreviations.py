"""Abbreviations the documents define: "Västra Götalandsregionen (VGR)", "- SER: Sociala …".

People write either form ("vad gör Västra Götalandsregionen?", "vad gör VGR?"); each pair the
documents define is read as a synonym group, so both forms find the same passages, also in
documents imported later.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.services.knowledge.analyzer import raw_tokens

_ACRONYM = r"[A-ZÅÄÖ]{2,6}"
# Words of bounded length, starting at a word's start: a document of one endless "word"
# must not make the search quadratic.
_IN_BRACKETS = re.compile(rf"(?<![\w-])((?:[\w-]{{1,40}}\s+){{1,8}})\(({_ACRONYM})\)")
_LIST_LINE = re.compile(rf"^\s*[-*•]\s*({_ACRONYM})\s*:\s*([^.,;:\n]+)", re.M)
_WORD = re.compile(r"[\w-]+")
_ARTICLES = frozenset(["den", "det", "de", "en", "ett", "the", "a", "an"])
MAX_WORDS = 6  # an expansion longer than this is a sentence, not a name


def defined(texts: Iterable[str]) -> list[tuple[str, ...]]:
    """Synonym groups of the abbreviations the texts define: the acronym, then its expansions
    (as the tokens a text is read as, "miljö och regional utvecklingsnämnd")."""
    found: dict[str, dict[str, None]] = {}
    for text in texts:
        for words, acronym in _IN_BRACKETS.findall(text):
            expansion = _expansion(_WORD.findall(words), acronym)
            if expansion:
                found.setdefault(acronym.casefold(), {})[expansion] = None
        for acronym, phrase in _LIST_LINE.findall(text):
            words = _WORD.findall(phrase)
            if words and words[0].casefold() in _ARTICLES:
                words = words[1:]
            if 0 < len(words) <= MAX_WORDS and _spells(words, acronym):
                found.setdefault(acronym.casefold(), {})[_tokens(words)] = None
    return [(acronym, *expansions) for acronym, expansions in sorted(found.items())]


def _tokens(words: list[str]) -> str:
    return " ".join(raw_tokens(" ".join(words)))


def _expansion(words: list[str], acronym: str) -> str | None:
    """The run of words before "(ACR)" that the acronym abbreviates, if any: the shortest
    opening with a capital ("Strategiska hälso- och sjukvårdsnämnden (SSN)", not just
    "sjukvårdsnämnden"), else the shortest ("idéburet offentligt partnerskap (IOP)")."""
    runs = [words[-size:] for size in range(1, min(len(words), MAX_WORDS) + 1)]
    spelled = [run for run in runs if _spells(run, acronym)]
    named = [run for run in spelled if run[0][:1].isupper()]
    chosen = (named or spelled)[:1]
    return _tokens(chosen[0]) if chosen else None


def _spells(words: list[str], acronym: str) -> bool:
    """Whether the acronym opens with the first word's initial and its letters follow in order."""
    if not words or words[0][:1].casefold() != acronym[:1].casefold():
        return False
    letters = iter("".join(words).casefold())
    return all(letter in letters for letter in acronym.casefold())


def aliases(text: str, groups: Iterable[tuple[str, ...]]) -> str:
    """The other forms of the abbreviations a text uses: "VGR" → "västra götalandsregionen",
    "Västra Götalandsregionen" → "vgr"; a name asked in either form is in the text."""
    words = " ".join(raw_tokens(text))
    found: list[str] = []
    for acronym, *expansions in groups:
        forms = [acronym, *expansions]
        if any(re.search(rf"(?<!\w){re.escape(form)}(?!\w)", words) for form in forms):
            found.extend(forms)
    return " ".join(found)
