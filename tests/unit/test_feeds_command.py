"""What staff type after `/feeds add`: forgiving order, words and labels; clear refusals."""

from __future__ import annotations

import pytest

from bot.errors import DomainError
from bot.services.feeds import AddRequest, parse_add


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("https://e.org/rss funding", AddRequest("https://e.org/rss", "funding")),
        ("nyheter https://e.org/rss", AddRequest("https://e.org/rss", "news")),
        ("www.e.org/rss Utlysningar", AddRequest("https://www.e.org/rss", "funding")),
        (
            "https://e.org/rss funding include: kultur, idrott exclude: avslutad",
            AddRequest(
                "https://e.org/rss", "funding", include="kultur, idrott", exclude="avslutad"
            ),
        ),
        (
            "https://e.org/rss news  Exclude=sport,  include : unga , interval: 60",
            AddRequest(
                "https://e.org/rss", "news", include="unga", exclude="sport", interval_minutes=60
            ),
        ),
        (
            "https://e.org/med:x news med: unga utan: vuxna intervall: 15 min",
            AddRequest("https://e.org/med:x", "news", "unga", "vuxna", 15),
        ),
    ],
)
def test_forgiving_add_syntax(typed: str, expected: AddRequest) -> None:
    assert parse_add(typed) == expected


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "https://e.org/rss",
        "funding",
        "https://e.org/rss weather",
        "https://e.org/rss https://e.org/other funding",
        "https://e.org/rss funding news",
        "https://e.org/rss funding interval: often",
    ],
)
def test_what_does_not_fit_gets_the_usage(typed: str) -> None:
    with pytest.raises(DomainError) as refused:
        parse_add(typed)
    assert refused.value.key == "feeds_add_usage"
