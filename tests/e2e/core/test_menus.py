"""The command menu a person sees in their chat: their chosen language, and staff commands."""

from __future__ import annotations

import asyncio

from typer.testing import CliRunner

from bot.bot_identity import SANDBOX_TOKEN
from bot.entrypoints.cli import app
from bot.texts import t
from handlers import features
from tests.e2e.chat import Person, has
from tests.e2e.conftest import Harness

MEMBER_COMMANDS = features.menu(staff=False)
STAFF_COMMANDS = features.load().menu(staff=True)
STAFF_MENU = features.menu(staff=True)


def _expected(language: str, names: tuple[str, ...]) -> dict[str, str]:
    return {name: t(f"command_{name}", language) for name in names}


async def _menu(harness: Harness, chat_id: int, client_language: str) -> dict[str, str]:
    shown = await harness.client.commands(client_language, chat_id=chat_id)
    return {entry["command"]: entry["description"] for entry in shown["effective"]}


async def _shows(
    harness: Harness, chat_id: int, client_language: str, expected: dict[str, str]
) -> bool:
    """Whether the chat shows the expected menu (it follows just after the bot's reply)."""
    for _ in range(100):
        if await _menu(harness, chat_id, client_language) == expected:
            return True
        await asyncio.sleep(0.05)
    return False


async def test_a_person_who_chooses_english_sees_the_english_menu(harness: Harness) -> None:
    # Their Telegram app is in Swedish; the bot's language is what they choose.
    user = await harness.client.create_user("Emma", language_code="sv")
    emma = Person(harness.client, int(user["id"]))
    assert await _menu(harness, emma.user_id, "sv") == _expected("sv", MEMBER_COMMANDS)
    welcome = await emma.say("/start")
    await emma.press_and_wait(welcome, "English", predicate=has("organisation"))
    assert await _shows(harness, emma.user_id, "sv", _expected("en", MEMBER_COMMANDS))

    # Erasing everything is a fresh start: the default menu of the app's language again.
    asked = await emma.say("/delete")
    await emma.press_and_wait(asked, "Erase everything", predicate=lambda m: bool(m["edited"]))
    assert await _shows(harness, emma.user_id, "sv", _expected("sv", MEMBER_COMMANDS))

    # And back: an English app with Swedish chosen shows Swedish.
    welcome = await emma.say("/start")
    await emma.press_and_wait(welcome, "Svenska", predicate=has("organisation"))
    assert await _shows(harness, emma.user_id, "en", _expected("sv", MEMBER_COMMANDS))


async def test_staff_see_the_staff_commands_in_their_language(harness: Harness) -> None:
    admin = Person(harness.client, harness.admin_id)
    await admin.say("/help")  # the configured admin's first update in this run
    assert await _shows(harness, admin.user_id, "en", _expected("sv", STAFF_MENU))
    welcome = await admin.say("/start")
    await admin.press_and_wait(welcome, "English", predicate=has("organisation"))
    assert await _shows(harness, admin.user_id, "sv", _expected("en", STAFF_MENU))

    member = await Person.create(harness.client, "Mats")
    await member.say("/help")
    assert not set(await _menu(harness, member.user_id, "sv")) & set(STAFF_COMMANDS)


async def test_someone_made_staff_from_the_shell_gets_the_staff_menu_at_once(
    harness: Harness,
) -> None:
    sara = await Person.create(harness.client, "Sara")
    await sara.say("/help")
    sandbox = harness.bot.sandbox
    assert sandbox is not None
    env = {
        "DATABASE_URL": harness.bot.services.settings.database_url,
        "TELEGRAM_BOT_TOKEN": SANDBOX_TOKEN,
        "TELEGRAM_API_BASE_URL": sandbox.base_url,
    }
    runner = CliRunner()
    added = await asyncio.to_thread(
        runner.invoke, app, ["staff", "add", str(sara.user_id)], env=env
    )
    assert added.exit_code == 0 and "menu is updated" in added.stdout, added.output
    assert await _menu(harness, sara.user_id, "sv") == _expected("sv", STAFF_MENU)
    # The running bot had her as a member; choosing English keeps her staff commands.
    welcome = await sara.say("/start")
    await sara.press_and_wait(welcome, "English", predicate=has("organisation"))
    assert await _shows(harness, sara.user_id, "sv", _expected("en", STAFF_MENU))
    removed = await asyncio.to_thread(
        runner.invoke, app, ["staff", "remove", str(sara.user_id)], env=env
    )
    assert removed.exit_code == 0, removed.output
    assert await _menu(harness, sara.user_id, "sv") == _expected("en", MEMBER_COMMANDS)
