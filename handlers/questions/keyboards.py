"""The buttons under an answer, a did-you-mean and a FAQ preview."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardMarkup

from bot.texts import t
from handlers.core.keyboards import button
from handlers.questions.actions import AskStaff, FaqDecision, Feedback, NoneOfTopics, PickTopic


def answer_feedback(question_key: int, lang: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                button(t("button_helpful", lang), Feedback(question_key, True)),
                button(t("button_not_helpful", lang), Feedback(question_key, False)),
            ]
        ]
    )


def did_you_mean(
    question_key: int, topics: Sequence[tuple[int, str]], lang: str
) -> InlineKeyboardMarkup:
    """One button per offered topic (its section title), then "Inget av dessa"."""
    rows = [[button(_short(title), PickTopic(question_key, ident))] for ident, title in topics]
    rows.append([button(t("button_none_of_these", lang), NoneOfTopics(question_key))])
    return InlineKeyboardMarkup(rows)


def _short(title: str, limit: int = 60) -> str:
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


def ask_staff(question_key: int, lang: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[button(t("button_ask_staff", lang), AskStaff(question_key))]])


def faq_decision(lang: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                button(t("button_save", lang), FaqDecision(True)),
                button(t("button_cancel", lang), FaqDecision(False)),
            ]
        ]
    )
