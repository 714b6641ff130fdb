"""The register of signatory organisations: lookup and forgiving name search."""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.models import Organisation

_EXTRA_FOLDS = str.maketrans({"ø": "o", "æ": "ae", "ł": "l", "đ": "d"})
# Swedish alphabetical order puts å, ä, ö after z; the code points beyond "z" keep that order.
_SWEDISH_ORDER = str.maketrans({"å": "{", "ä": "|", "æ": "|", "ö": "}", "ø": "}"})
_WORD = re.compile(r"\w+")
MIN_SCORE = 0.55


def fold(text: str) -> str:
    """Lower-case text without diacritics, for comparing typed names: 'Sjuhärad' → 'sjuharad'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_EXTRA_FOLDS))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def sort_key(name: str) -> str:
    """A key that sorts names in Swedish alphabetical order (å, ä, ö last)."""
    return fold(name.casefold().translate(_SWEDISH_ORDER))


@lru_cache(maxsize=4096)
def _name_words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(text)))


def _words(text: str) -> list[str]:
    return list(_name_words(text))


def _word_score(typed: str, word: str) -> float:
    """How well one typed word matches one word of a name, from 0 to 1."""
    if typed == word:
        return 1.0
    if word.startswith(typed):  # a partial word: "kors" → "korset"
        return 0.6 + 0.35 * len(typed) / len(word)
    if len(word) >= 3 and typed.startswith(word):  # an inflected word: "viskadalens" → "viskadalen"
        return 0.9 * len(word) / len(typed)
    if len(typed) >= 3 and typed in word:  # part of a compound: "skola" → "folkhögskola"
        return 0.5 + 0.3 * len(typed) / len(word)
    if len(typed) >= 4:  # a typo: "vuxenskolen" → "vuxenskolan"
        matcher = SequenceMatcher(None, typed, word)
        # The quick upper bounds first: most word pairs are nothing alike.
        if matcher.real_quick_ratio() >= 0.75 and matcher.quick_ratio() >= 0.75:
            ratio = matcher.ratio()
            if ratio >= 0.75:
                return 0.8 * ratio
    return 0.0


def _score(typed: list[str], joined: str, words: list[str], pairs: _Pairs) -> tuple[float, float]:
    """The match score of a name (every typed word counts, in any order) and its coverage."""
    if not words:
        return 0.0, 0.0
    if typed == words:
        return 2.0, 1.0
    scores = [[pairs.score(word, candidate) for candidate in words] for word in typed]
    score = sum(max(row) for row in scores) / len(typed)
    if len(joined) >= 4 and joined in "".join(words) and not any(joined in word for word in words):
        score = max(score, 0.8) + 0.1  # whole words in the name's order, or "rödakorset"
    matched = sum(1 for column in zip(*scores, strict=True) if max(column) >= 0.6)
    return score, matched / len(words)


class _Pairs:
    """Word scores remembered during one search: names share many words ("förening")."""

    def __init__(self) -> None:
        self.known: dict[tuple[str, str], float] = {}

    def score(self, typed: str, word: str) -> float:
        key = (typed, word)
        if key not in self.known:
            self.known[key] = _word_score(typed, word)
        return self.known[key]


def rank(query: str, names: list[str]) -> list[tuple[float, str]]:
    """Names matching a typed query, best first, with their scores."""
    typed = _words(query)
    if not typed:
        return []
    joined = "".join(typed)
    pairs = _Pairs()
    scored = []
    for name in names:
        score, coverage = _score(typed, joined, _words(name), pairs)
        if score >= MIN_SCORE:
            scored.append((score, coverage, name))
    scored.sort(key=lambda item: (-item[0], -item[1], len(item[2]), sort_key(item[2])))
    return [(score, name) for score, _, name in scored]


async def search(session: AsyncSession, query: str, *, limit: int = 8) -> list[Organisation]:
    """Organisations whose name matches what a user typed, best matches first."""
    if not query.strip():
        return []
    # A few hundred names: ranking in Python beats teaching SQL about diacritics and typos.
    organisations = await list_all(session)
    by_name = {org.name: org for org in organisations}
    return [by_name[name] for _, name in rank(query, list(by_name))[:limit]]


async def get(session: AsyncSession, org_id: int) -> Organisation:
    """The organisation with this id."""
    organisation = await session.get(Organisation, org_id)
    if organisation is None:
        raise DomainError("org_not_found")
    return organisation


async def find_by_name(session: AsyncSession, name: str) -> Organisation:
    """The organisation with exactly this name, ignoring case and extra spaces."""
    wanted = " ".join(name.split()).casefold()
    # Compared in Python: SQLite's lower() only folds ASCII, so "Ö" would not match "ö".
    for organisation in await list_all(session):
        if " ".join(organisation.name.split()).casefold() == wanted:
            return organisation
    raise DomainError("org_not_found", name=name)


async def list_all(session: AsyncSession) -> list[Organisation]:
    """All organisations in Swedish alphabetical order."""
    organisations = list((await session.scalars(select(Organisation))).all())
    organisations.sort(key=lambda org: sort_key(org.name))
    return organisations
