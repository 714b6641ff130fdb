"""The delivery engine end to end: through the sandbox with python-telegram-bot's real client."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

from sqlalchemy import select

from bot.bot_identity import SANDBOX_TOKEN
from bot.db import Database
from bot.models import Campaign, CampaignStatus, Delivery, DeliveryStatus, User, UserStatus
from bot.sandbox.params import Params
from bot.sandbox.server import RunningSandbox, start_sandbox
from bot.services.delivery import Button, campaigns
from bot.timeutil import utc_now
from tests.dbutil import open_empty_database
from tests.e2e.conftest import ADMIN_ID, Harness

ROOT = Path(__file__).resolve().parents[3]
CONCURRENCY = 8


async def _add_users(db: Database, telegram_ids: list[int]) -> None:
    async with db.session() as session:
        session.add_all(User(telegram_id=i, display_name=f"u{i}") for i in telegram_ids)
        await session.commit()


async def _campaign(db: Database, *, created_by: int | None) -> int:
    async with db.session() as session:
        campaign = await campaigns.create(
            session,
            text_html="<b>Dialogmöte</b> den 12 maj",
            audience_spec="all",
            created_by=created_by,
            clock=utc_now,
            buttons=((Button("Anmäl dig", "https://example.org/anmalan"),),),
        )
        await session.commit()
        return campaign.id


async def _eventually(check: Callable[[], Awaitable[bool]], *, seconds: float = 15) -> None:
    for _ in range(int(seconds / 0.05)):
        if await check():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("condition not reached in time")


async def _status(db: Database, campaign_id: int) -> CampaignStatus:
    async with db.session() as session:
        return (await session.get_one(Campaign, campaign_id, populate_existing=True)).status


async def test_a_campaign_arrives_with_buttons_and_a_blocking_user_ends_blocked(
    harness: Harness,
) -> None:
    client = harness.client
    await client.set_limits(enabled=True)
    people = [3_000_001, 3_000_002, 3_000_003, 3_000_004]
    for person in people:
        await client.create_user(f"p{person}", user_id=person)
    blocking = people[-1]
    await client.set_faults(forbidden_chat_ids=[blocking])
    await _add_users(harness.db, [ADMIN_ID, *people])
    campaign_id = await _campaign(harness.db, created_by=ADMIN_ID)

    for person in people[:-1]:
        message = await client.wait_for_bot_message(person, after=0, timeout=10)
        assert message["text"] == "Dialogmöte den 12 maj"
        [[button]] = message["reply_markup"]["inline_keyboard"]
        assert (button["text"], button["url"]) == ("Anmäl dig", "https://example.org/anmalan")
    await _eventually(lambda: _is_done(harness.db, campaign_id))
    async with harness.db.session() as session:
        user = await session.scalar(select(User).where(User.telegram_id == blocking))
        blocked = await session.scalar(select(Delivery).where(Delivery.chat_id == blocking))
    assert user is not None and user.status == UserStatus.BLOCKED
    assert blocked is not None and blocked.status == DeliveryStatus.SKIPPED
    assert await client.messages(blocking) == []
    report = await client.wait_for_bot_message(
        ADMIN_ID, after=0, timeout=10, predicate=lambda m: m["text"] != "Dialogmöte den 12 maj"
    )
    assert report["text"] == (  # the author's report, naming the campaign by its words
        "📬 Klart: 📣 ”Dialogmöte den 12 maj”\n4 skickade, 0 misslyckade, 1 hoppades över (av 5)."
    )
    assert (await client.stats())["rate_limited"] == 0


async def _is_done(db: Database, campaign_id: int) -> bool:
    return await _status(db, campaign_id) == CampaignStatus.DONE


def _worker_env(database_url: str, sandbox: RunningSandbox) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SIGNBOT_", "TELEGRAM_"))}
    env.update(
        PYTHONPATH=str(ROOT),
        DATABASE_URL=database_url,
        TELEGRAM_BOT_TOKEN=SANDBOX_TOKEN,
        TELEGRAM_API_BASE_URL=sandbox.base_url,
        SIGNBOT_RATE_GLOBAL="300",  # fast, to keep the test short
        SIGNBOT_SEND_CONCURRENCY=str(CONCURRENCY),
        SIGNBOT_SEND_LEASE="2",  # so the restarted worker takes over the dead one's claims soon
        SIGNBOT_DELIVERY_IDLE="0.1",  # and looks for them (and the campaign's end) often
        SIGNBOT_LOG_LEVEL="WARNING",
    )
    return env


def _bot_messages(sandbox: RunningSandbox, chat_id: int) -> int:
    chat = sandbox.state.chats.get(chat_id)
    return 0 if chat is None else sum(m.from_bot for m in chat.messages.values())


async def test_a_worker_killed_mid_campaign_loses_nothing_and_repeats_little(
    db_url: str, tmp_path: Path
) -> None:
    recipients = list(range(4_000_001, 4_000_181))
    sandbox = await start_sandbox("127.0.0.1", 0)

    async def slow_sends(method: str, params: Params) -> None:
        if method.lower() == "sendmessage":
            await asyncio.sleep(0.02)  # like Telegram's round trip: several sends in flight

    sandbox.state.call_hooks.append(slow_sends)
    for chat_id in recipients:
        sandbox.state.add_user(f"r{chat_id}", user_id=chat_id)
    try:
        async with open_empty_database(db_url) as db:
            await _add_users(db, recipients)
            campaign_id = await _campaign(db, created_by=None)

            async def start() -> asyncio.subprocess.Process:
                return await asyncio.create_subprocess_exec(
                    sys.executable, "-m", "bot", "worker",
                    env=_worker_env(db_url, sandbox), cwd=tmp_path,
                )  # fmt: skip

            def delivered() -> int:
                return sum(_bot_messages(sandbox, chat_id) for chat_id in recipients)

            first = await start()
            try:
                await _eventually(_async(lambda: delivered() >= len(recipients) // 3), seconds=30)
            finally:
                first.send_signal(signal.SIGKILL)
                await first.wait()
            at_kill = delivered()
            second = await start()
            try:
                await _eventually(lambda: _is_done(db, campaign_id), seconds=40)
            finally:
                second.send_signal(signal.SIGTERM)
                await asyncio.wait_for(second.wait(), 20)
            async with db.session() as session:
                statuses = set(await session.scalars(select(Delivery.status)))
    finally:
        await sandbox.stop()
    per_chat = [_bot_messages(sandbox, chat_id) for chat_id in recipients]
    lost = per_chat.count(0)
    duplicates = sum(n - 1 for n in per_chat if n > 1)
    print(f"crash test: {at_kill} delivered at SIGKILL, lost {lost}, duplicates {duplicates}")
    assert 0 < at_kill < len(recipients)
    assert lost == 0
    assert duplicates <= CONCURRENCY
    assert statuses == {DeliveryStatus.SENT}
    assert second.returncode == 0


def _async(check: Callable[[], bool]) -> Callable[[], Awaitable[bool]]:
    async def wrapped() -> bool:
        return check()

    return wrapped
