"""Topics: defaults, explicit choices, /stop and the audience condition on both databases."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import Topic, TopicPreference, User
from bot.services import topics
from handlers.core.callbacks import BadCallback, parse
from handlers.settings.actions import AllTopics, ToggleTopic
from tests.conftest import FakeClock

ALL_ON = dict.fromkeys(Topic, True)
ALL_OFF = dict.fromkeys(Topic, False)


async def _user(session: AsyncSession, telegram_id: int) -> User:
    user = User(telegram_id=telegram_id, display_name=f"User {telegram_id}")
    session.add(user)
    await session.flush()
    return user


async def _rows(session: AsyncSession, user: User) -> dict[Topic, TopicPreference]:
    found = await session.scalars(select(TopicPreference).where(TopicPreference.user_id == user.id))
    return {row.topic: row for row in found}


async def _audience(session: AsyncSession, topic: Topic) -> set[int]:
    found = await session.scalars(select(User.telegram_id).where(topics.subscribed(topic)))
    return set(found)


def test_every_topic_is_on_by_default() -> None:
    assert topics.DEFAULTS == ALL_ON


async def test_a_new_user_gets_the_defaults_without_rows(session: AsyncSession) -> None:
    user = await _user(session, 1)
    assert await topics.preferences(session, user.id) == ALL_ON
    assert await _rows(session, user) == {}


async def test_set_one_topic_and_change_it_again(session: AsyncSession, clock: FakeClock) -> None:
    user = await _user(session, 1)
    await topics.set_topic(session, user.id, Topic.MEETINGS, False, clock=clock)
    assert await topics.preferences(session, user.id) == {**ALL_ON, Topic.MEETINGS: False}

    clock.advance(hours=1)
    await topics.set_topic(session, user.id, Topic.MEETINGS, True, clock=clock)

    rows = await _rows(session, user)
    assert list(rows) == [Topic.MEETINGS]
    await session.refresh(rows[Topic.MEETINGS])
    assert (rows[Topic.MEETINGS].enabled, rows[Topic.MEETINGS].changed_at) == (True, clock.now)
    assert await topics.preferences(session, user.id) == ALL_ON


async def test_stop_all_and_resume_all_write_every_topic(
    session: AsyncSession, clock: FakeClock
) -> None:
    user = await _user(session, 1)
    other = await _user(session, 2)
    await topics.set_topic(session, user.id, Topic.POLLS, True, clock=clock)

    await topics.stop_all(session, user.id, clock=clock)
    assert await topics.preferences(session, user.id) == ALL_OFF
    assert set(await _rows(session, user)) == set(Topic)

    await topics.resume_all(session, user.id, clock=clock)
    assert await topics.preferences(session, user.id) == ALL_ON
    assert len(await _rows(session, user)) == len(Topic)
    assert await topics.preferences(session, other.id) == ALL_ON
    assert await session.scalar(select(func.count()).select_from(TopicPreference)) == len(Topic)


async def test_stopped_users_stay_off_when_a_default_changes(
    session: AsyncSession, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = await _user(session, 1)
    monkeypatch.setitem(topics.DEFAULTS, Topic.POLLS, False)
    await topics.stop_all(session, user.id, clock=clock)
    monkeypatch.setitem(topics.DEFAULTS, Topic.POLLS, True)
    assert await topics.preferences(session, user.id) == ALL_OFF


async def test_subscribed_selects_no_row_and_enabled_row_but_not_disabled_row(
    session: AsyncSession, clock: FakeClock
) -> None:
    await _user(session, 1)  # no rows: the default (on)
    enabled = await _user(session, 2)
    disabled = await _user(session, 3)
    other_topic_off = await _user(session, 4)
    stopped = await _user(session, 5)
    await topics.set_topic(session, enabled.id, Topic.MEETINGS, True, clock=clock)
    await topics.set_topic(session, disabled.id, Topic.MEETINGS, False, clock=clock)
    await topics.set_topic(session, other_topic_off.id, Topic.POLLS, False, clock=clock)
    await topics.stop_all(session, stopped.id, clock=clock)

    assert await _audience(session, Topic.MEETINGS) == {1, 2, 4}
    assert await _audience(session, Topic.POLLS) == {1, 2, 3}
    assert await _audience(session, Topic.DIGEST) == {1, 2, 3, 4}


async def test_subscribed_for_a_topic_that_is_off_by_default(
    session: AsyncSession, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(topics.DEFAULTS, Topic.POLLS, False)
    await _user(session, 1)
    enabled = await _user(session, 2)
    disabled = await _user(session, 3)
    await topics.set_topic(session, enabled.id, Topic.POLLS, True, clock=clock)
    await topics.set_topic(session, disabled.id, Topic.POLLS, False, clock=clock)

    assert await _audience(session, Topic.POLLS) == {2}
    assert (await topics.preferences(session, 1))[Topic.POLLS] is False


async def test_subscribed_combines_with_other_conditions(
    session: AsyncSession, clock: FakeClock
) -> None:
    first = await _user(session, 1)
    second = await _user(session, 2)
    await topics.set_topic(session, first.id, Topic.DIGEST, False, clock=clock)
    query = select(User.telegram_id).where(
        topics.subscribed(Topic.DIGEST), topics.subscribed(Topic.MEETINGS), User.id != second.id
    )
    assert list(await session.scalars(query)) == []


@pytest.mark.parametrize(
    "action", [ToggleTopic(Topic.FUNDING_CALLS, True), ToggleTopic(Topic.POLLS, False)]
)
def test_topic_callbacks_round_trip(action: ToggleTopic) -> None:
    data = action.encode()
    assert len(data.encode()) <= 64
    parsed = parse(data)
    assert parsed == action
    assert isinstance(parsed, ToggleTopic) and parsed.topic is action.topic
    assert parse(AllTopics(False).encode()) == AllTopics(False)


@pytest.mark.parametrize(
    "data",
    ["tpc:weather:1", "tpc:MEETINGS:1", "tpc:meetings:2", "tpc:meetings", "tpall:x", "tpall"],
)
def test_forged_topic_callbacks_are_refused(data: str) -> None:
    with pytest.raises(BadCallback):
        parse(data)
