"""The write-behind question log and the visitor cache."""

from __future__ import annotations

import asyncio

from sqlalchemy import delete, select, text
from sqlalchemy.exc import SQLAlchemyError

from bot.db import Database
from bot.models import KnowledgeDocument, Passage, QuestionLog, User
from bot.services import question_log as question_log_module
from bot.services.knowledge.index import Match
from bot.services.question_log import QuestionLogWriter
from bot.services.visitors import VisitorCache
from tests.conftest import FakeClock


async def _rows(db: Database) -> list[QuestionLog]:
    async with db.session() as session:
        return list((await session.scalars(select(QuestionLog).order_by(QuestionLog.id))).all())


async def _passage(db: Database) -> int:
    async with db.session() as session:
        document = KnowledgeDocument(source_key="k", title="T", kind="markdown", content_hash="h")
        document.passages = [Passage(position=0, section="S", text="Text.")]
        session.add(document)
        await session.commit()
        return document.passages[0].id


def _match(passage_id: int) -> Match:
    return Match(
        kind="passage", id=passage_id, text="Text.", title="T", section="S", confidence=0.9
    )


async def test_rows_are_written_in_one_batch_with_their_keys(
    db: Database, clock: FakeClock
) -> None:
    passage_id = await _passage(db)
    writer = QuestionLogWriter(db, clock=clock)
    keys = [
        writer.record(user_id=None, question=f"fråga {n}", answered=True, match=_match(passage_id))
        for n in range(3)
    ]
    assert await _rows(db) == []
    await writer.flush()
    rows = await _rows(db)
    assert [row.key for row in rows] == keys
    assert {row.passage_id for row in rows} == {passage_id}
    assert all(row.asked_at == clock.now for row in rows)
    await writer.flush()
    assert len(await _rows(db)) == 3


async def test_a_passage_deleted_meanwhile_is_not_linked(db: Database, clock: FakeClock) -> None:
    passage_id = await _passage(db)
    writer = QuestionLogWriter(db, clock=clock)
    writer.record(user_id=None, question="fråga", answered=True, match=_match(passage_id))
    async with db.session() as session:
        await session.execute(delete(KnowledgeDocument))
        await session.commit()
    await writer.flush()
    (row,) = await _rows(db)
    assert row.passage_id is None and row.answered


async def test_the_background_writer_writes_soon_and_stop_writes_the_rest(
    db: Database, monkeypatch: object
) -> None:
    setattr(question_log_module, "FLUSH_INTERVAL", 0.01)  # noqa: B010 - speed up the test
    writer = QuestionLogWriter(db)
    writer.start()
    try:
        writer.record(user_id=None, question="först", answered=False, match=None)
        for _ in range(200):
            if await _rows(db):
                break
            await asyncio.sleep(0.01)
        assert [row.question for row in await _rows(db)] == ["först"]
        writer.record(user_id=None, question="sist", answered=False, match=None)
    finally:
        await writer.stop()
        setattr(question_log_module, "FLUSH_INTERVAL", 0.2)  # noqa: B010
    assert [row.question for row in await _rows(db)] == ["först", "sist"]


async def test_rows_wait_while_the_database_refuses_them(db: Database) -> None:
    writer = QuestionLogWriter(db)
    writer.record(user_id=None, question="medan databasen vägrar", answered=False, match=None)
    async with db.session() as session:  # the table is gone for a moment
        await session.execute(text("ALTER TABLE question_log RENAME TO question_log_away"))
        await session.commit()
    try:
        await writer.flush()
    except SQLAlchemyError:
        pass
    else:
        raise AssertionError("the write should have been refused")
    async with db.session() as session:
        await session.execute(text("ALTER TABLE question_log_away RENAME TO question_log"))
        await session.commit()
    assert await _rows(db) == []
    await writer.flush()
    assert [row.question for row in await _rows(db)] == ["medan databasen vägrar"]


def test_visitors_are_remembered_for_a_minute(clock: FakeClock) -> None:
    cache = VisitorCache(clock=clock)
    user = User(id=7, telegram_id=70, language="en")
    assert cache.get(70) is None
    cache.remember(user)
    visitor = cache.get(70)
    assert visitor is not None and (visitor.user_id, visitor.language) == (7, "en")
    clock.advance(seconds=61)
    assert cache.get(70) is None


async def test_an_asker_who_erased_their_data_meanwhile_is_not_linked(
    db: Database, clock: FakeClock
) -> None:
    writer = QuestionLogWriter(db, clock=clock)
    writer.record(user_id=424242, question="fråga", answered=False, match=None)
    await writer.flush()  # the foreign key would refuse the whole batch, again and again
    async with db.session() as session:
        row = await session.scalar(select(QuestionLog))
    assert row is not None and row.user_id is None
