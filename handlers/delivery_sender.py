"""The Telegram side of sending: the delivery engine's Sender, and the limiter for replies."""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message
from telegram import error as tg
from telegram.constants import ParseMode
from telegram.ext import BaseRateLimiter, ExtBot

from bot.services.delivery import (
    Blocked,
    Button,
    Buttons,
    LocalLimiter,
    Rejected,
    RetryAfter,
    SendOutcome,
    Sent,
    Transient,
)

log = logging.getLogger(__name__)
JSONDict = dict[str, Any]

BROADCAST = {"broadcast": True}  # rate_limit_args of the engine's sends, already counted
COUNTED_PREFIXES = ("send", "copy", "forward")  # Bot API methods that post a message
NOT_COUNTED = frozenset({"sendChatAction"})  # "typing…" is not a message


def _seconds(retry_after: int | timedelta) -> float:
    return retry_after.total_seconds() if isinstance(retry_after, timedelta) else float(retry_after)


def _button(button: Button) -> InlineKeyboardButton:
    if button.callback:
        return InlineKeyboardButton(button.text, callback_data=button.callback)
    return InlineKeyboardButton(button.text, url=button.url)


def keyboard(buttons: Buttons) -> InlineKeyboardMarkup | None:
    """Inline buttons (links or actions), or None without any."""
    if not buttons:
        return None
    return InlineKeyboardMarkup([[_button(b) for b in row] for row in buttons])


class BotSender:
    """Sends a campaign's message with python-telegram-bot and reports what Telegram said."""

    def __init__(self, bot: ExtBot[Any]) -> None:
        self.bot = bot

    async def send(
        self,
        chat_id: int,
        text_html: str,
        media_kind: str | None,
        media_file_id: str | None,
        buttons: Buttons,
    ) -> SendOutcome:
        """Send one message; Telegram's errors become outcomes, never exceptions."""
        try:
            message = await self._send(chat_id, text_html, media_kind, media_file_id, buttons)
        except tg.RetryAfter as error:
            return RetryAfter(_seconds(error.retry_after))
        except tg.Forbidden as error:
            return Blocked(error.message)
        except (tg.BadRequest, tg.ChatMigrated) as error:  # BadRequest is a NetworkError: first
            return Rejected(str(error))
        except tg.TelegramError as error:  # timeouts, network errors, 5xx
            return Transient(f"{type(error).__name__}: {error}")
        return Sent(message.message_id)

    async def _send(
        self,
        chat_id: int,
        text_html: str,
        media_kind: str | None,
        media_file_id: str | None,
        buttons: Buttons,
    ) -> Message:
        markup = keyboard(buttons)
        common: dict[str, Any] = {
            "parse_mode": ParseMode.HTML,
            "reply_markup": markup,
            "rate_limit_args": BROADCAST,
        }
        if media_kind == "photo" and media_file_id:
            return await self.bot.send_photo(
                chat_id, media_file_id, caption=text_html or None, **common
            )
        if media_kind == "document" and media_file_id:
            return await self.bot.send_document(
                chat_id, media_file_id, caption=text_html or None, **common
            )
        return await self.bot.send_message(chat_id, text_html, **common)


class InteractiveRateLimiter(BaseRateLimiter[dict[str, Any]]):
    """Counts the bot's own replies in the delivery engine's global bucket.

    A reply never waits behind a broadcast: broadcasts leave ``reserve`` tokens that only
    replies may take (see bot.services.delivery.limits). A RetryAfter answer pauses every
    send, the engine's included, and the reply is tried once more after the pause.
    """

    def __init__(self, limiter: LocalLimiter) -> None:
        self.limiter = limiter

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: dict[str, Any] | None,
    ) -> bool | JSONDict | list[JSONDict]:
        """Count a message-posting request unless the engine already did, then make it."""
        engine_send = bool((rate_limit_args or {}).get("broadcast"))
        counted = (
            endpoint.startswith(COUNTED_PREFIXES)
            and endpoint not in NOT_COUNTED
            and not engine_send
        )
        chat = data.get("chat_id")
        chat_id = chat if isinstance(chat, int) else None
        if counted:
            await self.limiter.acquire_interactive(chat_id)
        try:
            return await callback(*args, **kwargs)
        except tg.RetryAfter as error:
            await self.limiter.pause(_seconds(error.retry_after))
            if not counted:
                raise  # the engine's own send: its worker records and reschedules it
            log.warning("RetryAfter on %s: all sending paused", endpoint)
            await self.limiter.acquire_interactive(chat_id)
            return await callback(*args, **kwargs)
