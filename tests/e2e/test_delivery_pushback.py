"""Telegram pushing back, end to end: 429 retry_after and 5xx answers slow a campaign, lose nothing."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import select

from bot.models import Delivery, DeliveryStatus
from tests.e2e.conftest import Harness
from tests.e2e.test_delivery import _add_users, _campaign, _eventually, _is_done

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
