"""Where the poll features meet the text router: typed text while creating a poll, or a comment."""

from __future__ import annotations

from telegram import Update

from handlers.core.common import Context, awaiting
from handlers.polls.answers import ANSWER_STEPS, on_comment_text
from handlers.polls.new import on_new_poll_text


async def on_poll_text(update: Update, context: Context, text: str) -> None:
    """Text while creating a poll, or a reader's comment."""
    if (awaiting(context) or {}).get("step") in ANSWER_STEPS:
        await on_comment_text(update, context, text)
    else:
        await on_new_poll_text(update, context, text)
