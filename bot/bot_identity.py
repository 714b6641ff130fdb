"""Finding the bot's username through the Bot API, for t.me invitation links."""

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
