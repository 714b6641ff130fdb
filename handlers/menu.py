"""The command menu (setMyCommands) in Swedish and English."""

from __future__ import annotations

import logging

from telegram import BotCommand
from telegram.error import TelegramError
from telegram.ext import ExtBot

from bot.texts import LANGUAGES, t

log = logging.getLogger(__name__)

MEMBER_COMMANDS = (
    "start",
    "meetings",
    "calls",
    "forms",
    "profile",
    "help",
    "settings",
    "stop",
    "cancel",
)


def commands(language: str) -> list[BotCommand]:
    """The menu entries in one language."""
    return [BotCommand(name, t(f"command_{name}", language)) for name in MEMBER_COMMANDS]


async def set_command_menu(bot: ExtBot[None]) -> None:
    """Set the menu for Swedish (also the default) and English; a refusal is logged, not fatal."""
    try:
        await bot.set_my_commands(commands("sv"))
        for language in LANGUAGES:
            await bot.set_my_commands(commands(language), language_code=language)
    except TelegramError as error:
        log.warning("the Bot API refused the command menu: %s", error)
