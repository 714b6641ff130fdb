"""The question log, written behind the answers: rows are batched into one transaction."""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, select
from sqlalchemy.exc import DataError, IntegrityError, SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import Database
from bot.models import FaqEntry, Passage, QuestionLog, User
from bot.timeutil import Clock, utc_now

if TYPE_CHECKING:  # the knowledge package imports this module
    from bot.services.knowledge.index import Match

log = logging.getLogger(__name__)

FLUSH_INTERVAL = 0.2  # seconds a row may wait, so a busy minute costs few transactions
MAX_PENDING = 10_000  # while the database is unreachable, keep at most this many rows
QUESTION_LIMIT = 4000
# Errors about a row's content (a value the column refuses), not about the database being away.
# SQLite's driver raises UnicodeEncodeError itself, unwrapped, for a lone surrogate.
_REFUSED = (DataError, IntegrityError, UnicodeError)


@dataclass(frozen=True)
class QuestionRow:
    """One asked question, ready to insert."""

    key: int
    user_id: int | None
    asked_at: datetime
    question: str
    answered: bool
    score: float
    faq_id: int | None
    passage_id: int | None
    offered: str | None = None  # "Menade du …?": the offered passages' ids, "12,40,7"


def new_key() -> int:
    """A random positive 62-bit key (short enough for Telegram's 64-byte callback data)."""
    return secrets.randbits(62) or 1


class QuestionLogWriter:
    """Collects question rows and writes them in batches shortly after the answer went out.

    Readers that need a row now (feedback, hand-over, /unanswered) call flush() first, before
    they open a session of their own. A crash loses at most the last FLUSH_INTERVAL of rows.
    """

    def __init__(self, db: Database, *, clock: Clock = utc_now) -> None:
        self.db = db
        self.clock = clock
        self._pending: list[QuestionRow] = []
        self._lock = asyncio.Lock()
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self.quarantined = 0  # rows the database refused and that were dropped

    def record(
        self,
        *,
        user_id: int | None,
        question: str,
        answered: bool,
        match: Match | None,
        offers: Sequence[Match] = (),
    ) -> int:
        """Queue a row for the question and return its key."""
        key = new_key()
        self._pending.append(
            QuestionRow(
                key=key,
                user_id=user_id,
                asked_at=self.clock(),
                question=question[:QUESTION_LIMIT],
                answered=answered,
                score=match.confidence if match is not None else 0.0,
                faq_id=match.id if match is not None and match.kind == "faq" else None,
                passage_id=match.id if match is not None and match.kind == "passage" else None,
                offered=",".join(str(m.id) for m in offers) or None,
            )
        )
        if len(self._pending) > MAX_PENDING:
            del self._pending[: len(self._pending) - MAX_PENDING]
            log.warning("question log backlog over %s rows: oldest dropped", MAX_PENDING)
        self._wake.set()
        return key

    async def flush(self) -> None:
        """Write every queued row now."""
        async with self._lock:
            rows, self._pending = self._pending, []
            if not rows:
                return
            try:
                await self._write(rows)
            except _REFUSED:
                # One row the database refuses must not hold back the others: write them one
                # by one and set the refused ones aside.
                await self._write_singly(rows)
            except SQLAlchemyError as error:
                self._keep(rows, error)
                raise

    async def _write_singly(self, rows: list[QuestionRow]) -> None:
        for index, row in enumerate(rows):
            try:
                await self._write([row])
            except _REFUSED as error:
                self.quarantined += 1
                cause = getattr(error, "orig", None) or error
                log.error(
                    "question log row %s dropped: the database refused it (%s)",
                    row.key,
                    type(cause).__name__,
                )
            except SQLAlchemyError as error:
                self._keep(rows[index:], error)
                raise

    def _keep(self, rows: list[QuestionRow], error: SQLAlchemyError) -> None:
        self._pending[:0] = rows  # keep them for the next try
        log.warning("question log not written (%s rows kept): %s", len(rows), type(error).__name__)

    async def _write(self, rows: list[QuestionRow]) -> None:
        async with self.db.session() as session:
            # The index may be older than the tables, and an asker may have erased their data
            # meanwhile (another process's visitor cache can still name them): link only rows
            # that exist.
            live_passages = await _live(session, Passage.id, {r.passage_id for r in rows})
            live_faqs = await _live(session, FaqEntry.id, {r.faq_id for r in rows})
            live_users = await _live(session, User.id, {r.user_id for r in rows})
            values = [
                {
                    **asdict(row),
                    "passage_id": row.passage_id if row.passage_id in live_passages else None,
                    "faq_id": row.faq_id if row.faq_id in live_faqs else None,
                    "user_id": row.user_id if row.user_id in live_users else None,
                }
                for row in rows
            ]
            await session.execute(insert(QuestionLog), values)
            await session.commit()

    def start(self) -> None:
        """Begin writing in the background."""
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="question-log-writer")

    async def stop(self) -> None:
        """Stop the background writer and write what is left."""
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None
        try:
            await self.flush()
        except SQLAlchemyError:
            log.error("question log: %s rows could not be written at shutdown", len(self._pending))

    async def _run(self) -> None:
        while True:
            await self._wake.wait()
            await asyncio.sleep(FLUSH_INTERVAL)
            self._wake.clear()
            try:
                await self.flush()
            except SQLAlchemyError:
                await asyncio.sleep(5)  # the database is away; the rows wait in memory


async def _live(session: AsyncSession, column: Any, ids: set[int | None]) -> set[int]:
    """Which of these ids still exist in the column's table."""
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return set()
    return set(await session.scalars(select(column).where(column.in_(wanted))))
