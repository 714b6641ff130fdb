"""/help, /settings and /cancel."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CommandHandler, filters

from bot.models import LinkStatus, User
from bot.services import users
from bot.texts import t
from handlers import digest_settings, forms_fill, keyboards, topics
from handlers.callbacks import SettingsMenu
from handlers.common import (
    App,
    Context,
    awaiting,
    close_keyboards,
    reply,
    set_awaiting,
    user_session,
)
from handlers.onboarding import ask_for_organisation

PRIVATE = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE


async def help_command(update: Update, context: Context) -> None:
    """List the commands; staff also see theirs."""
    async with user_session(update, context) as (_session, user):
        lang, staff = user.language, user.is_staff
    text = t("help_member", lang)
    if staff:
        text = f"{text}\n\n{t('help_staff', lang)}"
    await reply(update, context, text)


def _organisation_label(user: User) -> str:
    if user.organisation is None or user.link_status == LinkStatus.NONE:
        return t("settings_no_org", user.language)
    if user.link_status == LinkStatus.PENDING:
        return t("settings_pending", user.language, org=user.organisation.name)
    return user.organisation.name


async def settings_command(update: Update, context: Context) -> None:
    """Show the current language and organisation with buttons to change them."""
    async with user_session(update, context) as (_session, user):
        lang = user.language
        text = t(
            "settings_menu",
            lang,
            language=t("language_name", lang),
            organisation=_organisation_label(user),
        )
        linked = user.link_status != LinkStatus.NONE
    await reply(update, context, text, keyboard=keyboards.settings_menu(lang, linked=linked))


async def settings_choice(update: Update, context: Context, action: SettingsMenu) -> str:
    """Act on a settings button."""
    if action.item == "topics":
        return await topics.show_menu(update, context)
    if action.item == "digest":
        return await digest_settings.show_menu(update, context)
    async with user_session(update, context) as (session, user):
        lang = user.language
        if action.item == "unlink":
            await users.unlink(session, user)
    if action.item == "language":
        await reply(update, context, t("choose_language", lang), keyboard=keyboards.languages())
    elif action.item == "organisation":
        await ask_for_organisation(update, context, lang)
    else:
        await reply(update, context, t("unlinked", lang))
    return ""


async def cancel(update: Update, context: Context) -> None:
    """Leave whatever step the user is in."""
    async with user_session(update, context) as (_session, user):
        lang = user.language
    if await forms_fill.pause_on_cancel(update, context, lang):
        return
    key = "cancelled" if awaiting(context) else "nothing_to_cancel"
    set_awaiting(context, None)
    await close_keyboards(context)
    await reply(update, context, t(key, lang))


def register(application: App) -> None:
    application.add_handler(CommandHandler("help", help_command, filters=PRIVATE))
    application.add_handler(CommandHandler("settings", settings_command, filters=PRIVATE))
    application.add_handler(CommandHandler("cancel", cancel, filters=PRIVATE))
