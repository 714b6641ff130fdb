"""The knowledge service: imports documents and FAQ entries, answers questions, logs them."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from bot.db import Database
from bot.errors import DomainError
from bot.models import FaqEntry, FaqPhrasing, KnowledgeDocument, Passage, QuestionLog
from bot.services.knowledge.index import IndexedFaq, IndexedPassage, Match, SearchIndex
from bot.services.knowledge.splitter import ParsedDocument, parse_document
from bot.timeutil import utc_now

BUILTIN = Path(__file__).resolve().parents[2] / "knowledge_base"
BUILTIN_PREFIX = "builtin:"


@dataclass(frozen=True)
class AnswerResult:
    question_id: int
    answered: bool
    match: Match | None


@dataclass(frozen=True)
class ImportOutcome:
    name: str
    source_key: str
    document_id: int | None  # None when the file was skipped
    title: str = ""
    passages: int = 0
    replaced: bool = False
    error: DomainError | None = None  # its key names the catalogue text

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True)
class DocumentSummary:
    id: int
    title: str
    kind: str
    source_key: str
    passages: int
    imported_at: datetime


class KnowledgeService:
    """Owns the in-memory index; methods that change knowledge flush but never commit.

    After committing a change, callers call `rebuild()` (or `refresh_if_changed()`, which also
    notices imports by other processes); `mark_changed()` forces the next refresh to rebuild.
    """

    def __init__(self, db: Database, *, threshold: float) -> None:
        self.db = db
        self.threshold = threshold
        self._index = SearchIndex.build([], [])
        self._fingerprint: tuple[object, ...] | None = None
        self._lock = asyncio.Lock()

    def mark_changed(self) -> None:
        """Make the next `refresh_if_changed()` rebuild whatever the fingerprint says."""
        self._fingerprint = None

    async def rebuild(self) -> None:
        """Load all passages and FAQ entries and swap in a freshly built index."""
        async with self._lock, self.db.session() as session:
            fingerprint = await self._fingerprint_of(session)
            rows = await session.execute(
                select(Passage.id, KnowledgeDocument.title, Passage.section, Passage.text)
                .join(KnowledgeDocument)
                .order_by(KnowledgeDocument.id, Passage.position)
            )
            passages = [IndexedPassage(*row) for row in rows]
            faqs = [
                IndexedFaq(e.id, tuple(p.text for p in e.phrasings), e.answer, e.source)
                for e in await self.list_faqs(session)
            ]
        # Building is CPU work: a thread keeps the bot responsive; the swap itself is atomic.
        self._index = await asyncio.to_thread(SearchIndex.build, passages, faqs)
        self._fingerprint = fingerprint

    async def refresh_if_changed(self) -> bool:
        """Rebuild when the stored knowledge differs from the index; return whether it did."""
        async with self.db.session() as session:
            fingerprint = await self._fingerprint_of(session)
        if fingerprint == self._fingerprint:
            return False
        await self.rebuild()
        return True

    @staticmethod
    async def _fingerprint_of(session: AsyncSession) -> tuple[object, ...]:
        columns = [
            select(func.count(Passage.id), func.max(Passage.id)),
            select(func.count(KnowledgeDocument.id), func.max(KnowledgeDocument.imported_at)),
            select(func.count(FaqEntry.id), func.max(FaqEntry.id)),
            select(func.count(FaqPhrasing.id), func.max(FaqPhrasing.id)),
        ]
        query = select(*(column.scalar_subquery() for part in columns for column in _split(part)))
        return tuple((await session.execute(query)).one())

    def answer_now(self, question: str) -> tuple[bool, Match | None]:
        """Answer from the current index without touching the database."""
        match = self._index.best(question)
        return (match is not None and match.confidence >= self.threshold), match

    async def ask(
        self, session: AsyncSession, question: str, *, user_id: int | None
    ) -> AnswerResult:
        """Answer a question and log it (flushed, not committed)."""
        answered, match = self.answer_now(question)
        faq_id = passage_id = None
        # The index may be older than the tables: only link rows that still exist.
        if match is not None and match.kind == "faq":
            faq_id = await session.scalar(select(FaqEntry.id).where(FaqEntry.id == match.id))
        elif match is not None:
            passage_id = await session.scalar(select(Passage.id).where(Passage.id == match.id))
        log = QuestionLog(
            user_id=user_id,
            question=question[:4000],
            answered=answered,
            score=match.confidence if match else 0.0,
            faq_id=faq_id,
            passage_id=passage_id,
        )
        session.add(log)
        await session.flush()
        return AnswerResult(question_id=log.id, answered=answered, match=match)

    async def import_paths(
        self, session: AsyncSession, paths: Sequence[Path], *, keys: Sequence[str] | None = None
    ) -> list[ImportOutcome]:
        """Import files, replacing earlier imports with the same key (default: absolute path)."""
        outcomes = []
        for number, path in enumerate(paths):
            key = keys[number] if keys else str(path.resolve())
            try:
                parsed = parse_document(path)
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
            except DomainError as error:
                outcomes.append(ImportOutcome(path.name, key, None, error=error))
                continue
            except OSError:
                error = DomainError("kb_unreadable_file", name=path.name)
                outcomes.append(ImportOutcome(path.name, key, None, error=error))
                continue
            outcomes.append(await self.store(session, parsed, source_key=key, digest=digest))
        return outcomes

    async def store(
        self, session: AsyncSession, parsed: ParsedDocument, *, source_key: str, digest: str
    ) -> ImportOutcome:
        """Store a parsed document under a key, replacing the passages of an earlier import."""
        document = await session.scalar(
            select(KnowledgeDocument).where(KnowledgeDocument.source_key == source_key)
        )
        replaced = document is not None
        if document is None:
            document = KnowledgeDocument(source_key=source_key)
            session.add(document)
        else:
            await session.execute(delete(Passage).where(Passage.document_id == document.id))
        document.title = parsed.title[:300]
        document.kind = parsed.kind
        document.content_hash = digest
        document.imported_at = utc_now()
        await session.flush()
        for position, passage in enumerate(parsed.passages):
            session.add(
                Passage(
                    document_id=document.id,
                    position=position,
                    section=passage.section[:500],
                    text=passage.text,
                )
            )
        await session.flush()
        session.expire(document, ["passages"])
        name = source_key.removeprefix(BUILTIN_PREFIX).rsplit("/", 1)[-1]
        return ImportOutcome(
            name, source_key, document.id, parsed.title, len(parsed.passages), replaced
        )

    async def import_builtin(self, session: AsyncSession, folder: Path = BUILTIN) -> int:
        """Import the shipped Markdown files that are new or changed (and drop removed ones)."""
        stored = dict(
            (
                await session.execute(
                    select(KnowledgeDocument.source_key, KnowledgeDocument.content_hash).where(
                        KnowledgeDocument.source_key.startswith(BUILTIN_PREFIX)
                    )
                )
            ).tuples()
        )
        changed = 0
        shipped = sorted(folder.glob("*.md"))
        for path in shipped:
            key = BUILTIN_PREFIX + path.name
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            if stored.get(key) != digest:
                await self.store(session, parse_document(path), source_key=key, digest=digest)
                changed += 1
        gone = set(stored) - {BUILTIN_PREFIX + path.name for path in shipped}
        if gone:
            await session.execute(
                delete(KnowledgeDocument).where(KnowledgeDocument.source_key.in_(gone))
            )
        return changed + len(gone)

    async def list_documents(self, session: AsyncSession) -> list[DocumentSummary]:
        """All imported documents with their passage counts, oldest first."""
        rows = await session.execute(
            select(
                KnowledgeDocument.id,
                KnowledgeDocument.title,
                KnowledgeDocument.kind,
                KnowledgeDocument.source_key,
                func.count(Passage.id),
                KnowledgeDocument.imported_at,
            )
            .outerjoin(Passage)
            .group_by(KnowledgeDocument.id)
            .order_by(KnowledgeDocument.id)
        )
        return [DocumentSummary(*row) for row in rows]

    async def remove_document(self, session: AsyncSession, ident: str) -> DocumentSummary:
        """Remove a document by id, source key or file name."""
        documents = await self.list_documents(session)
        ident = ident.strip()
        found = [d for d in documents if ident in (str(d.id), d.source_key)] or [
            d for d in documents if Path(d.source_key.removeprefix(BUILTIN_PREFIX)).name == ident
        ]
        if len(found) != 1:
            key = "kb_document_ambiguous" if found else "kb_document_not_found"
            raise DomainError(key, ident=ident)
        await session.execute(delete(KnowledgeDocument).where(KnowledgeDocument.id == found[0].id))
        await session.flush()
        return found[0]

    async def add_faq(
        self,
        session: AsyncSession,
        phrasings: Sequence[str],
        answer: str,
        *,
        source: str = "",
        created_by: int | None = None,
    ) -> FaqEntry:
        """Add a curated FAQ entry: several phrasings of one question, one answer."""
        texts = list(dict.fromkeys(p.strip()[:500] for p in phrasings if p.strip()))
        if not texts or not answer.strip():
            raise DomainError("kb_faq_invalid")
        entry = FaqEntry(answer=answer.strip(), source=source.strip()[:300], created_by=created_by)
        entry.phrasings = [FaqPhrasing(text=text) for text in texts]
        session.add(entry)
        await session.flush()
        return entry

    async def list_faqs(self, session: AsyncSession) -> list[FaqEntry]:
        """All FAQ entries with their phrasings, oldest first."""
        query = select(FaqEntry).options(selectinload(FaqEntry.phrasings)).order_by(FaqEntry.id)
        return list((await session.scalars(query)).all())

    async def remove_faq(self, session: AsyncSession, faq_id: int) -> None:
        """Remove a FAQ entry."""
        entry = await session.get(FaqEntry, faq_id)
        if entry is None:
            raise DomainError("kb_faq_not_found", faq_id=faq_id)
        await session.delete(entry)
        await session.flush()

    async def unanswered(self, session: AsyncSession, *, limit: int = 20) -> list[QuestionLog]:
        """Recent questions the bot could not answer, newest first."""
        query = (
            select(QuestionLog)
            .where(QuestionLog.answered.is_(False))
            .order_by(QuestionLog.asked_at.desc(), QuestionLog.id.desc())
            .limit(limit)
        )
        return list((await session.scalars(query)).all())

    async def record_feedback(
        self, session: AsyncSession, question_id: int, *, telegram_user_id: int, helpful: bool
    ) -> None:
        """Store the asker's rating of an answer (1 helpful, -1 not); nobody else may rate."""
        log = await session.get(QuestionLog, question_id)
        if log is None or log.user is None or log.user.telegram_id != telegram_user_id:
            raise DomainError("callback_not_yours")
        log.feedback = 1 if helpful else -1
        await session.flush()


def _split(query: object) -> list[object]:
    return list(getattr(query, "selected_columns", []))
