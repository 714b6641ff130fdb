"""Newsletter digests: editions on a schedule, each reader's window and what their digest holds."""

from bot.services.digest.compose import compose, compose_for
from bot.services.digest.content import DigestContent, load_content
from bot.services.digest.editions import (
    create_edition,
    get_default_frequency,
    schedule_special,
    send_now,
    set_default_frequency,
)
from bot.services.digest.readers import ReaderChoice, choice_of, find_reader, set_frequency
from bot.services.digest.schedule import DigestOptions, ensure_due_editions, latest_slot, next_slot
from bot.services.digest.selection import Selection
from bot.services.digest.subjects import SUBJECT, parse_edition_id, subject
from bot.services.digest.window import Window, fallback_start, windows

__all__ = [
    "SUBJECT",
    "DigestContent",
    "DigestOptions",
    "ReaderChoice",
    "Selection",
    "Window",
    "choice_of",
    "compose",
    "compose_for",
    "create_edition",
    "ensure_due_editions",
    "fallback_start",
    "find_reader",
    "get_default_frequency",
    "latest_slot",
    "load_content",
    "next_slot",
    "parse_edition_id",
    "schedule_special",
    "send_now",
    "set_default_frequency",
    "set_frequency",
    "subject",
    "windows",
]
