"""/nominate: an approved organisation contact nominates a candidate, step by step.

Steps: the candidate's name → organisation → contact (e-mail or phone) → motivation →
review with "Skicka" / "Ändra" / "Avbryt". /cancel leaves at any step; bad input is
explained and the step asked again.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Any

from telegram import Update

from bot.errors import DomainError
from bot.services import nominations
from bot.services.delivery import Button, Buttons
from bot.texts import t
from bot.views.meetings import moment_text
from handlers.core.callbacks import DRAFT_TOKEN_LENGTH
from handlers.core.common import (
    Context,
    ask,
    awaiting,
    reply,
    services,
    set_awaiting,
    user_session,
)
from handlers.core.step_keyboards import mark_choice
from handlers.delivery.sender import keyboard
from handlers.nominations.actions import NominationForm

NF_NAME = "nf_name"
NF_ORGANISATION = "nf_organisation"
NF_CONTACT = "nf_contact"
NF_MOTIVATION = "nf_motivation"
NF_REVIEW = "nf_review"
ORDER = (NF_NAME, NF_ORGANISATION, NF_CONTACT, NF_MOTIVATION)
NOMINATION_STEPS = (*ORDER, NF_REVIEW)
FIELDS = {
    NF_NAME: "name",
    NF_ORGANISATION: "organisation",
    NF_CONTACT: "contact",
    NF_MOTIVATION: "motivation",
}
STEP_OF = {field: step for step, field in FIELDS.items()}
CHECKS: dict[str, Callable[[str], str]] = {
    NF_NAME: nominations.check_name,
    NF_ORGANISATION: nominations.check_organisation,
    NF_CONTACT: nominations.check_contact,
    NF_MOTIVATION: nominations.check_motivation,
}


async def _language(update: Update, context: Context) -> str:
    async with user_session(update, context) as (_session, user):
        return user.language


async def _ask(
    update: Update, context: Context, step: str, data: dict[str, Any], lang: str, *, error: str = ""
) -> None:
    """Wait for this step's answer and ask for it (after what was wrong, if anything)."""
    set_awaiting(context, step, **data)
    text = t(f"nomination_ask_{FIELDS[step]}", lang)
    await reply(update, context, f"{error}\n\n{text}" if error else text)


async def _refusal(update: Update, context: Context) -> tuple[str, str | None, dict[str, Any]]:
    """The user's language, a refusal text if they cannot nominate now, else the form's start."""
    svc = services(context)
    tz, now = svc.settings.tz, svc.clock()
    async with user_session(update, context) as (session, user):
        lang = user.language
        found = await nominations.current_round(session, clock=svc.clock)
        if found is None:
            latest = await nominations.latest_round(session)
            if latest is None:
                return lang, t("nomination_none", lang), {}
            # Closed by hand before its end, or by the job a little after it.
            ended = min(latest.closed_at or latest.closes_at, latest.closes_at)
            when = moment_text(ended, lang, tz, now=now)
            return lang, t("nomination_closed_since", lang, title=latest.title, when=when), {}
        try:
            nominations.check_may_nominate(user)
            nominations.check_open(found, clock=svc.clock, tz=tz)
        except DomainError as error:
            if error.key == "nomination_not_open_yet":
                when = moment_text(found.opens_at, lang, tz, now=now)
                return lang, t("nomination_opens_later", lang, title=found.title, when=when), {}
            return lang, t(error.key, lang, **error.params), {}
        mine = len(await nominations.my_nominations(session, found.id, user))
        intro = {
            "title": found.title,
            "closes": moment_text(found.closes_at, lang, tz, now=now),
            "mine": mine,
            "round": found.id,
        }
        return lang, None, intro


