"""Storing imported documents: parse files, replace earlier imports, list and remove."""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.models import KnowledgeDocument, Passage
from bot.services.knowledge.embeddings import Embedder, passage_text, to_bytes
from bot.services.knowledge.splitter import ParsedDocument, parse_document
from bot.services.knowledge.translation import EnglishDocument, mismatches, pair, read_english
from bot.timeutil import utc_now

BUILTIN = Path(__file__).resolve().parents[2] / "knowledge_base"
BUILTIN_PREFIX = "builtin:"
log = logging.getLogger(__name__)


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


def read_file(path: Path) -> tuple[ParsedDocument, str]:
    """Parse a file and hash its bytes (blocking: call it in a thread)."""
    parsed = parse_document(path)
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as error:
        raise DomainError("kb_unreadable_file", name=path.name) from error
    return parsed, digest


async def import_paths(
    session: AsyncSession,
    paths: Sequence[Path],
    *,
    keys: Sequence[str] | None = None,
    embedder: Embedder | None = None,
) -> list[ImportOutcome]:
    """Import files, replacing earlier imports with the same key (default: absolute path)."""
    outcomes = []
    for number, path in enumerate(paths):
        key = keys[number] if keys else str(path.resolve())
        try:
            parsed, digest = await asyncio.to_thread(read_file, path)
        except DomainError as error:
            outcomes.append(ImportOutcome(path.name, key, None, error=error))
            continue
        outcomes.append(
            await store(session, parsed, source_key=key, digest=digest, embedder=embedder)
        )
    return outcomes


def read_shipped(path: Path) -> tuple[ParsedDocument, EnglishDocument | None, str]:
    """A shipped file, its English version if any, and one hash of both (blocking)."""
    parsed, digest = read_file(path)
    english = read_english(path)
    if english is None:
        return parsed, None, digest
    translation, raw = english
    problems = mismatches(parsed, translation)
    if problems:  # the unpaired passages reach English readers in Swedish, with the note
        log.warning("%s: the English version does not pair up: %s", path.name, problems)
    digest = hashlib.sha256((digest + hashlib.sha256(raw).hexdigest()).encode()).hexdigest()
    return parsed, pair(parsed, translation), digest


async def store(
    session: AsyncSession,
    parsed: ParsedDocument,
    *,
    source_key: str,
    digest: str,
    english: EnglishDocument | None = None,
    embedder: Embedder | None = None,
) -> ImportOutcome:
    """Store a parsed document under a key, replacing the passages of an earlier import.

    With an embedder, each passage's vector is computed now and stored with it (once: the
    index reads stored vectors at start).
    """
    title = parsed.title[:300]
    vectors: list[bytes | None] = [None] * len(parsed.passages)
    if embedder is not None and parsed.passages:
        texts = [passage_text(title, p.section[:500], p.text) for p in parsed.passages]
        vectors = [to_bytes(v) for v in await asyncio.to_thread(embedder.passages, texts)]
    document = await session.scalar(
        select(KnowledgeDocument).where(KnowledgeDocument.source_key == source_key)
    )
    replaced = document is not None
    if document is None:
        document = KnowledgeDocument(source_key=source_key)
        session.add(document)
    else:
        await session.execute(delete(Passage).where(Passage.document_id == document.id))
    document.title = title
    document.kind = parsed.kind
    document.content_hash = digest
    document.title_en = english.title[:300] if english is not None else None
    document.imported_at = utc_now()
    await session.flush()
    translations = english.passages if english is not None else [None] * len(parsed.passages)
    paired = zip(parsed.passages, translations, strict=True)
    for position, (passage, translation) in enumerate(paired):
        session.add(
            Passage(
                document_id=document.id,
                position=position,
                section=passage.section[:500],
                text=passage.text,
                section_en=translation.section[:500] if translation is not None else None,
                text_en=translation.text if translation is not None else None,
                vector=vectors[position],
                vector_model=embedder.name if embedder is not None else None,
            )
        )
    await session.flush()
    session.expire(document, ["passages"])
    name = source_key.removeprefix(BUILTIN_PREFIX).rsplit("/", 1)[-1]
    return ImportOutcome(
        name, source_key, document.id, parsed.title, len(parsed.passages), replaced
    )


async def import_builtin(
    session: AsyncSession, folder: Path = BUILTIN, *, embedder: Embedder | None = None
) -> int:
    """Import the shipped Markdown files that are new or changed (and drop removed ones)."""
    rows = await session.execute(
        select(KnowledgeDocument.source_key, KnowledgeDocument.content_hash).where(
            KnowledgeDocument.source_key.startswith(BUILTIN_PREFIX)
        )
    )
    stored = {key: digest for key, digest in rows}
    changed = 0
    shipped = await asyncio.to_thread(lambda: sorted(folder.glob("*.md")))
    for path in shipped:
        key = BUILTIN_PREFIX + path.name
        parsed, english, digest = await asyncio.to_thread(read_shipped, path)
        if stored.get(key) != digest:
            await store(
                session,
                parsed,
                source_key=key,
                digest=digest,
                english=english,
                embedder=embedder,
            )
            changed += 1
    gone = set(stored) - {BUILTIN_PREFIX + path.name for path in shipped}
    if gone:
        await session.execute(
            delete(KnowledgeDocument).where(KnowledgeDocument.source_key.in_(gone))
        )
    return changed + len(gone)


async def list_documents(session: AsyncSession) -> list[DocumentSummary]:
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


async def remove_document(session: AsyncSession, ident: str) -> DocumentSummary:
    """Remove a document by id, source key or file name."""
    documents = await list_documents(session)
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


async def embed_missing(
    session: AsyncSession, embedder: Embedder, *, limit: int, builtin_only: bool = False
) -> int:
    """Compute and store the vectors of up to `limit` passages that lack this model's; count them."""
    query = (
        select(Passage, KnowledgeDocument.title)
        .join(KnowledgeDocument)
        .where((Passage.vector_model != embedder.name) | Passage.vector_model.is_(None))
        .order_by(Passage.id)
        .limit(limit)
    )
    if builtin_only:
        query = query.where(KnowledgeDocument.source_key.startswith(BUILTIN_PREFIX))
    rows = list((await session.execute(query)).all())
    if not rows:
        return 0
    texts = [passage_text(title, passage.section, passage.text) for passage, title in rows]
    vectors = await asyncio.to_thread(embedder.passages, texts)
    for (passage, _), vector in zip(rows, vectors, strict=True):
        passage.vector = to_bytes(vector)
        passage.vector_model = embedder.name
    await session.flush()
    return len(rows)


async def count_missing(session: AsyncSession, model: str) -> tuple[int, int]:
    """How many passages lack this model's vector, and how many there are."""
    missing = func.count(Passage.id).filter(
        (Passage.vector_model != model) | Passage.vector_model.is_(None)
    )
    row = (await session.execute(select(missing, func.count(Passage.id)))).one()
    return int(row[0]), int(row[1])
