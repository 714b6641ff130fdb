"""Telegram pushing back, end to end: 429 retry_after and 5xx answers slow a campaign, lose nothing."""

from __future__ import annotations

import asyncio
from collections import Counter

from sqlalchemy import select

from bot.models import Delivery, DeliveryStatus
from tests.e2e.conftest import Harness
from tests.e2e.delivery.test_delivery import _add_users, _campaign, _eventually, _is_done

PEOPLE = list(range(3_100_001, 3_100_013))


async def _messages_per_chat(harness: Harness) -> Counter[int]:
    counts: Counter[int] = Counter()
    for person in PEOPLE:
        counts[person] = sum(m["from_bot"] for m in await harness.client.messages(person))
    return counts


async def test_retry_after_pauses_sending_and_every_message_arrives_once(harness: Harness) -> None:
    client = harness.client
    # Telegram allows fewer messages than the bot believes (30/s): it must slow down on 429s.
    await client.set_limits(enabled=True, global_per_second=4, chat_burst=3)
    for person in PEOPLE:
        await client.create_user(f"p{person}", user_id=person)
    await _add_users(harness.db, PEOPLE)
    await client.reset_stats()
    campaign_id = await _campaign(harness.db, created_by=None)

    await _eventually(lambda: _is_done(harness.db, campaign_id), seconds=30)
    assert (await client.stats())["rate_limited"] > 0
    assert set((await _messages_per_chat(harness)).values()) == {1}
    async with harness.db.session() as session:
        statuses = set(await session.scalars(select(Delivery.status)))
    assert statuses == {DeliveryStatus.SENT}


async def test_server_errors_are_retried_until_every_message_arrives_once(harness: Harness) -> None:
    client = harness.client
    for person in PEOPLE:
        await client.create_user(f"p{person}", user_id=person)
    await _add_users(harness.db, PEOPLE)
    await client.set_faults(server_error_rate=0.3, seed=7)
    await client.reset_stats()
    campaign_id = await _campaign(harness.db, created_by=None)

    async def retried_and_done() -> bool:
        injected = (await client.stats())["faults"].get("server_error", 0) > 0
        return injected and await _is_done(harness.db, campaign_id)

    await _eventually(retried_and_done, seconds=45)
    assert set((await _messages_per_chat(harness)).values()) == {1}
    async with harness.db.session() as session:
        attempts = list(await session.scalars(select(Delivery.attempts)))
        statuses = set(await session.scalars(select(Delivery.status)))
    assert statuses == {DeliveryStatus.SENT}
    assert max(attempts) >= 1  # some were retried


async def _wait_for_replies(
    harness: Harness, people: list[int], *, each: int, seconds: float
) -> None:
    """Wait until every person has at least ``each`` messages from the bot."""

    async def all_answered() -> bool:
        counts = [
            sum(m["from_bot"] for m in await harness.client.messages(person)) for person in people
        ]
        return min(counts) >= each

    await _eventually(all_answered, seconds=seconds)


async def _people(harness: Harness, first: int, count: int) -> list[int]:
    people = list(range(first, first + count))
    for person in people:
        await harness.client.create_user(f"p{person}", user_id=person)
    return people


async def test_a_crowd_writing_at_once_gets_every_reply_without_a_429(harness: Harness) -> None:
    client = harness.client
    # Strict: at most 30 messages in any second; the crowd needs several seconds of them.
    await client.set_limits(enabled=True)
    people = await _people(harness, 3_200_001, 60)
    await client.reset_stats()

    await asyncio.gather(*(client.send_text(person, "/help") for person in people))

    await _wait_for_replies(harness, people, each=1, seconds=30)
    stats = await client.stats()
    assert stats["rate_limited"] == 0
    assert stats["messages_created"] >= len(people)


async def test_a_reply_refused_with_429_is_sent_after_the_pause(harness: Harness) -> None:
    client = harness.client
    # Telegram allows fewer messages than the bot believes (30/s): replies meet 429s.
    await client.set_limits(enabled=True, global_per_second=2)
    people = await _people(harness, 3_300_001, 12)  # a single retry after the pause is not enough
    await client.reset_stats()

    await asyncio.gather(*(client.send_text(person, "/help") for person in people))

    await _wait_for_replies(harness, people, each=1, seconds=30)
    assert (await client.stats())["rate_limited"] > 0
    for person in people:  # each got its reply once, not twice
        assert sum(m["from_bot"] for m in await client.messages(person)) == 1


async def test_a_reply_meeting_server_errors_and_timeouts_is_retried(harness: Harness) -> None:
    client = harness.client
    people = await _people(harness, 3_400_001, 10)
    await client.set_faults(
        server_error_rate=0.3,
        timeout_rate=0.1,
        timeout_seconds=0.2,
        seed=3,
        methods=["sendMessage"],
    )
    await client.reset_stats()

    await asyncio.gather(*(client.send_text(person, "/help") for person in people))

    await _wait_for_replies(harness, people, each=1, seconds=30)
    faults = (await client.stats())["faults"]
    assert faults.get("server_error", 0) > 0 and faults.get("timeout", 0) > 0
    for person in people:
        assert sum(m["from_bot"] for m in await client.messages(person)) == 1
