"""The review queue: questions the bot declined and answers an asker marked 👎, for staff to
reply to, turn into a FAQ entry or dismiss. Plain data, for /unanswered, the CLI and the web admin."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from bot.errors import DomainError
from bot.models import FaqEntry, KnowledgeDocument, Passage, QuestionLog
from bot.timeutil import Clock

PAGE_SIZE = 8
Kind = Literal["declined", "disliked"]


@dataclass(frozen=True)
class Source:
    """Where the answer an asker marked 👎 came from."""

    kind: Literal["faq", "passage"]
    title: str  # the FAQ entry's own source (may be empty) or the document's title
    section: str  # the passage's section; empty for a FAQ entry


@dataclass(frozen=True)
class ReviewItem:
    """One question to review."""

    question_id: int
    kind: Kind
    question: str
    asked_at: datetime
    asker: str | None  # None when the asker's account is gone (their question stays)
    handed_over: bool  # the asker asked for a member of staff
    source: Source | None  # 👎 only; None for a declined question or a source since removed


@dataclass(frozen=True)
class ReviewPage:
    """A page of the queue, newest first, and how many items the whole queue holds."""

    items: list[ReviewItem]
    offset: int
    total: int

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.items) < self.total


def _waiting() -> ColumnElement[bool]:
    """Declined or 👎, and nobody has replied, made a FAQ entry of it or dismissed it yet.

    An asker who erased their data leaves a row without its text (for statistics): nothing to
    review there.
    """
    declined = and_(QuestionLog.answered.is_(False), QuestionLog.faq_id.is_(None))
    disliked = and_(QuestionLog.answered.is_(True), QuestionLog.feedback < 0)
    return and_(
        or_(declined, disliked),
        QuestionLog.staff_replied_at.is_(None),
        QuestionLog.reviewed_at.is_(None),
        QuestionLog.question != "",
    )


async def review_queue(
    session: AsyncSession, *, offset: int = 0, limit: int = PAGE_SIZE
) -> ReviewPage:
    """A page of the questions waiting for staff, newest first."""
    total = await session.scalar(select(func.count()).select_from(QuestionLog).where(_waiting()))
    rows = await session.scalars(
        select(QuestionLog)
        .where(_waiting())
        .order_by(QuestionLog.asked_at.desc(), QuestionLog.id.desc())
        .offset(max(offset, 0))
        .limit(limit)
    )
    questions = list(rows)
    sources = await _sources(session, questions)
    items = [
        ReviewItem(
            question_id=q.id,
            kind="disliked" if q.answered else "declined",
            question=q.question,
            asked_at=q.asked_at,
            asker=q.user.display_name if q.user is not None else None,
            handed_over=q.handed_over_at is not None,
            source=sources.get(q.id) if q.answered else None,
        )
        for q in questions
    ]
    return ReviewPage(items=items, offset=max(offset, 0), total=total or 0)


async def _sources(session: AsyncSession, questions: list[QuestionLog]) -> dict[int, Source]:
    """The source each answered question was given, by question id (two queries in all)."""
    faq_ids = {q.faq_id for q in questions if q.answered and q.faq_id is not None}
    passage_ids = {q.passage_id for q in questions if q.answered and q.passage_id is not None}
    faqs: dict[int, FaqEntry] = {}
    passages: dict[int, Passage] = {}
    if faq_ids:
        entries = await session.scalars(select(FaqEntry).where(FaqEntry.id.in_(faq_ids)))
        faqs = {e.id: e for e in entries}
    if passage_ids:
        query = (
            select(Passage)
            .where(Passage.id.in_(passage_ids))
            .options(selectinload(Passage.document).load_only(KnowledgeDocument.title))
        )
        passages = {p.id: p for p in await session.scalars(query)}
    found: dict[int, Source] = {}
    for q in questions:
        entry = faqs.get(q.faq_id) if q.faq_id is not None else None
        passage = passages.get(q.passage_id) if q.passage_id is not None else None
        if entry is not None:
            found[q.id] = Source("faq", entry.source, "")
        elif passage is not None:
            found[q.id] = Source("passage", passage.document.title, passage.section)
    return found


async def dismiss(session: AsyncSession, question_id: int, *, clock: Clock) -> bool:
    """Take a question out of the queue (Klar); False when it had already left it."""
    question = await session.get(QuestionLog, question_id)
    if question is None:
        raise DomainError("question_gone")
    if question.reviewed_at is not None:
        return False
    question.reviewed_at = clock()
    await session.flush()
    return True
