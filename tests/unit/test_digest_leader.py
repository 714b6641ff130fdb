"""The leader lock: one process leads on PostgreSQL, another takes over when it dies."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from bot.db import Database
from bot.services.digest.leader import LOCK_KEY, LeaderLock


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
