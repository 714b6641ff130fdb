"""Answering: single and multiple choice, changing, comments, closing, anonymity."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pydantic import SecretStr
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import Database
from bot.errors import DomainError
from bot.models import AppSetting, PollChoice, PollVote
from bot.services import polls
from bot.services.polls import MyVote
from tests.conftest import FakeClock
from tests.unit.polls.test_polls_support import KEY, NOW, new_poll, option_ids
from tests.unit.test_meetings_support import add_members


async def _votes(session: AsyncSession) -> list[PollVote]:
    return list(await session.scalars(select(PollVote).order_by(PollVote.id)))


async def test_single_choice_picks_changes_and_keeps(db: Database) -> None:
    clock = FakeClock(NOW)
    poll = await new_poll(db, clock)
    async with db.session() as session:
        [alice] = await add_members(session, 1)
        a, b, _ = await option_ids(session, poll.id)
        assert await polls.my_choice(session, poll, alice, key=KEY) == MyVote(frozenset(), None)
        first = await polls.choose(session, poll.id, alice, a, key=KEY, clock=clock)
        assert first.option_ids == {a}
        assert (
            await polls.choose(session, poll.id, alice, a, key=KEY, clock=clock)
        ).option_ids == {a}
        clock.advance(minutes=5)
        assert (
            await polls.choose(session, poll.id, alice, b, key=KEY, clock=clock)
        ).option_ids == {b}
        assert (await polls.my_choice(session, poll, alice, key=KEY)).option_ids == {b}
        [vote] = await _votes(session)
        assert (vote.user_id, vote.answered_at, vote.changed_at) == (
            alice,
            NOW,
            NOW + timedelta(minutes=5),
        )
        assert len(list(await session.scalars(select(PollChoice)))) == 1


async def test_multiple_choice_toggles(db: Database) -> None:
    clock = FakeClock(NOW)
    poll = await new_poll(db, clock, multiple=True)
    async with db.session() as session:
        [alice] = await add_members(session, 1)
        a, b, c = await option_ids(session, poll.id)
        await polls.choose(session, poll.id, alice, a, key=KEY, clock=clock)
        both = await polls.choose(session, poll.id, alice, c, key=KEY, clock=clock)
        assert both.option_ids == {a, c}
        one = await polls.choose(session, poll.id, alice, a, key=KEY, clock=clock)
        assert one.option_ids == {c}
        none = await polls.choose(session, poll.id, alice, c, key=KEY, clock=clock)
        assert none.option_ids == frozenset()
        assert await _votes(session) == []  # an empty answer is no answer
        assert b not in both.option_ids


async def test_comment_set_changed_and_refused(db: Database) -> None:
    clock = FakeClock(NOW)
    poll = await new_poll(db, clock, allow_comment=True)
    plain = await new_poll(db, clock)
    async with db.session() as session:
        [alice] = await add_members(session, 1)
        [a, *_] = await option_ids(session, poll.id)
        mine = await polls.comment(session, poll.id, alice, "  Bra möte! ", key=KEY, clock=clock)
        assert mine == MyVote(frozenset(), "Bra möte!")
        mine = await polls.choose(session, poll.id, alice, a, key=KEY, clock=clock)
        assert mine == MyVote(frozenset({a}), "Bra möte!")
        mine = await polls.comment(session, poll.id, alice, "Ännu bättre", key=KEY, clock=clock)
        assert mine.comment == "Ännu bättre"
        assert len(await _votes(session)) == 1
        with pytest.raises(DomainError) as raised:
            await polls.comment(session, poll.id, alice, "x" * 1001, key=KEY, clock=clock)
        assert raised.value.key == "poll_comment_too_long"
        with pytest.raises(DomainError) as raised:
            await polls.comment(session, plain.id, alice, "Hej", key=KEY, clock=clock)
        assert raised.value.key == "poll_comment_not_allowed"


async def test_answers_are_refused_after_close(db: Database) -> None:
    clock = FakeClock(NOW)
    poll = await new_poll(db, clock, allow_comment=True, closes_at=NOW + timedelta(hours=1))
    other = await new_poll(db, clock)
    async with db.session() as session:
        [alice] = await add_members(session, 1)
        a, b, _ = await option_ids(session, poll.id)
        [foreign, *_] = await option_ids(session, other.id)
        await polls.choose(session, poll.id, alice, a, key=KEY, clock=clock)
        with pytest.raises(DomainError) as raised:
            await polls.choose(session, poll.id, alice, foreign, key=KEY, clock=clock)
        assert raised.value.key == "poll_option_unknown"
        clock.advance(hours=1)  # past the closing time, before the job closes it
        with pytest.raises(DomainError) as raised:
            await polls.choose(session, poll.id, alice, b, key=KEY, clock=clock)
        assert raised.value.key == "poll_closed"
        assert raised.value.params == {"question": "Hur vill ni träffas?"}
        await polls.close(session, other.id, clock=clock)
        with pytest.raises(DomainError) as raised:
            await polls.choose(session, other.id, alice, foreign, key=KEY, clock=clock)
        assert raised.value.key == "poll_closed"
        with pytest.raises(DomainError) as raised:
            await polls.comment(session, poll.id, alice, "Sent", key=KEY, clock=clock)
        assert raised.value.key == "poll_closed"
        assert (await polls.my_choice(session, poll, alice, key=KEY)).option_ids == {a}


async def test_anonymous_votes_store_no_user_id(db: Database) -> None:
    clock = FakeClock(NOW)
    poll = await new_poll(db, clock, anonymous=True, allow_comment=True)
    async with db.session() as session:
        alice, bob = await add_members(session, 2)
        a, b, c = await option_ids(session, poll.id)
        await polls.choose(session, poll.id, alice, a, key=KEY, clock=clock)
        await polls.choose(session, poll.id, bob, b, key=KEY, clock=clock)
        await polls.choose(session, poll.id, alice, c, key=KEY, clock=clock)  # changes her mind
        await polls.comment(session, poll.id, bob, "Hemligt", key=KEY, clock=clock)
        await session.commit()
        votes = await _votes(session)
        assert [vote.user_id for vote in votes] == [None, None]
        assert {vote.voter_key for vote in votes} == {
            await polls.voter_key(session, poll.id, alice, key=KEY),
            await polls.voter_key(session, poll.id, bob, key=KEY),
        }
        assert (await polls.my_choice(session, poll, alice, key=KEY)).option_ids == {c}
        assert await polls.my_choice(session, poll, bob, key=KEY) == MyVote(
            frozenset({b}), "Hemligt"
        )


async def test_voter_key_depends_on_poll_user_and_key(db: Database) -> None:
    async with db.session() as session:
        key = await polls.voter_key(session, 1, 2, key=KEY)
        assert len(key) == 64
        assert key == await polls.voter_key(session, 1, 2, key=KEY)
        assert key != await polls.voter_key(session, 2, 1, key=KEY)
        assert key != await polls.voter_key(session, 1, 2, key=b"other")


async def test_poll_key_from_settings_or_stored_once(db: Database) -> None:
    async with db.session() as session:
        assert await polls.poll_key(session, SecretStr("s3cret")) == b"s3cret"
        assert await session.get(AppSetting, "poll_voter_key") is None
        generated = await polls.poll_key(session, None)
        await session.commit()
    async with db.session() as session:
        assert await polls.poll_key(session, None) == generated
        assert len(generated) == 64
