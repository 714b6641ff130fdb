"""Stored messages as Bot API Message JSON and as control-API transcript entries."""

from __future__ import annotations

import html

from bot.sandbox.records import JSON, StoredMessage
from bot.sandbox.state import SandboxState


def message_json(state: SandboxState, message: StoredMessage, *, nested: bool = False) -> JSON:
    """Return the complete Bot API Message object for a stored message."""
    chat = state.chats[message.chat_id]
    data: JSON = {
        "message_id": message.message_id,
        "from": message.sender,
        "chat": chat.to_json(),
        "date": message.date,
    }
    if message.edit_date is not None:
        data["edit_date"] = message.edit_date
    reply_to = chat.messages.get(message.reply_to_message_id or 0)
    # Telegram nests reply_to_message one level only.
    if reply_to is not None and not reply_to.deleted and not nested:
        data["reply_to_message"] = message_json(state, reply_to, nested=True)
    if message.text is not None:
        data["text"] = message.text
        if message.entities:
            data["entities"] = message.entities
    if message.caption is not None:
        data["caption"] = message.caption
        if message.caption_entities:
            data["caption_entities"] = message.caption_entities
    data.update(message.extra)
    if message.markup is not None and "inline_keyboard" in message.markup:
        data["reply_markup"] = message.markup
    return data


def transcript_entry(message: StoredMessage) -> JSON:
    """Return the control API's view of a message (what a person in the chat would see)."""
    text = message.text if message.text is not None else message.caption
    entities = message.entities if message.text is not None else message.caption_entities
    entry: JSON = {
        "chat_id": message.chat_id,
        "message_id": message.message_id,
        "revision": message.revision,
        "from_bot": message.from_bot,
        "from": message.sender,
        "date": message.date,
        "text": text,
        "entities": entities,
        "html": message.html if message.html is not None else html.escape(text or "", quote=False),
        "reply_markup": message.markup,
        "edited": message.edit_date is not None,
        "deleted": message.deleted,
    }
    for key in ("document", "photo", "poll"):
        if key in message.extra:
            entry[key] = message.extra[key]
    if message.reply_to_message_id is not None:
        entry["reply_to_message_id"] = message.reply_to_message_id
    return entry
