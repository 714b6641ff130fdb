"""The knowledge service: imports documents and FAQ entries, answers questions, logs them."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import and_, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from bot.db import Database
from bot.errors import DomainError
from bot.models import FaqEntry, FaqPhrasing, KnowledgeDocument, Passage, QuestionLog
from bot.services.knowledge import answerability, documents
from bot.services.knowledge.documents import BUILTIN, DocumentSummary, ImportOutcome
from bot.services.knowledge.embeddings import Embedder, from_bytes
from bot.services.knowledge.index import (
    Fusion,
    IndexedFaq,
    IndexedPassage,
    Match,
    SearchIndex,
    Semantic,
)
from bot.services.knowledge.synonyms import Synonyms, load_groups
from bot.services.knowledge.trimming import trim_like
from bot.services.question_log import QuestionLogWriter
from bot.timeutil import Clock, utc_now

log = logging.getLogger(__name__)
REINDEX_BATCH = 64
CHOSE_TOPIC, CHOSE_NONE, FORGOTTEN = "topic", "none", "forgot"  # QuestionLog.offer_choice
# An erased asker's question is emptied (bot.services.privacy): it teaches nothing any more.
LEARNED = and_(QuestionLog.offer_choice == CHOSE_TOPIC, QuestionLog.question != "")
LEARNED_MAX = 1000  # learned phrasings in all …
LEARNED_PER_PASSAGE = 20  # … and per passage, the newest
OFFER_FLOOR = 0.35  # below this the bot declines; from here up to the threshold it offers topics
OFFER_CLOSE = 0.03  # two topics this close (over the threshold too) are offered, not guessed …
SURE = 0.9  # … unless the best is this sure: then the ranking's order decides
OFFERED = 3  # at most this many topics in a "Menade du …?"
CANDIDATES = 5


@dataclass(frozen=True)
class English:
    """The English version of a passage, kept beside the index for English readers."""

    title: str
    section: str
    text: str
    original: str  # the Swedish text: its trimmed sentences pick the English ones


@dataclass(frozen=True)
class LearnedPhrasing:
    """A question an asker matched to a passage by choosing it from a "Menade du …?"."""

    id: int  # the question log row
    passage_id: int
    question: str
    asked_at: datetime


@dataclass(frozen=True)
class Decision:
    """What the bot does with a question: answer with match, offer topics, or decline."""

    answered: bool
    match: Match | None  # the best match (also when declining: its score is logged)
    offers: tuple[Match, ...] = ()  # "Menade du …?": one to three topics, best first
    opinion: bool = False  # declined because the bot's own opinion was asked for

    @property
    def offered(self) -> bool:
        return bool(self.offers)


@dataclass(frozen=True)
class AnswerResult:
    question_key: int  # QuestionLog.key: the row itself is written a moment later
    answered: bool
    match: Match | None
    offers: tuple[Match, ...] = ()
    opinion: bool = False  # declined: the bot's own opinion was asked for


class KnowledgeService:
    """Owns the in-memory index; methods that change knowledge flush but never commit.

    After committing a change, callers call `rebuild()` (or `refresh_if_changed()`, which also
    notices imports by other processes); `mark_changed()` forces the next refresh to rebuild.
    """

    def __init__(
        self,
        db: Database,
        *,
        threshold: float,
        question_log: QuestionLogWriter,
        embedder: Callable[[], Embedder | None] | None = None,
        fusion: Fusion | None = None,
        clock: Clock = utc_now,
        synonyms_file: Path | None = None,
    ) -> None:
        self.db = db
        self.threshold = threshold
        self.question_log = question_log
        self._load_embedder = embedder
        self._embedder: Embedder | None = None
        self._embedder_loaded = embedder is None
        self.fusion = fusion or Fusion()
        self._semantic_note: str | None = None  # why the index is lexical, logged once
        self.clock = clock
        self.synonyms_file = synonyms_file  # the operator's groups, beside the shipped ones
        self._index = SearchIndex.build([], [], clock=clock)
        self._english: dict[int, English] = {}  # passage id → its English version
        self._fingerprint: tuple[object, ...] | None = None
        self._lock = asyncio.Lock()

    @property
    def embedder(self) -> Embedder | None:
        """The sentence-embedding model, loaded on first use and once; None without one."""
        if not self._embedder_loaded and self._load_embedder is not None:
            self._embedder = self._load_embedder()
            self._embedder_loaded = True
        return self._embedder

    @property
    def mode(self) -> str:
        """How the current index ranks passages: lexical, semantic, rrf or weighted."""
        return self._index.mode

    def mark_changed(self) -> None:
        """Make the next `refresh_if_changed()` rebuild whatever the fingerprint says."""
        self._fingerprint = None

    async def rebuild(self) -> None:
        """Load all passages and FAQ entries and swap in a freshly built index."""
        async with self._lock, self.db.session() as session:
            fingerprint = (*await self._fingerprint_of(session), self._synonyms_stamp())
            embedder = self.embedder
            columns: list[Any] = [
                Passage.id,
                KnowledgeDocument.title,
                Passage.section,
                Passage.text,
            ]
            if embedder is not None:
                columns += [Passage.vector, Passage.vector_model]
            rows = (
                await session.execute(
                    select(*columns)
                    .join(KnowledgeDocument)
                    .order_by(KnowledgeDocument.id, Passage.position)
                )
            ).all()
            passages = [IndexedPassage(*row[:4]) for row in rows]
            translated = await session.execute(
                select(
                    Passage.id,
                    KnowledgeDocument.title_en,
                    Passage.section_en,
                    Passage.text_en,
                    Passage.text,
                )
                .join(KnowledgeDocument)
                .where(Passage.text_en.is_not(None))
            )
            english = {
                ident: English(title or "", section or "", text or "", original)
                for ident, title, section, text, original in translated
            }
            faqs = [
                IndexedFaq(e.id, tuple(p.text for p in e.phrasings), e.answer, e.source)
                for e in await self.list_faqs(session)
            ]
            learned = [(row.passage_id, row.question) for row in await self.learned(session)]
        semantic = self._semantic(embedder, rows)
        # Building is CPU work: a thread keeps the bot responsive; the swap itself is atomic.
        index = await asyncio.to_thread(self._build, passages, faqs, semantic, learned, english)
        self._index, self._english = index, english  # swapped together, with no await between
        self._fingerprint = fingerprint

    def _semantic(
        self, embedder: Embedder | None, rows: Sequence[Sequence[object]]
    ) -> Semantic | None:
        """The stored vectors as one matrix, when every passage has one from this model."""
        if embedder is None:
            return None
        stored = [row[4] for row in rows if row[5] == embedder.name]
        if len(stored) < len(rows):
            self._note(
                f"{len(rows) - len(stored)} of {len(rows)} passages have no vector from "
                f"{embedder.name}: answering from words alone until `signbot kb reindex`"
            )
            return None
        vectors = [bytes(v) for v in stored if isinstance(v, bytes | memoryview)]
        dim = len(vectors[0]) // 4 if vectors else 0
        if any(len(v) != 4 * dim for v in vectors):
            self._note("stored vectors differ in size: run `signbot kb reindex --all`")
            return None
        self._semantic_note = None
        return Semantic(embedder, from_bytes(vectors, dim))

    def _note(self, reason: str) -> None:
        if reason != self._semantic_note:
            log.warning("semantic search is off: %s", reason)
            self._semantic_note = reason

    def _build(
        self,
        passages: list[IndexedPassage],
        faqs: list[IndexedFaq],
        semantic: Semantic | None,
        learned: list[tuple[int, str]],
        english: dict[int, English],
    ) -> SearchIndex:
        synonyms = Synonyms.of(load_groups(self.synonyms_file))
        versions = {
            ident: IndexedPassage(ident, e.title, e.section, e.text) for ident, e in english.items()
        }
        return SearchIndex.build(
            passages,
            faqs,
            semantic=semantic,
            fusion=self.fusion,
            synonyms=synonyms,
            clock=self.clock,
            learned=learned,
            english=versions,
        )

    def _synonyms_stamp(self) -> tuple[int, int] | None:
        # An edited operator file (`signbot kb synonyms --add`) makes the next refresh rebuild.
        try:
            found = self.synonyms_file.stat() if self.synonyms_file is not None else None
        except OSError:
            return None
        return (found.st_mtime_ns, found.st_size) if found is not None else None

    async def refresh_if_changed(self) -> bool:
        """Rebuild when the stored knowledge differs from the index; return whether it did."""
        async with self.db.session() as session:
            fingerprint = (*await self._fingerprint_of(session), self._synonyms_stamp())
        if fingerprint == self._fingerprint:
            return False
        await self.rebuild()
        return True

    @staticmethod
    async def _fingerprint_of(session: AsyncSession) -> tuple[object, ...]:
        aggregates = (
            func.count(Passage.id),
            func.max(Passage.id),
            func.count(KnowledgeDocument.id),
            func.max(KnowledgeDocument.imported_at),
            func.count(FaqEntry.id),
            func.max(FaqEntry.id),
            func.count(FaqPhrasing.id),
            func.max(FaqPhrasing.id),
        )
        learned = (func.count(QuestionLog.id), func.max(QuestionLog.id))  # chosen topics
        query = select(
            *(select(aggregate).scalar_subquery() for aggregate in aggregates),
            *(select(aggregate).where(LEARNED).scalar_subquery() for aggregate in learned),
        )
        return tuple((await session.execute(query)).one())

    def answer_now(self, question: str, *, lang: str = "sv") -> tuple[bool, Match | None]:
        """Answer from the current index without touching the database (no topics offered)."""
        decision = self.decide(question, lang=lang, offers=False)
        return decision.answered, decision.match

    def decide(self, question: str, *, lang: str = "sv", offers: bool = True) -> Decision:
        """Answer, offer two or three topics ("Menade du …?"), or decline; no database.

        The best match answers when its confidence reaches the threshold and no other topic is
        as sure (within OFFER_CLOSE, below SURE). Otherwise the best topics (distinct sections, at most
        OFFERED) from OFFER_FLOOR up are offered; below it the bot declines. For an English
        reader a passage with an English version answers in English (same source); any other
        match stays Swedish, its `lang` telling the reader's language apart.
        """
        if answerability.asks_opinion(question):
            return Decision(False, None, opinion=True)  # the documents hold no view of its own
        if answerability.asks_the_clock(question):
            return Decision(False, None)  # "vilken dag är det idag?": no passage knows today
        index = self._index
        found = index.search(question, limit=CANDIDATES)
        if not found:
            return Decision(False, None)
        best = found[0]
        topics = _distinct(found)
        close = (
            len(topics) > 1
            and best.confidence < SURE
            and topics[1].confidence >= best.confidence - OFFER_CLOSE
        )
        if best.confidence >= self.threshold and not (offers and close):
            return Decision(True, self._localised(question, best, lang))
        passages = [m for m in topics if m.kind == "passage"]  # a FAQ entry is answered or not
        chosen = [m for m in passages[:OFFERED] if m.confidence >= OFFER_FLOOR]
        if offers and chosen:
            picked = tuple(self._localised(question, m, lang) for m in chosen)
            return Decision(False, picked[0], picked)
        answered = best.confidence >= self.threshold
        return Decision(answered, self._localised(question, best, lang))

    def passage_for(self, question: str, passage_id: int, *, lang: str = "sv") -> Match | None:
        """A passage chosen from an offer, trimmed for the question; None when it is gone."""
        index = self._index
        for doc, passage in enumerate(index.passages):
            if passage.id == passage_id:
                return self._localised(question, index.chosen(question, doc), lang)
        return None

    def _localised(self, question: str, match: Match, lang: str) -> Match:
        if lang != "en" or match.kind != "passage":
            return match
        version = self._english.get(match.id)
        if version is None:
            return match
        if match.parts:
            versions = [self._english.get(ident) for ident in match.parts]
            if not all(versions):
                return match
            texts = [(v.text, v.original) for v in versions if v is not None]
            joined = "\n".join(text for text, _ in texts), "\n".join(o for _, o in texts)
            version = replace(version, text=joined[0], original=joined[1])
        # The sentences the Swedish answer kept; by the question's terms if unaligned.
        text = trim_like(version.text, version.original, match.text) or self._index.trimmed(
            question, version.text, original=version.original
        )
        title, section = version.title, version.section
        return replace(match, text=text, title=title, section=section, lang="en")

    def answer(
        self, question: str, *, user_id: int | None, lang: str = "sv", offers: bool = True
    ) -> AnswerResult:
        """Answer (or offer topics) and queue the question for the log (written in batches)."""
        decision = self.decide(question, lang=lang, offers=offers)
        key = self.question_log.record(
            user_id=user_id,
            question=question,
            answered=decision.answered,
            match=decision.match,
            offers=decision.offers,
        )
        return AnswerResult(
            key, decision.answered, decision.match, decision.offers, decision.opinion
        )

    async def import_paths(
        self, session: AsyncSession, paths: Sequence[Path], *, keys: Sequence[str] | None = None
    ) -> list[ImportOutcome]:
        """Import files, replacing earlier imports with the same key (default: absolute path).

        A file that cannot be read is reported in its outcome and skipped; the others import.
        """
        return await documents.import_paths(session, paths, keys=keys, embedder=self.embedder)

    async def import_builtin(self, session: AsyncSession, folder: Path = BUILTIN) -> int:
        """Import the shipped Markdown files that are new or changed; return how many changed.

        Shipped passages stored before the model was there get their vectors now (once).
        """
        embedder = self.embedder
        changed = await documents.import_builtin(session, folder, embedder=embedder)
        if embedder is not None:
            while await documents.embed_missing(
                session, embedder, limit=REINDEX_BATCH, builtin_only=True
            ):
                pass
        return changed

    async def reindex(self, session: AsyncSession, *, everything: bool = False) -> int:
        """Compute the vectors of up to one batch of passages lacking this model's; count them.

        Callers commit after each batch, so a long reindex keeps what it has done. `everything`
        first forgets all stored vectors (call it once, then batches until 0).
        """
        embedder = self.embedder
        if embedder is None:
            raise DomainError("kb_semantic_unavailable")
        if everything:
            await session.execute(update(Passage).values(vector=None, vector_model=None))
        return await documents.embed_missing(session, embedder, limit=REINDEX_BATCH)

    async def vectors_missing(self, session: AsyncSession) -> tuple[int, int]:
        """How many passages lack the current model's vector, and how many there are."""
        embedder = self.embedder
        if embedder is None:
            raise DomainError("kb_semantic_unavailable")
        return await documents.count_missing(session, embedder.name)

    async def list_documents(self, session: AsyncSession) -> list[DocumentSummary]:
        """All imported documents with their passage counts, oldest first."""
        return await documents.list_documents(session)

    async def remove_document(self, session: AsyncSession, ident: str) -> DocumentSummary:
        """Remove a document by id, source key or file name."""
        return await documents.remove_document(session, ident)

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

    async def learned(
        self, session: AsyncSession, *, limit: int = LEARNED_MAX
    ) -> list[LearnedPhrasing]:
        """The questions askers matched to a passage by choosing it from an offer, newest first.

        Each is an extra phrasing of its passage that lifts it a little for similar questions
        (at most LEARNED_PER_PASSAGE per passage, LEARNED_MAX in all); staff see them with
        `signbot kb learned` and drop one with `signbot kb learned --forget ID`.
        """
        rows = await session.execute(
            select(
                QuestionLog.id,
                QuestionLog.chosen_passage_id,
                QuestionLog.question,
                QuestionLog.asked_at,
            )
            .where(LEARNED)
            .order_by(QuestionLog.id.desc())
            .limit(limit)
        )
        kept: list[LearnedPhrasing] = []
        per_passage: dict[int, int] = {}
        for ident, passage_id, question, asked_at in rows:
            if passage_id is None or per_passage.get(passage_id, 0) >= LEARNED_PER_PASSAGE:
                continue
            per_passage[passage_id] = per_passage.get(passage_id, 0) + 1
            kept.append(LearnedPhrasing(ident, passage_id, question, asked_at))
        return kept

    async def forget_learned(self, session: AsyncSession, ident: int) -> None:
        """Stop using one learned phrasing (the asker's choice stays in the log as "forgot")."""
        row = await session.get(QuestionLog, ident)
        if row is None or row.offer_choice != CHOSE_TOPIC:
            raise DomainError("kb_learned_not_found", ident=ident)
        row.offer_choice = FORGOTTEN
        await session.flush()

    async def _offered_question(
        self, session: AsyncSession, question_key: int, telegram_user_id: int
    ) -> QuestionLog:
        """The asker's own question that was answered with an offer; flush the log first."""
        row = await session.scalar(select(QuestionLog).where(QuestionLog.key == question_key))
        if row is None or row.user is None or row.user.telegram_id != telegram_user_id:
            raise DomainError("callback_not_yours")
        if not row.offered:
            raise DomainError("kb_offer_expired")
        return row

    async def choose_topic(
        self,
        session: AsyncSession,
        question_key: int,
        passage_id: int,
        *,
        telegram_user_id: int,
        lang: str,
    ) -> Match:
        """Record the asker's choice of an offered topic; return that passage as the answer."""
        row = await self._offered_question(session, question_key, telegram_user_id)
        if str(passage_id) not in (row.offered or "").split(","):
            raise DomainError("kb_offer_expired")  # forged, or not among this question's topics
        match = self.passage_for(row.question, passage_id, lang=lang)
        if match is None:
            raise DomainError("kb_offer_expired")  # the passage was removed meanwhile
        row.offer_choice, row.chosen_passage_id = CHOSE_TOPIC, passage_id
        row.answered, row.passage_id = True, passage_id
        await session.flush()
        return match

    async def choose_none(
        self, session: AsyncSession, question_key: int, *, telegram_user_id: int
    ) -> None:
        """Record that none of the offered topics was what the asker meant."""
        row = await self._offered_question(session, question_key, telegram_user_id)
        row.offer_choice, row.chosen_passage_id = CHOSE_NONE, None
        await session.flush()

    async def record_feedback(
        self, session: AsyncSession, question_key: int, *, telegram_user_id: int, helpful: bool
    ) -> None:
        """Store the asker's rating (1 helpful, -1 not); nobody else may rate. Flush the log first."""
        log = await session.scalar(select(QuestionLog).where(QuestionLog.key == question_key))
        if log is None or log.user is None or log.user.telegram_id != telegram_user_id:
            raise DomainError("callback_not_yours")
        log.feedback = 1 if helpful else -1
        await session.flush()


def _distinct(matches: Sequence[Match]) -> list[Match]:
    """The matches with one per topic (document and section), best first."""
    seen: set[tuple[str, str, str]] = set()
    topics = []
    for match in matches:
        topic = (match.kind, match.title, match.section or str(match.id))
        if topic not in seen:
            seen.add(topic)
            topics.append(match)
    return topics
