"""A dev-set report as plain text (a table per kind, then the misses) or as JSON-ready data."""

from __future__ import annotations

from typing import Any

from bot.services.knowledge.evaluation import KindScore, Outcome, Report

SNIPPET = 100  # characters of a wrong answer shown with a miss

VERDICT_LABEL = {
    "wrong_answer": "wrong answer",
    "false_answer": "answered, should decline",
    "false_decline": "declined, should answer",
    "wrong_offer": "offered topics without the answer",
}


def table_lines(report: Report) -> list[str]:
    """Hits per kind and overall, with counts and percentages, as aligned lines."""
    width = max(len(row.kind) for row in [*report.kinds, report.overall])
    rows = [f"{'kind':<{width}}  {'hits':>4}  {'total':>5}  {'%':>5}  {'offers':>6}"]
    rows += [_row(row, width) for row in report.kinds]
    rows += ["-" * len(rows[0]), _row(report.overall, width)]
    return rows


def _row(row: KindScore, width: int) -> str:
    return (
        f"{row.kind:<{width}}  {row.hits:>4}  {row.total:>5}  {row.percent:>5.1f}  {row.offers:>6}"
    )


def report_lines(report: Report, *, misses: int) -> list[str]:
    """The whole report: skipped lines, the table, the mistakes counted, the first misses."""
    lines = [f"line {bad.line}: skipped, {bad.reason}" for bad in report.bad_lines]
    if lines:
        lines.append("")
    lines += table_lines(report)
    lines += [
        "",
        f"false answers (answered a question to decline): {report.false_answers}",
        f"false declines (declined an answerable question): {report.false_declines}",
        f"wrong answers (answered without the expected text): {report.wrong_answers}",
        f'offers ("Menade du …?", right or not): {report.offers}, '
        f"{report.wrong_offers} without the answer among the topics",
    ]
    shown = report.misses[: max(misses, 0)]
    if shown:
        lines += ["", f"misses ({len(shown)} of {len(report.misses)}):"]
        for outcome in shown:
            lines += _miss_lines(outcome)
    return lines


def _miss_lines(outcome: Outcome) -> list[str]:
    case, reply = outcome.case, outcome.reply
    expected = " | ".join(case.expected) if case.expected else "(decline)"
    question = " / ".join(part.strip() for part in case.question.splitlines())
    lines = [
        f"- line {case.line} [{case.kind}] {VERDICT_LABEL[outcome.verdict]}: {question}",
        f"    expected: {expected}",
    ]
    if reply.offers:
        topics = "; ".join(f"{m.section or m.title} ({m.confidence:.2f})" for m in reply.offers)
        lines.append(f"    offered:  {topics}")
    elif reply.answered:
        lines.append(f"    answered: {snippet(reply.text or '')}")
        lines.append(f"    source:   {reply.source} (score {reply.score:.2f})")
    else:
        lines.append(f"    declined (best score {reply.score:.2f})")
    return lines


def snippet(text: str, limit: int = SNIPPET) -> str:
    """The first characters of an answer on one line, with … when cut."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def report_data(report: Report, *, misses: int) -> dict[str, Any]:
    """The report as JSON-ready data (misses limited as in the text report)."""
    return {
        "kinds": [_score(row) for row in report.kinds],
        "overall": _score(report.overall),
        "false_answers": report.false_answers,
        "false_declines": report.false_declines,
        "wrong_answers": report.wrong_answers,
        "offers": report.offers,
        "wrong_offers": report.wrong_offers,
        "misses": [_miss(outcome) for outcome in report.misses[: max(misses, 0)]],
        "missed": len(report.misses),
        "bad_lines": [{"line": bad.line, "reason": bad.reason} for bad in report.bad_lines],
    }


def _score(row: KindScore) -> dict[str, Any]:
    return {
        "kind": row.kind,
        "hits": row.hits,
        "total": row.total,
        "percent": round(row.percent, 1),
        "offers": row.offers,
    }


def _miss(outcome: Outcome) -> dict[str, Any]:
    case, reply = outcome.case, outcome.reply
    return {
        "line": case.line,
        "kind": case.kind,
        "question": case.question,
        "expected": list(case.expected),
        "verdict": outcome.verdict,
        "answered": reply.answered,
        "answer": snippet(reply.text) if reply.text is not None else None,
        "source": reply.source,
        "score": round(reply.score, 3),
        "offered": [m.section or m.title for m in reply.offers],
    }
