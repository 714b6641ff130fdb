"""Polling feeds into the database: once-only items, validators, redirects, backoff."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.models import Feed, FeedItem
from bot.services.feeds import add_feed, due_feeds, list_feeds, poll_feed, remove_feed
from bot.services.feeds.poller import FAILURES_BEFORE_DISABLE, MAX_BACKOFF
from tests.conftest import FakeClock
from tests.unit.feed_server import FeedServer, rss, running_feed_server

ONE = ("g1", "Bidrag till kultur", "https://example.org/1", "<p>Sök <b>nu</b></p>")
TWO = ("g2", "Bidrag till idrott", "https://example.org/2", "Öppen utlysning")
THREE = ("g3", "Kultur för unga", "https://example.org/3", "<script>x()</script>Ny")


@pytest.fixture
async def server() -> AsyncIterator[FeedServer]:
    async with running_feed_server() as running:
        yield running


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient() as http:
        yield http


async def _count_items(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(FeedItem)) or 0)


async def test_new_items_are_stored_once_even_when_reordered_or_redated(
    session: AsyncSession, server: FeedServer, client: httpx.AsyncClient, clock: FakeClock
) -> None:
    server.document("/feed", rss(ONE, TWO))
    feed = await add_feed(session, server.url("/feed"), kind="funding", clock=clock)

    first = await poll_feed(session, feed, client, clock=clock)
    redated = rss(THREE, TWO, ONE).replace(b"Mon, 10 Mar 2025", b"Tue, 11 Mar 2025")
    server.document("/feed", redated)
    clock.advance(minutes=30)
    second = await poll_feed(session, feed, client, clock=clock)
    third = await poll_feed(session, feed, client, clock=clock)
    await session.commit()

    assert [item.dedup_key for item in first.new_items] == ["g1", "g2"]
    assert [item.dedup_key for item in second.new_items] == ["g3"]
    assert third.new_items == []
    assert await _count_items(session) == 3
    assert second.new_items[0].summary_html == "Ny"
    assert not second.new_items[0].announced
    assert feed.next_poll_at == clock.now + timedelta(seconds=1800)


async def test_a_304_stores_nothing_and_keeps_the_etag(
    session: AsyncSession, server: FeedServer, client: httpx.AsyncClient, clock: FakeClock
) -> None:
    server.document("/feed", rss(ONE), etag='"abc"')
    feed = await add_feed(session, server.url("/feed"), kind="news", clock=clock)

    await poll_feed(session, feed, client, clock=clock)
    again = await poll_feed(session, feed, client, clock=clock)

    assert again.not_modified
    assert again.new_items == []
    assert feed.etag == '"abc"'
    assert server.requests[-1].headers["If-None-Match"] == '"abc"'


async def test_a_permanent_redirect_updates_the_stored_url(
    session: AsyncSession, server: FeedServer, client: httpx.AsyncClient, clock: FakeClock
) -> None:
    server.document("/new", rss(ONE))
    server.redirect("/old", "/new", status=301)
    feed = await add_feed(session, server.url("/old"), kind="news", clock=clock)

    result = await poll_feed(session, feed, client, clock=clock)

    assert len(result.new_items) == 1
    assert feed.url == server.url("/new")


async def test_include_and_exclude_words_filter_items(
    session: AsyncSession, server: FeedServer, client: httpx.AsyncClient, clock: FakeClock
) -> None:
    server.document("/feed", rss(ONE, TWO, THREE))
    feed = await add_feed(
        session, server.url("/feed"), kind="funding", include="KULTUR", exclude="unga", clock=clock
    )

    result = await poll_feed(session, feed, client, clock=clock)

    assert [item.dedup_key for item in result.new_items] == ["g1"]


async def test_a_malformed_feed_keeps_its_items_and_warns(
    session: AsyncSession, server: FeedServer, client: httpx.AsyncClient, clock: FakeClock
) -> None:
    broken = rss(ONE, TWO).replace(b"</channel></rss>", b"<item><title>Tre & </channel>")
    server.document("/feed", broken)
    feed = await add_feed(session, server.url("/feed"), kind="news", clock=clock)

    result = await poll_feed(session, feed, client, clock=clock)

    assert {item.dedup_key for item in result.new_items} >= {"g1", "g2"}
    assert result.warning is not None
    assert feed.failures == 0


async def test_failures_back_off_disable_and_recover(
    session: AsyncSession, server: FeedServer, client: httpx.AsyncClient, clock: FakeClock
) -> None:
    server.status("/feed", 503)
    feed = await add_feed(session, server.url("/feed"), kind="funding", clock=clock)
    waits = []
    disabled_at = []

    for attempt in range(1, FAILURES_BEFORE_DISABLE + 2):
        result = await poll_feed(session, feed, client, clock=clock)
        waits.append(feed.next_poll_at - clock.now)
        if result.disabled_now:
            disabled_at.append(attempt)
        clock.now = feed.next_poll_at

    assert waits[:4] == [timedelta(minutes=m) for m in (30, 60, 120, 240)]
    assert max(waits) == MAX_BACKOFF
    assert disabled_at == [FAILURES_BEFORE_DISABLE]
    assert feed.disabled
    assert (feed.error_kind, feed.error_status) == ("http", 503)
    assert feed.last_error == "HTTP 503 Service Unavailable"  # for operators, not shown in chats
    assert [f.id for f in await due_feeds(session, clock=clock)] == [feed.id]

    server.document("/feed", rss(ONE))
    result = await poll_feed(session, feed, client, clock=clock)

    assert result.recovered
    assert (feed.failures, feed.disabled, feed.error_kind, feed.last_error) == (
        0,
        False,
        None,
        None,
    )
    assert len(result.new_items) == 1


async def test_due_feeds_follow_next_poll_times(
    session: AsyncSession, server: FeedServer, client: httpx.AsyncClient, clock: FakeClock
) -> None:
    server.document("/a", rss(ONE))
    a = await add_feed(session, server.url("/a"), kind="news", clock=clock)
    b = await add_feed(session, server.url("/b"), kind="news", interval_seconds=600, clock=clock)

    assert [f.id for f in await due_feeds(session, clock=clock)] == [a.id, b.id]
    await poll_feed(session, a, client, clock=clock)
    assert [f.id for f in await due_feeds(session, clock=clock)] == [b.id]
    clock.advance(minutes=30)
    assert [f.id for f in await due_feeds(session, clock=clock)] == [b.id, a.id]


async def test_add_list_and_remove_feeds(session: AsyncSession, clock: FakeClock) -> None:
    feed = await add_feed(
        session,
        " https://example.org/rss ",
        kind="funding",
        include=" kultur, ,unga",
        clock=clock,
    )
    await session.commit()
    feed_id = feed.id

    assert feed.url == "https://example.org/rss"
    assert feed.include_words == "kultur, unga"
    assert [f.url for f in await list_feeds(session)] == ["https://example.org/rss"]

    with pytest.raises(DomainError) as exists:
        await add_feed(session, "https://example.org/rss", kind="news", clock=clock)
    assert exists.value.key == "feeds_exists"
    for url, kind, key in [
        ("ftp://example.org/rss", "news", "feeds_bad_url"),
        ("not a url", "news", "feeds_bad_url"),
        ("https://example.org/x", "weather", "feeds_bad_kind"),
    ]:
        with pytest.raises(DomainError) as bad:
            await add_feed(session, url, kind=kind, clock=clock)
        assert bad.value.key == key
    with pytest.raises(DomainError) as interval:
        await add_feed(session, "https://e.org/x", kind="news", interval_seconds=5, clock=clock)
    assert interval.value.key == "feeds_bad_interval"

    await remove_feed(session, feed_id)
    await session.commit()
    assert await list_feeds(session) == []
    with pytest.raises(DomainError) as missing:
        await remove_feed(session, feed_id)
    assert missing.value.key == "feeds_not_found"


async def test_removing_a_feed_removes_its_items(
    session: AsyncSession, server: FeedServer, client: httpx.AsyncClient, clock: FakeClock
) -> None:
    server.document("/feed", rss(ONE, TWO))
    feed = await add_feed(session, server.url("/feed"), kind="news", clock=clock)
    await poll_feed(session, feed, client, clock=clock)
    await session.commit()

    await remove_feed(session, feed.id)
    await session.commit()

    assert await _count_items(session) == 0
    assert await session.scalar(select(func.count()).select_from(Feed)) == 0
