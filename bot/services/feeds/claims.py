"""Claiming feeds to poll: one poller per feed at a time, even across processes.

A feed is claimed by moving its ``next_poll_at`` to a lease time in the same statement that
checks it is due (with ``FOR UPDATE SKIP LOCKED`` on PostgreSQL), so no two pollers fetch it
at once; a poller that dies mid-fetch leaves a lease that simply runs out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select, update

from bot.db import Database
from bot.errors import DomainError
from bot.models import Feed
from bot.timeutil import Clock

LEASE = timedelta(minutes=5)  # far beyond fetch's timeouts; a dead poller's claim lapses


@dataclass(frozen=True)
class Claim:
    """A feed leased to this poller, with what the fetch needs."""

    feed_id: int
    url: str
    etag: str | None
    last_modified: str | None


_RETURNING = (Feed.id, Feed.url, Feed.etag, Feed.last_modified)


async def claim_due(db: Database, *, clock: Clock, lease: timedelta = LEASE) -> Claim | None:
    """Lease the feed that has waited longest for its poll, if any is due."""
    now = clock()
    candidate = (
        select(Feed.id)
        .where(Feed.next_poll_at <= now)
        .order_by(Feed.next_poll_at, Feed.id)
        .limit(1)
    )
    if not db.is_sqlite:
        candidate = candidate.with_for_update(skip_locked=True)
    statement = (
        update(Feed)
        .where(Feed.id.in_(candidate), Feed.next_poll_at <= now)
        .values(next_poll_at=now + lease)
        .returning(*_RETURNING)
        .execution_options(synchronize_session=False)
    )
    async with db.session() as session:
        row = (await session.execute(statement)).first()
        await session.commit()
    return None if row is None else Claim(*row)


async def claim_feed(
    db: Database, feed_id: int, *, clock: Clock, lease: timedelta = LEASE
) -> Claim:
    """Lease one feed whether due or not (staff asked to poll it now)."""
    statement = (
        update(Feed)
        .where(Feed.id == feed_id)
        .values(next_poll_at=clock() + lease)
        .returning(*_RETURNING)
        .execution_options(synchronize_session=False)
    )
    async with db.session() as session:
        row = (await session.execute(statement)).first()
        await session.commit()
    if row is None:
        raise DomainError("feeds_not_found", feed_id=feed_id)
    return Claim(*row)
