"""Fetching feed documents over HTTP: conditional GET, timeout, size cap, redirects."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

MAX_BYTES = 2 * 1024 * 1024
TIMEOUT = httpx.Timeout(20.0, connect=10.0)
PERMANENT = (301, 308)
USER_AGENT = "signbot-feeds/1 (+https://github.com/)"


class FetchError(Exception):
    """A feed could not be fetched; the message is stored as the feed's last error."""


@dataclass(frozen=True)
class FetchResult:
    """What one GET produced: a body (None when 304), validators and a moved URL if any."""

    body: bytes | None
    etag: str | None
    last_modified: str | None
    moved_to: str | None

    @property
    def not_modified(self) -> bool:
        """True when the server answered 304 and there is nothing to parse."""
        return self.body is None


def _permanent_target(response: httpx.Response) -> str | None:
    """The URL a chain of permanent redirects leads to; a temporary hop ends the chain."""
    if not response.history:
        return None
    hops = [*response.history[1:], response]
    target: str | None = None
    for redirect, landed in zip(response.history, hops, strict=True):
        if redirect.status_code not in PERMANENT:
            break
        target = str(landed.url)
    return target


async def fetch_feed(
    client: httpx.AsyncClient,
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    max_bytes: int = MAX_BYTES,
    time_limit: httpx.Timeout = TIMEOUT,
) -> FetchResult:
    """GET url conditionally, reading at most max_bytes; raise FetchError on any failure."""
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        async with client.stream(
            "GET", url, headers=headers, follow_redirects=True, timeout=time_limit
        ) as response:
            moved_to = _permanent_target(response)
            if response.status_code == 304:
                return FetchResult(None, etag, last_modified, moved_to)
            if response.status_code >= 400:
                raise FetchError(f"HTTP {response.status_code}")
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(f"too large (over {max_bytes} bytes)")
            chunks: list[bytes] = []
            size = 0
            # Stream and stop early: a runaway feed must not fill memory before we notice.
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"too large (over {max_bytes} bytes)")
                chunks.append(chunk)
            return FetchResult(
                b"".join(chunks),
                response.headers.get("ETag"),
                response.headers.get("Last-Modified"),
                moved_to,
            )
    except httpx.TimeoutException as error:
        raise FetchError("timeout") from error
    except httpx.TooManyRedirects as error:
        raise FetchError("too many redirects") from error
    except httpx.HTTPError as error:
        raise FetchError(f"{type(error).__name__}: {error}"[:300]) from error
