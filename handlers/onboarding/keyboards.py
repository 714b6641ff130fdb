"""The buttons of /start: languages and organisations."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardMarkup

from bot.models import Organisation
from bot.texts import t
from handlers.core.keyboards import button
from handlers.onboarding.actions import ChooseLanguage, ChooseOrganisation, SkipOrganisation
from handlers.settings.keyboards import back_to_settings


def languages(*, back: str | None = None) -> InlineKeyboardMarkup:
    """The two languages; with back (a language), the row back to /settings too."""
    rows = [
        [button("🇸🇪 Svenska", ChooseLanguage("sv")), button("🇬🇧 English", ChooseLanguage("en"))]
    ]
    if back is not None:
        rows.append(back_to_settings(back))
    return InlineKeyboardMarkup(rows)


def skip(lang: str, *, back: bool = False) -> InlineKeyboardMarkup:
    rows = [[button(t("button_skip", lang), SkipOrganisation())]]
    if back:
        rows.append(back_to_settings(lang))
    return InlineKeyboardMarkup(rows)


def organisations(found: Sequence[Organisation], lang: str) -> InlineKeyboardMarkup:
    rows = [[button(org.name, ChooseOrganisation(org.id))] for org in found]
    rows.append([button(t("button_skip", lang), SkipOrganisation())])
    return InlineKeyboardMarkup(rows)
