"""Fixtures shared by unit and end-to-end tests: databases and a fake clock."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.texts.moments import use_clock
from bot.timeutil import STOCKHOLM, utc_now
from tests.dbutil import (
    BACKENDS,
    PG_SKIP_REASON,
    migrated_sqlite_template,
    postgres_server_url,
    sqlite_copy,
    temporary_postgres_database,
)

# python-telegram-bot 22 warns on every RetryAfter.retry_after unless durations are opted into
# timedelta; the bot opts in too (bot/entrypoints/bootstrap.py), and warnings are errors in this suite.
os.environ.setdefault("PTB_TIMEDELTA", "true")
# Tests use the fake embedder where they mean to; the one test of the real model loads it itself.
os.environ.setdefault("SIGNBOT_SEMANTIC_MODEL", "none")


class FakeClock:
    """A clock for tests: call it for the time, advance it by hand."""

    def __init__(self, now: datetime | None = None) -> None:
        self.now = now or datetime(2025, 3, 10, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        """Move the clock forward, e.g. advance(days=1)."""
        self.now += timedelta(**delta)


# The day texts take as "today" (for "this year" and example dates) unless a test's bot
# brings its own clock: the unit tests' dates lie in late 2026, whenever the suite runs.
TEXT_TODAY = datetime(2026, 11, 15, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def text_clock() -> Iterator[FakeClock]:
    """The texts' clock, fixed for each test and put back to the real one after it."""
    clock = FakeClock(TEXT_TODAY)
    use_clock(clock, STOCKHOLM)
    yield clock
    use_clock(utc_now, STOCKHOLM)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite file per test run, copied for each test."""
    return migrated_sqlite_template(tmp_path_factory.mktemp("sqlite-template"))


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh migrated PostgreSQL database for the test run, dropped at the end."""
    server = postgres_server_url()
    if server is None:
        pytest.skip(PG_SKIP_REASON)
    with temporary_postgres_database(server) as url:
        yield url


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty migrated database: a new SQLite file, or the run's PostgreSQL one if set."""
    if request.param == "sqlite":
        return sqlite_copy(request.getfixturevalue("sqlite_template"), tmp_path)
    url: str = request.getfixturevalue("postgres_url")
    return url


@pytest.fixture
def clock() -> FakeClock:
    """A fake clock starting at 2025-03-10 09:00 UTC."""
    return FakeClock()
