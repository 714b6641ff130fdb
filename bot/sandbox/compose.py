"""Shared validation for Bot API methods that send or edit messages."""

from __future__ import annotations

from typing import Any

from bot.sandbox.html_entities import (
    EntityParseError,
    FormattedText,
    normalize_url,
    parse_html,
    trim,
)
from bot.sandbox.params import BotApiError, Params, bad_request
from bot.sandbox.records import JSON, SandboxChat, StoredMessage
from bot.sandbox.state import Call

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA = 64
_BUTTON_ACTIONS = (
    "url",
    "callback_data",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)
_OTHER_MARKUPS = ("keyboard", "remove_keyboard", "force_reply")


def require_chat(call: Call) -> SandboxChat:
    """Return the chat named by ``chat_id``, or fail like Telegram."""
    raw = call.params.text("chat_id")
    if not raw:
        raise bad_request("chat_id is empty")
    try:
        chat = call.state.chats.get(int(raw))
    except ValueError:
        chat = None  # "@username" only works for public channels and groups
    if chat is None:
        raise bad_request("chat not found")
    return chat


def require_message(call: Call, chat: SandboxChat, not_found: str) -> StoredMessage:
    """Return the live message named by ``message_id``, or Bad Request ``not_found``."""
    message_id = call.params.require_int("message_id", "message identifier is not specified")
    message = chat.messages.get(message_id)
    if message is None or message.deleted:
        raise bad_request(not_found)
    return message


def format_text(
    call: Call,
    *,
    text_param: str = "text",
    mode_param: str = "parse_mode",
    entities_param: str = "entities",
    limit: int = MAX_TEXT,
) -> tuple[FormattedText, str | None]:
    """Parse a text or caption parameter; return the result and the HTML source if any."""
    source = call.params.text(text_param) or ""
    mode = (call.params.text(mode_param) or "").lower()
    if mode == "html":
        try:
            users = call.state.users
            formatted = parse_html(
                source, resolve_user=lambda uid: users[uid].to_json() if uid in users else None
            )
        except EntityParseError as error:
            raise bad_request(f"can't parse entities: {error}") from None
    elif mode:
        raise bad_request("unsupported parse_mode (the sandbox implements only HTML)")
    else:
        formatted = FormattedText(source, list(call.params.decoded(entities_param) or []))
    formatted = trim(formatted)
    too_long = "message is too long" if text_param == "text" else "message caption is too long"
    # tdlib counts Unicode code points here, not UTF-16 units.
    if len(formatted.text) > limit:
        raise bad_request(too_long)
    return formatted, source if mode == "html" else None


def require_text(call: Call) -> tuple[FormattedText, str | None]:
    """Parse the ``text`` parameter of sendMessage/editMessageText."""
    formatted, source = format_text(call)
    if not formatted.text:
        raise bad_request("message text is empty")
    return formatted, source


def reply_markup(params: Params) -> JSON | None:
    """Return the validated ``reply_markup`` parameter, or None."""
    markup = params.decoded("reply_markup")
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in markup:
        _check_inline_keyboard(markup["inline_keyboard"])
    elif not any(key in markup for key in _OTHER_MARKUPS):
        raise bad_request("can't parse reply keyboard markup JSON object")
    return markup


def _check_inline_keyboard(rows: Any) -> None:
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request('Field "inline_keyboard" of the InlineKeyboardMarkup must be an Array')
    for button in (button for row in rows for button in row):
        if not isinstance(button, dict) or not isinstance(button.get("text"), str):
            raise bad_request("can't parse inline keyboard button: Can't find field \"text\"")
        if not any(key in button for key in _BUTTON_ACTIONS):
            raise bad_request(
                "can't parse inline keyboard button: Text buttons are unallowed in the "
                "inline keyboard"
            )
        if "callback_data" in button:
            data = button["callback_data"]
            if not isinstance(data, str) or not 1 <= len(data.encode()) <= MAX_CALLBACK_DATA:
                raise bad_request("BUTTON_DATA_INVALID")
        if "url" in button and normalize_url(str(button["url"])) is None:
            raise bad_request(
                f"inline keyboard button URL '{button['url']}' is invalid: Wrong HTTP URL"
            )


def reply_target(call: Call, chat: SandboxChat) -> int | None:
    """Return the message id to reply to from reply_parameters / reply_to_message_id."""
    parameters = call.params.decoded("reply_parameters")
    if isinstance(parameters, dict):
        message_id = parameters.get("message_id")
        allow_without = bool(parameters.get("allow_sending_without_reply"))
    else:
        message_id = call.params.integer("reply_to_message_id")
        allow_without = call.params.flag("allow_sending_without_reply")
    if message_id is None:
        return None
    target = chat.messages.get(int(message_id))
    if target is not None and not target.deleted:
        return target.message_id
    if allow_without:
        return None
    raise bad_request("message to be replied not found")


def new_bot_message(call: Call, chat: SandboxChat) -> StoredMessage:
    """Append a message from the bot to the chat (validation must be done by now)."""
    reply_to = reply_target(call, chat)
    markup = reply_markup(call.params)
    message = call.state.add_message(chat, sender=call.bot, from_bot=True)
    message.reply_to_message_id = reply_to
    message.markup = markup
    return message


def not_modified() -> BotApiError:
    """Telegram's error for an edit that changes nothing."""
    return bad_request(
        "message is not modified: specified new message content and reply markup are exactly "
        "the same as a current content and reply markup of the message"
    )
