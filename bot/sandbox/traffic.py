"""What happens to a Bot API call before its method runs: flood limits, then injected faults.

Order: a call over the limits is refused with 429 (no token used, no fault drawn); then a
fault may be drawn; a call that fails before delivery (403, 5xx, timeout, drop) uses no
token either, since Telegram sent nothing. A call that gets through uses a token even if the
method then refuses it (e.g. 400 chat not found).
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from bot.sandbox.faults import Fault, FaultInjector
from bot.sandbox.limits import COUNTED, GROUP_TYPES, Clock, LimitSettings, RateLimiter
from bot.sandbox.params import BotApiError, Params

ChatTypes = Callable[[int], str | None]  # a known chat's type ("private", "group", ...)


class ConnectionDropped(Exception):
    """The sandbox closes the connection instead of answering."""


class TrafficStats:
    """Counters for benchmarks and tests: calls, messages created, 429s, faults."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        """Set every counter to zero."""
        self.calls: Counter[str] = Counter()
        self.messages_created = 0
        self.rate_limited = 0
        self.faults: Counter[Fault] = Counter()

    def to_json(self) -> dict[str, Any]:
        """Return the counters as the control API shows them."""
        return {
            "calls": dict(self.calls),
            "messages_created": self.messages_created,
            "rate_limited": self.rate_limited,
            "faults": {fault.value: self.faults[fault] for fault in Fault},
        }


def _chat_key(chat_id: str) -> int | str:
    try:
        return int(chat_id)
    except ValueError:
        return chat_id.strip()  # "@channelname"


class Traffic:
    """The flood limiter, the fault injector and the stats of one sandbox."""

    def __init__(self, chat_types: ChatTypes, *, clock: Clock = time.monotonic) -> None:
        self.limiter = RateLimiter(clock=clock)
        self.faults = FaultInjector()
        self.stats = TrafficStats()
        self._chat_types = chat_types

    def configure_limits(self, settings: LimitSettings) -> None:
        """Apply new limit settings (buckets start full)."""
        self.limiter.configure(settings)

    def _is_group(self, chat: int | str) -> bool:
        if isinstance(chat, str):
            return True  # only channels and public groups have @usernames
        chat_type = self._chat_types(chat)
        return chat_type in GROUP_TYPES if chat_type is not None else chat < 0

    async def admit(self, method: str, params: Params, *, bot: int) -> bool:
        """Limit and fail the call as configured; True means drop the connection after it.

        Raises BotApiError (429, 403, 5xx) or ConnectionDropped to answer instead of the method.
        """
        raw_chat = params.text("chat_id")
        chat = _chat_key(raw_chat) if raw_chat and method.lower() in COUNTED else None
        is_group = chat is not None and self._is_group(chat)
        if chat is not None:
            retry_after = self.limiter.retry_after(chat, is_group=is_group, bot=bot)
            if retry_after is not None:
                self.stats.rate_limited += 1
                raise BotApiError(
                    429,
                    f"Too Many Requests: retry after {retry_after}",
                    parameters={"retry_after": retry_after},
                )
        fault = self.faults.decide(method, raw_chat)
        if fault is not None:
            self.stats.faults[fault] += 1
        if fault is Fault.FORBIDDEN:
            raise BotApiError(403, "Forbidden: bot was blocked by the user")
        if fault is Fault.SERVER_ERROR:
            raise self.faults.server_error()
        if fault is Fault.TIMEOUT:
            await asyncio.sleep(self.faults.settings.timeout_seconds)
            raise BotApiError(504, "Gateway Timeout")
        if fault is Fault.DROP:
            raise ConnectionDropped()
        if chat is not None:
            self.limiter.take(chat, is_group=is_group, bot=bot)
        return fault is Fault.DROP_AFTER_DELIVERY

    def received(self, method: str) -> None:
        """Count a call, whatever becomes of it."""
        self.stats.calls[method] += 1

    def delivered(self, method: str) -> None:
        """Count a method that succeeded (messages created, for message-creating methods)."""
        if method.lower() in COUNTED:
            self.stats.messages_created += 1
