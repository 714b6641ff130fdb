"""Polling due feeds: fetch, parse, store unseen items once, back off on failure."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import urlsplit

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import Feed, FeedItem
from bot.services.feeds.fetch import ErrorKind, FetchError, FetchResult, Problem, fetch_feed
from bot.services.feeds.options import DEFAULT_OPTIONS, FeedOptions
from bot.services.feeds.parse import (
    FeedParseError,
    ParsedFeed,
    ParsedItem,
    parse_feed,
    split_words,
)
from bot.timeutil import Clock

log = logging.getLogger(__name__)

FAILURES_BEFORE_DISABLE = 5
MAX_BACKOFF = timedelta(hours=12)


@dataclass
class PollResult:
    """What one poll did: new items stored, a parse warning, and state changes to report."""

    new_items: list[FeedItem] = field(default_factory=list)  # every item stored, quiet or not
    warning: str | None = None
    problem: Problem | None = None
    not_modified: bool = False
    disabled_now: bool = False  # just crossed the failure limit: tell staff
    recovered: bool = False  # was disabled and works again: tell staff

    @property
    def to_announce(self) -> list[FeedItem]:
        """The new items to announce (become calls, or appear in the digest)."""
        return [item for item in self.new_items if not item.quiet]

    @property
    def quiet(self) -> int:
        """How many new items were stored without being announced (over the cap)."""
        return sum(1 for item in self.new_items if item.quiet)


def label(feed_id: int, url: str) -> str:
    """A feed as logs name it: number and address without credentials or query (tokens)."""
    parts = urlsplit(url)
    return f"#{feed_id} {parts.hostname or '?'}{parts.path}"


def backoff(feed: Feed) -> timedelta:
    """The wait after the feed's current run of failures: doubling, capped."""
    base = timedelta(seconds=feed.interval_seconds)
    return min(base * 2 ** max(feed.failures - 1, 0), MAX_BACKOFF)


async def due_feeds(session: AsyncSession, *, clock: Clock) -> list[Feed]:
    """Feeds whose next poll time has come, oldest first (disabled ones are still probed)."""
    rows = await session.scalars(
        select(Feed).where(Feed.next_poll_at <= clock()).order_by(Feed.next_poll_at, Feed.id)
    )
    return list(rows)


async def _store_new(
    session: AsyncSession,
    feed: Feed,
    items: list[ParsedItem],
    *,
    options: FeedOptions,
    clock: Clock,
) -> list[FeedItem]:
    """Insert items whose key this feed has never had; those over the caps stay quiet."""
    include, exclude = split_words(feed.include_words), split_words(feed.exclude_words)
    wanted: dict[str, ParsedItem] = {}
    for item in items:
        if item.dedup_key not in wanted and item.matches(include, exclude):
            wanted[item.dedup_key] = item
    if not wanted:
        return []
    seen = set(
        await session.scalars(
            select(FeedItem.dedup_key).where(
                FeedItem.feed_id == feed.id, FeedItem.dedup_key.in_(list(wanted))
            )
        )
    )
    now = clock()
    new = [item for key, item in wanted.items() if key not in seen]
    loud = options.to_announce(new, first=feed.fetched_at is None, now=now)
    stored = [
        FeedItem(
            feed_id=feed.id,
            dedup_key=item.dedup_key,
            title=item.title,
            link=item.link,
            summary_html=item.summary_html,
            published_at=item.published_at,
            seen_at=now,
            announced=False,
            quiet=item.dedup_key not in loud,
        )
        for item in new
    ]
    session.add_all(stored)
    await session.flush()
    return stored


async def _follow_move(session: AsyncSession, feed: Feed, moved_to: str) -> None:
    """Store a permanent redirect's target, unless another feed already has that URL."""
    if moved_to == feed.url:
        return
    taken = await session.scalar(select(Feed.id).where(Feed.url == moved_to, Feed.id != feed.id))
    if taken is None:
        log.info(
            "feed %s moved permanently to %s", label(feed.id, feed.url), label(feed.id, moved_to)
        )
        feed.url = moved_to


