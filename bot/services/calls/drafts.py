"""What a funding call is made of before it is stored, and the checks it must pass."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, replace
from datetime import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from bot.errors import DomainError
from bot.services.delivery import schedule
from bot.timeutil import STOCKHOLM, as_utc

TITLE_MAX = 300  # the length of funding_calls.title
FUNDER_MAX = 200  # funding_calls.funder
LINK_MAX = 1000  # funding_calls.link
DESCRIPTION_MAX = 2500  # leaves room in Telegram's 4096 for the rest of the card
TAG_MAX = 40
TAG = re.compile(r"<[^>]+>")
TAGS_MAX = 10


@dataclass(frozen=True)
class CallDraft:
    """A funding call as staff (or a feed) describe it; validated by ``checked``."""

    title: str
    funder: str = ""
    description_html: str = ""  # Telegram-safe HTML (plain text typed by staff is escaped)
    link: str | None = None  # http(s)
    deadline: datetime | None = None  # aware; a date typed by staff means 23:59 local time
    tags: tuple[str, ...] = ()  # subject areas, e.g. ("kultur", "idrott")


def excerpt_html(text_html: str, limit: int) -> str:
    """Telegram HTML of at most limit characters: unchanged if short, else a plain-text excerpt.

    Cutting HTML could leave a tag open, which Telegram refuses; so a long text loses its
    formatting and is cut as plain text, then escaped again (within the limit).
    """
    if len(text_html) <= limit:
        return text_html
    plain = " ".join(html.unescape(TAG.sub(" ", text_html)).split())
    escaped = html.escape(plain, quote=False)
    if len(escaped) <= limit:
        return escaped
    budget = limit - 1  # room for the ellipsis
    cut = plain[:budget]
    while len(html.escape(cut, quote=False)) > budget:
        cut = cut[: budget - (len(html.escape(cut, quote=False)) - len(cut))]
    return html.escape(cut.rstrip(), quote=False) + "…"


def parse_tags(text: str) -> tuple[str, ...]:
    """Comma-separated subject areas, trimmed, lower-case, each once, in the order given."""
    seen: dict[str, None] = {}
    for raw in text.split(","):
        tag = " ".join(raw.split()).lower()
        if tag:
            seen.setdefault(tag, None)
    return tuple(seen)


def plain_to_html(text: str) -> str:
    """Text typed by staff as Telegram HTML: escaped, line breaks kept."""
    return html.escape(text.strip(), quote=False)


def check_tags(tags: tuple[str, ...]) -> tuple[str, ...]:
    """The tags if there are not too many and none is too long; else DomainError."""
    if len(tags) > TAGS_MAX or any(len(tag) > TAG_MAX for tag in tags):
        raise DomainError("call_tags_invalid", count=TAGS_MAX, length=TAG_MAX)
    return tags


def check_link(link: str | None) -> str | None:
    """An http(s) link with a host, trimmed; None for nothing; else DomainError."""
    if link is None or not link.strip():
        return None
    cleaned = link.strip()
    parts = urlsplit(cleaned)
    if (
        parts.scheme.lower() not in ("http", "https")
        or not parts.netloc
        or len(cleaned) > LINK_MAX
        or any(c.isspace() for c in cleaned)
    ):
        raise DomainError("call_link_invalid", link=cleaned[:100])
    return cleaned


def checked(draft: CallDraft, *, now: datetime, tz: ZoneInfo = STOCKHOLM) -> CallDraft:
    """The draft cleaned up, or DomainError naming the first thing wrong with it."""
    title = " ".join(draft.title.split())
    if not title:
        raise DomainError("call_title_missing")
    if len(title) > TITLE_MAX:
        raise DomainError("call_title_too_long", limit=TITLE_MAX)
    funder = " ".join(draft.funder.split())
    if len(funder) > FUNDER_MAX:
        raise DomainError("call_funder_too_long", limit=FUNDER_MAX)
    description = draft.description_html.strip()
    if len(description) > DESCRIPTION_MAX:
        raise DomainError("call_description_too_long", limit=DESCRIPTION_MAX)
    deadline = None if draft.deadline is None else as_utc(draft.deadline)
    if deadline is not None and deadline <= as_utc(now):
        raise DomainError("call_deadline_past", time=schedule.show(deadline, tz))
    tags = check_tags(parse_tags(",".join(draft.tags)))
    return replace(
        draft,
        title=title,
        funder=funder,
        description_html=description,
        link=check_link(draft.link),
        deadline=deadline,
        tags=tags,
    )
