"""Bot API methods about the bot itself: identity, updates, commands, chats, callbacks."""

from __future__ import annotations

import re
from typing import Any

from bot.sandbox.compose import require_chat
from bot.sandbox.menus import scope_key
from bot.sandbox.params import bad_request
from bot.sandbox.records import JSON
from bot.sandbox.state import Call, Handler

MAX_LONG_POLL = 50.0
_COMMAND = re.compile(r"[a-z0-9_]{1,32}")
# BotCommandScope types and the fields each needs besides "type".
_SCOPES: dict[str, tuple[str, ...]] = {
    "default": (),
    "all_private_chats": (),
    "all_group_chats": (),
    "all_chat_administrators": (),
    "chat": ("chat_id",),
    "chat_administrators": ("chat_id",),
    "chat_member": ("chat_id", "user_id"),
}
_CHAT_ACTIONS = frozenset(
    [
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    ]
)


async def get_me(call: Call) -> JSON:
    """getMe."""
    return {
        **call.bot,
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": False,
        "can_connect_to_business": False,
        "has_main_web_app": False,
    }


async def get_updates(call: Call) -> list[JSON]:
    """getUpdates: confirm below ``offset``, then long-poll up to ``timeout`` seconds."""
    state, params = call.state, call.params
    offset = params.integer("offset")
    if offset is not None:
        state.confirm_updates(offset)
    limit = min(max(params.integer("limit", 100) or 100, 1), 100)
    allowed = params.decoded("allowed_updates")
    if isinstance(allowed, list):
        state.allowed_updates = [str(kind) for kind in allowed]  # remembered, like Telegram
    timeout = min(params.number("timeout"), MAX_LONG_POLL)
    return await state.updates_changed.wait_for(lambda: state.deliverable_updates(limit), timeout)


async def delete_webhook(call: Call) -> bool:
    """deleteWebhook; ``drop_pending_updates`` clears the queue."""
    if call.params.flag("drop_pending_updates"):
        call.state.updates.clear()
    return True


async def set_webhook(call: Call) -> bool:
    """setWebhook: refused, the sandbox only does getUpdates."""
    raise bad_request("webhooks are not supported by the sandbox; use getUpdates")


async def get_webhook_info(call: Call) -> JSON:
    """getWebhookInfo: never a webhook."""
    return {
        "url": "",
        "has_custom_certificate": False,
        "pending_update_count": len(call.state.updates),
    }


def _commands_key(call: Call) -> tuple[str, str]:
    scope = call.params.decoded("scope") or {"type": "default"}
    if not isinstance(scope, dict) or scope.get("type") not in _SCOPES:
        raise bad_request("can't parse BotCommandScope JSON object")
    needs = _SCOPES[scope["type"]]
    if set(scope) != {"type", *needs}:
        raise bad_request("can't parse BotCommandScope JSON object")
    chat_id = _chat_id(scope.get("chat_id"))
    if "chat_id" in needs and (chat_id is None or chat_id not in call.state.chats):
        raise bad_request("chat not found")  # Telegram knows only chats that exist
    return scope_key(scope), call.params.text("language_code") or ""


def _chat_id(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lstrip("-").isdigit():
        return int(value)
    return None


def _valid_command(command: Any) -> JSON:
    if not isinstance(command, dict):
        raise bad_request("can't parse BotCommand JSON object")
    name, description = str(command.get("command", "")), str(command.get("description", ""))
    if not _COMMAND.fullmatch(name.lower()):
        raise bad_request("BOT_COMMAND_INVALID")
    if not 1 <= len(description.strip()) <= 256:
        raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
    return {"command": name.lower(), "description": description}


async def set_my_commands(call: Call) -> bool:
    """setMyCommands, stored per scope and language."""
    commands = call.params.decoded("commands")
    if not isinstance(commands, list):
        raise bad_request("can't parse commands JSON object")
    if len(commands) > 100:
        raise bad_request("too many commands")
    call.state.commands[_commands_key(call)] = [_valid_command(c) for c in commands]
    return True


async def get_my_commands(call: Call) -> list[JSON]:
    """getMyCommands for exactly this scope and language (no fallback, like Telegram)."""
    return call.state.commands.get(_commands_key(call), [])


async def delete_my_commands(call: Call) -> bool:
    """deleteMyCommands."""
    call.state.commands.pop(_commands_key(call), None)
    return True


def _description_setter(kind: str, limit: int) -> Handler:
    async def setter(call: Call) -> bool:
        text = call.params.text(kind) or ""
        if len(text) > limit:
            raise bad_request(f"{kind} is too long")
        call.state.descriptions[(kind, call.params.text("language_code") or "")] = text
        return True

    return setter


def _description_getter(kind: str) -> Handler:
    async def getter(call: Call) -> JSON:
        key = (kind, call.params.text("language_code") or "")
        return {kind: call.state.descriptions.get(key, "")}

    return getter


async def get_chat(call: Call) -> JSON:
    """getChat: a ChatFullInfo with the fields PTB requires."""
    chat = require_chat(call)
    gifts = ("unlimited_gifts", "limited_gifts", "unique_gifts", "premium_subscription")
    return {
        **chat.to_json(),
        "accent_color_id": 0,
        "max_reaction_count": 11,
        "accepted_gift_types": {**dict.fromkeys(gifts, False), "gifts_from_channels": False},
    }


async def send_chat_action(call: Call) -> bool:
    """sendChatAction."""
    require_chat(call)
    if call.params.text("action") not in _CHAT_ACTIONS:
        raise bad_request("wrong parameter action in request")
    return True


async def answer_callback_query(call: Call) -> bool:
    """answerCallbackQuery: each query can be answered once."""
    record = call.state.callbacks.get(call.params.text("callback_query_id") or "")
    if record is None or record.answered:
        raise bad_request("query is too old and response timeout expired or query ID is invalid")
    record.answered = True
    record.text = call.params.text("text")
    record.show_alert = call.params.flag("show_alert")
    record.url = call.params.text("url")
    return True


METHODS: dict[str, Handler] = {
    "getme": get_me,
    "getupdates": get_updates,
    "deletewebhook": delete_webhook,
    "setwebhook": set_webhook,
    "getwebhookinfo": get_webhook_info,
    "setmycommands": set_my_commands,
    "getmycommands": get_my_commands,
    "deletemycommands": delete_my_commands,
    "setmydescription": _description_setter("description", 512),
    "getmydescription": _description_getter("description"),
    "setmyshortdescription": _description_setter("short_description", 120),
    "getmyshortdescription": _description_getter("short_description"),
    "getchat": get_chat,
    "sendchataction": send_chat_action,
    "answercallbackquery": answer_callback_query,
}
