"""The Telegram side of sending: the delivery engine's Sender, and the limiter for replies."""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Message
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
# What a person sees of a reply besides new messages: retried like them. Other calls (getMe,
# setMyCommands, getUpdates…) are the library's or the caller's to retry, and fail at once.
REPLY_PREFIXES = (*COUNTED_PREFIXES, "edit", "answer", "delete")
REPLY_ATTEMPTS = 4  # tries of a reply that meets server errors or timeouts
REPLY_BACKOFF = 0.5  # seconds before the first retry, doubling (with jitter)
# A reply older than this answers nothing any more. Long enough for a crowd: 600 people
# writing /start at once need 1200 messages, 40 s at Telegram's 30 a second.
REPLY_DEADLINE = 300.0


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
        *,
        photo: bytes | None = None,
    ) -> SendOutcome:
        """Send one message; Telegram's errors become outcomes, never exceptions.

        A ``photo`` follows the text. Once the text is out, the delivery counts as sent
        even if the photo fails: trying again would repeat the text.
        """
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
        if photo is not None:
            await self._send_photo(chat_id, photo)
        return Sent(message.message_id)

    async def _send_photo(self, chat_id: int, photo: bytes) -> None:
        # Not pre-counted by the worker: the rate limiter counts (and retries) it like a reply.
        try:
            await self.bot.send_photo(chat_id, InputFile(photo, filename="bild.png"))
        except tg.TelegramError as error:
            log.warning("the picture after a message to chat %s was not sent: %s", chat_id, error)

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
    """Counts the bot's own replies in the delivery engine's send window, and retries them.

    A reply waits its turn in the window, before any broadcast (see
    bot.services.delivery.limits), so a crowd writing at once is answered at the limit and
    never gets 429. If Telegram answers 429 anyway, every send pauses (the engine's too) and
    the reply is tried again; a server error or timeout is retried with backoff, like a
    delivery. A reply is given up (and logged) only after ``attempts`` failures or once it is
    ``deadline`` seconds old, when it no longer answers anything.
    """

    def __init__(
        self,
        limiter: LocalLimiter,
        *,
        attempts: int = REPLY_ATTEMPTS,
        backoff: float = REPLY_BACKOFF,
        deadline: float = REPLY_DEADLINE,
    ) -> None:
        self.limiter = limiter
        self.attempts = attempts
        self.backoff = backoff
        self.deadline = deadline

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
        """Make the request in its turn; retry it after 429, 5xx and timeouts."""
        if (rate_limit_args or {}).get("broadcast"):
            return await self._engine_send(callback, args, kwargs)
        if not endpoint.startswith(REPLY_PREFIXES):
            return await callback(*args, **kwargs)
        counted = endpoint.startswith(COUNTED_PREFIXES) and endpoint not in NOT_COUNTED
        chat = data.get("chat_id")
        chat_id = chat if isinstance(chat, int) else None
        loop = asyncio.get_running_loop()
        give_up_at = loop.time() + self.deadline
        failures = 0
        while True:
            try:
                async with asyncio.timeout_at(give_up_at):
                    if not counted:
                        return await callback(*args, **kwargs)
                    async with self.limiter.sending(chat_id, reply=True):
                        return await callback(*args, **kwargs)
            except tg.RetryAfter as error:
                await self.limiter.pause(_seconds(error.retry_after))
                log.warning("RetryAfter on %s: all sending paused, the reply waits", endpoint)
                delay, reason = 0.0, f"RetryAfter {_seconds(error.retry_after):g} s"
            except tg.BadRequest:
                raise  # our request is wrong (BadRequest is a NetworkError): no retry helps
            except tg.NetworkError as error:  # 5xx, timeouts, dropped connections
                failures += 1
                delay = self.backoff * 2 ** (failures - 1) * random.uniform(0.5, 1.0)
                reason = f"{type(error).__name__}: {error}"
                if failures >= self.attempts:
                    log.warning("%s to chat %s given up after %d attempts: %s",
                                endpoint, chat_id, failures, reason)  # fmt: skip
                    raise
            except TimeoutError:
                log.warning("%s to chat %s given up: not sent within %.0f s",
                            endpoint, chat_id, self.deadline)  # fmt: skip
                raise
            if loop.time() + delay >= give_up_at:
                log.warning(
                    "%s to chat %s given up: %s, and no time left", endpoint, chat_id, reason
                )
                raise tg.TimedOut(f"{endpoint} not sent within {self.deadline:.0f} s")
            await asyncio.sleep(delay)

    async def _engine_send(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]],
        args: Any,
        kwargs: dict[str, Any],
    ) -> bool | JSONDict | list[JSONDict]:
        """The engine counted this send and records and reschedules it itself."""
        try:
            return await callback(*args, **kwargs)
        except tg.RetryAfter as error:
            await self.limiter.pause(_seconds(error.retry_after))
            raise
