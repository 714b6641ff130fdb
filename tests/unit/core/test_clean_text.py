"""Every way outside text enters (documents, CSV and spec files, feeds) drops what PostgreSQL refuses.

PostgreSQL's text type refuses NUL (U+0000) and cannot encode a lone surrogate; one such value in
a batched write failed the whole batch. Telegram updates are cleaned too (tests/e2e).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, is_dataclass
from typing import Any

import pytest

from bot.services.feeds.parse import parse_feed
from bot.services.forms.spec_file import parse as parse_form
from bot.services.knowledge.faq_file import parse_faq_csv
from bot.services.knowledge.splitter import parse_text
from bot.services.org_import import parse as parse_register
from bot.texts.clean import REPLACEMENT, clean_json, clean_text
from bot.timeutil import STOCKHOLM

NUL = "\x00"
LONE = "\ud800"

RSS = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item>'
    "<title>Ny&#0; utlysning \x00</title><description>Läs&#0; mer</description>"
    "<link>https://example.org/1</link></item></channel></rss>"
)
# TOML refuses a raw NUL or surrogate, but its "\\u0000" escape reads as NUL.
FORM = """
title = "Enkät \\u0000"
audience = "contacts"
[[questions]]
key = "q"
kind = "choice"
text = "Fråga\\u0000"
options = ["Ja\\u0000", "Nej"]
"""

EDGES: dict[str, Callable[[], Any]] = {
    "markdown document": lambda: parse_text(
        "d", f"# Titel{NUL}\n\nText {NUL}med {LONE}.", "markdown"
    ),
    "text document": lambda: parse_text("d", f"Rubrik{NUL}\n\nText {NUL}med {LONE}.", "text"),
    "faq csv": lambda: parse_faq_csv("f.csv", f"questions,answer\nFråga{NUL}?,Så {LONE}här\n"),
    "register csv": lambda: parse_register(f"namn\nFörening{NUL} {LONE}\n"),
    "feed": lambda: parse_feed(RSS.encode()),
    "form spec": lambda: parse_form(FORM, tz=STOCKHOLM),
}


def _strings(value: Any) -> list[str]:
    if is_dataclass(value) and not isinstance(value, type):
        return _strings(asdict(value))
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in _strings(key) + _strings(item)]
    if isinstance(value, list | tuple):
        return [s for item in value for s in _strings(item)]
    return []


@pytest.mark.parametrize("edge", list(EDGES))
def test_text_entering_the_bot_carries_no_nul_or_lone_surrogate(edge: str) -> None:
    strings = _strings(EDGES[edge]())
    assert strings, "the edge returned no text to check"
    assert not [s for s in strings if NUL in s or LONE in s]


def test_clean_text_and_clean_json() -> None:
    assert clean_text(f"a{NUL}b{LONE}c 😀") == f"ab{REPLACEMENT}c 😀"
    assert clean_json({f"k{NUL}": [f"v{NUL}", 1, None, {"x": LONE}]}) == {
        "k": ["v", 1, None, {"x": REPLACEMENT}]
    }
