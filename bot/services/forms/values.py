"""Answers to form questions: checking what a person typed or chose, and storing it as JSON.

A value is a code (choice), a list of codes (several choices), an int (number), a text,
a municipality's name, or a list of names (``WHOLE_REGION`` alone for the whole region).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from bot.errors import DomainError
from bot.models import Form, FormQuestion, FormResponse, QuestionKind
from bot.services.forms import municipalities
from bot.services.forms.municipalities import WHOLE_REGION

TEXT_MAX = 300
NUMBER_LIMIT = 10_000_000_000
TYPED_KINDS = (QuestionKind.NUMBER, QuestionKind.TEXT)
# Municipality questions take buttons or typed names.
MUNICIPALITY_KINDS = (QuestionKind.MUNICIPALITY, QuestionKind.MUNICIPALITIES)
_NUMBER = re.compile(r"^\d+$")


def options(question: FormQuestion) -> list[str]:
    """The option codes of a choice question, in order."""
    found = json.loads(question.options or "[]")
    return [str(item) for item in found]


def encode(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def decode(raw: str) -> Any:
    return json.loads(raw)


def check_number(question: FormQuestion, text: str) -> int:
    """A whole number within the question's range; spaces between thousands are fine."""
    cleaned = re.sub(r"[\s\u00a0\u202f]", "", text)
    if not _NUMBER.match(cleaned):
        raise DomainError("form_number_invalid")
    number = int(cleaned)
    low = question.min_value if question.min_value is not None else 0
    high = question.max_value if question.max_value is not None else NUMBER_LIMIT
    if not low <= number <= high:
        raise DomainError("form_number_range", low=low, high=high)
    return number


def check_text(question: FormQuestion, text: str) -> str:
    """A short text, trimmed, not empty and within the question's length."""
    cleaned = text.strip()
    limit = question.max_length or TEXT_MAX
    if not cleaned:
        raise DomainError("form_text_empty")
    if len(cleaned) > limit:
        raise DomainError("form_text_too_long", limit=limit)
    return cleaned


def check_typed(question: FormQuestion, text: str) -> Any:
    """The value of a typed answer (number, text or municipality names); DomainError if bad."""
    if question.kind == QuestionKind.NUMBER:
        return check_number(question, text)
    if question.kind == QuestionKind.TEXT:
        return check_text(question, text)
    if question.kind == QuestionKind.MUNICIPALITY:
        return _one_municipality(text)
    if question.kind == QuestionKind.MUNICIPALITIES:
        names = [_one_municipality(part) for part in re.split(r"[,;\n]| och | and ", text)]
        return sorted(set(names), key=names.index)
    raise DomainError("form_use_buttons")


def _one_municipality(text: str) -> str:
    found = municipalities.find(text)
    if len(found) == 1:
        return found[0]
    if not found:
        raise DomainError("form_municipality_unknown", name=text.strip())
    raise DomainError("form_municipality_ambiguous", name=text.strip(), names=", ".join(found))


def check_choice(question: FormQuestion, codes: Sequence[str]) -> Any:
    """The value of chosen options (or municipalities): one code, or a list for several."""
    if question.kind in MUNICIPALITY_KINDS:
        allowed = {*municipalities.ALL_MUNICIPALITIES, WHOLE_REGION}
    else:
        allowed = set(options(question))
    if not codes or any(code not in allowed for code in codes):
        raise DomainError("form_choice_invalid")
    if question.kind in (QuestionKind.CHOICE, QuestionKind.MUNICIPALITY):
        if len(codes) != 1:
            raise DomainError("form_choice_invalid")
        return codes[0]
    if question.kind not in (QuestionKind.CHOICES, QuestionKind.MUNICIPALITIES):
        raise DomainError("form_choice_invalid")
    unique = sorted(set(codes), key=list(codes).index)
    return [WHOLE_REGION] if WHOLE_REGION in unique else unique


def values_by_question(response: FormResponse) -> dict[int, Any]:
    """The response's answers by question id."""
    return {answer.question_id: decode(answer.value) for answer in response.answers}


def values_by_key(form: Form, response: FormResponse) -> dict[str, Any]:
    """The response's answers by question key."""
    keys = {question.id: question.key for question in form.questions}
    return {
        keys[answer.question_id]: decode(answer.value)
        for answer in response.answers
        if answer.question_id in keys
    }
