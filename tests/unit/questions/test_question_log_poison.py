"""A row the database refuses (NUL, lone surrogate) is dropped; the rest of the batch is written."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import select

from bot.db import Database
from bot.models import QuestionLog
from bot.services.question_log import QuestionLogWriter
from tests.conftest import FakeClock

POISON = ["NUL \x00 i frågan", "ensam surrogat \ud800"]


async def _questions(db: Database) -> list[str]:
    async with db.session() as session:
        return list(await session.scalars(select(QuestionLog.question).order_by(QuestionLog.id)))


@pytest.mark.parametrize("poison", POISON, ids=["nul", "surrogate"])
async def test_a_refused_row_is_set_aside_and_the_log_keeps_working(
    db: Database, clock: FakeClock, poison: str, caplog: pytest.LogCaptureFixture
) -> None:
    writer = QuestionLogWriter(db, clock=clock)
    writer.record(user_id=None, question="före", answered=False, match=None)
    writer.record(user_id=None, question=poison, answered=False, match=None)
    writer.record(user_id=None, question="efter", answered=False, match=None)
    with caplog.at_level(logging.ERROR, logger="bot.services.question_log"):
        await writer.flush()
    stored = await _questions(db)
    assert stored[0] == "före" and stored[-1] == "efter"
    # PostgreSQL refuses both; SQLite stores a NUL but its driver cannot encode a surrogate.
    refused = not db.is_sqlite or poison == POISON[1]
    assert writer.quarantined == int(refused)
    if refused:
        assert stored == ["före", "efter"]
        assert len(caplog.records) == 1 and "dropped" in caplog.records[0].getMessage()
    writer.record(user_id=None, question="senare", answered=False, match=None)
    await writer.flush()
    await writer.stop()
    assert (await _questions(db))[-1] == "senare"
