"""A local HTTP server that serves real feed documents to the feed tests."""

from __future__ import annotations

import asyncio
import queue
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from contextlib import asynccontextmanager, contextmanager
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape as html_escape

from aiohttp import web

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class FeedServer:
    """Serves whatever document each path is set to; records the requests it saw."""

    def __init__(self) -> None:
        self.routes: dict[str, Handler] = {}
        self.requests: list[web.Request] = []
        self.base = ""

    def url(self, path: str) -> str:
        """The absolute URL of a path on this server."""
        return f"{self.base}{path}"

    def document(
        self, path: str, body: bytes, *, content_type: str = "application/rss+xml", etag: str = ""
    ) -> None:
        """Serve body at path, answering 304 when the client sends the same ETag."""

        async def handler(request: web.Request) -> web.StreamResponse:
            if etag and request.headers.get("If-None-Match") == etag:
                return web.Response(status=304, headers={"ETag": etag})
            headers = {"ETag": etag} if etag else {}
            return web.Response(body=body, content_type=content_type, headers=headers)

        self.routes[path] = handler

    def redirect(self, path: str, target: str, *, status: int = 301) -> None:
        """Redirect path to another path with the given status."""

        async def handler(request: web.Request) -> web.StreamResponse:
            return web.Response(status=status, headers={"Location": target})

        self.routes[path] = handler

    def status(self, path: str, status: int) -> None:
        """Answer path with a bare status code."""

        async def handler(request: web.Request) -> web.StreamResponse:
            return web.Response(status=status)

        self.routes[path] = handler

    def trickle(self, path: str, body: bytes, *, every: float) -> None:
        """Serve body one byte at a time, one every `every` seconds (a stalling server)."""

        async def handler(request: web.Request) -> web.StreamResponse:
            response = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
            response.enable_chunked_encoding()
            await response.prepare(request)
            for byte in body:
                await response.write(bytes([byte]))
                await asyncio.sleep(every)
            await response.write_eof()
            return response

        self.routes[path] = handler

    def hits(self, path: str) -> int:
        """How many requests reached path."""
        return sum(1 for request in self.requests if request.path == path)

    async def _dispatch(self, request: web.Request) -> web.StreamResponse:
        self.requests.append(request)
        handler = self.routes.get(request.path)
        if handler is None:
            return web.Response(status=404)
        return await handler(request)


@asynccontextmanager
async def running_feed_server() -> AsyncIterator[FeedServer]:
    """Start a FeedServer on 127.0.0.1 with a free port; stop it afterwards."""
    server = FeedServer()
    app = web.Application()
    app.router.add_route("GET", "/{tail:.*}", server._dispatch)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    server.base = f"http://127.0.0.1:{port}"
    try:
        yield server
    finally:
        await runner.cleanup()


@contextmanager
def feed_server_in_thread() -> Iterator[FeedServer]:
    """A FeedServer on its own event loop in a thread, for code that runs asyncio.run itself."""
    loop = asyncio.new_event_loop()
    ready: queue.Queue[FeedServer] = queue.Queue()
    stop = asyncio.Event()

    async def serve() -> None:
        async with running_feed_server() as server:
            ready.put(server)
            await stop.wait()

    thread = threading.Thread(target=loop.run_until_complete, args=(serve(),), daemon=True)
    thread.start()
    try:
        yield ready.get(timeout=10)
    finally:
        loop.call_soon_threadsafe(stop.set)
        thread.join(timeout=10)
        loop.close()


PUBLISHED = datetime(2025, 3, 10, 8, 0, tzinfo=UTC)  # an hour before the tests' FakeClock


def rss(
    *items: tuple[str, str, str, str],
    title: str = "Utlysningar",
    published: datetime | Sequence[datetime | None] | None = PUBLISHED,
) -> bytes:
    """An RSS 2.0 document; each item is (guid, title, link, description HTML), published
    at one time or each at its own (None: undated)."""
    dates = published if isinstance(published, Sequence) else [published] * len(items)
    body = "".join(
        f"<item><guid>{guid}</guid><title>{name}</title><link>{link}</link>"
        f"<description><![CDATA[{html}]]></description>"
        + ("" if date is None else f"<pubDate>{format_datetime(date)}</pubDate>")
        + "</item>"
        for (guid, name, link, html), date in zip(items, dates, strict=True)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>https://example.org/</link>"
        f"<description>d</description>{body}</channel></rss>"
    ).encode()


def atom(*entries: tuple[str, str, str, str], updated: str = "2025-03-09T10:00:00Z") -> bytes:
    """An Atom document; each entry is (id, title, link, summary HTML)."""
    body = "".join(
        f'<entry><id>{entry_id}</id><title>{name}</title><link href="{link}"/>'
        f'<updated>{updated}</updated><summary type="html">{html_escape(html)}</summary></entry>'
        for entry_id, name, link, html in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Nyheter</title><id>urn:feed</id><updated>{updated}</updated>{body}</feed>"
    ).encode()


def huge_rss(megabytes: float = 3.0) -> bytes:
    """A well-formed RSS document larger than the fetch size cap."""
    count = int(megabytes * 1024)
    return rss(
        *[(f"h{n}", f"Post {n}", f"https://example.org/h{n}", "x" * 1000) for n in range(count)]
    )
