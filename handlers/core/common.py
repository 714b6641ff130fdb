"""Helpers every handler uses: services, the per-update session, sending replies."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardMarkup, Message, ReplyParameters, Update
from telegram import User as TgUser
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import Application, CallbackContext, ExtBot

from bot.models import User
from bot.services import users
from bot.services.container import Services
from bot.texts import DEFAULT_LANGUAGE
from bot.texts.split import split_message
from handlers.core.step_keyboards import AWAITING, remember_keyboard, retire_step, sweep

Context = CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]
App = Application[Any, Context, dict[Any, Any], dict[Any, Any], dict[Any, Any], Any]

STAFF_LANGUAGE = DEFAULT_LANGUAGE  # staff chats and forwarded questions are in Swedish


def services(context: Context) -> Services:
    """The services stored by the composition root."""
    found: Services = context.bot_data["services"]
    return found


def display_name(tg_user: TgUser) -> str:
    """A readable name for a Telegram user."""
    return tg_user.full_name or tg_user.username or str(tg_user.id)


async def _touch(session: AsyncSession, svc: Services, tg_user: TgUser) -> User:
    return await users.touch(
        session,
        telegram_id=tg_user.id,
        display_name=display_name(tg_user),
        username=tg_user.username,
        admins=svc.settings.admins,
        clock=svc.clock,
    )


@asynccontextmanager
async def user_session(
    update: Update, context: Context
) -> AsyncIterator[tuple[AsyncSession, User]]:
    """One database session for this update, with the sender's user row; commits on success."""
    svc = services(context)
    tg_user = update.effective_user
    assert tg_user is not None
    async with svc.db.session() as session:
        try:
            user = await _touch(session, svc, tg_user)
        except IntegrityError:
            # Two first updates from a new user raced to create the row; the other one won.
            await session.rollback()
            user = await _touch(session, svc, tg_user)
        if context.user_data is not None:
            context.user_data["lang"] = user.language
        yield session, user
        await session.commit()
    svc.visitors.remember(user)


async def send(
    context: Context,
    chat_id: int,
    text: str,
    *,
    keyboard: InlineKeyboardMarkup | None = None,
    reply_to: int | None = None,
) -> Message:
    """Send Telegram-HTML text, split into parts if long; the keyboard goes on the last part."""
    parts = split_message(text)
    message: Message | None = None
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        quote = ReplyParameters(reply_to) if reply_to is not None and index == 0 else None
        message = await context.bot.send_message(
            chat_id,
            part,
            parse_mode=ParseMode.HTML,
            reply_markup=keyboard if last else None,
            reply_parameters=quote,
        )
    assert message is not None
    return message


async def reply(update: Update, context: Context, text: str, **kwargs: Any) -> Message:
    """Reply in the chat the update came from (after taking away buttons of steps left)."""
    chat = update.effective_chat
    assert chat is not None
    await sweep(context)
    return await send(context, chat.id, text, **kwargs)


CONFIRMING = "confirming"  # a question answered by its buttons (yes/no), outside any other step


async def ask_confirmation(
    update: Update, context: Context, text: str, *, keyboard: InlineKeyboardMarkup | None
) -> Message:
    """A question answered by its buttons; meanwhile typed text gets the hint to use them.

    Inside another step (a wizard, whose draft must not be lost) that step stays what the bot
    waits for, unless it yields (the welcome's language buttons).
    """
    current = awaiting(context)
    if current is None or current.get("yields"):
        set_awaiting(context, CONFIRMING)
    return await ask(update, context, text, keyboard=keyboard)


async def ask(
    update: Update,
    context: Context,
    text: str,
    *,
    keyboard: InlineKeyboardMarkup | None,
    replace: bool = False,
) -> Message:
    """Send a step's prompt; its buttons are taken away once the step is left.

    With replace, the prompt replaces the step's earlier ones (a new time to confirm, the
    latest "Klar"): theirs go now, so only the newest can be pressed.
    """
    if replace:
        await retire_step(context)
    message = await reply(update, context, text, keyboard=keyboard)
    if keyboard is not None:
        remember_keyboard(context, message)
    return message


def set_awaiting(context: Context, step: str | None, **data: Any) -> None:
    """Remember (or forget) which answer the bot expects next from this user."""
    user_data = context.user_data
    if user_data is None:
        return
    if step is None:
        user_data.pop(AWAITING, None)
    else:
        user_data[AWAITING] = {"step": step, **data}


def awaiting(context: Context) -> dict[str, Any] | None:
    """The step the bot expects an answer to, if any."""
    user_data = context.user_data
    return None if user_data is None else user_data.get(AWAITING)


async def edit_in_place(
    update: Update, text: str, keyboard: InlineKeyboardMarkup | None = None
) -> None:
    """Redraw the pressed message (a menu moving to its next screen, or a list after a change)."""
    query = update.callback_query
    assert query is not None
    try:
        await query.edit_message_text(text, parse_mode=ParseMode.HTML, reply_markup=keyboard)
    except BadRequest as error:
        # The same screen again (a double press): Telegram refuses an edit that changes nothing.
        if "not modified" not in error.message.lower():
            raise
