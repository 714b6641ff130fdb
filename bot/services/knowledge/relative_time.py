"""Relative time in questions ("i år", "förra året", "i höstas") as the years they mean.

Resolved against today's date in Stockholm, so that "förra året" asked in 2025 finds the
passages about 2024. Works on the question's text before matching; missing diacritics
("forra aret", "i ar") are read too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

# Phrase → years from today.
_YEARS: dict[str, int] = {
    "i år": 0,
    "iår": 0,
    "detta år": 0,
    "det här året": 0,
    "nästa år": 1,
    "nästa året": 1,
    "nästkommande år": 1,
    "förra året": -1,
    "förra år": -1,
    "i fjol": -1,
    "ifjol": -1,
    "förrförra året": -2,
}
# Past seasons: the last one that has begun (the month it begins in).
_PAST_SEASONS: dict[str, tuple[str, int]] = {
    "i våras": ("våren", 3),
    "i somras": ("sommaren", 6),
    "i höstas": ("hösten", 9),
}
_COMING_SEASONS: dict[str, str] = {"i höst": "hösten", "i sommar": "sommaren"}
_LETTERS = {"å": "[aå]", "ä": "[aä]", "ö": "[oö]", " ": r"\s+"}


def _pattern(phrase: str) -> str:
    return "".join(_LETTERS.get(char, re.escape(char)) for char in phrase)


_PHRASES = sorted((*_YEARS, *_PAST_SEASONS, *_COMING_SEASONS), key=len, reverse=True)
_RELATIVE = re.compile(
    r"(?<!\w)(" + "|".join(f"(?P<p{n}>{_pattern(p)})" for n, p in enumerate(_PHRASES)) + r")(?!\w)",
    re.IGNORECASE,
)


def resolve(text: str, today: date) -> str:
    """The text with relative years and seasons replaced by absolute ones."""
    return _RELATIVE.sub(_replacer(today), text)


def _replacer(today: date) -> Callable[[re.Match[str]], str]:
    def replace(match: re.Match[str]) -> str:
        name = next(key for key, value in match.groupdict().items() if value is not None)
        return _absolute(_PHRASES[int(name[1:])], today)

    return replace


def _absolute(phrase: str, today: date) -> str:
    if phrase in _YEARS:
        return str(today.year + _YEARS[phrase])
    if phrase in _PAST_SEASONS:
        season, begins = _PAST_SEASONS[phrase]
        return f"{season} {today.year if today.month >= begins else today.year - 1}"
    return f"{_COMING_SEASONS[phrase]} {today.year}"
