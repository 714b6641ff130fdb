"""Flood limits and injected faults, seen through python-telegram-bot's real Bot over HTTP."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from telegram import Bot
from telegram.error import Forbidden, NetworkError, RetryAfter, TimedOut

from bot.sandbox import RunningSandbox, SandboxState, start_sandbox
from bot.sandbox.client import SandboxClient, SandboxError
from bot.sandbox.limits import LimitSettings

TOKEN = "123456:TEST"
ALICE, BOB = 1000001, 1000002
GROUP = -1001


class FakeMonotonic:
    """Seconds that only move when a test moves them (``clock.now += 1``)."""

    now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(autouse=True)
def timedelta_retry_after(monkeypatch: pytest.MonkeyPatch) -> None:
    # PTB 22 warns (an error here) when RetryAfter is built, unless time periods are timedeltas.
    monkeypatch.setenv("PTB_TIMEDELTA", "true")


@pytest.fixture
def clock() -> FakeMonotonic:
    return FakeMonotonic()


@pytest.fixture
async def sandbox(clock: FakeMonotonic) -> AsyncIterator[RunningSandbox]:
    running = await start_sandbox(state=SandboxState(clock=clock))
    yield running
    await running.stop()


@pytest.fixture
async def client(sandbox: RunningSandbox) -> AsyncIterator[SandboxClient]:
    async with SandboxClient(sandbox.root_url) as control:
        await control.create_user("Alice")
        await control.create_user("Bob")
        yield control


@pytest.fixture
async def bot(sandbox: RunningSandbox) -> AsyncIterator[Bot]:
    telegram_bot = Bot(TOKEN, base_url=sandbox.base_url, base_file_url=sandbox.base_file_url)
    await telegram_bot.initialize()
    yield telegram_bot
    await telegram_bot.shutdown()


async def _bot_texts(client: SandboxClient, chat_id: int) -> list[str]:
    return [m["text"] for m in await client.messages(chat_id) if m["from_bot"]]


async def test_limits_are_off_by_default(bot: Bot, client: SandboxClient) -> None:
    for number in range(10):
        await bot.send_message(ALICE, f"{number}")

    assert (await client.limits())["enabled"] is False
    assert len(await _bot_texts(client, ALICE)) == 10


async def test_a_burst_to_one_chat_gets_retry_after(
    bot: Bot, client: SandboxClient, clock: FakeMonotonic
) -> None:
    await client.set_limits(enabled=True)
    for number in range(3):
        await bot.send_message(ALICE, f"{number}")

    with pytest.raises(RetryAfter) as refused:
        await bot.send_message(ALICE, "too fast")

    assert refused.value.retry_after == timedelta(seconds=1)
    assert await _bot_texts(client, ALICE) == ["0", "1", "2"]
    [call] = [c for c in await client.calls("sendMessage") if not c["ok"]]
    assert call["error"] == "Too Many Requests: retry after 1"
    await bot.send_message(BOB, "other chats are not held up")
    clock.now += 1
    await bot.send_message(ALICE, "in time")
    assert (await client.stats())["rate_limited"] == 1


async def test_thirty_one_chats_in_a_second_hit_the_global_limit(
    bot: Bot, client: SandboxClient
) -> None:
    await client.set_limits(enabled=True)
    users = [ALICE, BOB] + [(await client.create_user(f"U{n}"))["id"] for n in range(29)]

    for user_id in users[:30]:
        await bot.send_message(user_id, "hej")
    with pytest.raises(RetryAfter) as refused:
        await bot.send_message(users[30], "hej")

    assert refused.value.retry_after == timedelta(seconds=1)
    assert await client.messages(users[30]) == []


async def test_a_group_gets_twenty_messages_a_minute(
    bot: Bot, client: SandboxClient, clock: FakeMonotonic
) -> None:
    await client.send_text(ALICE, "hej", chat_id=GROUP, chat_type="group")
    await client.set_limits(enabled=True, group_per_minute=20)
    for number in range(20):
        await bot.send_message(GROUP, f"{number}")
        clock.now += 0.1  # slower than the global limit

    with pytest.raises(RetryAfter) as refused:
        await bot.send_message(GROUP, "one too many")

    assert refused.value.retry_after == timedelta(seconds=1)  # 3 s per message, 2 s passed
    clock.now += 1
    await bot.send_message(GROUP, "in time")


async def test_limits_are_set_and_read_through_the_control_api(client: SandboxClient) -> None:
    changed = await client.set_limits(enabled=True, chat_burst=5)

    assert changed == await client.limits()
    assert changed == LimitSettings(enabled=True, chat_burst=5).to_json()
    with pytest.raises(SandboxError, match="chat_per_second must be a positive number"):
        await client.set_limits(chat_per_second=-1)


async def test_server_errors_are_network_errors_and_create_nothing(
    bot: Bot, client: SandboxClient
) -> None:
    await client.set_faults(server_error_rate=1.0, seed=1)

    for _ in range(4):
        with pytest.raises(NetworkError, match=r"Internal Server Error|Bad Gateway") as failed:
            await bot.send_message(ALICE, "hej")
        assert type(failed.value) is NetworkError

    assert (await bot.get_me()).id == 123456  # only message-creating methods fail by default
    assert await client.messages(ALICE) == []
    assert {c["error"] for c in await client.calls("sendMessage")} == {
        "Internal Server Error",
        "Bad Gateway",
    }


async def test_a_held_request_times_out_and_creates_nothing(
    bot: Bot, client: SandboxClient
) -> None:
    await client.set_faults(timeout_rate=1.0, timeout_seconds=0.3)
    with pytest.raises(TimedOut):
        await bot.send_message(ALICE, "hej", read_timeout=0.05)

    await client.set_faults(timeout_rate=1.0, timeout_seconds=0.01)
    with pytest.raises(NetworkError, match="Gateway Timeout") as patient:
        await bot.send_message(ALICE, "hej")

    assert not isinstance(patient.value, TimedOut)
    assert await client.messages(ALICE) == []
    assert (await client.stats())["faults"]["timeout"] == 2


async def test_a_dropped_connection_creates_nothing(bot: Bot, client: SandboxClient) -> None:
    await client.set_faults(drop_rate=1.0)

    with pytest.raises(NetworkError, match="RemoteProtocolError") as failed:
        await bot.send_message(ALICE, "hej")

    assert not isinstance(failed.value, TimedOut)
    assert await client.messages(ALICE) == []
    await client.clear_faults()
    await bot.send_message(ALICE, "the next call works")


async def test_a_drop_after_delivery_leaves_the_message_with_the_user(
    bot: Bot, client: SandboxClient
) -> None:
    await client.set_faults(drop_after_delivery_rate=1.0)

    with pytest.raises(NetworkError, match="RemoteProtocolError"):
        await bot.send_message(ALICE, "did it arrive?")

    assert await _bot_texts(client, ALICE) == ["did it arrive?"]
    stats = await client.stats()
    assert (stats["messages_created"], stats["faults"]["drop_after_delivery"]) == (1, 1)


async def test_blocked_users_get_403_and_others_do_not(bot: Bot, client: SandboxClient) -> None:
    await client.set_faults(forbidden_chat_ids=[ALICE])

    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(ALICE, "hej")
    await bot.send_message(BOB, "hej")

    assert await client.messages(ALICE) == []
    assert await _bot_texts(client, BOB) == ["hej"]
    assert (await client.set_faults())["forbidden_chat_ids"] == []
    await bot.send_message(ALICE, "unblocked")


async def test_faults_follow_the_seed(bot: Bot, client: SandboxClient) -> None:
    async def outcomes() -> list[bool]:
        await client.set_faults(server_error_rate=0.5, seed=42, methods=["sendMessage"])
        results = []
        for _ in range(12):
            try:
                await bot.send_message(ALICE, "hej")
            except NetworkError:
                results.append(False)
            else:
                results.append(True)
        return results

    first = await outcomes()

    assert first == await outcomes()
    assert True in first and False in first


async def test_stats_count_calls_messages_limits_and_faults(
    bot: Bot, client: SandboxClient
) -> None:
    await client.set_limits(enabled=True, chat_burst=1)
    await bot.send_message(ALICE, "1")
    with pytest.raises(RetryAfter):
        await bot.send_message(ALICE, "2")
    await client.set_faults(forbidden_chat_ids=[BOB])
    with pytest.raises(Forbidden):
        await bot.send_message(BOB, "3")
    await bot.get_me()

    stats = await client.stats()
    assert stats["calls"] == {"getMe": 2, "sendMessage": 3}  # initialize() called getMe
    assert (stats["messages_created"], stats["rate_limited"]) == (1, 1)
    quiet = dict.fromkeys(["server_error", "timeout", "drop", "drop_after_delivery"], 0)
    assert stats["faults"] == {**quiet, "forbidden": 1}
    await client.reset_stats()
    assert (await client.stats())["calls"] == {}
    await client.reset()  # the world is forgotten; limits and faults stay as configured
    assert (await client.limits())["chat_burst"] == 1
    assert (await client.faults())["forbidden_chat_ids"] == [BOB]