async def nominate_command(update: Update, context: Context) -> None:
    """Start the form when a round is open and the user may nominate; else say why not."""
    if (awaiting(context) or {}).get("step") in NOMINATION_STEPS:
        set_awaiting(context, None)
    lang, refusal, intro = await _refusal(update, context)
    if refusal is not None:
        await reply(update, context, refusal)
        return
    text = t("nomination_intro", lang, title=intro["title"], closes=intro["closes"])
    if intro["mine"]:
        text += "\n\n" + t("nomination_intro_mine", lang, count=intro["mine"])
    await reply(update, context, text)
    token = secrets.token_hex(DRAFT_TOKEN_LENGTH // 2)
    await _ask(update, context, NF_NAME, {"draft": token, "round": intro["round"]}, lang)


async def on_nomination_text(update: Update, context: Context, text: str) -> None:
    """The answer to the current step; a bad one is explained and asked again."""
    lang = await _language(update, context)
    data = dict(awaiting(context) or {})
    step = data.pop("step")
    try:
        value = CHECKS[step](text)
    except DomainError as error:
        await _ask(update, context, step, data, lang, error=t(error.key, lang, **error.params))
        return
    data[FIELDS[step]] = value
    position = ORDER.index(step) + 1
    if data.pop("back", False) or position == len(ORDER):
        await _review(update, context, data, lang)
    else:
        await _ask(update, context, ORDER[position], data, lang)


def _candidate(data: dict[str, Any]) -> nominations.Candidate:
    return nominations.Candidate(
        name=data["name"],
        organisation=data["organisation"],
        contact=data["contact"],
        motivation=data["motivation"],
    )


def _button(data: dict[str, Any], choice: str, key: str, lang: str) -> Button:
    return Button(t(key, lang), callback=NominationForm(data["draft"], choice).encode())


async def _review(update: Update, context: Context, data: dict[str, Any], lang: str) -> None:
    """Everything typed, with "Skicka" / "Ändra" / "Avbryt"."""
    set_awaiting(context, NF_REVIEW, **data)
    candidate = _candidate(data)
    buttons: Buttons = (
        (
            _button(data, "send", "nomination_button_send", lang),
            _button(data, "edit", "nomination_button_edit", lang),
            _button(data, "cancel", "nomination_button_cancel", lang),
        ),
    )
    text = t(
        "nomination_review",
        lang,
        name=candidate.name,
        organisation=candidate.organisation,
        contact=candidate.contact,
        motivation=candidate.motivation,
    )
    await ask(update, context, text, keyboard=keyboard(buttons))


def _edit_buttons(data: dict[str, Any], lang: str) -> Buttons:
    fields = tuple(_button(data, f, f"nomination_button_{f}", lang) for f in STEP_OF)
    return (fields[:2], fields[2:])


async def form_action(update: Update, context: Context, action: NominationForm) -> str:
    """Send the reviewed nomination, pick a field to change, or drop the form."""
    lang = await _language(update, context)
    data = dict(awaiting(context) or {})
    step = data.pop("step", None)
    if data.get("draft") != action.draft or step not in NOMINATION_STEPS:
        raise DomainError("nomination_form_stale")
    await mark_choice(update, context)
    if action.choice == "cancel":
        set_awaiting(context, None)
        await reply(update, context, t("nomination_dropped", lang))
    elif step != NF_REVIEW:
        raise DomainError("nomination_form_stale")
    elif action.choice == "edit":
        markup = keyboard(_edit_buttons(data, lang))
        await ask(update, context, t("nomination_edit_choose", lang), keyboard=markup)
    elif action.choice == "send":
        await _send(update, context, data, lang)
    else:
        await _ask(update, context, STEP_OF[action.choice], {**data, "back": True}, lang)
    return ""


async def _send(update: Update, context: Context, data: dict[str, Any], lang: str) -> None:
    svc = services(context)
    set_awaiting(context, None)  # first: a second press on "Skicka" finds the form gone
    try:
        async with user_session(update, context) as (session, user):
            found = await nominations.get_round(session, data["round"])
            title = found.title
            await nominations.nominate(
                session,
                found.id,
                user,
                candidate=_candidate(data),
                clock=svc.clock,
                tz=svc.settings.tz,
            )
    except DomainError as error:
        await reply(update, context, t(error.key, lang, **error.params))
        return
    await reply(update, context, t("nomination_sent", lang, name=data["name"], title=title))
