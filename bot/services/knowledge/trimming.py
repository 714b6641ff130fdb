"""Trimming a passage to the sentences (or the list) that answer a question."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from bot.services.knowledge.analyzer import content_tokens, stem, word_list

LIMIT = 600
CONTEXT = 250  # an answer shorter than this takes the sentences around it too
_ITEM = re.compile(r"^\s*(?:[-*•–]|\d+[.)])\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'«(]?[A-ZÅÄÖ0-9])")
_ABBREVIATION = re.compile(
    r"\b(?:bl\.a|t\.ex|ca|resp|m\.fl|p\.g\.a|s\.k|inkl|exkl|nr|kap)\.$", re.I
)
# A sentence that opens like this leans on the one before it.
_ANAPHORA = frozenset(
    word_list(
        "den det de dessa detta denna där då dessutom därför därmed sedan även också han hon "
        "hen vilket samtidigt tillsammans"
    )
)

TermsOf = Callable[[str], frozenset[str]]
HoldsFact = Callable[[str], bool]  # whether a sentence holds the kind of fact asked for


def sentences(text: str) -> list[str]:
    """A paragraph split into sentences, keeping common abbreviations together."""
    pieces: list[str] = []
    for piece in _SENTENCE_END.split(" ".join(text.split())):
        if pieces and _ABBREVIATION.search(pieces[-1]):
            pieces[-1] += " " + piece
        else:
            pieces.append(piece)
    return [p for p in pieces if p]


def _is_list(lines: list[str]) -> bool:
    items = sum(1 for line in lines if _ITEM.match(line))
    return items >= 2 and items >= len(lines) - 2


_NUMBER = re.compile(
    r"\d|\b(?:två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|tjugo|hundra|tusen|miljon\w*"
    r"|tredjedel\w*|hälften|dussin)\b",
    re.I,
)


def _score(text: str, weights: Mapping[str, float], terms_of: TermsOf, quantity: bool) -> float:
    score = sum(weights.get(term, 0.0) for term in terms_of(text))
    if score and quantity and _NUMBER.search(text):
        score *= 1.5
    return score


def _cap(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:–-")
    return cut + " …"


def _trim_list(
    lines: list[str], weights: Mapping[str, float], terms_of: TermsOf, quantity: bool
) -> str:
    """A list trimmed to the lines the question is about, under the list's first sentence.

    A question for the figure of one or two lines ("Vad kostar kommunikationen?") gets those
    lines, amounts and all; a question about the list as a whole gets all of it.
    """
    intro = [line for line in lines if not _ITEM.match(line)][:1]
    items = [line for line in lines if _ITEM.match(line)]
    scores = [_score(line, weights, terms_of, quantity) for line in items]
    # The lines alone in holding a word of the question: "Kommunikation: 80 000 kr" for
    # "vad kostar kommunikationen?", both lines for "RÖS-mötena eller processledaren?". Words
    # that several lines share (kostnader, möten), the opening holds, or that a line holds
    # only inside a compound (civilsamhälle in civilsamhällesdata) pick no line. Only a
    # question for a figure is trimmed so: "vad ska göras …?" asks for the whole list.
    held = [frozenset(stem(token) for token in content_tokens(line)) for line in items]
    # Only an opening that introduces the list ("… tre utvecklingsområden:") speaks for it.
    opening = terms_of(intro[0]) if intro and intro[0].endswith(":") else frozenset()
    rare = {
        term
        for term, weight in weights.items()
        if weight and term not in opening and sum(term in h for h in held) == 1
    }
    specific = [line for line, terms in zip(items, held, strict=True) if not rare.isdisjoint(terms)]
    if quantity and specific and len(specific) <= max(2, len(items) // 2):
        first = sentences(intro[0])[:1] if intro else []
        lead = [first[0]] if first and len(first[0]) <= CONTEXT else []
        return _cap("\n".join(lead + specific), LIMIT)
    text = "\n".join(lines)
    if len(text) <= LIMIT:
        return text  # a list that answers as a whole is answered whole (the members …)
    hits = [line for line, score in zip(items, scores, strict=True) if score] or items
    kept: list[str] = []
    size = sum(len(line) + 1 for line in intro)
    for line in hits:
        if size + len(line) + 1 > LIMIT:
            break
        kept.append(line)
        size += len(line) + 1
    return _cap("\n".join(intro + kept), LIMIT)


def units(text: str) -> list[str]:
    """The sentences and list lines of a passage, in order: what trimming keeps or drops."""
    lines = [line.rstrip() for line in text.strip().splitlines() if line.strip()]
    return [s for line in lines for s in (sentences(line) if not _ITEM.match(line) else [line])]


def trim_like(text: str, original: str, trimmed: str) -> str | None:
    """A translation trimmed to the sentences the original's trimming kept, by position.

    None when the two do not have the same number of sentences and list lines.
    """
    theirs, ours = units(original), units(text)
    if len(theirs) != len(ours):
        return None
    kept: list[str] = []
    body, start = trimmed.removesuffix(" …"), 0
    for unit, translated in zip(theirs, ours, strict=True):
        found = body.find(unit, start)
        if found >= 0:
            kept.append(translated)
            start = found + len(unit)
    if not kept:
        return None
    separator = "\n" if any(_ITEM.match(unit) for unit in kept) else " "
    return _cap(separator.join(kept), LIMIT)


def trim(
    text: str,
    weights: Mapping[str, float],
    terms_of: TermsOf,
    *,
    quantity: bool = False,
    holds_fact: HoldsFact | None = None,
) -> str:
    """The sentences of a passage that carry the question's terms, at most ~600 characters.

    A sentence that names something asked about and holds the kind of fact asked for (a
    figure for "hur många", a season for "när") is kept even when others name more.
    """
    lines = [line.rstrip() for line in text.strip().splitlines() if line.strip()]
    if not lines:
        return text.strip() or text
    if _is_list(lines):
        return _trim_list(lines, weights, terms_of, quantity)
    units = [s for line in lines for s in (sentences(line) if not _ITEM.match(line) else [line])]
    scores = [_score(unit, weights, terms_of, quantity) for unit in units]
    best = max(range(len(units)), key=lambda i: scores[i])
    if scores[best] == 0:
        chosen = set(range(len(units)))  # matched through its heading: the passage opens it
    else:
        chosen = {best} | {i for i, s in enumerate(scores) if s >= 0.6 * scores[best]}
        if holds_fact is not None:
            chosen |= {i for i, s in enumerate(scores) if s and holds_fact(units[i])}
    for index in sorted(chosen):
        first = units[index].split(" ", 1)[0].lower().strip("\"'«(,")
        if index > 0 and first in _ANAPHORA:
            chosen.add(index - 1)
    missing = sorted(set(range(len(units))) - chosen, key=lambda i: (i < best, abs(i - best)))
    for index in missing:
        if sum(len(units[i]) + 1 for i in chosen) >= CONTEXT:
            break
        chosen.add(index)
    kept: list[str] = []
    size = 0
    for index in sorted(chosen, key=lambda i: (i != best, -scores[i], i)):
        if kept and size + len(units[index]) + 1 > LIMIT:
            continue
        kept.append(units[index])
        size += len(units[index]) + 1
    ordered = sorted(kept, key=units.index)
    separator = "\n" if any(_ITEM.match(unit) for unit in ordered) else " "
    return _cap(separator.join(ordered), LIMIT)
