"""Text that PostgreSQL can store: NUL characters removed, lone surrogates replaced.

PostgreSQL's text type refuses U+0000 and cannot encode a lone UTF-16 surrogate (a JSON "\\ud800",
or a byte that was not UTF-8 read with surrogateescape); one such row in a batch fails the whole
batch. Every place outside text enters (Telegram updates, documents, CSV and spec files, feeds)
passes it through here.
"""

from __future__ import annotations

import re
from typing import Any

_NUL = "\x00"
_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def clean_text(text: str) -> str:
    """The text without NUL characters, a lone surrogate shown as the replacement character."""
    if _NUL in text:
        text = text.replace(_NUL, "")
    return _SURROGATE.sub(REPLACEMENT, text)


def needs_cleaning(text: str) -> bool:
    """Whether clean_text would change the text."""
    return _NUL in text or _SURROGATE.search(text) is not None


def clean_json(value: Any) -> Any:
    """A JSON-like value (dicts, lists, strings) with every string, key included, cleaned."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_json(key): clean_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [clean_json(item) for item in value]
    return value
