"""Hostile knowledge documents: words without end import and answer in bounded time and memory."""

from __future__ import annotations

import random
import time
import tracemalloc
from pathlib import Path

import pytest
import simplemma
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import Database
from bot.services.knowledge import KnowledgeService
from bot.services.knowledge.analyzer import MAX_CUTS, MAX_TOKEN, Decompounder, raw_tokens, stem
from bot.services.knowledge.index import IndexedPassage, SearchIndex
from bot.services.question_log import QuestionLogWriter

INTRO = "# Avtalet\n\nÖverenskommelsen är ett avtal mellan regionen och civilsamhället.\n\n"
SIX_MB = 6_000_000
# Generous: before the cap a 20,000-letter word took 822 MB and 100,000 letters ran out of memory.
# The speller's word counts hold a document's words once more while the index is built (a 6 MB
# chain of 1.5 million hyphenated words peaks near 210 MB): linear in the document, not more.
MEMORY_BOUND = 250_000_000
SECONDS_BOUND = 60.0


@pytest.fixture
def service(db: Database) -> KnowledgeService:
    return KnowledgeService(db, threshold=0.5, question_log=QuestionLogWriter(db))


@pytest.mark.parametrize(
    ("suffix", "body"),
    [
        pytest.param(".md", "ord" * (SIX_MB // 3), id="one-word"),
        pytest.param(".md", "7" * SIX_MB, id="one-number"),
        # Plain text: markdown-it's inline parser alone takes ~12 s over 6 MB of "ord-ord-…".
        pytest.param(".txt", "-".join(["ord"] * (SIX_MB // 4)), id="one-hyphenated-word"),
        pytest.param(
            ".txt", "Avtaletmellanregionenochcivilsamhället" * (SIX_MB // 38), id="pdf-text"
        ),
    ],
)
async def test_a_spaceless_document_imports_and_answers_in_bounded_time_and_memory(
    service: KnowledgeService, session: AsyncSession, tmp_path: Path, suffix: str, body: str
) -> None:
    path = (tmp_path / "hostile").with_suffix(suffix)
    path.write_text(INTRO + body + "\n", encoding="utf-8")
    stem.cache_clear()
    # The Swedish dictionary (about 100 MB, loaded once per process) is a fixed cost, not the
    # document's: load it before measuring, whichever case runs first.
    simplemma.is_known("och", lang="sv")
    started = time.perf_counter()
    tracemalloc.start()
    try:
        outcomes = await service.import_paths(session, [path])
        await session.commit()
        await service.rebuild()
        answered, match = service.answer_now("Vad är överenskommelsen?")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    elapsed = time.perf_counter() - started
    assert outcomes[0].ok
    assert answered and match is not None and match.text.startswith("Överenskommelsen är")
    # The document itself is held a few times over (file, parsed passages, database row).
    assert peak < MEMORY_BOUND, f"peak {peak / 1e6:.0f} MB"
    assert elapsed < SECONDS_BOUND, f"{elapsed:.1f} s"


def test_words_longer_than_the_cap_are_not_tokens() -> None:
    longest = "a" * MAX_TOKEN
    assert raw_tokens(f"{longest} {longest}a dialog 1{'0' * MAX_TOKEN}") == [longest, "dialog"]


def test_a_question_made_of_one_huge_word_is_answered_quickly() -> None:
    index = SearchIndex.build([IndexedPassage(1, "Avtalet", "", "Ett ord om ordet.")], [])
    started = time.perf_counter()
    assert index.best("Vad är " + "ord" * 1_000_000 + "?") is None
    assert index.best("Vad är ordet?") is not None
    assert time.perf_counter() - started < 5.0


def test_the_compound_splitter_tries_a_bounded_number_of_cuts_per_word() -> None:
    # Every prefix of "ordordord…" is a known stem: without a bound the splitter tries every cut
    # at every depth; with it, the work per word is at most MAX_CUTS head look-ups.
    random.seed(7)
    pieces = ["ord", "orde", "ordo", "rdo", "dor"]
    vocabulary = {stem(word) for k in range(1, MAX_TOKEN) for word in ("ord" * k, "rdo" * k)}
    vocabulary |= {stem(piece) for piece in pieces}
    counting = _CountingDecompounder(vocabulary)
    words = {"".join(random.choices(pieces, k=16))[:MAX_TOKEN] for _ in range(300)}
    for word in words:
        counting.looked_up = 0
        counting.parts(word)
        assert counting.looked_up <= 2 * MAX_CUTS + MAX_TOKEN, word
    assert Decompounder({stem("dialog"), stem("möte")}).parts("dialogmötet") == (
        stem("dialog"),
        stem("mötet"),
    )


class _CountingDecompounder(Decompounder):
    looked_up = 0

    def _known_head(self, head: str) -> str | None:
        self.looked_up += 1
        return super()._known_head(head)
