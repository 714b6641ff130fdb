"""The digest's polls section: open polls that reached the reader and they have not answered."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import Database
from bot.models import Delivery, DeliveryStatus
from bot.services import digest, polls
from bot.services.polls import PollDraft
from bot.views.digest import AnswerPoll, render_all, short_title
from tests.conftest import FakeClock
from tests.unit.test_digest_compose_support import NOW, SLOT, composed, edition, plain, reader

QUESTION = "Vill ni ha fler digitala möten?"


async def _poll(session: AsyncSession, delivered_to: list[int], *, anonymous: bool) -> int:
    """A poll created before the edition, delivered to these readers."""
    clock = FakeClock(SLOT - timedelta(days=1))
    draft = PollDraft(
        QUESTION, ("Ja", "Nej"), anonymous=anonymous, closes_at=SLOT + timedelta(days=2)
    )
    poll = await polls.create(session, draft, created_by=None, clock=clock)
    assert poll.campaign_id is not None
    for user_id in delivered_to:
        session.add(
            Delivery(
                campaign_id=poll.campaign_id,
                user_id=user_id,
                chat_id=user_id,
                status=DeliveryStatus.SENT,
            )
        )
    await session.flush()
    return poll.id


async def test_only_readers_who_got_the_poll_and_did_not_answer_see_it(
    session: AsyncSession,
) -> None:
    waiting, answered, never_got = [await reader(session) for _ in range(3)]
    poll_id = await _poll(session, [waiting, answered], anonymous=True)
    key = await polls.poll_key(session, None)
    poll = await polls.get(session, poll_id)
    clock = FakeClock(SLOT - timedelta(hours=1))
    await polls.choose(session, poll_id, answered, poll.options[0].id, key=key, clock=clock)
    issue = await edition(session, SLOT, note="Hej!")

    found = await composed(session, issue, [waiting, answered, never_got], now=NOW, poll_key=None)

    mine = found[waiting]
    assert mine is not None
    text = plain(mine.text_html)
    assert "Enkäter som väntar på ditt svar" in text
    assert f"• {QUESTION} (svara senast ons 21 okt kl. 08.00)" in text
    assert mine.actions[0] == AnswerPoll(f"Svara: {short_title(QUESTION)}", poll_id)
    for other in (answered, never_got):
        seen = found[other]
        assert seen is not None and "Enkäter" not in plain(seen.text_html)
        assert not any(isinstance(action, AnswerPoll) for action in seen.actions)


async def test_the_poll_check_costs_the_same_queries_whatever_the_batch(db: Database) -> None:
    async with db.session() as session:
        users = [await reader(session) for _ in range(40)]
        await _poll(session, users, anonymous=False)
        await polls.poll_key(session, None)  # made once ever, not per batch
        issue = await edition(session, SLOT)
        await session.commit()
        edition_id = issue.id
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    counts = []
    for size in (4, 40):
        statements.clear()
        async with db.session() as session:
            event.listen(db.engine.sync_engine, "before_cursor_execute", count)
            try:
                found = render_all(
                    await digest.compose_for(
                        session, edition_id, users[:size], now=NOW, poll_key=None
                    )
                )
            finally:
                event.remove(db.engine.sync_engine, "before_cursor_execute", count)
        assert all(d is not None and "Enkäter" in plain(d.text_html) for d in found.values())
        counts.append(len(statements))
    assert counts[0] == counts[1]
