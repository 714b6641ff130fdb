"""Inline keyboard helpers every feature's keyboards use."""

from __future__ import annotations

from telegram import InlineKeyboardButton

from handlers.core.callbacks import Callback


def button(text: str, action: Callback) -> InlineKeyboardButton:
    """A button that sends this action's callback data."""
    return InlineKeyboardButton(text, callback_data=action.encode())
