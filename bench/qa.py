"""Q&A engine benchmark: index build time and answer latency, shipped KB and 10,000 passages.

Run: .venv/bin/python bench/qa.py [--passages 10000] [--questions 400] [--seed 7]
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
from tests.unit.kb_cases import CASES, UNANSWERABLE  # noqa: E402

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


def timed(call: Callable[[str], object], questions: Sequence[str]) -> list[float]:
    """Milliseconds per question."""
    spent = []
    for question in questions:
        start = time.perf_counter()
        call(question)
        spent.append((time.perf_counter() - start) * 1000)
    return spent


def tokenise_only(question: str) -> object:
    """The baseline: what any answer costs at least (analysis of the question)."""
    return [stem(token) for token in content_tokens(question)]


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def run(name: str, passages: list[IndexedPassage], questions: list[str]) -> tuple[str, ...]:
    start = time.perf_counter()
    index = SearchIndex.build(passages, [])
    build = time.perf_counter() - start
    timed(index.best, questions[:20])  # warm caches
    answer = timed(index.best, questions)
    baseline = timed(tokenise_only, questions)
    p50, p95 = percentile(answer, 0.5), percentile(answer, 0.95)
    base95 = percentile(baseline, 0.95)
    return (
        name,
        f"{len(passages):>6}",
        f"{build:7.2f} s",
        f"{p50:6.2f}",
        f"{p95:6.2f}",
        f"{max(answer):7.2f}",
        f"{statistics.mean(baseline):6.3f}",
        f"{p95 / base95:6.0f}x",
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--passages", type=int, default=10_000)
    parser.add_argument("--questions", type=int, default=400)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    base = shipped()
    big = synthetic(base, args.passages, rng)
    rows = [
        run("shipped KB", base, questions_for(base, args.questions, rng)),
        run("synthetic", big, questions_for(big, args.questions, rng)),
    ]
    header = ("corpus", "passages", "build", "p50 ms", "p95 ms", "max ms", "tok ms", "p95/tok")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(cell.rjust(width) for cell, width in zip(row, widths, strict=True)))
    print(f"\n{args.questions} questions per corpus; target p95 < 20 ms at 10,000 passages.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
