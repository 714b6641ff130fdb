"""The buttons staff press to approve a link."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup

from bot.texts import t
from handlers.core.keyboards import button
from handlers.staff.actions import DecideLink


def link_decision(user_id: int, org_id: int, lang: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                button(t("button_approve", lang), DecideLink(user_id, org_id, True)),
                button(t("button_deny", lang), DecideLink(user_id, org_id, False)),
            ]
        ]
    )
