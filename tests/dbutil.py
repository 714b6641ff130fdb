"""Database helpers for tests: migrated SQLite files and throwaway PostgreSQL databases."""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import text
from sqlalchemy.engine import make_url

from bot import migrate
from bot.db import Database
from bot.models import Base

PG_ENV = "TEST_DATABASE_URL"
PG_SKIP_REASON = f"{PG_ENV} not set"

# Parameters for a fixture that runs each test on every database the machine offers.
BACKENDS: list[Any] = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param(
        "postgresql",
        id="postgresql",
        marks=pytest.mark.skipif(not os.environ.get(PG_ENV), reason=PG_SKIP_REASON),
    ),
]


def sqlite_url(path: Path) -> str:
    """The database URL of an SQLite file."""
    return f"sqlite:///{path}"


def migrated_sqlite_template(folder: Path) -> Path:
    """Migrate a new SQLite file once; tests copy it instead of migrating again."""
    path = folder / "template.db"
    migrate.upgrade(sqlite_url(path))
    return path


def sqlite_copy(template: Path, folder: Path) -> str:
    """A fresh, migrated SQLite database in folder, copied from the template."""
    path = folder / "test.db"
    shutil.copyfile(template, path)
    return sqlite_url(path)


def postgres_server_url() -> str | None:
    """The PostgreSQL server URL from the environment, or None if tests should skip it."""
    return os.environ.get(PG_ENV) or None


def _conninfo(server_url: str, database: str) -> str:
    url = make_url(server_url.replace("postgres://", "postgresql://", 1))
    url = url.set(drivername="postgresql", database=database)
    return url.render_as_string(hide_password=False)


@contextmanager
def temporary_postgres_database(server_url: str) -> Iterator[str]:
    """Create a uniquely named, migrated database on the server; drop it afterwards."""
    name = f"signbot_test_{secrets.token_hex(6)}"
    admin = _conninfo(server_url, "postgres")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        url = _conninfo(server_url, name)
        migrate.upgrade(url)
        yield url
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            # FORCE: a test that leaked a connection must not leave the database behind.
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


async def empty_tables(db: Database) -> None:
    """Delete every row (keeping the schema) so a shared database starts each test empty."""
    tables = [table.name for table in Base.metadata.sorted_tables]
    async with db.engine.begin() as conn:
        if db.is_sqlite:
            for name in reversed(tables):
                await conn.execute(text(f'DELETE FROM "{name}"'))
        else:
            # A connection a failed test left open in a transaction must fail this test's setup
            # with a lock error, not hang the whole run.
            await conn.execute(text("SET LOCAL lock_timeout = '20s'"))
            names = ", ".join(f'"{name}"' for name in tables)
            await conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


@asynccontextmanager
async def open_empty_database(url: str) -> AsyncIterator[Database]:
    """A Database on url with all tables emptied, disposed when the block ends."""
    db = Database(url)
    try:
        await empty_tables(db)
        yield db
    finally:
        await db.dispose()
