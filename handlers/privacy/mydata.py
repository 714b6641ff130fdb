"""The privacy notice at /start, /mydata (everything stored, as a JSON file) and /delete."""

from __future__ import annotations

import html
import json

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest

from bot.config import Settings
from bot.services import audit, privacy, users
from bot.services.knowledge.phrasing import endpoint_host
from bot.texts import Html, t
from handlers.core import menu
from handlers.core.common import (
    Context,
    ask_confirmation,
    reply,
    services,
    set_awaiting,
    user_session,
)
from handlers.privacy.actions import EraseMyData

EXPORT_NAME = "mina-uppgifter.json"
LINK_SCHEMES = ("https://", "http://")  # Telegram refuses a message with any other link


def privacy_notice(lang: str, settings: Settings) -> Html:
    """What the bot stores and why, with the link to the full text when one is set."""
    notice = t("privacy_notice", lang, months=settings.question_retention_months)
    if settings.llm_url is not None and settings.llm_enabled:
        # Only when configured: question texts then leave the machine for phrasing.
        notice += t("privacy_notice_llm", lang, host=endpoint_host(settings.llm_url))
    if settings.privacy_url and settings.privacy_url.startswith(LINK_SCHEMES):
        url = Html(html.escape(settings.privacy_url, quote=True))
        notice += t("privacy_notice_link", lang, url=url)
    return Html(notice)


async def mydata_command(update: Update, context: Context) -> None:
    """/mydata: everything stored about the sender, as a JSON document."""
    svc = services(context)
    await svc.question_log.flush()  # so the question they just asked is in it
    async with user_session(update, context) as (session, user):
        lang = user.language
        data = await privacy.export_user(session, user.id, tz=svc.settings.tz)
        await audit.record(
            session,
            actor_telegram_id=user.telegram_id,
            action="export_own_data",
            detail=f"user {user.id}",
            clock=svc.clock,
        )
    chat = update.effective_chat
    assert chat is not None
    document = json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
    await context.bot.send_document(
        chat.id,
        InputFile(document, filename=EXPORT_NAME),
        caption=t("privacy_mydata_caption", lang),
        parse_mode=ParseMode.HTML,
    )


def _confirm_keyboard(lang: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    t("privacy_delete_yes", lang), callback_data=EraseMyData(True).encode()
                ),
                InlineKeyboardButton(
                    t("privacy_delete_no", lang), callback_data=EraseMyData(False).encode()
                ),
            ]
        ]
    )


async def delete_command(update: Update, context: Context) -> None:
    """/delete: ask before erasing anything."""
    async with user_session(update, context) as (_session, user):
        lang = user.language
    await ask_confirmation(
        update, context, t("privacy_delete_confirm", lang), keyboard=_confirm_keyboard(lang)
    )


async def _erase(update: Update, context: Context) -> str | None:
    """Erase the sender; their language before, or None when nothing was stored."""
    svc = services(context)
    tg_user = update.effective_user
    assert tg_user is not None
    await svc.question_log.flush()  # a queued question must not be written after the erasure
    async with svc.db.session() as session:
        user = await users.get_by_telegram_id(session, tg_user.id)
        if user is None:
            return None
        lang = user.language
        await privacy.erase_user(
            session, user.id, clock=svc.clock, tz=svc.settings.tz, poll_secret=svc.settings.poll_key
        )
        await session.commit()
    svc.visitors.forget(tg_user.id)
    await menu.forget_chat_menu(context, tg_user.id)  # a fresh start has the default menu
    set_awaiting(context, None)
    if context.user_data is not None:
        context.user_data.clear()
    return lang


async def erase_pressed(update: Update, context: Context, action: EraseMyData) -> str:
    """ "Radera allt" erases and says goodbye; "Avbryt" keeps everything."""
    if action.confirm:
        lang = await _erase(update, context)
        text = t("privacy_already_deleted" if lang is None else "privacy_deleted", lang)
    else:
        async with user_session(update, context) as (_session, user):
            text = t("privacy_delete_kept", user.language)
    query = update.callback_query
    assert query is not None
    try:
        await query.edit_message_text(text, parse_mode=ParseMode.HTML)
    except BadRequest:  # the question is too old to edit, or was already answered
        await reply(update, context, text)
    return ""
