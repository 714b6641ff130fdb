"""Polling due feeds: fetch, parse, store unseen items once, back off on failure."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import timedelta

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import Feed, FeedItem
from bot.services.feeds.fetch import FetchError, fetch_feed
from bot.services.feeds.parse import FeedParseError, ParsedItem, parse_feed, split_words
from bot.timeutil import Clock

log = logging.getLogger(__name__)

FAILURES_BEFORE_DISABLE = 5
MAX_BACKOFF = timedelta(hours=12)


@dataclass
class PollResult:
    """What one poll did: new items stored, a parse warning, and state changes to report."""

    new_items: list[FeedItem] = field(default_factory=list)
    warning: str | None = None
    error: str | None = None
    not_modified: bool = False
    disabled_now: bool = False  # just crossed the failure limit: tell staff
    recovered: bool = False  # was disabled and works again: tell staff


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
    session: AsyncSession, feed: Feed, items: list[ParsedItem], *, clock: Clock
) -> list[FeedItem]:
    """Insert items whose key this feed has never had; order and dates play no part."""
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
    stored = [
        FeedItem(
            feed_id=feed.id,
            dedup_key=key,
            title=item.title,
            link=item.link,
            summary_html=item.summary_html,
            published_at=item.published_at,
            seen_at=now,
            announced=False,
        )
        for key, item in wanted.items()
        if key not in seen
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
        log.info("feed %s moved permanently to %s", feed.url, moved_to)
        feed.url = moved_to


def _fail(feed: Feed, error: str, result: PollResult, *, clock: Clock) -> None:
    feed.failures += 1
    feed.last_error = error[:500]
    feed.next_poll_at = clock() + backoff(feed)
    if feed.failures >= FAILURES_BEFORE_DISABLE and not feed.disabled:
        feed.disabled = True
        result.disabled_now = True
    log.warning("feed %s failed (%d in a row): %s", feed.url, feed.failures, error)
    result.error = error


async def poll_feed(
    session: AsyncSession, feed: Feed, client: httpx.AsyncClient, *, clock: Clock
) -> PollResult:
    """Poll one feed now and record the outcome on it; the caller commits."""
    result = PollResult()
    try:
        fetched = await fetch_feed(
            client, feed.url, etag=feed.etag, last_modified=feed.last_modified
        )
        parsed = None if fetched.body is None else parse_feed(fetched.body)
    except (FetchError, FeedParseError) as error:
        _fail(feed, str(error), result, clock=clock)
        await session.flush()
        return result
    if fetched.moved_to:
        await _follow_move(session, feed, fetched.moved_to)
    feed.etag, feed.last_modified = fetched.etag, fetched.last_modified
    if parsed is None:
        result.not_modified = True
    else:
        result.new_items = await _store_new(session, feed, parsed.items, clock=clock)
        result.warning = parsed.warning
        if parsed.warning:
            log.warning("feed %s: %s", feed.url, parsed.warning)
    result.recovered = feed.disabled
    feed.failures, feed.disabled, feed.last_error = 0, False, None
    feed.next_poll_at = clock() + timedelta(seconds=feed.interval_seconds)
    await session.flush()
    return result
