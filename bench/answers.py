"""Answer quality on the dev set: hits per kind, mistakes, and latency per question.

The shipped knowledge base is imported into a throw-away SQLite database and every question of
bench/devset/answers.tsv is asked as the chat asks it (`signbot kb eval` scores the same way).
Latency is compared with a trivial call timed in the same run (normalising the question's
text), so figures from a busy machine stay comparable: report the ratio before and after.

Run: .venv/bin/python bench/answers.py [--devset FILE] [--rounds 5] [--misses 0]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot import migrate  # noqa: E402
from bot.config import load_settings  # noqa: E402
from bot.entrypoints.bootstrap import build_services, prepare_knowledge  # noqa: E402
from bot.services.knowledge.evaluation import (  # noqa: E402
    Ask,
    Report,
    clock_on,
    evaluate,
    normalise,
    parse_devset,
    replier,
)
from bot.services.knowledge.evaluation_text import report_lines  # noqa: E402
from bot.texts.answers import source_label  # noqa: E402

DEVSET = ROOT / "bench" / "devset" / "answers.tsv"


def timed(call: Callable[[str], object], questions: Sequence[str], rounds: int) -> list[float]:
    """Milliseconds per question, every question asked `rounds` times."""
    spent = []
    for _ in range(rounds):
        for question in questions:
            start = time.perf_counter()
            call(question)
            spent.append((time.perf_counter() - start) * 1000)
    return spent


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def measure(devset_text: str, rounds: int) -> tuple[Report, list[float], list[float]]:
    """The report and the latencies (answer, baseline) on a fresh database."""
    devset = parse_devset(devset_text)
    with tempfile.TemporaryDirectory() as folder:
        settings = load_settings(database_url=f"sqlite:///{Path(folder) / 'bench.db'}")
        migrate.upgrade(settings.database_url)
        services = build_services(settings)
        try:
            if devset.today is not None:
                services.knowledge.clock = clock_on(devset.today)
            await prepare_knowledge(services)
            ask: Ask = replier(services.knowledge, lambda match: source_label(match, "sv"))
            report = evaluate(devset, ask)
            questions = [case.question for case in devset.cases]
            timed(ask, questions, 1)  # warm caches
            answer = timed(ask, questions, rounds)
            baseline = timed(normalise, questions, rounds)
        finally:
            await services.db.dispose()
    return report, answer, baseline


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--devset", type=Path, default=DEVSET)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--misses", type=int, default=0)
    args = parser.parse_args()
    report, answer, baseline = asyncio.run(
        measure(args.devset.read_text(encoding="utf-8"), max(args.rounds, 1))
    )
    print("\n".join(report_lines(report, misses=args.misses)))
    p50, p95 = percentile(answer, 0.5), percentile(answer, 0.95)
    b50, b95 = percentile(baseline, 0.5), percentile(baseline, 0.95)
    print(
        f"\nlatency per question ({len(answer)} answers):"
        f" p50 {p50:.2f} ms, p95 {p95:.2f} ms, max {max(answer):.2f} ms"
        f"\nbaseline (normalising the text): p50 {b50 * 1000:.1f} µs, p95 {b95 * 1000:.1f} µs"
        f"\nratio answer/baseline: p50 {p50 / b50:.0f}x, p95 {p95 / b95:.0f}x"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
