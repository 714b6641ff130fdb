"""Sending a CSV export as a file in the chat the update came from."""

from __future__ import annotations

from telegram import InputFile, Update
from telegram.constants import ParseMode

from handlers.core.common import Context


async def send_csv(
    update: Update, context: Context, data: str, *, filename: str, caption: str
) -> None:
    """The CSV text as a file, with a BOM so spreadsheet programs read å, ä and ö right."""
    chat = update.effective_chat
    assert chat is not None
    document = InputFile(data.encode("utf-8-sig"), filename=filename)
    await context.bot.send_document(chat.id, document, caption=caption, parse_mode=ParseMode.HTML)
