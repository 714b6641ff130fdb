"""The /settings menu's main screen, drawn for /settings and for ◀ from its other screens."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup

from bot.models import LinkStatus, User
from bot.texts import t
from handlers.settings import keyboards


def organisation_label(user: User) -> str:
    """The user's organisation as /settings shows it (pending, or none chosen)."""
    if user.organisation is None or user.link_status == LinkStatus.NONE:
        return t("settings_no_org", user.language)
    if user.link_status == LinkStatus.PENDING:
        return t("settings_pending", user.language, org=user.organisation.name)
    return user.organisation.name


def settings_screen(user: User) -> tuple[str, InlineKeyboardMarkup]:
    """The /settings menu: the current language and organisation, with buttons to change them."""
    lang = user.language
    text = t(
        "settings_menu",
        lang,
        language=t("language_name", lang),
        organisation=organisation_label(user),
    )
    linked = user.link_status != LinkStatus.NONE
    return text, keyboards.settings_menu(lang, linked=linked)
