"""The poll run: claim one due feed at a time, fetch it with no session open, then record it.

Several bot processes may share one PostgreSQL database; claims.py makes sure each feed is
fetched by one of them at a time. Each feed is recorded in its own transaction, together
with the calls its new items become.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Protocol

import httpx
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import Database
from bot.errors import DomainError
from bot.models import Feed, FeedItem
from bot.services.feeds.claims import LEASE, Claim, claim_due, claim_feed
from bot.services.feeds.fetch import ErrorKind, Problem
from bot.services.feeds.options import DEFAULT_OPTIONS, FeedOptions
from bot.services.feeds.poller import (
    Fetched,
    PollResult,
    fail,
    fetch_and_parse,
    label,
    record,
)
from bot.timeutil import Clock

log = logging.getLogger(__name__)

CONCURRENCY = 4


class Convert(Protocol):
    """Turns a funding feed's new item into a call (``bot.services.calls``), same transaction."""

    async def __call__(
        self, session: AsyncSession, item: FeedItem, *, feed: Feed, clock: Clock
    ) -> object: ...


# Told of each feed's outcome inside the transaction that records it, e.g. to record the
# staff's notice with it (bot.services.feeds.notices), so neither is kept without the other.
Notify = Callable[[AsyncSession, "FeedOutcome"], Awaitable[object]]


@dataclass(frozen=True)
class FeedOutcome:
    """What polling one feed did, for staff and the command line."""

    feed_id: int
    url: str
    kind: str = ""
    new_items: int = 0  # stored, announced or quiet
    quiet: int = 0  # stored without being announced: over the caps
    calls: int = 0
    not_modified: bool = False
    warnings: tuple[str, ...] = ()
    problem: Problem | None = None
    failures: int = 0
    disabled_now: bool = False
    recovered: bool = False
    removed: bool = False  # deleted by staff while it was being fetched


@dataclass(frozen=True)
class RunReport:
    """Every feed one run polled."""

    outcomes: tuple[FeedOutcome, ...]

    @property
    def capped(self) -> list[FeedOutcome]:
        """Feeds with more new items than were announced."""
        return [o for o in self.outcomes if o.quiet]

    @property
    def disabled_now(self) -> list[FeedOutcome]:
        """Feeds that just crossed the failure limit."""
        return [o for o in self.outcomes if o.disabled_now]

    @property
    def recovered(self) -> list[FeedOutcome]:
        """Disabled feeds that work again."""
        return [o for o in self.outcomes if o.recovered]


async def _convert_all(
    session: AsyncSession, feed: Feed, result: PollResult, *, convert: Convert, clock: Clock
) -> tuple[int, list[str]]:
    calls, warnings = 0, []
    for item in result.to_announce:
        try:
            made = await convert(session, item, feed=feed, clock=clock)
        except DomainError as error:
            # The item stays stored (never retried); staff see why it became no call.
            warning = f"item {item.dedup_key[:80]!r} became no call: {error.key}"
            log.warning("feed %s: %s", label(feed.id, feed.url), warning)
            warnings.append(warning)
            continue
        calls += made is not None
    return calls, warnings


async def _record(
    db: Database,
    claim: Claim,
    fetched: Fetched,
    *,
    convert: Convert,
    options: FeedOptions,
    clock: Clock,
    notify: Notify | None,
) -> FeedOutcome:
    async with db.session() as session:
        feed = await session.get(Feed, claim.feed_id)
        if feed is None:
            return FeedOutcome(claim.feed_id, claim.url, removed=True)
        result = await record(session, feed, fetched, options=options, clock=clock)
        calls, warnings = 0, [result.warning] if result.warning else []
        if feed.kind == "funding":
            calls, more = await _convert_all(session, feed, result, convert=convert, clock=clock)
            warnings += more
        outcome = FeedOutcome(
            feed_id=feed.id,
            url=feed.url,
            kind=feed.kind,
            new_items=len(result.new_items),
            quiet=result.quiet,
            calls=calls,
            not_modified=result.not_modified,
            warnings=tuple(warnings),
            problem=result.problem,
            failures=feed.failures,
            disabled_now=result.disabled_now,
            recovered=result.recovered,
        )
        if notify is not None:
            await notify(session, outcome)
        await session.commit()
    return outcome


