"""Fixtures for service tests: a migrated database per test (SQLite, and PostgreSQL if set)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncSession
from typer.testing import CliRunner

from bot.db import Database
from bot.entrypoints.cli import app
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


def prepare_cli_database(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    """A migrated SQLite file for shell commands, with no token, admins or staff chat set."""
    monkeypatch.chdir(tmp_path)
    for name in ("TELEGRAM_BOT_TOKEN", "SIGNBOT_ADMINS", "SIGNBOT_STAFF_CHAT_ID"):
        monkeypatch.delenv(name, raising=False)
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    assert CliRunner().invoke(app, ["db", "upgrade"]).exit_code == 0
    return url


@pytest.fixture
def database(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    """The database URL shell-command tests use (see prepare_cli_database)."""
    return prepare_cli_database(monkeypatch, tmp_path)
