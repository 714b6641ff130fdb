"""Composing an edition's digests for a batch of readers, in a constant number of queries.

Per batch: the readers' languages, their windows, the shared content (from the earliest
window start), their answers to the upcoming meetings and the audiences of the
announcements: about ten queries whatever the batch size.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from pydantic import SecretStr
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import DigestEdition, User, UserStatus
from bot.services.digest.content import (
    announcement_readers,
    answers,
    load_content,
    unanswered_polls,
)
from bot.services.digest.selection import Answer, Selection, Selector
from bot.services.digest.window import windows
from bot.services.polls import poll_key as voter_secret
from bot.timeutil import STOCKHOLM


async def _languages(session: AsyncSession, user_ids: Sequence[int]) -> dict[int, str]:
    query = select(User.id, User.language).where(
        User.id.in_(user_ids), User.status == UserStatus.ACTIVE
    )
    return {user_id: language for user_id, language in await session.execute(query)}


async def compose(
    session: AsyncSession,
    edition: DigestEdition,
    user_ids: Sequence[int],
    *,
    now: datetime,
    tz: ZoneInfo = STOCKHOLM,
    poll_key: SecretStr | None,
) -> dict[int, Selection | None]:
    """What each reader's digest of ``edition`` holds (stored, or an unsaved one for a preview);
    bot.views.digest renders it.

    None for a reader with nothing to read; unknown or inactive users are left out.
    ``poll_key`` is settings.poll_key, which finds the readers' poll answers.
    """
    languages = await _languages(session, list(dict.fromkeys(user_ids)))
    readers = list(languages)
    if not readers:
        return {}
    spans = await windows(session, edition, readers, tz=tz)
    since = min(start for start, _ in spans.values())
    content = await load_content(session, edition, now=now, since=since)
    answered = await answers(session, content, readers)
    heard: dict[int, set[int]] = defaultdict(set)
    for user_id, announcement_id in await announcement_readers(session, content, readers):
        heard[user_id].add(announcement_id)
    unanswered: dict[int, set[int]] = defaultdict(set)
    if content.polls:
        key = await voter_secret(session, poll_key)
        for user_id, poll_id in await unanswered_polls(session, content, readers, key=key):
            unanswered[user_id].add(poll_id)
    selector = Selector(content, now=now, tz=tz)
    result: dict[int, Selection | None] = {}
    for user_id in readers:
        own: tuple[Answer, ...] = tuple(
            (answered.get((user_id, m.id)), m.waiting.get(user_id)) for m in content.meetings
        )
        result[user_id] = selector.select(
            languages[user_id],
            spans[user_id],
            own,
            frozenset(heard[user_id]),
            frozenset(unanswered[user_id]),
        )
    return result


async def compose_for(
    session: AsyncSession,
    edition_id: int,
    user_ids: Sequence[int],
    *,
    now: datetime,
    tz: ZoneInfo = STOCKHOLM,
    poll_key: SecretStr | None,
) -> dict[int, Selection | None]:
    """What each reader's digest of the stored edition holds; nothing when it is gone."""
    edition = await session.get(DigestEdition, edition_id)
    if edition is None:
        return {}
    return await compose(session, edition, user_ids, now=now, tz=tz, poll_key=poll_key)
