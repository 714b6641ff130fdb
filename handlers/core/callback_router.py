"""Every button press: parse the callback data, dispatch to its action, answer the query."""

from __future__ import annotations

from collections.abc import Mapping

from telegram import Update
from telegram.ext import CallbackQueryHandler

from bot.texts import plain_text, t
from handlers.core.callbacks import BadCallback, Callback, parse
from handlers.core.common import CONFIRMING, App, Context, awaiting, set_awaiting
from handlers.core.registry import Route
from handlers.core.staff_guard import staff_language
from handlers.core.step_keyboards import sweep


async def on_callback(
    update: Update, context: Context, routes: Mapping[type[Callback], Route]
) -> None:
    """Refuse forged or stale data with a short message; otherwise run the action."""
    query = update.callback_query
    assert query is not None
    try:
        action = parse(query.data)
    except BadCallback:
        language = (context.user_data or {}).get("lang")
        await query.answer(t("callback_invalid", language))
        return
    if action.staff:
        await staff_language(update, context)  # refused before the action runs
    before = awaiting(context)
    answer = await routes[type(action)](update, context, action)
    after = awaiting(context)
    if after is before and (after or {}).get("step") == CONFIRMING:
        # A press answers the confirmation (or leaves it); one it has just asked stays.
        set_awaiting(context, None)
    await sweep(context)  # the buttons of a step just left go
    # A press's answer is plain text: Telegram would show "&lt;" or "<b>" as typed.
    await query.answer(plain_text(answer) if answer else None)


def register(application: App, routes: Mapping[type[Callback], Route]) -> None:
    """Every button press goes to the action its data names, as the features routed it."""

    async def pressed(update: Update, context: Context) -> None:
        await on_callback(update, context, routes)

    application.add_handler(CallbackQueryHandler(pressed))
