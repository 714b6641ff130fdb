"""The digest job: the leader creates due editions and commits; a failure is one log line."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.config import Settings
from bot.db import Database
from bot.entrypoints.bootstrap import build_services
from bot.models import DigestEdition
from scheduler.digest import DigestJob
from tests.conftest import FakeClock

SLOT = datetime(2026, 10, 19, 6, tzinfo=UTC)  # Monday 08:00 CEST


def _job(database_url: str, clock: FakeClock) -> DigestJob:
    settings = Settings.model_validate({"database_url": database_url})
    return DigestJob(build_services(settings, clock=clock))


async def test_the_job_creates_the_due_edition_once_and_commits(db_url: str, db: Database) -> None:
    clock = FakeClock(SLOT + timedelta(minutes=1))
    job = _job(db_url, clock)
    try:
        assert await job.run() == 1
        assert await job.run() == 0
    finally:
        await job.leader.release()
        await job.services.db.dispose()
    async with db.session() as session:
        assert list(await session.scalars(select(DigestEdition.scheduled_for))) == [SLOT]


async def test_a_process_that_does_not_lead_creates_nothing(db_url: str, db: Database) -> None:
    if db.is_sqlite:
        pytest.skip("SQLite runs one process, which always leads")
    clock = FakeClock(SLOT + timedelta(minutes=1))
    leader, follower = _job(db_url, clock), _job(db_url, clock)
    try:
        assert await leader.leader.is_leader()
        assert await follower.run() is None
        assert await leader.run() == 1
    finally:
        for job in (leader, follower):
            await job.leader.release()
            await job.services.db.dispose()


async def test_a_failing_run_is_logged_in_one_line_and_does_not_raise(
    tmp_path: object, caplog: pytest.LogCaptureFixture
) -> None:
    missing = f"sqlite:///{tmp_path}/never-migrated.db"  # no tables: every query fails
    job = _job(missing, FakeClock(SLOT))
    try:
        with caplog.at_level(logging.INFO, logger="scheduler.digest"):
            assert await job.run() is None
    finally:
        await job.services.db.dispose()
    assert [r.getMessage() for r in caplog.records] == [
        "digest schedule run failed: OperationalError"
    ]
