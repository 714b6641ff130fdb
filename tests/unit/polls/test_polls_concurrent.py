"""Fast taps: many presses of one option by one user at once converge without errors."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import func, select

from bot.db import Database
from bot.models import PollChoice, PollVote
from bot.services import polls
from bot.services.polls import MyVote
from tests.conftest import FakeClock
from tests.unit.polls.test_polls_support import KEY, NOW, new_poll, option_ids
from tests.unit.test_meetings_support import add_members

TAPS = 15


@pytest.mark.parametrize("multiple", [True, False], ids=["multiple", "single"])
@pytest.mark.parametrize("comment_too", [False, True], ids=["taps", "taps-and-comments"])
async def test_simultaneous_taps_by_one_user_all_succeed_and_agree(
    db: Database, multiple: bool, comment_too: bool
) -> None:
    clock = FakeClock(NOW)
    poll = await new_poll(db, clock, multiple=multiple, allow_comment=True)
    async with db.session() as session:
        [alice] = await add_members(session, 1)
        await session.commit()
        a, _, _ = await option_ids(session, poll.id)

    async def tap(number: int) -> MyVote:
        # One session per press, as the bot has one per update.
        async with db.session() as session:
            if comment_too and number % 3 == 0:
                mine = await polls.comment(session, poll.id, alice, "", key=KEY, clock=clock)
            else:
                mine = await polls.choose(session, poll.id, alice, a, key=KEY, clock=clock)
            await session.commit()
            return mine

    results = await asyncio.gather(*(tap(n) for n in range(TAPS)), return_exceptions=True)
    assert [r for r in results if isinstance(r, BaseException)] == []

    async with db.session() as session:
        votes = int(await session.scalar(select(func.count()).select_from(PollVote)) or 0)
        choices = list(await session.scalars(select(PollChoice.option_id)))
        final = await polls.my_choice(session, await polls.get(session, poll.id), alice, key=KEY)
    taps = sum(1 for n in range(TAPS) if not (comment_too and n % 3 == 0))
    # Each press saw the one before it: multiple choice toggles, single choice keeps.
    expected = {a} if not multiple or taps % 2 else set()
    assert final == MyVote(frozenset(expected), None)
    assert (votes, sorted(choices)) == ((1, [a]) if expected else (0, []))
