"""Relaying a staff member's reply to a forwarded question back to the asker."""

from __future__ import annotations

from telegram import Update
from telegram.error import Forbidden

from bot.services import handover
from bot.texts import Html, t
from handlers.common import STAFF_LANGUAGE, Context, reply, send, services, user_session


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
        staff_language, is_staff = staff.language, staff.is_staff
        question, asker = relay.question, relay.question.user
        # Release the database before talking to Telegram; the same session writes afterwards.
        await session.commit()
        if not is_staff or asker is None:
            outcome = t("not_staff", staff_language) if not is_staff else None
        else:
            text = t(
                "staff_reply_to_user",
                asker.language,
                question=question.question,
                # Bold, italics and links the staff member wrote reach the asker as written.
                answer=Html(message.text_html),
            )
            try:
                await send(context, asker.telegram_id, text)
            except Forbidden:
                outcome = t("staff_reply_failed", STAFF_LANGUAGE)
            else:
                await handover.mark_replied(session, question, clock=svc.clock)
                outcome = t("staff_reply_sent", STAFF_LANGUAGE, name=asker.display_name)
    if outcome is not None:
        await reply(update, context, outcome, reply_to=message.message_id)
    return True
