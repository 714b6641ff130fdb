"""What staff type after `/feeds add`: an address, a kind, and optional labelled filters.

Forgiving on purpose: the address and kind in either order, Swedish or English words,
labels with ":" or "=", any case, e.g.
``https://vgregion.se/rss utlysningar include: kultur, idrott exclude: avslutad interval: 60``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.errors import DomainError

KIND_WORDS = {
    "funding": "funding",
    "utlysning": "funding",
    "utlysningar": "funding",
    "news": "news",
    "nyhet": "news",
    "nyheter": "news",
}
LABELS = {
    "include": "include",
    "inkludera": "include",
    "med": "include",
    "exclude": "exclude",
    "exkludera": "exclude",
    "utan": "exclude",
    "interval": "interval",
    "intervall": "interval",
}
# A label only at the start of a word, so "med:" inside an address is not one.
_LABEL = re.compile(r"(?<!\S)(" + "|".join(LABELS) + r")\s*[:=]", re.IGNORECASE)


@dataclass(frozen=True)
class AddRequest:
    """A parsed `/feeds add`: the add_feed arguments, interval in minutes if given."""

    url: str
    kind: str
    include: str = ""
    exclude: str = ""
    interval_minutes: int | None = None


def _labelled(text: str) -> tuple[str, dict[str, str]]:
    """The text before the first label, and each label's value (up to the next label)."""
    found = list(_LABEL.finditer(text))
    head = text[: found[0].start()] if found else text
    values: dict[str, str] = {}
    for index, match in enumerate(found):
        end = found[index + 1].start() if index + 1 < len(found) else len(text)
        values[LABELS[match.group(1).lower()]] = text[match.end() : end].strip(" \t\n,;")
    return head, values


def parse_add(text: str) -> AddRequest:
    """Parse the words after `/feeds add`; DomainError feeds_add_usage when they don't fit."""
    head, values = _labelled(text)
    urls: list[str] = []
    kinds: list[str] = []
    for word in head.replace(",", " ").split():
        lowered = word.lower()
        if lowered in KIND_WORDS:
            kinds.append(KIND_WORDS[lowered])
        elif "://" in word:
            urls.append(word)
        elif lowered.startswith("www."):
            urls.append(f"https://{word}")
        else:
            raise DomainError("feeds_add_usage")
    if len(urls) != 1 or len(kinds) != 1:
        raise DomainError("feeds_add_usage")
    interval = values.get("interval")
    minutes = None
    if interval is not None:
        digits = interval.lower().removesuffix("min").strip()
        if not digits.isdigit():
            raise DomainError("feeds_add_usage")
        minutes = int(digits)
    return AddRequest(
        url=urls[0],
        kind=kinds[0],
        include=values.get("include", ""),
        exclude=values.get("exclude", ""),
        interval_minutes=minutes,
    )
