"""The dev-set evaluation: reading the TSV, the scoring rules, the report, the real base."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import Database
from bot.services.knowledge import KnowledgeService
from bot.services.knowledge.evaluation import (
    BadLine,
    DevCase,
    DevSet,
    Reply,
    clock_on,
    evaluate,
    parse_devset,
    replier,
    verdict,
)
from bot.services.knowledge.evaluation_text import report_data, report_lines, table_lines
from bot.services.knowledge.index import Match
from bot.services.question_log import QuestionLogWriter
from bot.texts.answers import source_label
from tests.unit.questions.shipped import load_shipped

DEVSET = Path(__file__).resolve().parents[3] / "bench" / "devset" / "answers.tsv"

TINY = (
    "question\texpected\tkind\n"
    "Hur många underskrivare?\t125\tdirect\n"
    "# a comment, then a blank line\n"
    "\n"
    "Vad kostar kommunikationen?\t80 000 | åttiotusen\tdirect\n"
    "Hej!\\nvem är processledare\tErica Sjölin\tlong_chatty\n"
    "only two columns\t125\n"
    "Vädret?\t-\trefuse_chat\n"
    "Skämt?\t-\trefuse_chat\n"
)


def case(expected: str, kind: str = "direct") -> DevCase:
    parsed = parse_devset(f"fråga\t{expected}\t{kind}\n")
    assert parsed.bad_lines == []
    return parsed.cases[0]


def said(text: str) -> Reply:
    return Reply(answered=True, text=text, source="Budget 2026", score=0.9)


DECLINED = Reply(answered=False, text=None, source=None, score=0.2)


def test_a_devset_is_read_with_its_line_numbers_and_bad_lines_reported() -> None:
    devset = parse_devset(TINY)
    assert [(c.line, c.kind, c.expected) for c in devset.cases] == [
        (2, "direct", ("125",)),
        (5, "direct", ("80 000", "åttiotusen")),
        (6, "long_chatty", ("Erica Sjölin",)),
        (8, "refuse_chat", ()),
        (9, "refuse_chat", ()),
    ]
    assert devset.cases[2].question == "Hej!\nvem är processledare"
    assert devset.bad_lines == [
        BadLine(7, "expected 3 tab-separated columns (question, expected, kind), found 2")
    ]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("\t125\tdirect", "the question is empty"),
        ("Fråga\t\tdirect", "the expected column is empty"),
        ("Fråga\t | \tdirect", "the expected column is empty"),
        ("Fråga\t125\tDirect kind", "is not a lower-case word"),
        ("Fråga\t125 | -\tdirect", "cannot be one alternative among others"),
        ("Fråga\t-\tdirect", "goes with a refuse_* kind"),
        ("Fråga\t125\trefuse_near", "goes with a refuse_* kind"),
        ("Fråga\t125\tdirect\textra", "found 4"),
    ],
)
def test_every_kind_of_malformed_line_is_skipped_with_its_number(line: str, reason: str) -> None:
    devset = parse_devset(f"question\texpected\tkind\nBra fråga\t125\tdirect\n{line}\n")
    assert [c.line for c in devset.cases] == [2]
    assert [bad.line for bad in devset.bad_lines] == [3]
    assert reason in devset.bad_lines[0].reason


def test_a_devset_says_which_day_its_questions_assume() -> None:
    devset = parse_devset("# today: 2025-11-20 (plan 2026 is next year)\nfråga\t125\tdirect\n")
    assert devset.today == date(2025, 11, 20)
    assert clock_on(date(2025, 11, 20))() == datetime(2025, 11, 20, 11, tzinfo=UTC)
    assert parse_devset("fråga\t125\tdirect\n").today is None
    broken = parse_devset("# today: 20 november\nfråga\t125\tdirect\n")
    assert [bad.line for bad in broken.bad_lines] == [1]
    assert "2025-11-20" in broken.bad_lines[0].reason


def test_an_answer_is_scored_with_the_source_line_the_reader_sees_under_it() -> None:
    mandate = Reply(
        True, "Nomineringen är viktig.", "Organisation – Ny mandatperiod 2027–2030", 0.9
    )
    assert verdict(case("2027-2030"), mandate) == "hit"
    assert verdict(case("2031"), mandate) == "wrong_answer"


def test_declines_are_right_only_where_due_and_answers_only_with_the_expected_text() -> None:
    assert verdict(case("-", "refuse_chat"), DECLINED) == "hit"
    assert verdict(case("-", "refuse_near"), said("Budgeten är 80 000 kr.")) == "false_answer"
    assert verdict(case("80 000"), DECLINED) == "false_decline"
    assert verdict(case("80 000"), said("Kommunikation: 80 000 kr")) == "hit"
    assert verdict(case("80 000"), said("Processledare: 595 000 kr")) == "wrong_answer"
    assert verdict(case("Erica Sjölin | processledaren"), said("Fråga PROCESSLEDAREN.")) == "hit"


@pytest.mark.parametrize(
    ("expected", "answer"),
    [
        ("erica sjölin", "Kontakta Erica Sjölin."),  # case
        ("1 470 000", "totalt 1\u00a0470\u00a0000 kr"),  # non-breaking spaces
        ("1 470 000", "totalt 1\u202f470  000 kr"),  # narrow no-break space, double space
        ("2027–2030", "mandatperioden 2027-2030"),  # en dash against hyphen
        ("2027-2030", "mandatperioden 2027—2030"),  # hyphen against em dash
        ("Jämbördig dialog", "jämbördig\ndialog"),  # a line break is a space
        ("Ökade kunskaper", "O\u0308kade kunskaper"),  # decomposed Ö
        ("3,1", "en uppräkning med 3,1 %"),
    ],
)
def test_answers_are_compared_normalised(expected: str, answer: str) -> None:
    assert verdict(case(expected), said(answer)) == "hit"


@pytest.mark.parametrize(
    ("expected", "answer"),
    [
        ("80 000", "Dialogmöten: 180 000 kr"),
        ("10", "sedan 2010"),
        ("10", "10000 kronor"),
        ("125", "1250 medlemmar"),
    ],
)
def test_a_figure_matches_only_whole(expected: str, answer: str) -> None:
    assert verdict(case(expected), said(answer)) == "wrong_answer"


def fake_bot(question: str) -> Reply:
    """Knows the number of signatories and answers the weather with a budget line."""
    if "underskrivare" in question:
        return Reply(True, "Överenskommelsen har 125 underskrivare.", "Om överenskommelsen", 0.8)
    if "Vädret" in question:
        return said("Kommunikation: 80 000 kr. " + "Mer text om budgeten. " * 10)
    return DECLINED


def test_the_report_counts_per_kind_and_lists_the_misses() -> None:
    report = evaluate(parse_devset(TINY), fake_bot)
    assert [(k.kind, k.hits, k.total) for k in report.kinds] == [
        ("direct", 1, 2),
        ("long_chatty", 0, 1),
        ("refuse_chat", 1, 2),
    ]
    assert (report.overall.hits, report.overall.total) == (2, 5)
    assert report.overall.percent == 40.0
    assert (report.false_answers, report.false_declines, report.wrong_answers) == (1, 2, 0)
    assert [(m.case.line, m.verdict) for m in report.misses] == [
        (5, "false_decline"),
        (6, "false_decline"),
        (8, "false_answer"),
    ]
    lines = report_lines(report, misses=2)
    assert lines[0] == "line 7: skipped, expected 3 tab-separated columns " + (
        "(question, expected, kind), found 2"
    )
    assert table_lines(report) == [
        "kind         hits  total      %  offers",
        "direct          1      2   50.0       0",
        "long_chatty     0      1    0.0       0",
        "refuse_chat     1      2   50.0       0",
        "---------------------------------------",
        "overall         2      5   40.0       0",
    ]
    text = "\n".join(lines)
    assert "false answers (answered a question to decline): 1" in text
    assert "false declines (declined an answerable question): 2" in text
    assert "misses (2 of 3):" in text
    assert "- line 6 [long_chatty] declined, should answer: Hej! / vem är processledare" in text
    assert "line 8" not in text  # only the first two misses


def test_a_miss_shows_the_first_hundred_characters_and_the_source() -> None:
    report = evaluate(parse_devset(TINY), fake_bot)
    text = "\n".join(report_lines(report, misses=10))
    answered = next(line for line in text.splitlines() if "answered: Kommunikation" in line)
    assert len(answered.split("answered: ")[1]) == 100 and answered.endswith("…")
    assert "source:   Budget 2026 (score 0.90)" in text
    data = report_data(report, misses=1)
    assert data["overall"] == {
        "kind": "overall",
        "hits": 2,
        "total": 5,
        "percent": 40.0,
        "offers": 0,
    }
    assert data["missed"] == 3 and len(data["misses"]) == 1
    assert data["misses"][0]["verdict"] == "false_decline"
    assert data["bad_lines"] == [
        {
            "line": 7,
            "reason": "expected 3 tab-separated columns (question, expected, kind), found 2",
        }
    ]


def topic(text: str, section: str) -> Match:
    return Match("passage", 1, text, "Budget 2026", section, 0.45)


def offering_bot(question: str) -> Reply:
    """Unsure of everything: offers the budget lines and the process leader as topics."""
    offers = (
        topic("Kommunikation: 80 000 kr", "Budget 2026"),
        topic("Erica Sjölin är processledare.", "Processledaren"),
    )
    return Reply(False, None, None, 0.45, match=offers[0], offers=offers)


def test_an_offer_is_counted_apart_and_right_only_with_the_answer_among_the_topics() -> None:
    devset = parse_devset(
        "vad kostar kommunikationen\t80 000\tdirect\n"
        "hur många underskrivare finns det\t125\tdirect\n"
        "Vad kostar det att delta på MR-dagarna?\t-\trefuse_near\n"
    )
    report = evaluate(devset, offering_bot)
    verdicts = [(m.case.line, m.verdict) for m in report.misses]
    assert verdicts == [(2, "wrong_offer")]
    assert (report.offers, report.wrong_offers) == (3, 1)
    assert (report.false_answers, report.false_declines, report.wrong_answers) == (0, 0, 0)
    assert [(k.kind, k.hits, k.total, k.offers) for k in report.kinds] == [
        ("direct", 1, 2, 2),
        ("refuse_near", 1, 1, 1),  # an offer claims nothing: acceptable for a question to decline
    ]
    text = "\n".join(report_lines(report, misses=5))
    assert "offered:  Budget 2026 (0.45); Processledaren (0.45)" in text
    assert 'offers ("Menade du …?", right or not): 3, 1 without the answer' in text


async def test_the_shipped_base_answers_through_the_chat_path(
    db: Database, session: AsyncSession
) -> None:
    service = KnowledgeService(db, threshold=0.55, question_log=QuestionLogWriter(db))
    await load_shipped(service, session)
    devset = parse_devset(
        "Hur många underskrivare har överenskommelsen?\t125\tdirect\n"
        "Hur många underskrivare har överenskommelsen?\tfinns inte i texten\tdirect\n"
        "Hur bakar man surdegsbröd?\t-\trefuse_chat\n"
    )
    report = evaluate(devset, replier(service, lambda match: source_label(match, "sv")))
    assert [(m.case.line, m.verdict) for m in report.misses] == [(2, "wrong_answer")]
    miss = report.misses[0].reply
    assert miss.answered and miss.text is not None and "125" in miss.text
    assert miss.source is not None and miss.score >= 0.55
    assert report.overall.hits == 2


def test_the_shipped_devset_is_well_formed_and_covers_every_kind() -> None:
    devset: DevSet = parse_devset(DEVSET.read_text(encoding="utf-8"))
    assert devset.bad_lines == []
    assert len(devset.cases) >= 220
    kinds = Counter(c.kind for c in devset.cases)
    fewer = {"keyword": 10, "long_chatty": 10, "comparison": 10, "refuse_chat": 12, "english": 25}
    expected_kinds = {
        "direct",
        "paraphrase",
        "colloquial",
        "typo",
        "list_fact",
        "detail",
        "situation",
        "mixed",
        "refuse_near",
        *fewer,
    }
    assert set(kinds) == expected_kinds
    assert all(kinds[kind] >= fewer.get(kind, 15) for kind in expected_kinds)
    questions = [c.question for c in devset.cases]
    assert len(set(questions)) == len(questions)
