"""Inline keyboards, rendered apart from the handlers' logic."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.models import Organisation, Topic
from bot.texts import t
from handlers.core.callbacks import Callback
from handlers.onboarding.actions import ChooseLanguage, ChooseOrganisation, SkipOrganisation
from handlers.questions.actions import AskStaff, FaqDecision, Feedback, NoneOfTopics, PickTopic
from handlers.settings.actions import AllTopics, SettingsMenu, ToggleTopic
from handlers.staff.actions import DecideLink


def _button(text: str, action: Callback) -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=action.encode())


def back_to_settings(lang: str) -> list[InlineKeyboardButton]:
    """ "◀ Tillbaka": the row that returns a settings screen to the /settings menu."""
    return [_button(t("button_settings_back", lang), SettingsMenu("main"))]


def is_settings_screen(markup: InlineKeyboardMarkup | None) -> bool:
    """Whether these buttons belong to a /settings screen (it has the back button)."""
    back = SettingsMenu("main").encode()
    rows = markup.inline_keyboard if markup is not None else ()
    return any(button.callback_data == back for row in rows for button in row)


def languages(*, back: str | None = None) -> InlineKeyboardMarkup:
    """The two languages; with back (a language), the row back to /settings too."""
    rows = [
        [_button("🇸🇪 Svenska", ChooseLanguage("sv")), _button("🇬🇧 English", ChooseLanguage("en"))]
    ]
    if back is not None:
        rows.append(back_to_settings(back))
    return InlineKeyboardMarkup(rows)


def skip(lang: str, *, back: bool = False) -> InlineKeyboardMarkup:
    rows = [[_button(t("button_skip", lang), SkipOrganisation())]]
    if back:
        rows.append(back_to_settings(lang))
    return InlineKeyboardMarkup(rows)


def organisations(found: Sequence[Organisation], lang: str) -> InlineKeyboardMarkup:
    rows = [[_button(org.name, ChooseOrganisation(org.id))] for org in found]
    rows.append([_button(t("button_skip", lang), SkipOrganisation())])
    return InlineKeyboardMarkup(rows)


def link_decision(user_id: int, org_id: int, lang: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                _button(t("button_approve", lang), DecideLink(user_id, org_id, True)),
                _button(t("button_deny", lang), DecideLink(user_id, org_id, False)),
            ]
        ]
    )


def answer_feedback(question_key: int, lang: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                _button(t("button_helpful", lang), Feedback(question_key, True)),
                _button(t("button_not_helpful", lang), Feedback(question_key, False)),
            ]
        ]
    )


def did_you_mean(
    question_key: int, topics: Sequence[tuple[int, str]], lang: str
) -> InlineKeyboardMarkup:
    """One button per offered topic (its section title), then "Inget av dessa"."""
    rows = [[_button(_short(title), PickTopic(question_key, ident))] for ident, title in topics]
    rows.append([_button(t("button_none_of_these", lang), NoneOfTopics(question_key))])
    return InlineKeyboardMarkup(rows)


def _short(title: str, limit: int = 60) -> str:
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


def ask_staff(question_key: int, lang: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[_button(t("button_ask_staff", lang), AskStaff(question_key))]])


def settings_menu(lang: str, *, linked: bool) -> InlineKeyboardMarkup:
    rows = [
        [_button(t("button_language", lang), SettingsMenu("language"))],
        [_button(t("button_organisation", lang), SettingsMenu("organisation"))],
        [_button(t("button_topics", lang), SettingsMenu("topics"))],
        [_button(t("dchat_button_settings", lang), SettingsMenu("digest"))],
    ]
    if linked:
        rows.append([_button(t("button_unlink", lang), SettingsMenu("unlink"))])
    return InlineKeyboardMarkup(rows)


def unlink_confirm(lang: str) -> InlineKeyboardMarkup:
    """Remove the link for real, or back to the menu."""
    return InlineKeyboardMarkup(
        [
            [_button(t("button_unlink_confirm", lang), SettingsMenu("unlink_yes"))],
            [_button(t("button_settings_back", lang), SettingsMenu("main"))],
        ]
    )


def topics(chosen: Mapping[Topic, bool], lang: str) -> InlineKeyboardMarkup:
    """One toggle per topic showing its state, then all off / all on."""
    rows = [
        [
            _button(
                f"{'✅' if enabled else '⬜'} {t(f'topic_{topic.value}', lang)}",
                ToggleTopic(topic, not enabled),
            )
        ]
        for topic, enabled in chosen.items()
    ]
    rows.append(
        [
            _button(t("button_topics_all_off", lang), AllTopics(False)),
            _button(t("button_topics_all_on", lang), AllTopics(True)),
        ]
    )
    rows.append(back_to_settings(lang))
    return InlineKeyboardMarkup(rows)


def faq_decision(lang: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                _button(t("button_save", lang), FaqDecision(True)),
                _button(t("button_cancel", lang), FaqDecision(False)),
            ]
        ]
    )
