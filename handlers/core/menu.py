"""The command menu (setMyCommands): defaults per client language, and per chat for people
whose chosen language or role needs another menu (staff, English speakers).

Telegram shows a chat's own menu before the client-language defaults. A chat's menu is set
at start-up for everyone known to need one, at the first update of each private chat in a
run (so an admin who writes for the first time gets the staff menu), and after any update
that changed the person's language.
"""

from __future__ import annotations

import logging

from telegram import BotCommand, BotCommandScopeChat, Update
from telegram.error import BadRequest, TelegramError
from telegram.ext import ExtBot, TypeHandler

from bot.services import menus, users
from bot.services.container import Services
from bot.texts import DEFAULT_LANGUAGE, LANGUAGES
from handlers import features
from handlers.core.common import App, Context, services

log = logging.getLogger(__name__)

MENUS_KEY = "chat_menus"  # bot_data: chat id -> the ChatMenu set in this run
MENU_GROUP = -10  # before every other handler; it never stops an update
FOLLOW_GROUP = 10  # after them: the language the update may have changed


def commands(language: str, *, staff: bool = False) -> list[BotCommand]:
    """The menu entries in one language."""
    return [
        BotCommand(name, text)
        for name, text in menus.commands(language, features.menu(staff=staff))
    ]


async def set_chat_menu(bot: ExtBot[None], menu: menus.ChatMenu) -> bool:
    """Give one private chat its menu, whatever the client's language; False if refused."""
    try:
        # No language_code: a chat's own menu wins over the client-language defaults.
        await bot.set_my_commands(
            commands(menu.language, staff=menu.staff), scope=BotCommandScopeChat(menu.chat_id)
        )
    except BadRequest as error:
        # Telegram knows a chat only once the person has written: an admin set up in advance.
        level = logging.INFO if "chat not found" in str(error).lower() else logging.WARNING
        log.log(level, "the Bot API refused the menu of chat %s: %s", menu.chat_id, error)
        return False
    except TelegramError as error:
        log.warning("the Bot API refused the menu of chat %s: %s", menu.chat_id, error)
        return False
    return True


async def show_chat_menu(context: Context, menu: menus.ChatMenu) -> None:
    """Set a chat's menu unless this run already did; remembered once Telegram took it."""
    known: dict[int, menus.ChatMenu] = context.bot_data.setdefault(MENUS_KEY, {})
    if known.get(menu.chat_id) == menu:
        return
    if await set_chat_menu(context.bot, menu):
        known[menu.chat_id] = menu


async def forget_chat_menu(context: Context, chat_id: int) -> None:
    """After an erasure: the chat falls back to the default menus, and the next update decides
    again (a configured admin gets the staff menu back)."""
    context.bot_data.setdefault(MENUS_KEY, {}).pop(chat_id, None)
    try:
        await context.bot.delete_my_commands(scope=BotCommandScopeChat(chat_id))
    except TelegramError as error:
        log.warning("the Bot API refused to drop the menu of chat %s: %s", chat_id, error)


def _show_soon(context: Context, menu: menus.ChatMenu) -> None:
    """Set a chat's menu next to the reply, not before it: the person waits for no extra call.
    The application awaits the task when it stops."""
    context.application.create_task(show_chat_menu(context, menu), name="chat-menu")


async def refresh_on_first_update(update: Update, context: Context) -> None:
    """At a private chat's first update in this run, make its menu match the person: their
    chosen language (whatever their app's language) and, for staff, the staff commands."""
    chat, tg_user = update.effective_chat, update.effective_user
    if chat is None or tg_user is None or chat.type != chat.PRIVATE:
        return
    if chat.id in context.bot_data.setdefault(MENUS_KEY, {}):
        return
    svc = services(context)
    async with svc.db.session() as session:
        user = await users.get_by_telegram_id(session, tg_user.id)
        menu = menus.menu_for(user) if user is not None else None
    if tg_user.id in svc.settings.admins:
        menu = menus.ChatMenu(tg_user.id, menu.language if menu else DEFAULT_LANGUAGE, staff=True)
    if menu is not None:  # someone new has chosen nothing yet: their app's language decides
        _show_soon(context, menu)


async def follow_language(update: Update, context: Context) -> None:
    """After an update: if it changed the person's language (a button, /settings, a typed
    answer), their menu follows. Noticed from the visitor memory, so most updates read
    nothing; a change reads the person's role, which may have changed since (the shell)."""
    chat, tg_user = update.effective_chat, update.effective_user
    if chat is None or tg_user is None or chat.type != chat.PRIVATE:
        return
    svc = services(context)
    visitor = svc.visitors.get(tg_user.id)
    if visitor is None:  # nothing read or written about them (or they were just erased)
        return
    current = context.bot_data.setdefault(MENUS_KEY, {}).get(chat.id)
    query = update.callback_query
    chose = query is not None and (query.data or "").startswith(features.load().language_prefixes())
    if current is not None and current.language == visitor.language:
        return
    if current is None and not chose and visitor.language == DEFAULT_LANGUAGE:
        return  # someone new who has chosen nothing yet: their app's language decides
    async with svc.db.session() as session:
        user = await users.get_by_telegram_id(session, tg_user.id)
        staff = (user is not None and user.is_staff) or tg_user.id in svc.settings.admins
    _show_soon(context, menus.ChatMenu(chat.id, visitor.language, staff=staff))


async def set_command_menu(
    bot: ExtBot[None], services: Services | None = None
) -> dict[int, menus.ChatMenu]:
    """Set the menu for Swedish (also the default) and English, then the chats that need their
    own; returns the chats set. A refusal is logged, not fatal."""
    try:
        await bot.set_my_commands(commands("sv"))
        for language in LANGUAGES:
            await bot.set_my_commands(commands(language), language_code=language)
    except TelegramError as error:
        log.warning("the Bot API refused the command menu: %s", error)
    if services is None:
        return {}
    async with services.db.session() as session:
        chats = await menus.chat_menus(session, admins=services.settings.admins)
    return {menu.chat_id: menu for menu in chats if await set_chat_menu(bot, menu)}


def register(application: App) -> None:
    application.add_handler(TypeHandler(Update, refresh_on_first_update), group=MENU_GROUP)
    application.add_handler(TypeHandler(Update, follow_language), group=FOLLOW_GROUP)
