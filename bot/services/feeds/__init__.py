"""Feeds: RSS/Atom sources polled on a schedule; each item is stored, and announced, once."""

from bot.services.feeds import answers
from bot.services.feeds.command import AddRequest, parse_add
from bot.services.feeds.fetch import ErrorKind, FetchError, FetchResult, Problem, fetch_feed
from bot.services.feeds.manage import KINDS, add_feed, feeds_with_counts, list_feeds, remove_feed
from bot.services.feeds.options import FeedOptions
from bot.services.feeds.parse import FeedParseError, ParsedFeed, ParsedItem, parse_feed, sanitise
from bot.services.feeds.poller import PollResult, due_feeds, poll_feed
from bot.services.feeds.runner import Convert, FeedOutcome, RunReport, poll_due, poll_now

__all__ = [
    "KINDS",
    "AddRequest",
    "Convert",
    "ErrorKind",
    "FeedOptions",
    "FeedOutcome",
    "FeedParseError",
    "FetchError",
    "FetchResult",
    "ParsedFeed",
    "ParsedItem",
    "PollResult",
    "Problem",
    "RunReport",
    "add_feed",
    "answers",
    "due_feeds",
    "feeds_with_counts",
    "fetch_feed",
    "list_feeds",
    "parse_add",
    "parse_feed",
    "poll_due",
    "poll_feed",
    "poll_now",
    "remove_feed",
    "sanitise",
]
