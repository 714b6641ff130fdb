"""The one place errors become user-facing messages; nothing internal reaches a chat."""

from __future__ import annotations

import logging
import traceback
from pathlib import Path

from telegram import Update
from telegram.error import TelegramError

from bot.errors import DomainError
from bot.texts import plain_text, t
from handlers.core.common import App, Context, reply

log = logging.getLogger(__name__)


async def on_error(update: object, context: Context) -> None:
    """Translate domain errors; log anything else with the update id and apologise briefly."""
    error = context.error
    language = (context.user_data or {}).get("lang")
    update_id = update.update_id if isinstance(update, Update) else None
    if isinstance(error, DomainError):
        text = t(error.key, language, **error.params)
    else:
        # One line without the exception's text (it may quote a user's message);
        # the full traceback only when debugging.
        log.error("update %s failed: %s at %s", update_id, type(error).__name__, _where(error))
        # Its frames but not its message, which may quote what the person wrote.
        log.debug("traceback of update %s:\n%s", update_id, _frames(error))
        text = t("error_apology", language)
    if not isinstance(update, Update):
        return
    try:
        if update.callback_query is not None:
            # A press's answer is plain text: Telegram would show "&lt;" or "<b>" as typed.
            await update.callback_query.answer(plain_text(text))
        elif update.effective_chat is not None and update.effective_chat.type == "private":
            await reply(update, context, text)
    except TelegramError as failure:
        log.warning("could not tell update %s about its error: %s", update_id, failure)


def _frames(error: BaseException | None) -> str:
    """The traceback's frames and the exception's class, without its message."""
    if error is None:
        return "?"
    return "".join(traceback.format_tb(error.__traceback__)) + type(error).__name__


def _where(error: BaseException | None) -> str:
    """The innermost frame of the project's own code, as file:line (function)."""
    frames = traceback.extract_tb(error.__traceback__) if error is not None else []
    own = [f for f in frames if "/site-packages/" not in f.filename] or frames
    if not own:
        return "?"
    frame = own[-1]
    return f"{Path(frame.filename).name}:{frame.lineno} ({frame.name})"


def register(application: App) -> None:
    application.add_error_handler(on_error)
