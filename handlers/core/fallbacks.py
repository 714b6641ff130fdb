"""Everything else: unknown commands, stickers and photos, group chats; edits and channels ignored."""

from __future__ import annotations

from telegram import Update
from telegram.ext import MessageHandler, filters

from bot.texts import t
from handlers.core.common import App, Context, awaiting, reply, user_session
from handlers.core.registry import Registry


async def unknown_command(update: Update, context: Context) -> None:
    """A command the bot does not have."""
    async with user_session(update, context) as (_session, user):
        lang = user.language
    await reply(update, context, t("unknown_command", lang))


async def not_text(update: Update, context: Context, features: Registry) -> None:
    """A sticker, photo, voice message or the like in a private chat (or a step's media, such
    as a broadcast's photo)."""
    for resume in features.resumers():
        await resume(update, context)
    media = features.media().get((awaiting(context) or {}).get("step", ""))
    if media is not None:
        await media(update, context)
        return
    async with user_session(update, context) as (_session, user):
        lang = user.language
    await reply(update, context, t("only_text", lang))


async def group_command(update: Update, context: Context) -> None:
    """A command in a group: point to the private chat."""
    username = context.bot.username
    language = update.effective_user.language_code if update.effective_user else None
    await reply(update, context, t("private_only", language, username=username))


def register(application: App, features: Registry) -> None:
    async def other(update: Update, context: Context) -> None:
        await not_text(update, context, features)

    private = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE
    application.add_handler(MessageHandler(private & filters.COMMAND, unknown_command))
    application.add_handler(MessageHandler(private & ~filters.TEXT, other))
    application.add_handler(
        MessageHandler(
            filters.ChatType.GROUPS & filters.COMMAND & filters.UpdateType.MESSAGE, group_command
        )
    )
