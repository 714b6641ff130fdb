"""Relative time in questions ("i år", "förra året", "i höstas") as the years they mean.

Resolved against today's date in Stockholm, so that "förra året" asked in 2025 finds the
passages about 2024. Works on tokens (after spelling), before matching.
"""

from __future__ import annotations

from datetime import date

# Phrase → (years from now, season word or ""); a season "i höstas" lies in the past.
_YEARS: dict[tuple[str, ...], int] = {
    ("i", "år"): 0,
    ("iår",): 0,
    ("detta", "år"): 0,
    ("det", "här", "året"): 0,
    ("nästa", "år"): 1,
    ("nästa", "året"): 1,
    ("nästkommande", "år"): 1,
    ("förra", "året"): -1,
    ("förra", "år"): -1,
    ("i", "fjol"): -1,
    ("ifjol",): -1,
    ("förrförra", "året"): -2,
}
# Past seasons: the last one that has begun (months it begins in).
_PAST_SEASONS: dict[tuple[str, ...], tuple[str, int]] = {
    ("i", "våras"): ("våren", 3),
    ("i", "somras"): ("sommaren", 6),
    ("i", "höstas"): ("hösten", 9),
}
_COMING_SEASONS: dict[tuple[str, ...], str] = {
    ("i", "höst"): "hösten",
    ("i", "sommar"): "sommaren",
}
WORDS = frozenset(word for phrase in (*_YEARS, *_PAST_SEASONS, *_COMING_SEASONS) for word in phrase)
_LONGEST = 3


def resolve(tokens: list[str], today: date) -> list[str]:
    """The tokens with relative years and seasons replaced by absolute ones."""
    result: list[str] = []
    index = 0
    while index < len(tokens):
        for size in range(min(_LONGEST, len(tokens) - index), 0, -1):
            words = _resolve(tuple(tokens[index : index + size]), today)
            if words is not None:
                result.extend(words)
                index += size
                break
        else:
            result.append(tokens[index])
            index += 1
    return result


def _resolve(phrase: tuple[str, ...], today: date) -> list[str] | None:
    if phrase in _YEARS:
        return [str(today.year + _YEARS[phrase])]
    if phrase in _PAST_SEASONS:
        season, begins = _PAST_SEASONS[phrase]
        year = today.year if today.month >= begins else today.year - 1
        return [season, str(year)]
    if phrase in _COMING_SEASONS:
        return [_COMING_SEASONS[phrase], str(today.year)]
    return None
