"""Telegram's flood limits: a strict sliding window per bot, token buckets per chat and group.

Telegram's published guidance (core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this):
at most about 30 messages per second overall, about one per second in a private chat ("We may
allow short bursts that go over this limit, but eventually you'll begin receiving 429
errors"), and at most 20 per minute in a group. Only calls that create messages count.

The per-bot limit is the strict reading: at most ``global_per_second`` messages in any one-second
window (a log of the last send times), never a refilled burst of 30 right after 30. Telegram
is at least this strict in practice, so a bot that passes here does not lean on leniency.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

Clock = Callable[[], float]

# Bot API methods that create messages; COUNTED is lower case, as Telegram matches names that way.
MESSAGE_METHODS = (
    "sendMessage",
    "sendPhoto",
    "sendDocument",
    "sendAudio",
    "sendVideo",
    "sendAnimation",
    "sendVoice",
    "sendVideoNote",
    "sendSticker",
    "sendMediaGroup",
    "sendPaidMedia",
    "sendLocation",
    "sendVenue",
    "sendContact",
    "sendPoll",
    "sendDice",
    "sendInvoice",
    "sendGame",
    "copyMessage",
    "copyMessages",
    "forwardMessage",
    "forwardMessages",
)
COUNTED = frozenset(name.lower() for name in MESSAGE_METHODS)
GROUP_TYPES = frozenset({"group", "supergroup", "channel"})
# Full buckets are forgotten once this many chats have one (a full bucket carries no state).
MAX_IDLE_BUCKETS = 10_000
_EPSILON = 1e-9  # float slack, so that exactly 3.0 s is not rounded up to 4


@dataclass(frozen=True)
class LimitSettings:
    """The numbers; ``enabled`` False lets every call through."""

    enabled: bool = False
    global_per_second: float = 30.0
    chat_per_second: float = 1.0
    chat_burst: int = 3
    group_per_minute: float = 20.0

    def updated(self, changes: dict[str, Any]) -> LimitSettings:
        """Return a copy with ``changes`` applied; ValueError names a bad or unknown field."""
        known = [f.name for f in fields(self)]
        for name, value in changes.items():
            if name not in known:
                raise ValueError(f"unknown limit {name!r}; known: {', '.join(known)}")
            if name == "enabled":
                if not isinstance(value, bool):
                    raise ValueError("enabled must be true or false")
            elif isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
                raise ValueError(f"{name} must be a positive number")
            elif name == "chat_burst" and value != int(value):
                raise ValueError("chat_burst must be a whole number")
        if "chat_burst" in changes:
            changes = {**changes, "chat_burst": int(changes["chat_burst"])}
        return replace(self, **changes)

    def to_json(self) -> dict[str, Any]:
        """Return the settings as the control API shows them."""
        return asdict(self)


class TokenBucket:
    """``capacity`` tokens, refilled at ``rate`` per second; one token per message."""

    def __init__(self, capacity: float, rate: float, now: float) -> None:
        self.capacity = capacity
        self.rate = rate
        self.tokens = capacity
        self.updated = now

    def _refill(self, now: float) -> None:
        self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.rate)
        self.updated = now

    def wait(self, now: float) -> float:
        """Return the seconds until a token is available (0.0 if one is now)."""
        self._refill(now)
        return 0.0 if self.tokens >= 1 - _EPSILON else (1 - self.tokens) / self.rate

    def take(self, now: float) -> None:
        """Use one token (the caller checked ``wait`` first)."""
        self._refill(now)
        self.tokens -= 1

    def is_full(self, now: float) -> bool:
        """Return True if the bucket has refilled completely."""
        self._refill(now)
        return self.tokens >= self.capacity


class SlidingWindow:
    """At most ``limit`` messages in any window of ``period`` seconds (a log of send times)."""

    def __init__(self, limit: float, period: float = 1.0) -> None:
        self.limit = max(1, int(limit + _EPSILON))
        self.period = period
        self.times: deque[float] = deque()

    def _forget(self, now: float) -> None:
        # A send at t counts in the windows (t - period, t]: once period has passed it is free.
        while self.times and self.times[0] <= now - self.period + _EPSILON:
            self.times.popleft()

    def wait(self, now: float) -> float:
        """Return the seconds until another message fits in the window (0.0 if it does now)."""
        self._forget(now)
        if len(self.times) < self.limit:
            return 0.0
        return self.times[-self.limit] + self.period - now

    def take(self, now: float) -> None:
        """Record one message (the caller checked ``wait`` first)."""
        self._forget(now)
        self.times.append(now)


class RateLimiter:
    """Per bot token: one overall window plus a bucket per chat; a refused call uses no token."""

    def __init__(self, settings: LimitSettings | None = None, *, clock: Clock = time.monotonic):
        self.clock = clock
        self.configure(settings or LimitSettings())

    def configure(self, settings: LimitSettings) -> None:
        """Apply new settings; every bucket starts full again."""
        self.settings = settings
        self._bots: dict[int, SlidingWindow] = {}
        self._chats: dict[tuple[int, object, bool], TokenBucket] = {}

    def _buckets(
        self, bot: int, chat: object, is_group: bool, now: float
    ) -> list[TokenBucket | SlidingWindow]:
        settings = self.settings
        overall = self._bots.get(bot)
        if overall is None:
            overall = self._bots[bot] = SlidingWindow(settings.global_per_second)
        key = (bot, chat, is_group)
        bucket = self._chats.get(key)
        if bucket is None:
            if len(self._chats) >= MAX_IDLE_BUCKETS:
                self._chats = {k: b for k, b in self._chats.items() if not b.is_full(now)}
            if is_group:
                per_minute = settings.group_per_minute
                bucket = TokenBucket(per_minute, per_minute / 60, now)
            else:
                bucket = TokenBucket(settings.chat_burst, settings.chat_per_second, now)
            self._chats[key] = bucket
        return [overall, bucket]

    def retry_after(self, chat: object, *, is_group: bool, bot: int = 0) -> int | None:
        """Return whole seconds (>= 1) to wait before a message to ``chat``, or None if it may go."""
        if not self.settings.enabled:
            return None
        now = self.clock()
        wait = max(b.wait(now) for b in self._buckets(bot, chat, is_group, now))
        return None if wait == 0 else max(1, math.ceil(wait - _EPSILON))

    def take(self, chat: object, *, is_group: bool, bot: int = 0) -> None:
        """Record a message to ``chat`` (after ``retry_after`` returned None)."""
        if self.settings.enabled:
            now = self.clock()
            for bucket in self._buckets(bot, chat, is_group, now):
                bucket.take(now)

    def acquire(self, chat: object, *, is_group: bool, bot: int = 0) -> int | None:
        """Take a token if one is free; otherwise return retry_after and take nothing."""
        wait = self.retry_after(chat, is_group=is_group, bot=bot)
        if wait is None:
            self.take(chat, is_group=is_group, bot=bot)
        return wait
