"""How a form, its questions, options and answers read in a language.

A built-in form (``Form.key`` set) takes its texts from the catalogue, under
``form_<key>_<question>`` and ``form_<key>_<question>_<option>``; a form staff made shows
the texts they wrote, in whatever language they wrote them.
"""

from __future__ import annotations

from typing import Any

from bot.models import Form, FormQuestion, QuestionKind
from bot.services.forms.municipalities import WHOLE_REGION
from bot.texts import t
from bot.texts.numbers import grouped


def form_title(form: Form, lang: str) -> str:
    return t(f"form_{form.key}_title", lang) if form.key else form.title


def form_intro(form: Form, lang: str) -> str:
    return t(f"form_{form.key}_intro", lang) if form.key else form.intro


def question_text(form: Form, question: FormQuestion, lang: str) -> str:
    return t(f"form_{form.key}_{question.key}", lang) if form.key else question.prompt


def option_label(form: Form, question: FormQuestion, code: str, lang: str) -> str:
    """An option's label; for municipality questions the name (or "the whole region")."""
    if code == WHOLE_REGION and question.kind in (
        QuestionKind.MUNICIPALITY,
        QuestionKind.MUNICIPALITIES,
    ):
        return t("form_whole_region", lang)
    if form.key and question.kind in (QuestionKind.CHOICE, QuestionKind.CHOICES):
        return t(f"form_{form.key}_{question.key}_{code}", lang)
    return code


def answer_text(form: Form, question: FormQuestion, value: Any, lang: str) -> str:
    """An answer as plain text: labels joined by commas, a number with thin spacing."""
    if value is None:
        return t("form_answer_none", lang)
    if isinstance(value, list):
        return ", ".join(option_label(form, question, str(code), lang) for code in value)
    if question.kind == QuestionKind.NUMBER:
        return grouped(int(value))
    if question.kind in (QuestionKind.TEXT,):
        return str(value)
    return option_label(form, question, str(value), lang)
