"""Buttons that belong to a step: taken away once the step is done, so none is pressed late.

A prompt sent with ``handlers.core.common.ask`` (or noted with ``remember_keyboard``) is filed
under the step the user is at. Before each reply, and after each typed answer and each press,
``sweep`` takes the buttons off the prompts of steps the user has left (a new step, a new
draft, another form question); ``settle`` records the choice on the pressed message and
closes all of them. Sweeping before the reply keeps the reply the last thing in the chat.

A prompt sent while an update is handled is never swept by that same update: the press that
asks "Skicka?" must not take the buttons off its own question (the context lives for one
update, so the prompts it sent are noted on it).
"""

from __future__ import annotations

import html
from contextlib import suppress
from typing import Any

from telegram import Message, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import CallbackContext

# Any handler's context; handlers.core.common (which sends through this module) names it Context.
Context = CallbackContext[Any, Any, Any, Any]

AWAITING = "awaiting"  # user_data key of the step the bot waits at (see handlers.core.common)
STEP_KEYBOARDS = "step_keyboards"  # [chat id, message id, step key] per remembered prompt
_SENT_NOW = "step_keyboards_sent_now"  # context attribute: prompts sent during this update


def _step_key(context: Context) -> str | None:
    """The step the user is at, told apart from the same step of another draft or question."""
    found = None if context.user_data is None else context.user_data.get(AWAITING)
    if not found:
        return None
    return ":".join(str(found.get(key, "")) for key in ("step", "draft", "question_id"))


def _remembered(context: Context) -> list[list[Any]]:
    if context.user_data is None:
        return []
    found: list[list[Any]] = context.user_data.setdefault(STEP_KEYBOARDS, [])
    return found


async def _strip(context: Context, chat_id: int, message_id: int) -> None:
    # Already without buttons, or too old to edit: nothing to take away.
    with suppress(BadRequest):
        await context.bot.edit_message_reply_markup(chat_id, message_id, reply_markup=None)


def _sent_now(context: Context) -> set[tuple[int, int]]:
    """The prompts sent while this update is handled (the context lives for one update)."""
    found: set[tuple[int, int]] | None = getattr(context, _SENT_NOW, None)
    if found is None:
        found = set()
        setattr(context, _SENT_NOW, found)
    return found


def remember_keyboard(context: Context, message: Message) -> None:
    """File a message's buttons under the current step, to take them away when it is left."""
    forget_keyboard(context, message)
    _remembered(context).append([message.chat_id, message.message_id, _step_key(context)])
    _sent_now(context).add((message.chat_id, message.message_id))


def forget_keyboard(context: Context, message: Message) -> None:
    """This message's buttons no longer belong to a step (they stay, or were replaced)."""
    remembered = _remembered(context)
    remembered[:] = [
        entry
        for entry in remembered
        if (entry[0], entry[1]) != (message.chat_id, message.message_id)
    ]


async def sweep(context: Context) -> None:
    """Take the buttons off every prompt of a step the user has left.

    Prompts sent during this very update stay: they are what this update just asked.
    """
    if not (context.user_data or {}).get(STEP_KEYBOARDS):
        return  # the common case, before every reply: nothing remembered
    remembered = _remembered(context)
    current = _step_key(context)
    now = _sent_now(context)

    def kept(entry: list[Any]) -> bool:
        return entry[2] == current or (entry[0], entry[1]) in now

    stale = [entry for entry in remembered if not kept(entry)]
    remembered[:] = [entry for entry in remembered if kept(entry)]
    for chat_id, message_id, _key in stale:
        await _strip(context, chat_id, message_id)


async def retire_step(context: Context) -> None:
    """Take the buttons off the current step's earlier prompts (a newer one replaces them)."""
    remembered = _remembered(context)
    current = _step_key(context)
    now = _sent_now(context)

    def retired(entry: list[Any]) -> bool:
        return entry[2] == current and (entry[0], entry[1]) not in now

    gone = [entry for entry in remembered if retired(entry)]
    remembered[:] = [entry for entry in remembered if not retired(entry)]
    for chat_id, message_id, _key in gone:
        await _strip(context, chat_id, message_id)


async def close_keyboards(context: Context) -> None:
    """Take the buttons off every remembered prompt (the conversation is over)."""
    remembered = _remembered(context)
    entries, remembered[:] = list(remembered), []
    for chat_id, message_id, _key in entries:
        await _strip(context, chat_id, message_id)


async def _close_pressed(update: Update, context: Context, record: str | None) -> None:
    """The pressed message loses its buttons and, below its text, shows what was chosen."""
    query = update.callback_query
    message = query.message if query is not None else None
    if not isinstance(message, Message):
        return
    forget_keyboard(context, message)
    if record and message.text is not None:
        try:
            text = f"{message.text_html}\n\n{record}"
            await message.edit_text(text, parse_mode=ParseMode.HTML, reply_markup=None)
            return
        except BadRequest:
            pass  # too long with the record, say: at least the buttons go
    with suppress(BadRequest):  # "message is not modified" (a double press) or too old to edit
        await message.edit_reply_markup(None)


def pressed_label(update: Update) -> str | None:
    """The text of the button that was pressed, from the message it sits on."""
    query = update.callback_query
    markup = getattr(query.message, "reply_markup", None) if query is not None else None
    if query is None or markup is None:
        return None
    for row in markup.inline_keyboard:
        for button in row:
            if button.callback_data == query.data:
                return button.text
    return None


async def mark_choice(update: Update, context: Context) -> None:
    """A wizard's button was pressed: its message keeps "✓ <the button>" instead of buttons."""
    label = pressed_label(update)
    record = f"<i>✓ {html.escape(label)}</i>" if label else None
    await _close_pressed(update, context, record)


async def settle(update: Update, context: Context, record: str | None = None) -> None:
    """A step is done: the pressed message keeps what was chosen (record) and loses its
    buttons, and so do the step's other prompts."""
    await _close_pressed(update, context, record)
    await close_keyboards(context)
