"""The review of a draft before it is sent, changing one answer, and the thanks after sending."""

from __future__ import annotations

from datetime import datetime

from bot.models import FormResponse, Organisation
from bot.services import forms
from bot.services.forms import drafting
from bot.texts import t
from bot.timeutil import local
from handlers.forms import keyboards as forms_keyboards
from handlers.forms.ask import FORM_REVIEW, Filling, Screen, plain_prompt, question_screen


def next_screen(f: Filling, response: FormResponse, *, error: str = "") -> Screen:
    """The question the draft stands at, or the review once every question has its answer."""
    question = drafting.current_question(f.form, response)
    if question is not None:
        return question_screen(f, response, question, error=error)
    return review_screen(f, response)


def answers_text(f: Filling, response: FormResponse) -> str:
    """Every question with its answer ("–" when skipped)."""
    return "\n".join(
        t(
            "forms_answer_line",
            f.lang,
            number=question.position + 1,
            question=plain_prompt(f.form, question, f.lang),
            answer=forms.answer_text(f.form, question, forms.value_of(response, question), f.lang),
        )
        for question in f.form.questions
    )


def review_screen(f: Filling, response: FormResponse, *, edit: bool = False) -> Screen:
    """The answers with Skicka / Ändra ett svar / Pausa / Kasta utkastet."""
    title = forms.form_title(f.form, f.lang)
    text = t("forms_review", f.lang, title=title) + "\n\n" + answers_text(f, response)
    awaiting = {"form_id": f.form.id, "step": FORM_REVIEW}
    return Screen(text, forms_keyboards.review(f.form, f.lang), awaiting=awaiting, edit=edit)


def change_screen(f: Filling) -> Screen:
    """The review's buttons become one per question."""
    return Screen(t("forms_edit_choose", f.lang), forms_keyboards.change(f.form, f.lang), edit=True)


async def discard_screen(f: Filling) -> Screen:
    """Ask before throwing the draft away (saying so when earlier answers stay in force)."""
    sent = await forms.current(f.session, f.form, f.user)
    key = "forms_discard_ask" if sent is None else "forms_discard_ask_sent"
    return Screen(t(key, f.lang), forms_keyboards.discard(f.form, f.lang), edit=True)


def date_text(moment: datetime, f: Filling) -> str:
    """A short local date, e.g. "12 nov" (with the year when not this year)."""
    day = local(moment, f.tz)
    month = t("forms_months", f.lang).split(",")[day.month - 1]
    if day.year != local(f.clock(), f.tz).year:
        return t("forms_date_year", f.lang, day=day.day, month=month, year=day.year)
    return t("forms_date", f.lang, day=day.day, month=month)


async def sent_screen(f: Filling, response: FormResponse) -> Screen:
    """Thanks, for a per-organisation form naming the organisation and the date; Ändra svar."""
    text = t("forms_sent", f.lang)
    if f.form.per_organisation and response.organisation_id is not None:
        organisation = await f.session.get(Organisation, response.organisation_id)
        if organisation is not None:
            when = date_text(response.submitted_at or f.clock(), f)
            text = t("forms_sent_org", f.lang, organisation=organisation.name, date=when)
    keyboard = forms_keyboards.open_button(f.form.id, "forms_button_change", f.lang)
    return Screen(text, keyboard)
