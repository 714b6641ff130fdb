"""The sandbox's command menus: scopes checked like Telegram, and what a chat shows by
Telegram's order (the chat, then all private or group chats, then the default; each first in
the user's language)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
)
from telegram.error import BadRequest

from bot.sandbox import RunningSandbox, start_sandbox
from bot.sandbox.client import SandboxClient

TOKEN = "123456:TEST"


@pytest.fixture
async def sandbox() -> AsyncIterator[RunningSandbox]:
    running = await start_sandbox()
    yield running
    await running.stop()


@pytest.fixture
async def client(sandbox: RunningSandbox) -> AsyncIterator[SandboxClient]:
    async with SandboxClient(sandbox.root_url) as control:
        yield control


@pytest.fixture
async def bot(sandbox: RunningSandbox) -> AsyncIterator[Bot]:
    telegram_bot = Bot(TOKEN, base_url=sandbox.base_url, base_file_url=sandbox.base_file_url)
    await telegram_bot.initialize()
    yield telegram_bot
    await telegram_bot.shutdown()


async def _shown(client: SandboxClient, chat_id: int, language: str) -> list[str]:
    menu = await client.commands(language, chat_id=chat_id)
    return [entry["description"] for entry in menu["effective"]]


async def test_a_chat_shows_the_first_menu_set_in_telegrams_order(
    bot: Bot, client: SandboxClient
) -> None:
    alice = int((await client.create_user("Alice", language_code="en"))["id"])
    bob = int((await client.create_user("Bob", language_code="sv"))["id"])
    await bot.set_my_commands([BotCommand("start", "default")])
    await bot.set_my_commands([BotCommand("start", "default sv")], language_code="sv")
    assert await _shown(client, alice, "en") == ["default"]
    assert await _shown(client, bob, "sv") == ["default sv"]

    await bot.set_my_commands(
        [BotCommand("start", "private")], scope=BotCommandScopeAllPrivateChats()
    )
    await bot.set_my_commands([BotCommand("start", "groups")], scope=BotCommandScopeAllGroupChats())
    assert await _shown(client, bob, "sv") == ["private"]

    await bot.set_my_commands([BotCommand("start", "alice")], scope=BotCommandScopeChat(alice))
    assert await _shown(client, alice, "sv") == ["alice"]  # her chat's own, whatever her app says
    assert await _shown(client, bob, "sv") == ["private"]
    await bot.set_my_commands(
        [BotCommand("start", "alice en")], scope=BotCommandScopeChat(alice), language_code="en"
    )
    assert await _shown(client, alice, "en") == ["alice en"]
    assert await _shown(client, alice, "sv") == ["alice"]

    assert await bot.delete_my_commands(scope=BotCommandScopeChat(alice))
    assert await _shown(client, alice, "sv") == ["private"]


async def test_a_scope_for_a_chat_that_does_not_exist_is_refused(bot: Bot) -> None:
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.set_my_commands([BotCommand("start", "x")], scope=BotCommandScopeChat(4242))
