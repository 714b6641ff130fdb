"""The buttons of a form being filled in: answers, the municipality picker, the review."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.models import Form, FormQuestion, QuestionKind
from bot.services import forms
from bot.services.forms import ALL_MUNICIPALITIES, MUNICIPALITIES, drafting
from bot.services.forms.values import MUNICIPALITY_KINDS
from bot.texts import t
from handlers.core.callbacks import Callback
from handlers.forms.actions import FormOpen, FormPick, FormPlace, FormStep

Row = list[InlineKeyboardButton]
REGIONS = tuple(MUNICIPALITIES)
PER_ROW = 3  # municipality names are short; three fit a phone's width
LABEL_MAX = 40
TICK = "✅ "


def _button(text: str, action: Callback) -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=action.encode())


def _step(form: Form, question_id: int, action: str, key: str, lang: str) -> InlineKeyboardButton:
    return _button(t(key, lang), FormStep(form.id, question_id, action))


def _footer(form: Form, question: FormQuestion, lang: str, *, done: bool) -> list[Row]:
    """Klar (for ticking), Hoppa över (optional questions), Föregående (after the first), Pausa."""
    rows: list[Row] = []
    first: Row = []
    if done:
        first.append(_step(form, question.id, "done", "forms_button_done", lang))
    if not question.required:
        first.append(_step(form, question.id, "skip", "forms_button_skip", lang))
    if first:
        rows.append(first)
    last: Row = []
    if drafting.previous_question(form, question) is not None:
        last.append(_step(form, question.id, "prev", "forms_button_prev", lang))
    last.append(_step(form, 0, "pause", "forms_button_pause", lang))
    rows.append(last)
    return rows


def question(form: Form, item: FormQuestion, ticked: list[str], lang: str) -> InlineKeyboardMarkup:
    """The buttons under a question: its options (ticked ones marked) or the sub-regions."""
    rows: list[Row] = []
    kind = item.kind
    if kind in (QuestionKind.CHOICE, QuestionKind.CHOICES):
        for index, code in enumerate(forms.options(item)):
            label = forms.option_label(form, item, code, lang)
            mark = TICK if code in ticked else ""
            rows.append([_button(mark + label, FormPick(form.id, item.id, index))])
    elif kind in MUNICIPALITY_KINDS:
        regions = [
            _button(region.value, FormPlace(form.id, item.id, "region", index))
            for index, region in enumerate(REGIONS)
        ]
        rows += [regions[:2], regions[2:]]
        if kind == QuestionKind.MUNICIPALITIES:
            mark = TICK if forms.WHOLE_REGION in ticked else ""
            whole = mark + t("form_whole_region", lang)
            rows.append([_button(whole, FormPlace(form.id, item.id, "whole", 0))])
    several = kind in drafting.TOGGLE_KINDS
    return InlineKeyboardMarkup(rows + _footer(form, item, lang, done=several))


def region(
    form: Form, item: FormQuestion, region_index: int, ticked: list[str], lang: str
) -> InlineKeyboardMarkup:
    """One sub-region's municipalities, then Tillbaka (and Klar when several may be chosen)."""
    names = MUNICIPALITIES[REGIONS[region_index]]
    buttons = [
        _button(
            (TICK if name in ticked else "") + name,
            FormPlace(form.id, item.id, "pick", ALL_MUNICIPALITIES.index(name)),
        )
        for name in names
    ]
    rows: list[Row] = [buttons[i : i + PER_ROW] for i in range(0, len(buttons), PER_ROW)]
    last = [_button(t("forms_button_back", lang), FormPlace(form.id, item.id, "back", 0))]
    if item.kind == QuestionKind.MUNICIPALITIES:
        last.append(_step(form, item.id, "done", "forms_button_done", lang))
    rows.append(last)
    return InlineKeyboardMarkup(rows)


def review(form: Form, lang: str) -> InlineKeyboardMarkup:
    """Skicka, Ändra ett svar, Pausa, Kasta utkastet."""
    return InlineKeyboardMarkup(
        [
            [_step(form, 0, "send", "forms_button_send", lang)],
            [_step(form, 0, "edit", "forms_button_edit", lang)],
            [
                _step(form, 0, "pause", "forms_button_pause", lang),
                _step(form, 0, "discard", "forms_button_discard", lang),
            ],
        ]
    )


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= LABEL_MAX else flat[: LABEL_MAX - 1].rstrip() + "…"


def change(form: Form, lang: str) -> InlineKeyboardMarkup:
    """One button per question (answering it returns to the review), and back to the review."""
    rows: list[Row] = [
        [
            _button(
                f"{q.position + 1}. " + _short(forms.question_text(form, q, lang)),
                FormStep(form.id, q.id, "ask"),
            )
        ]
        for q in form.questions
    ]
    rows.append([_step(form, 0, "review", "forms_button_to_review", lang)])
    return InlineKeyboardMarkup(rows)


def discard(form: Form, lang: str) -> InlineKeyboardMarkup:
    """Confirm throwing the draft away, or keep it."""
    return InlineKeyboardMarkup(
        [
            [
                _step(form, 0, "confirm", "forms_button_discard_yes", lang),
                _step(form, 0, "review", "forms_button_discard_no", lang),
            ]
        ]
    )


def open_button(form_id: int, key: str, lang: str) -> InlineKeyboardMarkup:
    """One button that opens (or resumes, or reopens) the form."""
    return InlineKeyboardMarkup([[_button(t(key, lang), FormOpen(form_id))]])
