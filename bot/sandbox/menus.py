"""Which command menu a chat shows: Telegram's documented order of scopes and languages.

For a private chat the first list set among: that chat in the user's language, that chat,
all private chats in the language, all private chats, the default in the language, the
default. Group chats check all group chats instead of all private chats.
"""

from __future__ import annotations

import json

from bot.sandbox.records import JSON

CommandStore = dict[tuple[str, str], list[JSON]]


def scope_key(scope: JSON) -> str:
    """The stored form of a BotCommandScope."""
    return json.dumps(scope, sort_keys=True)


def visible_commands(
    commands: CommandStore, *, chat_id: int, chat_type: str, language_code: str
) -> list[JSON]:
    """The menu a user with this client language sees in this chat."""
    broad = "all_private_chats" if chat_type == "private" else "all_group_chats"
    scopes: list[JSON] = [
        {"type": "chat", "chat_id": chat_id},
        {"type": broad},
        {"type": "default"},
    ]
    for scope in scopes:
        for language in (language_code, ""):
            found = commands.get((scope_key(scope), language))
            if found is not None:
                return found
    return []
