"""Feeds: RSS/Atom sources polled on a schedule; each item is stored, and announced, once."""

from bot.services.feeds.fetch import FetchError, FetchResult, fetch_feed
from bot.services.feeds.manage import KINDS, add_feed, list_feeds, remove_feed
from bot.services.feeds.parse import FeedParseError, ParsedFeed, ParsedItem, parse_feed, sanitise
from bot.services.feeds.poller import PollResult, due_feeds, poll_feed

__all__ = [
    "KINDS",
    "FeedParseError",
    "FetchError",
    "FetchResult",
    "ParsedFeed",
    "ParsedItem",
    "PollResult",
    "add_feed",
    "due_feeds",
    "fetch_feed",
    "list_feeds",
    "parse_feed",
    "poll_feed",
    "remove_feed",
    "sanitise",
]
