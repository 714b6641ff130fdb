"""A local HTTP server that serves real feed documents to the feed tests."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

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


def rss(*items: tuple[str, str, str, str], title: str = "Utlysningar") -> bytes:
    """An RSS 2.0 document; each item is (guid, title, link, description HTML)."""
    body = "".join(
        f"<item><guid>{guid}</guid><title>{name}</title><link>{link}</link>"
        f"<description><![CDATA[{html}]]></description>"
        f"<pubDate>Mon, 10 Mar 2025 08:00:00 +0000</pubDate></item>"
        for guid, name, link, html in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>https://example.org/</link>"
        f"<description>d</description>{body}</channel></rss>"
    ).encode()
