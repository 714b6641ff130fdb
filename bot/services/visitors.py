"""A short-lived memory of who wrote recently, so a plain question needs no database read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.models import User
from bot.timeutil import Clock, utc_now

FRESH_FOR = timedelta(seconds=60)


@dataclass(frozen=True)
class Visitor:
    """What answering a question needs to know about the asker: never used for permissions."""

    user_id: int
    language: str
    seen_at: datetime


class VisitorCache:
    """Users seen in the last minute, by Telegram id; refreshed by every full user session."""

    def __init__(self, *, clock: Clock = utc_now) -> None:
        self.clock = clock
        self._visitors: dict[int, Visitor] = {}

    def get(self, telegram_id: int) -> Visitor | None:
        """The visitor if seen recently enough, else None (the caller then reads the database)."""
        visitor = self._visitors.get(telegram_id)
        if visitor is None or self.clock() - visitor.seen_at > FRESH_FOR:
            return None
        return visitor

    def forget(self, telegram_id: int) -> None:
        """Drop a user who was just erased, so their old users.id is never used again."""
        self._visitors.pop(telegram_id, None)

    def remember(self, user: User) -> None:
        """Note the user's current state after a session has committed."""
        self._visitors[user.telegram_id] = Visitor(user.id, user.language, self.clock())
        if len(self._visitors) > 10_000:
            stale = [
                tid for tid, v in self._visitors.items() if self.clock() - v.seen_at > FRESH_FOR
            ]
            for telegram_id in stale:
                del self._visitors[telegram_id]
