"""`signbot feeds add|list|remove|poll` against real feed documents over HTTP."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from bot.db import Database
from bot.entrypoints.cli import app
from bot.models import Campaign, Feed, FeedItem, FundingCall
from tests.unit.conftest import prepare_cli_database
from tests.unit.feed_server import FeedServer, atom, feed_server_in_thread, rss

runner = CliRunner()
ONE = ("g1", "Bidrag till kultur", "https://example.org/1", "<p>Sök <b>nu</b></p>")
TWO = ("g2", "Bidrag till idrott", "https://example.org/2", "Öppen utlysning")


@pytest.fixture
def database(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    monkeypatch.setenv("SIGNBOT_FEED_INTERVAL_MINUTES", "45")
    return prepare_cli_database(monkeypatch, tmp_path)


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with feed_server_in_thread() as running:
        yield running


async def _counts(url: str) -> tuple[int, int, int, list[Feed]]:
    db = Database(url)
    async with db.session() as session:
        items = await session.scalar(select(func.count()).select_from(FeedItem))
        made = await session.scalar(select(func.count()).select_from(FundingCall))
        campaigns = await session.scalar(select(func.count()).select_from(Campaign))
        feeds = list(await session.scalars(select(Feed).order_by(Feed.id)))
    await db.dispose()
    return int(items or 0), int(made or 0), int(campaigns or 0), feeds


def _run(*args: str) -> tuple[int, str]:
    """Exit code and stdout, or stderr when the command failed (logs also go to stderr)."""
    result = runner.invoke(app, ["feeds", *args])
    shown = result.stdout if result.exit_code == 0 else result.stderr
    return result.exit_code, shown.strip()


def test_add_list_poll_and_remove(database: str, server: FeedServer) -> None:
    server.document("/calls", rss(ONE, TWO, published=datetime.now(UTC)), etag='"v1"')
    today = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    server.document("/news", atom(("urn:n1", "Nyhet", "https://e.org/n1", "Text"), updated=today))
    server.status("/down", 503)

    assert _run("add", server.url("/calls"), "--kind", "funding", "--include", "bidrag") == (
        0,
        "Feed 1 added.",
    )
    assert _run("add", server.url("/news"), "--kind", "NEWS", "--interval", "10")[0] == 0
    assert _run("add", server.url("/down"), "--kind", "news")[0] == 0
    *_, feeds = asyncio.run(_counts(database))
    assert [f.interval_seconds for f in feeds] == [45 * 60, 10 * 60, 45 * 60]

    code, output = _run("poll")
    assert code == 0
    assert output.splitlines() == [
        f"Feed 1 ({server.url('/calls')}): 2 new item(s); 2 new call(s).",
        f"Feed 2 ({server.url('/news')}): 1 new item(s).",
        f"Feed 3 ({server.url('/down')}): the feed could not be fetched: the server has "
        "problems right now (HTTP status 503) (failing, 1 in a row).",
    ]
    assert _run("poll", "1") == (0, f"Feed 1 ({server.url('/calls')}): not modified.")
    assert asyncio.run(_counts(database))[:3] == (3, 2, 2)

    code, listing = _run("list")
    lines = listing.splitlines()
    assert code == 0
    assert lines[0].split()[:3] == ["1", "funding", "ok"]
    assert "2 items" in lines[0] and server.url("/calls") in lines[0]
    assert lines[1].strip() == "include: bidrag; exclude: -"
    assert "failing (1)" in listing
    assert "last error: the feed could not be fetched: the server has problems" in listing
    assert "Service Unavailable" not in listing  # the technical detail only on request
    assert "detail: HTTP 503 Service Unavailable" in _run("list", "--details")[1]
    assert " CET " in lines[0]  # next poll in Stockholm time (March 2025: winter time)

    assert _run("remove", "3") == (0, "Feed 3 removed.")
    assert _run("remove", "3") == (2, "There is no feed number 3.")
    assert _run("poll", "3") == (2, "There is no feed number 3.")


def test_bad_input_is_one_line_and_stores_nothing(database: str) -> None:
    assert _run("add", "ftp://e.org/rss", "--kind", "news") == (
        2,
        "The address “ftp://e.org/rss” cannot be used. Give an http or https address.",
    )
    assert _run("add", "https://e.org/rss", "--kind", "weather") == (
        2,
        "Unknown kind of feed: weather. Choose funding or news.",
    )
    assert _run("list") == (0, "No feeds yet.")
    assert _run("poll") == (0, "No feeds yet.")


def test_poll_ends_at_the_configured_deadline_even_when_the_server_trickles(
    database: str, server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SIGNBOT_FEED_DEADLINE_SECONDS", "1")
    server.trickle("/slow", rss(ONE), every=0.05)  # ~400 bytes: 20 s at this pace
    assert _run("add", server.url("/slow"), "--kind", "funding")[0] == 0
    started = time.monotonic()

    code, output = _run("poll", "--details")

    assert time.monotonic() - started < 5
    assert (code, output.splitlines()) == (
        0,
        [
            f"Feed 1 ({server.url('/slow')}): the feed did not answer in time "
            "(failing, 1 in a row).",
            "      detail: no complete answer within 1 s",
        ],
    )


def test_a_wrong_feed_setting_is_one_line_naming_it(
    database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SIGNBOT_FEED_MAX_ANNOUNCED", "many")

    code, output = _run("list")

    assert code != 0
    assert output.startswith("Invalid setting SIGNBOT_FEED_MAX_ANNOUNCED:")
    assert "\n" not in output
