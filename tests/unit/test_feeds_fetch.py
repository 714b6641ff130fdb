"""Fetching over real HTTP: conditional GET, size cap, redirects, errors."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from bot.services.feeds.fetch import FetchError, fetch_feed
from tests.unit.feed_server import FeedServer, rss, running_feed_server

BODY = rss(("g1", "Ett", "https://example.org/1", "x"))


@pytest.fixture
async def server() -> AsyncIterator[FeedServer]:
    async with running_feed_server() as running:
        yield running


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient() as http:
        yield http


async def test_a_304_returns_no_body_and_keeps_the_validators(
    server: FeedServer, client: httpx.AsyncClient
) -> None:
    server.document("/feed", BODY, etag='"v1"')

    first = await fetch_feed(client, server.url("/feed"))
    again = await fetch_feed(client, server.url("/feed"), etag=first.etag)

    assert first.body == BODY
    assert first.etag == '"v1"'
    assert again.not_modified
    assert again.etag == '"v1"'
    assert server.requests[1].headers["If-None-Match"] == '"v1"'


async def test_last_modified_is_sent_back(server: FeedServer, client: httpx.AsyncClient) -> None:
    server.document("/feed", BODY)
    stamp = "Mon, 10 Mar 2025 08:00:00 GMT"

    await fetch_feed(client, server.url("/feed"), last_modified=stamp)

    assert server.requests[0].headers["If-Modified-Since"] == stamp


async def test_a_document_over_the_cap_is_refused(
    server: FeedServer, client: httpx.AsyncClient
) -> None:
    huge = rss(*[(f"g{n}", "t", f"https://e/{n}", "x" * 1000) for n in range(3000)])
    server.document("/huge", huge)

    with pytest.raises(FetchError, match="too large"):
        await fetch_feed(client, server.url("/huge"), max_bytes=2 * 1024 * 1024)


async def test_a_chunked_document_over_the_cap_is_cut_off(
    server: FeedServer, client: httpx.AsyncClient
) -> None:
    from aiohttp import web

    async def endless(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse()
        response.enable_chunked_encoding()
        await response.prepare(request)
        for _ in range(100):
            await response.write(b"<!-- " + b"x" * 10_000 + b" -->")
        await response.write_eof()
        return response

    server.routes["/endless"] = endless

    with pytest.raises(FetchError, match="too large"):
        await fetch_feed(client, server.url("/endless"), max_bytes=50_000)


async def test_permanent_redirects_report_the_new_url(
    server: FeedServer, client: httpx.AsyncClient
) -> None:
    server.document("/new", BODY)
    server.redirect("/old", "/newer", status=301)
    server.redirect("/newer", "/new", status=308)

    result = await fetch_feed(client, server.url("/old"))

    assert result.body == BODY
    assert result.moved_to == server.url("/new")


async def test_a_temporary_redirect_is_followed_but_not_stored(
    server: FeedServer, client: httpx.AsyncClient
) -> None:
    server.document("/new", BODY)
    server.redirect("/old", "/tmp", status=301)
    server.redirect("/tmp", "/new", status=302)

    result = await fetch_feed(client, server.url("/old"))

    assert result.body == BODY
    assert result.moved_to == server.url("/tmp")


async def test_http_errors_and_refused_connections_raise(
    server: FeedServer, client: httpx.AsyncClient
) -> None:
    server.status("/gone", 500)

    with pytest.raises(FetchError, match="HTTP 500"):
        await fetch_feed(client, server.url("/gone"))
    with pytest.raises(FetchError, match="HTTP 404"):
        await fetch_feed(client, server.url("/missing"))
    with pytest.raises(FetchError):
        await fetch_feed(client, "http://127.0.0.1:1/feed")
