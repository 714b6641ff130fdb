"""/help, /settings and /cancel."""

from __future__ import annotations

from telegram import Update

from bot.models import LinkStatus
from bot.services import users
from bot.texts import t
from handlers.broadcast.compose import forget_draft
from handlers.core.common import (
    Context,
    awaiting,
    edit_in_place,
    reply,
    set_awaiting,
    user_session,
)
from handlers.core.step_keyboards import close_keyboards
from handlers.digest import settings as digest_settings
from handlers.forms import fill as forms_fill
from handlers.onboarding import keyboards as onboarding_keyboards
from handlers.onboarding.start import ask_for_organisation, leave_organisation_search
from handlers.settings import keyboards, topics
from handlers.settings.actions import SettingsMenu
from handlers.settings.screen import settings_screen


async def help_command(update: Update, context: Context) -> None:
    """List the commands; staff also see theirs."""
    async with user_session(update, context) as (_session, user):
        lang, staff = user.language, user.is_staff
    text = t("help_member", lang)
    if staff:
        text = f"{text}\n\n{t('help_staff', lang)}"
    await reply(update, context, text)


async def settings_command(update: Update, context: Context) -> None:
    """Show the settings menu; its screens then open in this same message."""
    async with user_session(update, context) as (_session, user):
        text, keyboard = settings_screen(user)
    await reply(update, context, text, keyboard=keyboard)


async def settings_choice(update: Update, context: Context, action: SettingsMenu) -> str:
    """Move the settings message to the chosen screen (◀ brings it back to the menu)."""
    if action.item == "topics":
        return await topics.show_menu(update, context)
    if action.item == "digest":
        return await digest_settings.show_menu(update, context, in_place=True)
    async with user_session(update, context) as (session, user):
        lang = user.language
        org = user.organisation.name if user.organisation is not None else None
        linked = org is not None and user.link_status != LinkStatus.NONE
        if action.item == "unlink_yes" and linked:
            await users.unlink(session, user)
        text, keyboard = settings_screen(user)
    if action.item == "unlink" and linked:
        # Relinking needs staff approval again: ask before taking the link away.
        await leave_organisation_search(update, context)
        await edit_in_place(
            update, t("unlink_confirm", lang, org=org), keyboards.unlink_confirm(lang)
        )
        return ""
    if action.item == "language":
        await edit_in_place(
            update, t("choose_language", lang), onboarding_keyboards.languages(back=lang)
        )
        return ""
    if action.item == "organisation":
        await ask_for_organisation(update, context, lang, in_place=True)
        return ""
    await leave_organisation_search(update, context)
    await edit_in_place(update, text, keyboard)
    return t("unlinked", lang) if action.item == "unlink_yes" and linked else ""


async def cancel(update: Update, context: Context) -> None:
    """Leave whatever step the user is in."""
    async with user_session(update, context) as (_session, user):
        lang = user.language
    if await forms_fill.pause_on_cancel(update, context, lang):
        return
    key = "cancelled" if awaiting(context) else "nothing_to_cancel"
    await forget_draft(update, context)
    set_awaiting(context, None)
    await close_keyboards(context)
    await reply(update, context, t(key, lang))
