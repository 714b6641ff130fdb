"""/forms: the open forms addressed to the user, with how far they got; /profile for contacts."""

from __future__ import annotations

from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot import texts
from bot.services import forms
from bot.services.forms import FormState, MyForm
from bot.texts import t
from handlers.core.common import Context, reply, services, user_session
from handlers.forms.actions import FormOpen
from handlers.forms.ask import Filling
from handlers.forms.keyboards import open_button
from handlers.forms.review import answers_text, date_text

if TYPE_CHECKING:  # used in annotations only
    from bot.models import User
    from bot.timeutil import Clock

BUTTONS = {
    FormState.NEW: "forms_button_fill",
    FormState.PAUSED: "forms_button_continue",
    FormState.SENT: "forms_button_change",
}
TITLE_MAX = 30  # of a button label, so it fits a phone's width


def _state(item: MyForm, f: Filling) -> str:
    if item.state == FormState.PAUSED and item.question_number is not None:
        return t("forms_state_paused", f.lang, number=item.question_number)
    if item.state == FormState.PAUSED:
        return t("forms_state_paused_review", f.lang)
    if item.state == FormState.SENT and item.sent_at is not None:
        return t("forms_state_sent", f.lang, date=date_text(item.sent_at, f))
    return t("forms_state_new", f.lang)


def _button(item: MyForm, title: str, lang: str) -> InlineKeyboardButton:
    short = title if len(title) <= TITLE_MAX else title[: TITLE_MAX - 1].rstrip() + "…"
    label = texts.label("forms_list_button", lang, action=t(BUTTONS[item.state], lang), title=short)
    return InlineKeyboardButton(label, callback_data=FormOpen(item.form.id).encode())


async def forms_message(
    session: AsyncSession, user: User, *, clock: Clock, tz: ZoneInfo, pending_only: bool = False
) -> tuple[str, InlineKeyboardMarkup] | None:
    """The /forms list and its buttons (only forms not yet sent when pending_only); None if empty."""
    lang = user.language
    mine = await forms.open_forms(session, user, clock=clock)
    if pending_only:
        mine = [item for item in mine if item.state != FormState.SENT]
    if not mine:
        return None
    lines, rows = [t("forms_list", lang)], []
    for number, item in enumerate(mine, start=1):
        f = Filling(session, user, item.form, lang, clock, tz)
        title = forms.form_title(item.form, lang)
        state = _state(item, f)
        lines.append(t("forms_list_item", lang, number=number, title=title, state=state))
        rows.append([_button(item, title, lang)])
    return "\n".join(lines), InlineKeyboardMarkup(rows)


async def forms_command(update: Update, context: Context) -> None:
    """Each open form for the user with its state and Fyll i / Fortsätt / Ändra svar."""
    svc = services(context)
    async with user_session(update, context) as (session, user):
        lang = user.language
        found = await forms_message(session, user, clock=svc.clock, tz=svc.settings.tz)
    if found is None:
        await reply(update, context, t("forms_none", lang))
        return
    text, markup = found
    await reply(update, context, text, keyboard=markup)


async def profile_command(update: Update, context: Context) -> None:
    """The organisation's current profile with Uppdatera, or an invitation to fill it in."""
    svc = services(context)
    async with user_session(update, context) as (session, user):
        lang = user.language
        if not user.is_approved_contact or user.organisation_id is None:
            text, keyboard = t("form_needs_organisation", lang), None
        else:
            form = await forms.ensure_profile_form(session, clock=svc.clock)
            name = user.organisation.name if user.organisation is not None else ""
            f = Filling(session, user, form, lang, svc.clock, svc.settings.tz)
            sent = await forms.current(session, form, user)
            paused = await forms.draft(session, form, user) is not None
            lines = [t("profile_heading", lang, organisation=name)]
            if sent is None:
                lines.append(t("profile_missing", lang))
                key = "forms_button_fill"
            else:
                lines.append(
                    t("profile_sent", lang, date=date_text(sent.submitted_at or svc.clock(), f))
                )
                lines.append(answers_text(f, sent))
                key = "forms_button_update"
            key = "forms_button_continue" if paused else key
            text, keyboard = "\n\n".join(lines), open_button(form.id, key, lang)
    await reply(update, context, text, keyboard=keyboard)
