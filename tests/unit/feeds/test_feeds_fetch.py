"""Fetching over real HTTP: conditional GET, size cap, one deadline, redirects, errors."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator

import httpx
import pytest

from bot.services.feeds.fetch import ErrorKind, FetchError, Problem, fetch_feed
from bot.services.feeds.words import problem_text
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

    with pytest.raises(FetchError) as raised:
        await fetch_feed(client, server.url("/huge"), max_bytes=2 * 1024 * 1024)
    assert raised.value.problem.kind is ErrorKind.TOO_LARGE


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

    with pytest.raises(FetchError) as raised:
        await fetch_feed(client, server.url("/endless"), max_bytes=50_000)
    assert raised.value.problem == Problem(ErrorKind.TOO_LARGE, "over 50000 bytes")


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


async def _problem(client: httpx.AsyncClient, url: str, *, deadline: float = 20.0) -> Problem:
    with pytest.raises(FetchError) as raised:
        await fetch_feed(client, url, deadline=deadline)
    return raised.value.problem


async def test_every_failure_has_a_kind_and_keeps_the_detail_for_operators(
    server: FeedServer, client: httpx.AsyncClient
) -> None:
    server.status("/gone", 500)
    server.redirect("/loop", "/loop", status=302)

    assert await _problem(client, server.url("/gone")) == Problem(
        ErrorKind.HTTP, "HTTP 500 Internal Server Error", status=500
    )
    assert (await _problem(client, server.url("/missing"))).status == 404
    refused = await _problem(client, "http://127.0.0.1:1/feed")
    assert refused.kind is ErrorKind.UNREACHABLE and refused.detail.startswith("ConnectError")
    nowhere = await _problem(client, "http://no-such-host.invalid/feed")
    assert nowhere.kind is ErrorKind.UNREACHABLE
    assert (await _problem(client, server.url("/loop"))).kind is ErrorKind.REDIRECTS


async def test_a_server_trickling_bytes_is_cut_off_at_the_deadline(
    server: FeedServer, client: httpx.AsyncClient
) -> None:
    # Each byte comes well within httpx's per-read timeout, so only a deadline on the whole
    # fetch stops it; without one this takes the 200 bytes x 0.05 s = 10 s.
    server.trickle("/slow", BODY[:200], every=0.05)
    started = time.monotonic()

    problem = await _problem(client, server.url("/slow"), deadline=0.3)

    assert problem == Problem(ErrorKind.TIMEOUT, "no complete answer within 0.3 s")
    assert time.monotonic() - started < 3


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_kind_of_problem_reads_as_plain_words(lang: str) -> None:
    texts = {
        kind: problem_text(kind, 503 if kind is ErrorKind.HTTP else None, lang)
        for kind in ErrorKind
    }

    assert all(text and "{" not in text and "Error" not in text for text in texts.values())
    assert len(set(texts.values())) == len(ErrorKind)
    assert "404" in problem_text("http", 404, lang)
    assert problem_text("from-a-newer-bot", None, lang) == texts[ErrorKind.INTERNAL]
