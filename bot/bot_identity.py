"""The Bot API from the shell: the bot's username for t.me links, a chat's command menu."""

from __future__ import annotations

import httpx

from bot.config import Settings

TELEGRAM_API = "https://api.telegram.org/bot"
SANDBOX_TOKEN = "1000000:sandbox"  # what the bot uses against `signbot sandbox` without a token


def _method_url(settings: Settings, method: str) -> str | None:
    """The Bot API address of method: with the token, or the sandbox's when only
    TELEGRAM_API_BASE_URL is set; None when neither is configured."""
    if settings.telegram_bot_token is not None:
        token = settings.telegram_bot_token.get_secret_value()
    elif settings.telegram_api_base_url is not None:
        token = SANDBOX_TOKEN
    else:
        return None
    return f"{settings.telegram_api_base_url or TELEGRAM_API}{token}/{method}"


async def fetch_username(settings: Settings) -> str | None:
    """getMe with the configured token and base URL (or the sandbox's); None when neither is
    configured or the Bot API does not answer."""
    url = _method_url(settings, "getMe")
    if url is None:
        return None
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
    url = _method_url(settings, "setMyCommands")
    if url is None:
        return False
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
