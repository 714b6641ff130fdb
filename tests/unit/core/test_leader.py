"""The leader lock service: one process leads on PostgreSQL, another takes over when it dies;
the jobs of one process share its one lock."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import text

from bot.config import Settings
from bot.db import Database
from bot.entrypoints.bootstrap import build_services
from bot.services.leader import LOCK_KEY, LeaderLock
from scheduler.digest import DigestJob
from scheduler.polls import PollJob
from scheduler.privacy import RetentionJob


async def _terminate_lock_holder(db: Database) -> None:
    """Kill the backend holding the lock, as when the leading process dies (waits for it)."""
    async with db.engine.connect() as conn:
        killed = await conn.scalar(
            text(
                "SELECT count(pg_terminate_backend(pid, 5000)) FROM pg_locks"
                " WHERE locktype = 'advisory' AND granted"
                " AND ((classid::bigint << 32) | objid::bigint) = :key"
            ),
            {"key": LOCK_KEY},
        )
        await conn.commit()
    assert killed == 1


async def test_sqlite_has_one_process_which_always_leads(db: Database) -> None:
    if not db.is_sqlite:
        pytest.skip("SQLite only: PostgreSQL is covered below")
    lock = LeaderLock(db.engine)
    assert await lock.is_leader() and await lock.is_leader()
    await lock.release()
    assert await lock.is_leader()


async def test_only_one_process_leads_and_another_takes_over_when_it_dies(
    db_url: str, db: Database
) -> None:
    if db.is_sqlite:
        pytest.skip("the advisory lock is PostgreSQL only (SQLite runs one process)")
    other_db, third_db = Database(db_url), Database(db_url)  # two more processes
    first, second = LeaderLock(db.engine), LeaderLock(other_db.engine)
    try:
        assert await first.is_leader()
        assert not await second.is_leader()
        assert await first.is_leader() and not await second.is_leader()  # later ticks agree

        await _terminate_lock_holder(third_db)
        assert await second.is_leader()  # its next try
        assert not await first.is_leader()  # back with a new connection, it follows
        assert await second.is_leader()

        await second.release()  # a clean shutdown hands over at once
        assert await first.is_leader()
        assert not await second.is_leader()
    finally:
        await first.release()
        await second.release()
        await other_db.dispose()
        await third_db.dispose()


async def test_jobs_asking_at_once_share_the_one_lock_of_their_process(
    db_url: str, db: Database
) -> None:
    other_db = Database(db_url)
    first, second = LeaderLock(db.engine), LeaderLock(other_db.engine)
    try:
        # Several jobs of the leading process ask on the same tick: all hear yes.
        assert await asyncio.gather(*(first.is_leader() for _ in range(5))) == [True] * 5
        if not db.is_sqlite:
            assert await asyncio.gather(*(second.is_leader() for _ in range(5))) == [False] * 5
    finally:
        await first.release()
        await second.release()
        await other_db.dispose()


async def test_the_services_carry_one_leader_lock_that_every_job_uses(db_url: str) -> None:
    services = build_services(Settings.model_validate({"database_url": db_url}))
    try:
        leader = services.leader
        assert DigestJob(services).leader is leader
        assert RetentionJob(services, leader).leader is leader
        assert PollJob(services, leader).leader is leader
    finally:
        await services.db.dispose()
