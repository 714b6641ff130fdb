"""Telegram adapters: parse an update, call one service, render the reply."""

from __future__ import annotations

from telegram.ext import CommandHandler, filters

from handlers import features
from handlers.core import callback_router, errors, fallbacks, menu, text_router
from handlers.core.common import App
from handlers.core.registry import Registry
from handlers.core.staff_guard import staff_command


def register_commands(application: App, registry: Registry) -> None:
    """Each feature's commands, in a private chat; staff commands go through the staff guard."""
    # In a group a command gets the fallback's pointer to the private chat.
    private = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE
    for command in registry.commands():
        if command.staff:
            application.add_handler(staff_command(command.names, command.handler, filters=private))
        else:
            handler = CommandHandler(command.names, command.handler, filters=private)
            application.add_handler(handler)


def register(application: App, *, staff_chat_id: int | None) -> None:
    """Register every feature's handlers; order matters: specific before catch-all."""
    registry = features.load()
    menu.register(application)
    register_commands(application, registry)
    router = text_router.TextRouter(registry)
    text_router.register(application, router, staff_chat_id=staff_chat_id)
    fallbacks.register(application, registry)
    callback_router.register(application, registry.actions())
    errors.register(application)
