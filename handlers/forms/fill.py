"""Filling in a form in the chat: open it, answer by button or by typing, pause, review, send.

Every answer is saved in the draft at once (so a pause or a restart loses nothing); the
buttons carry the form and question, and each press is checked against the stored draft.
"""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from telegram import Message, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest

from bot.errors import DomainError
from bot.models import FormQuestion, FormResponse, QuestionKind
from bot.services import forms
from bot.services.forms import ALL_MUNICIPALITIES, WHOLE_REGION, drafting
from bot.services.forms.municipalities import subregion_of
from bot.texts import as_html, t
from handlers.core.common import Context, ask, awaiting, reply, services, set_awaiting, user_session
from handlers.core.step_keyboards import forget_keyboard, mark_choice, remember_keyboard
from handlers.forms import keyboards as forms_keyboards
from handlers.forms.actions import FormOpen, FormPick, FormPlace, FormStep
from handlers.forms.ask import (
    FORM_STEPS,
    Filling,
    Screen,
    question_screen,
    question_text,
    region_screen,
    ticked_screen,
)
from handlers.forms.review import (
    change_screen,
    discard_screen,
    next_screen,
    review_screen,
    sent_screen,
)

CHOICE_KINDS = (QuestionKind.CHOICE, QuestionKind.CHOICES)


@asynccontextmanager
async def filling(update: Update, context: Context, form_id: int) -> AsyncIterator[Filling]:
    """The user's session with the form loaded; commits when the block ends."""
    svc = services(context)
    async with user_session(update, context) as (session, user):
        form = await forms.get(session, form_id)
        yield Filling(session, user, form, user.language, svc.clock, svc.settings.tz)


async def _draft(f: Filling) -> FormResponse:
    """The draft a press or a typed answer belongs to; a clear refusal if it is gone."""
    await forms.check_may_answer(f.session, f.form, f.user, clock=f.clock)
    found = await forms.draft(f.session, f.form, f.user)
    if found is None:
        raise DomainError("forms_stale")
    return found


def paused_screen(form_id: int, lang: str) -> Screen:
    """Saved, with "Fortsätt" to pick up where the person stopped."""
    keyboard = forms_keyboards.open_button(form_id, "forms_button_continue", lang)
    return Screen(t("forms_paused", lang), keyboard)


async def show(update: Update, context: Context, screen: Screen, *, keep: bool = False) -> None:
    """Send the screen (or put it on the pressed message), and wait for what it asks."""
    if screen.awaiting is not None:
        set_awaiting(context, **screen.awaiting)
    elif (awaiting(context) or {}).get("step") in FORM_STEPS:
        set_awaiting(context, None)
    query = update.callback_query
    if query is not None and screen.edit and isinstance(query.message, Message):
        # The pressed message now shows this screen: its buttons belong to the step it waits for.
        forget_keyboard(context, query.message)
        if screen.awaiting is not None and screen.keyboard is not None:
            remember_keyboard(context, query.message)
    try:
        if query is not None and screen.edit and screen.text:
            await query.edit_message_text(
                screen.text, parse_mode=ParseMode.HTML, reply_markup=screen.keyboard
            )
            return
        if query is not None and screen.edit:
            await query.edit_message_reply_markup(screen.keyboard)
            return
        if query is not None and not keep:
            # The answered question's buttons go, so an old message cannot be pressed by mistake;
            # it keeps the answer pressed ("✓ E-post").
            await mark_choice(update, context)
    except BadRequest:
        pass  # "message is not modified": a double press; the state is already right
    for text in screen.before:
        await reply(update, context, text)
    if screen.awaiting is not None:
        await ask(update, context, screen.text, keyboard=screen.keyboard)
    else:
        await reply(update, context, screen.text, keyboard=screen.keyboard)


async def open_form(update: Update, context: Context, action: FormOpen) -> str:
    """Start, resume where the pause was, or reopen the answers sent (at their review)."""
    async with filling(update, context, action.form_id) as f:
        try:
            response = await forms.begin(f.session, f.form, f.user, clock=f.clock)
        except DomainError as error:
            screen = Screen(t(error.key, f.lang, **error.params))
        else:
            screen = next_screen(f, response)
            if not response.answers and response.position == 0:
                heading = t("forms_heading", f.lang, title=forms.form_title(f.form, f.lang))
                intro = as_html(forms.form_intro(f.form, f.lang))  # staff write plain text
                screen = dataclasses.replace(screen, before=[f"{heading}\n{intro}".strip()])
    await show(update, context, screen, keep=True)
    return ""


async def pick(update: Update, context: Context, action: FormPick) -> str:
    """An option pressed: one choice answers and moves on; several choices tick it."""
    async with filling(update, context, action.form_id) as f:
        response = await _draft(f)
        question = forms.question_by_id(f.form, action.question_id)
        codes = forms.options(question)
        if question.kind not in CHOICE_KINDS or action.index >= len(codes):
            raise DomainError("form_choice_invalid")
        code = codes[action.index]
        if question.kind == QuestionKind.CHOICES:
            await drafting.toggle(f.session, f.form, response, question, code, clock=f.clock)
            screen = ticked_screen(f, response, question)
        else:
            value = forms.check_choice(question, [code])
            await forms.set_answer(f.session, f.form, response, question, value, clock=f.clock)
            screen = next_screen(f, response)
    await show(update, context, screen)
    return ""


