"""What the chat shows while a form is filled in: a question, or a sub-region's municipalities."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardMarkup

from bot.models import Form, FormQuestion, FormResponse, QuestionKind, User
from bot.services import forms
from bot.services.forms import drafting
from bot.texts import t
from bot.timeutil import Clock
from handlers.forms import keyboards as forms_keyboards

FORM_ANSWER = "form_answer"  # typed text answers the awaited question
FORM_REVIEW = "form_review"  # at the review: only buttons
FORM_STEPS = (FORM_ANSWER, FORM_REVIEW)
HINTS = {
    QuestionKind.CHOICE: "forms_hint_choice",
    QuestionKind.CHOICES: "forms_hint_choices",
    QuestionKind.NUMBER: "forms_hint_number",
    QuestionKind.TEXT: "forms_hint_text",
    QuestionKind.MUNICIPALITY: "forms_hint_municipality",
    QuestionKind.MUNICIPALITIES: "forms_hint_municipalities",
}


@dataclass
class Filling:
    """One update's view of a form being filled in."""

    session: AsyncSession
    user: User
    form: Form
    lang: str
    clock: Clock
    tz: ZoneInfo


@dataclass(frozen=True)
class Screen:
    """What to show: sent as a new message, or (edit) put on the pressed message."""

    text: str
    keyboard: InlineKeyboardMarkup | None = None
    awaiting: dict[str, Any] | None = None  # the form step to wait for; None ends waiting
    edit: bool = False
    before: list[str] = field(default_factory=list)  # messages to send first (intro, error)


def plain_prompt(form: Form, question: FormQuestion, lang: str) -> str:
    """The question as plain text (catalogue texts are Telegram-HTML; staff wrote plain text)."""
    text = forms.question_text(form, question, lang)
    return html.unescape(text) if form.key else text


def prompt(form: Form, question: FormQuestion, lang: str) -> str:
    """The question as Telegram-HTML."""
    return html.escape(plain_prompt(form, question, lang))


def question_text(f: Filling, response: FormResponse, question: FormQuestion) -> str:
    """ "Fråga 2 av 5", the question, a hint by kind, and the answer so far if any."""
    lines = [
        t("forms_progress", f.lang, number=question.position + 1, total=len(f.form.questions)),
        f"<b>{prompt(f.form, question, f.lang)}</b>",
    ]
    hint = t(HINTS[question.kind], f.lang)
    if not question.required:
        hint += " " + t("forms_optional", f.lang)
    lines.append(hint)
    answered = {answer.question_id for answer in response.answers}
    if question.id in answered:
        value = forms.value_of(response, question)
        if question.kind in drafting.TOGGLE_KINDS and value:
            names = forms.answer_text(f.form, question, value, f.lang)
            lines.append(t("forms_ticked", f.lang, names=names))
        elif not isinstance(value, list):
            answer = forms.answer_text(f.form, question, value, f.lang)
            lines.append(t("forms_current", f.lang, answer=answer))
    return "\n".join(lines)


def question_screen(
    f: Filling, response: FormResponse, question: FormQuestion, *, error: str = ""
) -> Screen:
    """Ask the question (after what was wrong with the last answer, if anything)."""
    ticked = drafting.ticked(response, question)
    return Screen(
        question_text(f, response, question),
        forms_keyboards.question(f.form, question, ticked, f.lang),
        awaiting={"form_id": f.form.id, "question_id": question.id, "step": FORM_ANSWER},
        before=[error] if error else [],
    )


def region_screen(
    f: Filling, response: FormResponse, question: FormQuestion, region_index: int
) -> Screen:
    """The pressed message's buttons become one sub-region's municipalities."""
    ticked = drafting.ticked(response, question)
    keyboard = forms_keyboards.region(f.form, question, region_index, ticked, f.lang)
    return Screen("", keyboard, edit=True)


def ticked_screen(f: Filling, response: FormResponse, question: FormQuestion) -> Screen:
    """The question again with its ticks updated, on the same message."""
    screen = question_screen(f, response, question)
    return Screen(screen.text, screen.keyboard, screen.awaiting, edit=True)
