"""The limits a feed poll follows, taken from the settings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.config import Settings
from bot.services.feeds.fetch import DEADLINE, MAX_BYTES
from bot.services.feeds.parse import ParsedItem


@dataclass(frozen=True)
class FeedOptions:
    """How long a fetch may take, how large it may be, and how many new items are announced."""

    deadline: float = DEADLINE  # seconds for the whole fetch
    max_bytes: int = MAX_BYTES
    max_announced: int = 10  # new items of one fetch that are announced; the rest stay quiet
    first_fetch_max: int = 3  # on a feed's first fetch, at most this many ...
    first_fetch_days: int = 14  # ... of those published in the last days

    @classmethod
    def from_settings(cls, settings: Settings) -> FeedOptions:
        """The options configured for this deployment."""
        return cls(
            deadline=settings.feed_deadline_seconds,
            max_announced=settings.feed_max_announced,
            first_fetch_max=settings.feed_first_fetch_max,
            first_fetch_days=settings.feed_first_fetch_days,
        )

    def to_announce(self, items: list[ParsedItem], *, first: bool, now: datetime) -> set[str]:
        """The keys of the new items to announce: the newest, up to the cap.

        On a feed's first fetch everything in it is a backlog: only items published in the
        last first_fetch_days count (an undated one could be years old), and fewer of them.
        """
        limit, candidates = self.max_announced, items
        if first:
            since = now - timedelta(days=self.first_fetch_days)
            limit = min(limit, self.first_fetch_max)
            candidates = [i for i in items if i.published_at and i.published_at >= since]
        # Newest first; undated items keep the document's order after the dated ones.
        newest = sorted(
            candidates,
            key=lambda item: (item.published_at is not None, item.published_at or now),
            reverse=True,
        )
        return {item.dedup_key for item in newest[:limit]}


DEFAULT_OPTIONS = FeedOptions()
