"""The leader lock: of several processes sharing PostgreSQL, one runs the scheduled work.

A session-level advisory lock lives as long as the database connection that took it, so
the lock is held on one dedicated connection for the life of the process. When the leader
dies its connection closes, PostgreSQL frees the lock, and another process takes it on its
next try. SQLite allows one process only, which therefore always leads.
"""

from __future__ import annotations

import asyncio
import logging

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

log = logging.getLogger(__name__)

# Any bigint that no other advisory lock on the database uses ("SGNDIG" in ASCII).
LOCK_KEY = 0x53474E444947


class LeaderLock:
    """Whether this process leads; call ``is_leader`` on every tick, ``release`` on shutdown.

    One per process (``Services.leader``), asked by every job that only the leader runs.
    Its connection runs one statement at a time, so the callers take turns.
    """

    def __init__(self, engine: AsyncEngine, *, key: int = LOCK_KEY) -> None:
        self.engine = engine
        self.key = key
        self.single_process = engine.dialect.name != "postgresql"
        self._connection: AsyncConnection | None = None
        self._held = False
        self._turn = asyncio.Lock()

    async def is_leader(self) -> bool:
        """True if this process holds the lock, taking it if it is free.

        The held connection is checked first: if it died (database restarted, network
        gone), the lock went with it and is tried again on a new connection.
        """
        if self.single_process:
            return True
        async with self._turn:
            return await self._is_leader()

    async def _is_leader(self) -> bool:
        if self._connection is not None and self._held:
            try:
                await self._connection.execute(text("SELECT 1"))
                return True
            except SQLAlchemyError as error:
                log.warning("leader lock connection lost (%s): trying again", type(error).__name__)
                await self._discard()
        try:
            connection = await self._connect()
            acquired = await connection.scalar(
                text("SELECT pg_try_advisory_lock(:key)"), {"key": self.key}
            )
        except SQLAlchemyError as error:
            log.warning("leader lock unavailable (%s)", type(error).__name__)
            await self._discard()
            return False
        self._held = bool(acquired)
        if self._held:
            log.info("this process now leads the scheduled work")
        return self._held

    async def release(self) -> None:
        """Give the lock up and close its connection (on shutdown)."""
        async with self._turn:
            await self._release()

    async def _release(self) -> None:
        connection, held = self._connection, self._held
        if connection is None:
            return
        try:
            if held:
                await connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": self.key})
        except SQLAlchemyError as error:
            log.warning("leader lock release failed (%s)", type(error).__name__)
        finally:
            await self._discard()
        if held:
            log.info("this process no longer leads the scheduled work")

    async def _connect(self) -> AsyncConnection:
        if self._connection is None:
            connection = await self.engine.connect()
            # Autocommit: the connection must not sit "idle in transaction" for days.
            self._connection = await connection.execution_options(isolation_level="AUTOCOMMIT")
        return self._connection

    async def _discard(self) -> None:
        connection, self._connection, self._held = self._connection, None, False
        if connection is None:
            return
        try:
            # Closed for real, never back to the pool: a pooled connection would keep the lock.
            await connection.invalidate()
            await connection.close()
        except SQLAlchemyError as error:
            log.debug("closing the leader lock connection: %s", type(error).__name__)
