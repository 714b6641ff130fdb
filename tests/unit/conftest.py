"""Fixtures for service tests: a migrated database per test (SQLite, and PostgreSQL if set)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import Database
from tests.dbutil import open_empty_database

# db_url, sqlite_template, postgres_url, clock and FakeClock live in tests/conftest.py.


@pytest.fixture
async def db(db_url: str) -> AsyncIterator[Database]:
    """A Database with empty tables, disposed after the test."""
    async with open_empty_database(db_url) as database:
        yield database


@pytest.fixture
async def session(db: Database) -> AsyncIterator[AsyncSession]:
    """One session on the test database (tests commit or flush as the services' callers do)."""
    async with db.session() as s:
        yield s