def fail(feed: Feed, problem: Problem, result: PollResult, *, clock: Clock) -> None:
    """Record a failed poll: its problem, one more failure, a longer wait, maybe disable."""
    feed.failures += 1
    feed.error_kind, feed.error_status = problem.kind.value, problem.status
    feed.last_error = problem.detail[:500] or None
    feed.next_poll_at = clock() + backoff(feed)
    if feed.failures >= FAILURES_BEFORE_DISABLE and not feed.disabled:
        feed.disabled = True
        result.disabled_now = True
    log.warning(
        "feed %s failed (%d in a row): %s (%s)",
        label(feed.id, feed.url),
        feed.failures,
        problem.kind.value,
        problem.detail,
    )
    result.problem = problem


@dataclass(frozen=True)
class Fetched:
    """The outcome of fetching and parsing a feed, obtained without any database session."""

    result: FetchResult | None
    parsed: ParsedFeed | None
    problem: Problem | None


async def fetch_and_parse(
    client: httpx.AsyncClient,
    url: str,
    *,
    etag: str | None,
    last_modified: str | None,
    options: FeedOptions,
) -> Fetched:
    """GET and parse a feed document; failures come back as a Problem, not raised."""
    try:
        fetched = await fetch_feed(
            client,
            url,
            etag=etag,
            last_modified=last_modified,
            max_bytes=options.max_bytes,
            deadline=options.deadline,
        )
        # feedparser takes seconds over a large document: off the event loop with it.
        parsed = None if fetched.body is None else await asyncio.to_thread(parse_feed, fetched.body)
    except FetchError as error:
        return Fetched(None, None, error.problem)
    except FeedParseError as error:
        return Fetched(None, None, Problem(ErrorKind.NOT_FEED, " ".join(str(error).split())))
    return Fetched(fetched, parsed, None)


async def record(
    session: AsyncSession,
    feed: Feed,
    fetched: Fetched,
    *,
    options: FeedOptions,
    clock: Clock,
) -> PollResult:
    """Store what a fetch found on the feed: new items, validators, failure or recovery."""
    result = PollResult()
    if fetched.result is None:
        fail(feed, fetched.problem or Problem(ErrorKind.INTERNAL), result, clock=clock)
        await session.flush()
        return result
    if fetched.result.moved_to:
        await _follow_move(session, feed, fetched.result.moved_to)
    feed.etag, feed.last_modified = fetched.result.etag, fetched.result.last_modified
    parsed = fetched.parsed
    if parsed is None:
        result.not_modified = True
    else:
        result.new_items = await _store_new(
            session, feed, parsed.items, options=options, clock=clock
        )
        if parsed.warning:
            result.warning = " ".join(parsed.warning.split())
            log.warning("feed %s: %s", label(feed.id, feed.url), result.warning)
    result.recovered = feed.disabled
    feed.failures, feed.disabled, feed.fetched_at = 0, False, clock()
    feed.error_kind, feed.error_status, feed.last_error = None, None, None
    feed.next_poll_at = clock() + timedelta(seconds=feed.interval_seconds)
    await session.flush()
    return result


async def poll_feed(
    session: AsyncSession,
    feed: Feed,
    client: httpx.AsyncClient,
    *,
    options: FeedOptions = DEFAULT_OPTIONS,
    clock: Clock,
) -> PollResult:
    """Poll one feed now and record the outcome on it; the caller commits.

    This holds the session across the HTTP request: fine for one-off use; the scheduled
    run (runner.py) claims feeds first and fetches with no session open.
    """
    fetched = await fetch_and_parse(
        client, feed.url, etag=feed.etag, last_modified=feed.last_modified, options=options
    )
    return await record(session, feed, fetched, options=options, clock=clock)
