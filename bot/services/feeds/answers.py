"""The answers of the step-by-step `/feeds add`, each checked on its own.

Each function returns the value to store or raises DomainError with a message key that
says what to type instead; the handler asks the same step again.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.models import Feed
from bot.services.feeds.command import KIND_WORDS
from bot.services.feeds.fetch import Problem
from bot.services.feeds.manage import valid_url
from bot.services.feeds.options import FeedOptions
from bot.services.feeds.parse import split_words
from bot.services.feeds.poller import fetch_and_parse

WORDS_MAX = 500  # characters of an include or exclude list


async def check_address(session: AsyncSession, text: str) -> str:
    """The feed's address: http(s), a bare "www.…" or "host.tld/…" gets https://; not taken."""
    url = text.strip()
    if url and "://" not in url and " " not in url and "." in url.split("/")[0]:
        url = f"https://{url}"
    url = valid_url(url)
    if await session.scalar(select(Feed.id).where(Feed.url == url)) is not None:
        raise DomainError("feeds_exists", url=url)
    return url


def check_kind(text: str) -> str:
    """funding or news, from the Swedish or English word."""
    kind = KIND_WORDS.get(text.strip().lower())
    if kind is None:
        raise DomainError("feeds_add_bad_kind")
    return kind


def check_words(text: str) -> str:
    """A filter's words, comma-separated and trimmed."""
    words = ", ".join(split_words(text))
    if not words:
        raise DomainError("feeds_add_no_words")
    if len(words) > WORDS_MAX:
        raise DomainError("feeds_add_words_too_long", limit=WORDS_MAX)
    return words


@dataclass(frozen=True)
class Trial:
    """A trial fetch before the feed is added: how many items, how many pass the filters."""

    items: int = 0
    matching: int = 0
    problem: Problem | None = None


async def try_feed(
    client: httpx.AsyncClient, url: str, *, include: str, exclude: str, options: FeedOptions
) -> Trial:
    """Fetch the feed once, storing nothing, to tell staff what it holds."""
    fetched = await fetch_and_parse(client, url, etag=None, last_modified=None, options=options)
    if fetched.parsed is None:
        return Trial(problem=fetched.problem)
    wanted, unwanted = split_words(include), split_words(exclude)
    items = fetched.parsed.items
    matching = sum(1 for item in items if item.matches(wanted, unwanted))
    return Trial(items=len(items), matching=matching)
