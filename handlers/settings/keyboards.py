"""The /settings screens' buttons."""

from __future__ import annotations

from collections.abc import Mapping

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.models import Topic
from bot.texts import t
from handlers.core.keyboards import button
from handlers.settings.actions import AllTopics, SettingsMenu, ToggleTopic


def back_to_settings(lang: str) -> list[InlineKeyboardButton]:
    """ "◀ Tillbaka": the row that returns a settings screen to the /settings menu."""
    return [button(t("button_settings_back", lang), SettingsMenu("main"))]


def is_settings_screen(markup: InlineKeyboardMarkup | None) -> bool:
    """Whether these buttons belong to a /settings screen (it has the back button)."""
    back = SettingsMenu("main").encode()
    rows = markup.inline_keyboard if markup is not None else ()
    return any(button.callback_data == back for row in rows for button in row)


def settings_menu(lang: str, *, linked: bool) -> InlineKeyboardMarkup:
    rows = [
        [button(t("button_language", lang), SettingsMenu("language"))],
        [button(t("button_organisation", lang), SettingsMenu("organisation"))],
        [button(t("button_topics", lang), SettingsMenu("topics"))],
        [button(t("dchat_button_settings", lang), SettingsMenu("digest"))],
    ]
    if linked:
        rows.append([button(t("button_unlink", lang), SettingsMenu("unlink"))])
    return InlineKeyboardMarkup(rows)


def unlink_confirm(lang: str) -> InlineKeyboardMarkup:
    """Remove the link for real, or back to the menu."""
    return InlineKeyboardMarkup(
        [
            [button(t("button_unlink_confirm", lang), SettingsMenu("unlink_yes"))],
            [button(t("button_settings_back", lang), SettingsMenu("main"))],
        ]
    )


def topics(chosen: Mapping[Topic, bool], lang: str) -> InlineKeyboardMarkup:
    """One toggle per topic showing its state, then all off / all on."""
    rows = [
        [
            button(
                f"{'✅' if enabled else '⬜'} {t(f'topic_{topic.value}', lang)}",
                ToggleTopic(topic, not enabled),
            )
        ]
        for topic, enabled in chosen.items()
    ]
    rows.append(
        [
            button(t("button_topics_all_off", lang), AllTopics(False)),
            button(t("button_topics_all_on", lang), AllTopics(True)),
        ]
    )
    rows.append(back_to_settings(lang))
    return InlineKeyboardMarkup(rows)
