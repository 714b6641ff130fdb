"""What staff type after `/feeds add`: forgiving order, words and labels; clear refusals."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.services.feeds import AddRequest, add_feed, answers, command, parse_add
from tests.conftest import FakeClock


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
    ],
)
def test_what_does_not_fit_gets_the_usage(typed: str) -> None:
    with pytest.raises(DomainError) as refused:
        parse_add(typed)
    assert refused.value.key == "feeds_add_usage"


@pytest.mark.parametrize("interval", ["often", "99999999999999999999", "0", "-5", "²"])
def test_a_typed_interval_out_of_range_is_explained_not_overflowed(interval: str) -> None:
    with pytest.raises(DomainError) as refused:
        parse_add(f"https://e.org/rss funding interval: {interval}")
    assert refused.value.key == "feeds_add_bad_interval"


@pytest.mark.parametrize(
    ("typed", "minutes"),
    [
        ("60", 60),
        ("15 min", 15),
        ("2 h", 120),
        ("3 timmar", 180),
        ("1 dygn", 1440),
        ("2 days", 2880),
    ],
)
def test_an_interval_can_be_typed_as_people_say_it(typed: str, minutes: int) -> None:
    assert command.check_interval(typed) == minutes


@pytest.mark.parametrize("typed", ["", "ofta", "0", "-5", "8 dygn", "10081", "1.5 h", "²"])
def test_an_interval_outside_a_minute_to_a_week_is_asked_again(typed: str) -> None:
    with pytest.raises(DomainError) as refused:
        command.check_interval(typed)
    assert refused.value.key == "feeds_add_bad_interval"


async def test_an_address_gets_https_when_left_out_and_nonsense_or_a_taken_one_is_refused(
    session: AsyncSession, clock: FakeClock
) -> None:
    assert await answers.check_address(session, " www.e.org/rss ") == "https://www.e.org/rss"
    assert await answers.check_address(session, "e.org/rss") == "https://e.org/rss"
    await add_feed(session, "https://e.org/rss", kind="news", clock=clock)
    for typed in ("https://e.org/rss", "min favoritsida", "ftp://e.org/rss", "http://[x", ""):
        with pytest.raises(DomainError) as refused:
            await answers.check_address(session, typed)
        assert refused.value.key in ("feeds_exists", "feeds_bad_url")
    assert [answers.check_kind(word) for word in ("Utlysningar", "news", " nyheter ")] == [
        "funding",
        "news",
        "news",
    ]
    with pytest.raises(DomainError):
        answers.check_kind("väder")
