"""Updates enter the bot cleaned: no NUL characters or lone surrogates in any of their text."""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import Application

from bot.texts.clean import clean_json


def clean_update(update: Update) -> Update:
    """The update itself, or a copy with its text made storable (see bot.texts.clean)."""
    data = update.to_dict()
    cleaned_data = clean_json(data)
    if cleaned_data == data:
        return update
    cleaned = Update.de_json(cleaned_data, update.get_bot())
    return update if cleaned is None else cleaned


class CleanApplication(Application[Any, Any, Any, Any, Any, Any]):
    """An Application that cleans every update (polling and webhook alike) before handling it.

    Message text, captions, callback data, inline queries, poll answers and file names all reach
    the database; PostgreSQL refuses NUL in text, and one refused row blocks a batched write.
    """

    async def process_update(self, update: object) -> None:
        """Handle the update after cleaning it."""
        if isinstance(update, Update):
            update = clean_update(update)
        await super().process_update(update)
