"""Fetching feed documents over HTTP: conditional GET, one deadline, size cap, redirects."""

from __future__ import annotations

import asyncio
import enum
from dataclasses import dataclass

import httpx

MAX_BYTES = 2 * 1024 * 1024
DEADLINE = 20.0  # seconds for the whole fetch: connect, redirects and every read
TIMEOUT = httpx.Timeout(20.0, connect=10.0)  # per operation; DEADLINE bounds their sum
PERMANENT = (301, 308)
USER_AGENT = "signbot-feeds/1 (+https://github.com/)"


class ErrorKind(enum.StrEnum):
    """Why a feed could not be read, in terms staff can act on (shown via the catalogue)."""

    UNREACHABLE = "unreachable"  # no such host, refused, connection broken
    TIMEOUT = "timeout"  # no complete answer within the deadline
    HTTP = "http"  # the server answered with an error status
    TOO_LARGE = "too_large"
    REDIRECTS = "redirects"  # a redirect loop or too long a chain
    NOT_FEED = "not_feed"  # an answer, but no RSS or Atom in it
    INTERNAL = "internal"  # the bot's own fault; the log says more


@dataclass(frozen=True)
class Problem:
    """A failed fetch: the neutral kind (and HTTP status) staff see, the detail operators log."""

    kind: ErrorKind
    detail: str = ""
    status: int | None = None


class FetchError(Exception):
    """A feed could not be fetched; its problem is stored on the feed."""

    def __init__(self, kind: ErrorKind, detail: str, *, status: int | None = None) -> None:
        super().__init__(detail)
        self.problem = Problem(kind, " ".join(detail.split())[:300], status)


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


async def _get(
    client: httpx.AsyncClient, url: str, headers: dict[str, str], *, max_bytes: int
) -> FetchResult:
    too_large = f"over {max_bytes} bytes"
    async with client.stream(
        "GET", url, headers=headers, follow_redirects=True, timeout=TIMEOUT
    ) as response:
        moved_to = _permanent_target(response)
        if response.status_code == 304:
            return FetchResult(None, None, None, moved_to)
        if response.status_code >= 400:
            raise FetchError(
                ErrorKind.HTTP,
                f"HTTP {response.status_code} {response.reason_phrase}",
                status=response.status_code,
            )
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise FetchError(ErrorKind.TOO_LARGE, too_large)
        chunks: list[bytes] = []
        size = 0
        # Stream and stop early: a runaway feed must not fill memory before we notice.
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(ErrorKind.TOO_LARGE, too_large)
            chunks.append(chunk)
        return FetchResult(
            b"".join(chunks),
            response.headers.get("ETag"),
            response.headers.get("Last-Modified"),
            moved_to,
        )


async def fetch_feed(
    client: httpx.AsyncClient,
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    max_bytes: int = MAX_BYTES,
    deadline: float = DEADLINE,
) -> FetchResult:
    """GET url conditionally within deadline seconds, reading at most max_bytes.

    Raises FetchError (with its Problem) on any failure. httpx's timeouts apply to each
    read, so a server trickling a byte at a time would never trip them; the deadline
    bounds the whole exchange.
    """
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        async with asyncio.timeout(deadline):
            result = await _get(client, url, headers, max_bytes=max_bytes)
    except TimeoutError as error:
        raise FetchError(ErrorKind.TIMEOUT, f"no complete answer within {deadline:g} s") from error
    except httpx.TimeoutException as error:
        raise FetchError(ErrorKind.TIMEOUT, f"{type(error).__name__}: {error}") from error
    except httpx.TooManyRedirects as error:
        raise FetchError(ErrorKind.REDIRECTS, str(error)) from error
    except httpx.DecodingError as error:
        raise FetchError(ErrorKind.NOT_FEED, f"{type(error).__name__}: {error}") from error
    except httpx.HTTPError as error:  # connect, read and protocol errors; bad addresses
        raise FetchError(ErrorKind.UNREACHABLE, f"{type(error).__name__}: {error}") from error
    if result.body is None:  # 304: the validators we sent stay valid
        return FetchResult(None, etag, last_modified, result.moved_to)
    return result
