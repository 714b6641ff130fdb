"""Relaying a staff member's reply to a forwarded question back to the asker."""

from __future__ import annotations

from telegram import Update
from telegram.error import Forbidden

from bot.services import handover
from bot.texts import t
from handlers.common import Context, reply, send, services, user_session

STAFF_LANGUAGE = "sv"


async def relay_staff_reply(update: Update, context: Context) -> bool:
    """If this message replies to a forwarded question, send it to the asker; else False."""
    message = update.effective_message
    chat = update.effective_chat
    if message is None or chat is None or message.reply_to_message is None or not message.text:
        return False
    svc = services(context)
    async with user_session(update, context) as (session, staff):
        relay = await handover.find_relay(
            session, chat_id=chat.id, message_id=message.reply_to_message.message_id
        )
        if relay is None:
            return False
        if not staff.is_staff:
            await reply(update, context, t("not_staff", staff.language))
            return True
        question = relay.question
        asker = question.user
        if asker is None:
            return True
        text = t(
            "staff_reply_to_user", asker.language, question=question.question, answer=message.text
        )
        try:
            await send(context, asker.telegram_id, text)
        except Forbidden:
            await reply(update, context, t("staff_reply_failed", STAFF_LANGUAGE))
            return True
        await handover.mark_replied(session, question, clock=svc.clock)
        name = asker.display_name
    await reply(
        update,
        context,
        t("staff_reply_sent", STAFF_LANGUAGE, name=name),
        reply_to=message.message_id,
    )
    return True