async def place(update: Update, context: Context, action: FormPlace) -> str:
    """The municipality picker: a sub-region's page, a municipality, the whole region, back."""
    async with filling(update, context, action.form_id) as f:
        response = await _draft(f)
        question = forms.question_by_id(f.form, action.question_id)
        if question.kind not in (QuestionKind.MUNICIPALITY, QuestionKind.MUNICIPALITIES):
            raise DomainError("form_choice_invalid")
        screen = await _place(f, response, question, action)
    await show(update, context, screen)
    return ""


async def _place(
    f: Filling, response: FormResponse, question: FormQuestion, action: FormPlace
) -> Screen:
    several = question.kind == QuestionKind.MUNICIPALITIES
    if action.action == "region" and action.index < len(forms_keyboards.REGIONS):
        return region_screen(f, response, question, action.index)
    if action.action == "back":
        ticked = drafting.ticked(response, question)
        return Screen("", forms_keyboards.question(f.form, question, ticked, f.lang), edit=True)
    if action.action == "whole" and several:
        await drafting.toggle(f.session, f.form, response, question, WHOLE_REGION, clock=f.clock)
        return ticked_screen(f, response, question)
    if action.action != "pick" or action.index >= len(ALL_MUNICIPALITIES):
        raise DomainError("form_choice_invalid")
    name = ALL_MUNICIPALITIES[action.index]
    if not several:
        value = forms.check_choice(question, [name])
        await forms.set_answer(f.session, f.form, response, question, value, clock=f.clock)
        return next_screen(f, response)
    await drafting.toggle(f.session, f.form, response, question, name, clock=f.clock)
    region = forms_keyboards.REGIONS.index(subregion_of(name))
    page = region_screen(f, response, question, region)
    return dataclasses.replace(page, text=question_text(f, response, question))


async def step(update: Update, context: Context, action: FormStep) -> str:
    """Skip, done, back, pause, the review's buttons and changing one answer."""
    async with filling(update, context, action.form_id) as f:
        response = await _draft(f)
        screen = await _step(f, response, action)
    await show(update, context, screen)
    return ""


async def _step(f: Filling, response: FormResponse, action: FormStep) -> Screen:
    if action.action in ("skip", "done", "prev", "ask"):
        question = forms.question_by_id(f.form, action.question_id)
        if action.action == "skip":
            await forms.set_answer(f.session, f.form, response, question, None, clock=f.clock)
            return next_screen(f, response)
        if action.action == "done":
            await drafting.finish_toggles(f.session, f.form, response, question, clock=f.clock)
            return next_screen(f, response)
        target = (
            question if action.action == "ask" else drafting.previous_question(f.form, question)
        )
        if target is None:
            raise DomainError("forms_stale")
        drafting.move_to(response, target, clock=f.clock)
        return question_screen(f, response, target)
    if action.action == "pause":
        return paused_screen(f.form.id, f.lang)
    if action.action == "review":
        return review_screen(f, response, edit=True)
    if action.action == "edit":
        return change_screen(f)
    if action.action == "discard":
        return await discard_screen(f)
    if action.action == "confirm":
        await forms.discard(f.session, response)
        return Screen(t("forms_discarded", f.lang))
    sent = await forms.submit(f.session, f.form, response, f.user, clock=f.clock)
    return await sent_screen(f, sent)


async def on_form_text(update: Update, context: Context, text: str) -> None:
    """A typed answer to the awaited question; a bad one is explained and the question asked again."""
    data = awaiting(context) or {}
    async with filling(update, context, int(data["form_id"])) as f:
        try:
            response = await _draft(f)
        except DomainError as error:
            screen = Screen(t(error.key, f.lang, **error.params))
        else:
            screen = await _typed(f, response, data, text)
    await show(update, context, screen)


async def _typed(f: Filling, response: FormResponse, data: dict[str, object], text: str) -> Screen:
    question_id = data.get("question_id")
    if question_id is None:
        # At the review only the buttons mean something; keep waiting there.
        return Screen(t("form_use_buttons", f.lang), awaiting=dict(data))
    question = forms.question_by_id(f.form, int(str(question_id)))
    try:
        value = forms.check_typed(question, text)
    except DomainError as error:
        return question_screen(f, response, question, error=t(error.key, f.lang, **error.params))
    await forms.set_answer(f.session, f.form, response, question, value, clock=f.clock)
    return next_screen(f, response)


async def pause_on_cancel(update: Update, context: Context, lang: str) -> bool:
    """/cancel while filling in a form pauses it (the draft stays); False if not in a form."""
    found = awaiting(context) or {}
    if found.get("step") not in FORM_STEPS:
        return False
    set_awaiting(context, None)
    screen = paused_screen(int(found["form_id"]), lang)
    await reply(update, context, screen.text, keyboard=screen.keyboard)
    return True
