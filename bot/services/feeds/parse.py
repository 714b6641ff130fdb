"""Parsing feed bytes with feedparser into sanitised, filterable items."""

from __future__ import annotations

import hashlib
import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import feedparser
import nh3

from bot.texts.clean import clean_json

# The HTML subset Telegram's parse_mode=HTML accepts (of what feeds commonly contain).
ALLOWED_TAGS = {"b", "strong", "i", "em", "u", "s", "a", "code", "pre", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}
MAX_KEY = 500
_BREAKS = re.compile(r"<br\s*/?>|</p\s*>|</li\s*>|</h[1-6]\s*>", re.IGNORECASE)
_BLANK_LINES = re.compile(r"\n{3,}")
# A numeric character reference to a code point no text may hold (NUL, a surrogate, past
# U+10FFFF) makes feedparser raise while encoding it instead of reporting a malformed feed.
_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")
_REPLACEMENT_REF = b"&#xFFFD;"


class FeedParseError(Exception):
    """The document is not a feed at all (nothing could be parsed from it)."""


@dataclass(frozen=True)
class ParsedItem:
    """One feed entry, ready to store: dedup key, plain title, sanitised summary."""

    dedup_key: str
    title: str
    link: str | None
    summary_html: str
    published_at: datetime | None

    def matches(self, include: list[str], exclude: list[str]) -> bool:
        """True if any include word (when given) and no exclude word occurs in title+summary."""
        text = f"{self.title}\n{nh3.clean(self.summary_html, tags=set())}".casefold()
        if include and not any(word.casefold() in text for word in include):
            return False
        return not any(word.casefold() in text for word in exclude)


@dataclass(frozen=True)
class ParsedFeed:
    """The items of one document and a warning when it was malformed but partly readable."""

    items: list[ParsedItem]
    warning: str | None


def split_words(words: str) -> list[str]:
    """The comma-separated words of a filter, trimmed, without empties."""
    return [word.strip() for word in words.split(",") if word.strip()]


def sanitise(html: str) -> str:
    """Reduce entry HTML to the tags Telegram accepts; scripts and event handlers go."""
    html = _BREAKS.sub("\n", html)
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
    )
    # Telegram knows only &lt; &gt; &amp; &quot; and numeric entities by name.
    clean = clean.replace("&nbsp;", "\u00a0")
    return _BLANK_LINES.sub("\n\n", clean).strip()


def _hash(*parts: str) -> str:
    return "sha256:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def dedup_key(entry_id: str, link: str, title: str, summary: str) -> str:
    """Entry id, else link, else a hash of title+link+summary; over-long keys are hashed."""
    key = entry_id.strip() or link.strip()
    if not key:
        return _hash(title.strip(), link.strip(), summary.strip())
    return key if len(key) <= MAX_KEY else _hash(key)


def _published(entry: Any) -> datetime | None:
    stamp: time.struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    return None if stamp is None else datetime(*stamp[:6], tzinfo=UTC)


def _item(entry: Any) -> ParsedItem:
    title = " ".join(str(entry.get("title", "")).split())
    link = str(entry.get("link", "")).strip()
    summary = str(entry.get("summary", ""))
    if not summary and entry.get("content"):
        summary = str(entry["content"][0].get("value", ""))
    return ParsedItem(
        dedup_key=dedup_key(str(entry.get("id", "")), link, title, summary),
        title=title[:500],
        link=link[:1000] or None,
        summary_html=sanitise(summary),
        published_at=_published(entry),
    )


def _safe_reference(found: re.Match[bytes]) -> bytes:
    hex_digits, decimal = found.groups()
    code = int(hex_digits, 16) if hex_digits else int(decimal)
    if code == 0 or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        return _REPLACEMENT_REF
    return found.group(0)


def parse_feed(body: bytes) -> ParsedFeed:
    """Parse a document from bytes (never from a URL: that would block the event loop)."""
    try:
        parsed = feedparser.parse(_CHAR_REF.sub(_safe_reference, body))
    except (UnicodeError, ValueError) as error:  # hostile bytes feedparser does not catch
        raise FeedParseError(f"not a feed: {type(error).__name__}") from error
    items = [_item(clean_json(entry)) for entry in parsed.entries]
    warning: str | None = None
    if parsed.bozo:
        reason = str(parsed.get("bozo_exception", "unknown error"))[:200]
        if not items and not parsed.get("version"):
            raise FeedParseError(f"not a feed: {reason}")
        warning = f"malformed feed, kept {len(items)} item(s): {reason}"
    return ParsedFeed(items, warning)
