"""The Bot API from the shell: the bot's username for t.me links, a chat's command menu."""

from __future__ import annotations

import httpx

from bot.config import Settings

TELEGRAM_API = "https://api.telegram.org/bot"


async def fetch_username(settings: Settings) -> str | None:
    """getMe with the configured token and base URL; None when there is no token or no answer."""
    if settings.telegram_bot_token is None:
        return None
    base = settings.telegram_api_base_url or TELEGRAM_API
    url = f"{base}{settings.telegram_bot_token.get_secret_value()}/getMe"
    try:
        async with httpx.AsyncClient(timeout=5) as client:
            response = await client.get(url)
        result = response.json().get("result", {})
    except (httpx.HTTPError, ValueError):
        return None
    username = result.get("username") if isinstance(result, dict) else None
    return username if isinstance(username, str) else None


async def set_chat_commands(
    settings: Settings, chat_id: int, commands: list[tuple[str, str]]
) -> bool:
    """setMyCommands for one private chat (BotCommandScopeChat); False when it did not work."""
    if settings.telegram_bot_token is None:
        return False
    base = settings.telegram_api_base_url or TELEGRAM_API
    url = f"{base}{settings.telegram_bot_token.get_secret_value()}/setMyCommands"
    body = {
        "commands": [{"command": name, "description": text} for name, text in commands],
        "scope": {"type": "chat", "chat_id": chat_id},
    }
    try:
        async with httpx.AsyncClient(timeout=5) as client:
            response = await client.post(url, json=body)
        return bool(response.json().get("ok"))
    except (httpx.HTTPError, ValueError, AttributeError):
        return False
