"""The shipped knowledge base answers its question cases and declines off-topic questions."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.services.knowledge import IndexedPassage, SearchIndex, parse_document
from tests.unit.questions.kb_cases import CASES, UNANSWERABLE

KNOWLEDGE_BASE = Path(__file__).resolve().parents[3] / "bot" / "knowledge_base"
THRESHOLD = 0.5


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    passages: list[IndexedPassage] = []
    for path in sorted(KNOWLEDGE_BASE.glob("*.md")):
        document = parse_document(path)
        for passage in document.passages:
            passages.append(
                IndexedPassage(len(passages) + 1, document.title, passage.section, passage.text)
            )
    return SearchIndex.build(passages, [])


@pytest.mark.parametrize(("question", "expected"), CASES)
def test_case_is_answered(index: SearchIndex, question: str, expected: str) -> None:
    match = index.best(question)
    assert match is not None
    assert match.confidence >= THRESHOLD, (match.confidence, match.section)
    assert expected in match.text, (match.section, match.text)


@pytest.mark.parametrize("question", UNANSWERABLE)
def test_off_topic_question_is_not_answered(index: SearchIndex, question: str) -> None:
    match = index.best(question)
    assert match is None or match.confidence < THRESHOLD, (match.confidence, match.text)


def test_answers_are_trimmed_and_never_empty(index: SearchIndex) -> None:
    for question, _ in CASES:
        match = index.best(question)
        assert match is not None
        assert 0 < len(match.text) <= 610
