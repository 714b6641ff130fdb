"""Funding calls (utlysningar): stored by hand or from feeds, announced once, remembered on request."""

from bot.services.calls.deadline import find_deadline, parse_deadline
from bot.services.calls.drafts import CallDraft, parse_tags, plain_to_html
from bot.services.calls.reminders import Reminder, remind
from bot.services.calls.store import (
    announce_once,
    create,
    create_from_feed_item,
    get,
    is_open,
    open_calls,
    withdraw,
)

__all__ = [
    "CallDraft",
    "Reminder",
    "announce_once",
    "create",
    "create_from_feed_item",
    "find_deadline",
    "get",
    "is_open",
    "open_calls",
    "parse_deadline",
    "parse_tags",
    "plain_to_html",
    "remind",
    "withdraw",
]
