"""Topics: which kinds of push each user receives — explicit choices over the defaults."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import Topic, TopicPreference, User
from bot.timeutil import Clock

# Signatories joined to hear from the region, so every topic is on until they say otherwise.
# Changing a default changes it for everyone without an explicit choice (no rows to migrate).
DEFAULTS: dict[Topic, bool] = {topic: True for topic in Topic}


async def preferences(session: AsyncSession, user_id: int) -> dict[Topic, bool]:
    """Whether the user receives each topic: their explicit choices over the defaults."""
    rows = await session.execute(
        select(TopicPreference.topic, TopicPreference.enabled).where(
            TopicPreference.user_id == user_id
        )
    )
    chosen = dict(DEFAULTS)
    chosen.update({topic: enabled for topic, enabled in rows})
    return chosen


async def set_topic(
    session: AsyncSession, user_id: int, topic: Topic, enabled: bool, *, clock: Clock
) -> None:
    """Record the user's explicit choice for one topic."""
    await _record(session, user_id, {topic: enabled}, clock=clock)


async def stop_all(session: AsyncSession, user_id: int, *, clock: Clock) -> None:
    """Turn every topic off explicitly, so later changes of the defaults do not turn one on."""
    await _record(session, user_id, dict.fromkeys(Topic, False), clock=clock)


async def resume_all(session: AsyncSession, user_id: int, *, clock: Clock) -> None:
    """Turn every topic on explicitly."""
    await _record(session, user_id, dict.fromkeys(Topic, True), clock=clock)


def subscribed(topic: Topic) -> ColumnElement[bool]:
    """A condition on User: the user receives topic (an enabled row, or no row and default on).

    Meant for audience queries such as ``select(User).where(subscribed(Topic.MEETINGS))``;
    the subquery is correlated to the enclosing query's ``users`` row.
    """
    choice = exists().where(TopicPreference.user_id == User.id, TopicPreference.topic == topic)
    if DEFAULTS[topic]:
        return ~choice.where(TopicPreference.enabled.is_(False))
    return choice.where(TopicPreference.enabled.is_(True))


async def _record(
    session: AsyncSession, user_id: int, choices: Mapping[Topic, bool], *, clock: Clock
) -> None:
    # An upsert rather than read-then-write: two quick presses on the same button would
    # otherwise race to insert the same (user, topic) row and one would fail.
    now = clock()
    rows = [
        {"user_id": user_id, "topic": topic, "enabled": enabled, "changed_at": now}
        for topic, enabled in choices.items()
    ]
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    statement = insert(TopicPreference).values(rows)
    statement = statement.on_conflict_do_update(
        index_elements=[TopicPreference.user_id, TopicPreference.topic],
        set_={"enabled": statement.excluded.enabled, "changed_at": statement.excluded.changed_at},
    )
    await session.execute(statement)
