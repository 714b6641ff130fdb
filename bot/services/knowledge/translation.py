"""English versions of the shipped documents: en/NAME.md beside NAME.md, mapped by anchor.

Every heading of a shipped document carries a stable key ("## Parterna {#parterna}"), and the
English file repeats it ("## The parties {#parterna}"). A passage's anchor is its section key
and its block number within the section, so each Swedish passage finds its English block
whatever order the sections are in; `mismatches` lists anything that does not pair up
(a missing or extra block, a differing figure, another number of sentences).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from bot.services.knowledge.splitter import ParsedDocument, parse_text
from bot.services.knowledge.trimming import units

ENGLISH_FOLDER = "en"
_GROUPED_DIGITS = re.compile(r"(?<=\d)[ ,.\u00a0\u202f](?=\d)")
_NUMBER = re.compile(r"\d+")


@dataclass(frozen=True)
class EnglishPassage:
    section: str
    text: str


@dataclass(frozen=True)
class EnglishDocument:
    title: str
    passages: list[EnglishPassage | None]  # one per Swedish passage, None when it has none


def english_path(swedish: Path) -> Path:
    """Where the English version of a shipped document lives."""
    return swedish.parent / ENGLISH_FOLDER / swedish.name


def read_english(swedish: Path) -> tuple[ParsedDocument, bytes] | None:
    """The English version of a document, unsplit, and its bytes; None when there is none."""
    path = english_path(swedish)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    return parse_text(path.stem, raw.decode("utf-8-sig"), "markdown", split=False), raw


def pair(swedish: ParsedDocument, english: ParsedDocument) -> EnglishDocument:
    """The English block of each Swedish passage (the pieces of a long block share it)."""
    blocks = {p.anchor: EnglishPassage(p.section, p.text) for p in english.passages}
    return EnglishDocument(english.title, [blocks.get(p.anchor) for p in swedish.passages])


def mismatches(swedish: ParsedDocument, english: ParsedDocument) -> list[str]:
    """Why the two versions do not pair up one to one (empty when they do)."""
    problems: list[str] = []
    sv = _blocks(swedish)
    en = _blocks(english)
    for anchor in sv.keys() - en.keys():
        problems.append(f"{anchor}: no English block")
    for anchor in en.keys() - sv.keys():
        problems.append(f"{anchor}: no Swedish block")
    for anchor in sorted(sv.keys() & en.keys()):
        missing = numbers(sv[anchor]) ^ numbers(en[anchor])
        if missing:
            problems.append(f"{anchor}: figures differ: {', '.join(sorted(missing))}")
        # Sentence for sentence, so an English answer keeps the sentences the Swedish one kept.
        counts = len(units(sv[anchor])), len(units(en[anchor]))
        if counts[0] != counts[1]:
            problems.append(f"{anchor}: {counts[0]} sentences in Swedish, {counts[1]} in English")
    duplicates = [p.anchor for p in english.passages]
    for anchor in {a for a in duplicates if duplicates.count(a) > 1}:
        problems.append(f"{anchor}: more than one English block")
    return sorted(problems)


def numbers(text: str) -> set[str]:
    """The figures of a text, grouping and decimal marks ignored (1 470 000 = 1,470,000)."""
    return set(_NUMBER.findall(_GROUPED_DIGITS.sub("", text)))


def _blocks(document: ParsedDocument) -> dict[str, str]:
    blocks: dict[str, str] = {}
    for passage in document.passages:
        blocks[passage.anchor] = (blocks.get(passage.anchor, "") + "\n" + passage.text).strip()
    return blocks