async def poll_claimed(
    db: Database,
    client: httpx.AsyncClient,
    claim: Claim,
    *,
    convert: Convert,
    options: FeedOptions,
    clock: Clock,
    notify: Notify | None = None,
) -> FeedOutcome:
    """Fetch a claimed feed (no session open meanwhile), then record it in one transaction."""
    fetched = await fetch_and_parse(
        client, claim.url, etag=claim.etag, last_modified=claim.last_modified, options=options
    )
    try:
        return await _record(
            db, claim, fetched, convert=convert, options=options, clock=clock, notify=notify
        )
    except IntegrityError:
        # A "poll now" raced this poll and stored the same items first: record again,
        # and they are simply seen.
        log.info("feed %s: items stored meanwhile by another poll", label(claim.feed_id, claim.url))
        return await _record(
            db, claim, fetched, convert=convert, options=options, clock=clock, notify=notify
        )


async def _crashed(
    db: Database, claim: Claim, error: Exception, *, clock: Clock, notify: Notify | None
) -> FeedOutcome:
    """Count an unexpected error as a failure so the feed backs off instead of looping."""
    problem = Problem(ErrorKind.INTERNAL, f"internal error: {type(error).__name__}")
    log.error("feed %s: poll failed: %s", label(claim.feed_id, claim.url), problem.detail)
    log.debug("traceback of feed %s", claim.feed_id, exc_info=error)
    async with db.session() as session:
        feed = await session.get(Feed, claim.feed_id)
        if feed is None:
            return FeedOutcome(claim.feed_id, claim.url, removed=True)
        result = PollResult()
        fail(feed, problem, result, clock=clock)
        outcome = FeedOutcome(
            feed.id,
            feed.url,
            kind=feed.kind,
            problem=problem,
            failures=feed.failures,
            disabled_now=result.disabled_now,
        )
        if notify is not None:
            await notify(session, outcome)
        await session.commit()
    return outcome


async def poll_safely(
    db: Database,
    client: httpx.AsyncClient,
    claim: Claim,
    *,
    convert: Convert,
    options: FeedOptions,
    clock: Clock,
    notify: Notify | None = None,
) -> FeedOutcome:
    """poll_claimed, with any unexpected error logged and recorded as the feed's failure."""
    try:
        return await poll_claimed(
            db, client, claim, convert=convert, options=options, clock=clock, notify=notify
        )
    except Exception as error:  # one broken feed must not stop the others
        return await _crashed(db, claim, error, clock=clock, notify=notify)


async def poll_due(
    db: Database,
    client: httpx.AsyncClient,
    *,
    convert: Convert,
    clock: Clock,
    options: FeedOptions = DEFAULT_OPTIONS,
    concurrency: int = CONCURRENCY,
    lease: timedelta = LEASE,
    notify: Notify | None = None,
) -> RunReport:
    """Poll every feed that is due, a few at a time, each claimed once, until none is left;
    ``notify`` hears of each outcome in the transaction that records it."""
    outcomes: list[FeedOutcome] = []
    seen: set[int] = set()

    async def worker() -> None:
        while (claim := await claim_due(db, clock=clock, lease=lease)) is not None:
            if claim.feed_id in seen:  # due again within this run: leave it for the next
                return
            seen.add(claim.feed_id)
            outcomes.append(
                await poll_safely(
                    db, client, claim, convert=convert, options=options, clock=clock, notify=notify
                )
            )

    async with asyncio.TaskGroup() as group:
        for _ in range(max(concurrency, 1)):
            group.create_task(worker())
    return RunReport(tuple(sorted(outcomes, key=lambda o: o.feed_id)))


async def poll_now(
    db: Database,
    client: httpx.AsyncClient,
    feed_id: int,
    *,
    convert: Convert,
    clock: Clock,
    options: FeedOptions = DEFAULT_OPTIONS,
    notify: Notify | None = None,
) -> FeedOutcome:
    """Poll one feed at once (staff's "poll now"); DomainError feeds_not_found."""
    claim = await claim_feed(db, feed_id, clock=clock)
    return await poll_safely(
        db, client, claim, convert=convert, options=options, clock=clock, notify=notify
    )
