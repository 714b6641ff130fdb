"""The retention job: question texts (and comments on old polls) are blanked after N months."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import cast

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.db import Database
from bot.entrypoints.bootstrap import build_services
from bot.models import PollStatus, PollVote, QuestionLog
from bot.services import polls, privacy
from bot.services.container import Services
from bot.services.leader import LeaderLock
from bot.services.polls import PollDraft
from scheduler.privacy import RetentionJob
from tests.conftest import FakeClock
from tests.unit.test_delivery_support import add_user

NOW = datetime(2026, 3, 31, 10, 0, tzinfo=UTC)
KEY = b"retention-key"


def test_months_before_counts_calendar_months() -> None:
    assert privacy.months_before(NOW, 1) == datetime(2026, 2, 28, 10, 0, tzinfo=UTC)
    assert privacy.months_before(NOW, 12) == datetime(2025, 3, 31, 10, 0, tzinfo=UTC)
    assert privacy.months_before(NOW, 15) == datetime(2024, 12, 31, 10, 0, tzinfo=UTC)


async def _questions(session: AsyncSession, *ages_in_days: int) -> None:
    for number, age in enumerate(ages_in_days, start=1):
        session.add(
            QuestionLog(
                key=number,
                asked_at=NOW - timedelta(days=age),
                question=f"fråga {number}",
                answered=True,
            )
        )
    await session.commit()


async def test_only_texts_older_than_the_limit_are_blanked(session: AsyncSession) -> None:
    await _questions(session, 400, 366, 364, 10)
    clock = FakeClock(NOW)

    blanked = await privacy.purge_old_questions(session, clock=clock, months=12)
    await session.commit()

    rows = list(await session.scalars(select(QuestionLog).order_by(QuestionLog.key)))
    assert blanked == 2
    assert [row.question for row in rows] == ["", "", "fråga 3", "fråga 4"]
    assert await privacy.purge_old_questions(session, clock=clock, months=12) == 0


async def test_comments_on_long_closed_polls_are_removed(session: AsyncSession) -> None:
    clock = FakeClock(NOW - timedelta(days=500))
    voter = (await add_user(session, 1001)).id
    draft = PollDraft(question="Hur var mötet?", options=("Bra", "Dåligt"), allow_comment=True)
    old = await polls.create(session, draft, created_by=None, clock=clock)
    await polls.comment(session, old.id, voter, "För kort", key=KEY, clock=clock)
    await polls.close(session, old.id, clock=clock)
    clock.now = NOW - timedelta(days=5)
    recent = await polls.create(session, draft, created_by=None, clock=clock)
    await polls.comment(session, recent.id, voter, "Bra tempo", key=KEY, clock=clock)
    old_id, recent_id = old.id, recent.id
    await session.commit()

    removed = await privacy.purge_old_comments(session, clock=FakeClock(NOW), months=12)
    await session.commit()

    comments = {
        row.poll_id: row.comment
        for row in await session.execute(select(PollVote.poll_id, PollVote.comment))
    }
    assert removed == 1
    assert comments == {old_id: None, recent_id: "Bra tempo"}
    assert (await polls.get(session, old_id)).status == PollStatus.CLOSED


class _Leader:
    """A leader lock that answers as told."""

    def __init__(self, leading: bool) -> None:
        self.leading = leading

    async def is_leader(self) -> bool:
        return self.leading


def _job(services: Services, *, leading: bool) -> RetentionJob:
    return RetentionJob(services, cast(LeaderLock, _Leader(leading)))


async def test_the_job_runs_only_on_the_leader(db: Database, db_url: str) -> None:
    async with db.session() as session:
        await _questions(session, 400, 10)
    settings = Settings.model_validate({"database_url": db_url, "question_retention_months": 12})
    services = build_services(settings, clock=FakeClock(NOW))
    try:
        assert await _job(services, leading=False).run() is None
        assert await _job(services, leading=True).run() == 1
        assert await _job(services, leading=True).run() == 0
    finally:
        await services.db.dispose()


async def test_the_job_survives_a_missing_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'missing' / 'bot.db'}"
    services = build_services(Settings.model_validate({"database_url": url}))
    try:
        assert await _job(services, leading=True).run() is None
    finally:
        await services.db.dispose()
