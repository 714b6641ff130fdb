"""Engine and session factory: one session per update or job, opened by a context manager."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)


def _base_url(database_url: str) -> URL:
    url = make_url(database_url.replace("postgres://", "postgresql://", 1))
    return url


def async_url(database_url: str) -> URL:
    """The URL with the async driver the bot uses for this database."""
    url = _base_url(database_url)
    if url.get_backend_name() == "sqlite":
        return url.set(drivername="sqlite+aiosqlite")
    return url.set(drivername="postgresql+psycopg")


def sync_url(database_url: str) -> URL:
    """The URL with the synchronous driver (for migrations)."""
    url = _base_url(database_url)
    if url.get_backend_name() == "sqlite":
        return url.set(drivername="sqlite")
    return url.set(drivername="postgresql+psycopg")


def ensure_sqlite_folder(database_url: str) -> None:
    """Create the folder of an SQLite database file so a fresh checkout just works."""
    url = _base_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # WAL with synchronous=NORMAL stays crash-safe for the database; a power cut may lose the last commits.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


class Database:
    """Owns the engine; hands out sessions."""

    def __init__(self, database_url: str) -> None:
        ensure_sqlite_folder(database_url)
        url = async_url(database_url)
        self.is_sqlite = url.get_backend_name() == "sqlite"
        if self.is_sqlite:
            # One connection: the process's writers queue for it in order, instead of racing
            # for SQLite's file lock (whose retries are unfair and can time out under load).
            # Handlers therefore never hold a session across a Telegram call.
            kwargs: dict[str, Any] = {"pool_size": 1, "max_overflow": 0, "pool_timeout": 60}
        else:
            kwargs = {"pool_size": 10, "max_overflow": 10, "pool_pre_ping": True}
        self.engine: AsyncEngine = create_async_engine(url, **kwargs)
        if self.is_sqlite:
            event.listen(self.engine.sync_engine, "connect", _sqlite_pragmas)
        self.sessions = async_sessionmaker(self.engine, expire_on_commit=False)

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        """A session for one update or job; rolled back if the block raises."""
        async with self.sessions() as session:
            try:
                yield session
            except BaseException:
                await session.rollback()
                raise

    async def dispose(self) -> None:
        await self.engine.dispose()
