"""Staff management of feeds: add, list, remove, with validation."""

from __future__ import annotations

from urllib.parse import urlsplit

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.models import Feed, FeedItem
from bot.services.feeds.parse import split_words
from bot.timeutil import Clock

KINDS = ("funding", "news")
DEFAULT_INTERVAL = 1800
MIN_INTERVAL = 60


def valid_url(url: str) -> str:
    """The address trimmed; DomainError feeds_bad_url unless http(s) with a host."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        usable = parts.scheme in ("http", "https") and bool(parts.hostname) and parts.port != 0
    except ValueError:  # e.g. "http://[x" or a port out of range
        usable = False
    if not usable or len(url) > 1000 or any(c.isspace() or not c.isprintable() for c in url):
        raise DomainError("feeds_bad_url", url=url[:200])
    return url


async def add_feed(
    session: AsyncSession,
    url: str,
    *,
    kind: str,
    include: str = "",
    exclude: str = "",
    interval_seconds: int = DEFAULT_INTERVAL,
    clock: Clock,
) -> Feed:
    """Register a feed, due at once; raise DomainError on a bad URL, kind or duplicate."""
    url = valid_url(url)
    if kind not in KINDS:
        raise DomainError("feeds_bad_kind", kind=kind)
    if interval_seconds < MIN_INTERVAL:
        raise DomainError("feeds_bad_interval", seconds=MIN_INTERVAL)
    if await session.scalar(select(Feed.id).where(Feed.url == url)) is not None:
        raise DomainError("feeds_exists", url=url)
    now = clock()
    feed = Feed(
        url=url,
        kind=kind,
        include_words=", ".join(split_words(include)),
        exclude_words=", ".join(split_words(exclude)),
        interval_seconds=interval_seconds,
        next_poll_at=now,
        failures=0,
        disabled=False,
        created_at=now,
    )
    session.add(feed)
    await session.flush()
    return feed


async def list_feeds(session: AsyncSession) -> list[Feed]:
    """All feeds in the order they were added."""
    return list(await session.scalars(select(Feed).order_by(Feed.id)))


async def feeds_with_counts(session: AsyncSession) -> list[tuple[Feed, int]]:
    """All feeds in the order they were added, each with how many items it has stored."""
    counts = (
        select(FeedItem.feed_id, func.count(FeedItem.id).label("item_count"))
        .group_by(FeedItem.feed_id)
        .subquery()
    )
    rows = await session.execute(
        select(Feed, func.coalesce(counts.c.item_count, 0))
        .outerjoin(counts, counts.c.feed_id == Feed.id)
        .order_by(Feed.id)
    )
    return [(feed, int(items)) for feed, items in rows]


async def remove_feed(session: AsyncSession, feed_id: int) -> Feed:
    """Delete a feed and its items; raise DomainError if there is no such feed."""
    feed = await session.get(Feed, feed_id)
    if feed is None:
        raise DomainError("feeds_not_found", feed_id=feed_id)
    await session.delete(feed)
    await session.flush()
    return feed
