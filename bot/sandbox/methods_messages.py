"""Bot API methods that send, edit and delete text messages."""

from __future__ import annotations

import time
from typing import Any

from bot.sandbox.compose import (
    format_text,
    new_bot_message,
    not_modified,
    reply_markup,
    require_chat,
    require_message,
    require_text,
)
from bot.sandbox.params import bad_request
from bot.sandbox.records import JSON, StoredMessage
from bot.sandbox.render import message_json
from bot.sandbox.state import Call, Handler

_EDIT_NOT_FOUND = "message to edit not found"


async def send_message(call: Call) -> JSON:
    """sendMessage."""
    chat = require_chat(call)
    formatted, source = require_text(call)
    message = new_bot_message(call, chat)
    message.text, message.entities, message.html = formatted.text, formatted.entities, source
    return message_json(call.state, message)


def _editable(call: Call) -> StoredMessage:
    if call.params.has("inline_message_id"):
        raise bad_request("inline messages are not supported by the sandbox")
    message = require_message(call, require_chat(call), _EDIT_NOT_FOUND)
    if not message.from_bot:
        raise bad_request("message can't be edited")
    return message


def _save_edit(
    call: Call, message: StoredMessage, changes: dict[str, Any], *, source: dict[str, Any]
) -> JSON:
    """Apply ``changes`` (compared for "not modified") and ``source`` (bookkeeping only)."""
    if all(getattr(message, name) == value for name, value in changes.items()):
        raise not_modified()
    for name, value in {**changes, **source}.items():
        setattr(message, name, value)
    message.edit_date = int(time.time())
    call.state.touch(message)
    return message_json(call.state, message)


async def edit_message_text(call: Call) -> JSON:
    """editMessageText; like Telegram, omitting reply_markup removes the inline keyboard."""
    message = _editable(call)
    if message.text is None:
        raise bad_request("there is no text in the message to edit")
    formatted, source = require_text(call)
    markup = reply_markup(call.params)
    changes = {"text": formatted.text, "entities": formatted.entities, "markup": markup}
    return _save_edit(call, message, changes, source={"html": source})


async def edit_message_caption(call: Call) -> JSON:
    """editMessageCaption."""
    message = _editable(call)
    if message.text is not None:
        raise bad_request("there is no caption in the message to edit")
    formatted, source = format_text(
        call, text_param="caption", entities_param="caption_entities", limit=1024
    )
    changes = {
        "caption": formatted.text or None,
        "caption_entities": formatted.entities,
        "markup": reply_markup(call.params),
    }
    return _save_edit(call, message, changes, source={"html": source})


async def edit_message_reply_markup(call: Call) -> JSON:
    """editMessageReplyMarkup; omitting reply_markup removes the inline keyboard."""
    message = _editable(call)
    return _save_edit(call, message, {"markup": reply_markup(call.params)}, source={})


async def delete_message(call: Call) -> bool:
    """deleteMessage; the transcript keeps the message, flagged as deleted."""
    message = require_message(call, require_chat(call), "message to delete not found")
    message.deleted = True
    call.state.touch(message)
    return True


METHODS: dict[str, Handler] = {
    "sendmessage": send_message,
    "editmessagetext": edit_message_text,
    "editmessagecaption": edit_message_caption,
    "editmessagereplymarkup": edit_message_reply_markup,
    "deletemessage": delete_message,
}
