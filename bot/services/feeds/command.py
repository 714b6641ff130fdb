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
        minutes = check_interval(interval)
    return AddRequest(
        url=urls[0],
        kind=kinds[0],
        include=values.get("include", ""),
        exclude=values.get("exclude", ""),
        interval_minutes=minutes,
    )


INTERVAL_MAX = 10_080  # minutes: a week, as SIGNBOT_FEED_INTERVAL_MINUTES allows
# "60", "60 min", "2 h", "2 timmar", "1 dygn", "1 day"
_INTERVAL = re.compile(
    r"^(\d{1,5})\s*(m|min|minut|minuter|minutes?|h|t|tim|timme|timmar|hours?|d|dag|dagar|"
    r"dygn|days?)?$"
)
_UNIT_MINUTES = {"h": 60, "t": 60, "tim": 60, "timme": 60, "timmar": 60, "hour": 60}
_UNIT_MINUTES |= {"hours": 60, "d": 1440, "dag": 1440, "dagar": 1440, "dygn": 1440}
_UNIT_MINUTES |= {"day": 1440, "days": 1440}


def check_interval(text: str) -> int:
    """Minutes between fetches: "60", "60 min", "2 h", "1 dygn" (1 minute to a week)."""
    found = _INTERVAL.match(" ".join(text.strip().lower().split()))
    if found is None:
        raise DomainError("feeds_add_bad_interval", limit=INTERVAL_MAX)
    minutes = int(found.group(1)) * _UNIT_MINUTES.get(found.group(2) or "", 1)
    if not 1 <= minutes <= INTERVAL_MAX:
        raise DomainError("feeds_add_bad_interval", limit=INTERVAL_MAX)
    return minutes
