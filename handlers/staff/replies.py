"""Relaying a staff member's reply to a question back to the asker: a reply to a forwarded
question, or the answer typed after pressing Svara under /unanswered."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update
from telegram.error import Forbidden

from bot.errors import DomainError
from bot.models import QuestionLog
from bot.services import handover
from bot.texts import Html, t
from handlers.core.common import (
    STAFF_LANGUAGE,
    Context,
    awaiting,
    reply,
    send,
    services,
    set_awaiting,
    user_session,
)
from handlers.core.staff_guard import staff_language, staff_steps

UNANSWERED_REPLY = "unanswered_reply"
REPLY_STEPS = staff_steps(UNANSWERED_REPLY)


async def send_to_asker(
    session: AsyncSession, context: Context, question: QuestionLog, answer: str, *, lang: str
) -> str:
    """Send a staff answer to the one who asked; the outcome line for staff, in lang.

    The caller has committed: nothing is held in the database while Telegram is called.
    """
    asker = question.user
    if asker is None:
        return t("question_gone", lang)
    text = t("staff_reply_to_user", asker.language, question=question.question, answer=answer)
    try:
        await send(context, asker.telegram_id, text)
    except Forbidden:
        return t("staff_reply_failed", lang)
    await handover.mark_replied(session, question, clock=services(context).clock)
    return t("staff_reply_sent", lang, name=asker.display_name)


async def relay_staff_reply(update: Update, context: Context) -> bool:
    """If this message replies to a forwarded question, send it to the asker; else False."""
    message = update.effective_message
    chat = update.effective_chat
    if message is None or chat is None or message.reply_to_message is None or not message.text:
        return False
    async with user_session(update, context) as (session, staff):
        relay = await handover.find_relay(
            session, chat_id=chat.id, message_id=message.reply_to_message.message_id
        )
        if relay is None:
            return False
        staff_language, is_staff = staff.language, staff.is_staff
        question = relay.question
        # Release the database before talking to Telegram; the same session writes afterwards.
        await session.commit()
        if not is_staff:
            outcome: str | None = t("not_staff", staff_language)
        elif question.user is None:
            outcome = None
        else:
            # Bold, italics and links the staff member wrote reach the asker as written.
            answer = Html(message.text_html)
            outcome = await send_to_asker(session, context, question, answer, lang=STAFF_LANGUAGE)
    if outcome is not None:
        await reply(update, context, outcome, reply_to=message.message_id)
    return True


async def ask_for_reply(update: Update, context: Context, question_id: int) -> None:
    """Svara under /unanswered: ask staff for the answer to relay."""
    lang = await staff_language(update, context)
    async with services(context).db.session() as session:
        question = await handover.question_for_staff(session, question_id)
        if question.user is None:
            raise DomainError("question_gone")
        name, text = question.user.display_name, question.question
    set_awaiting(context, UNANSWERED_REPLY, question_id=question_id)
    await reply(update, context, t("unanswered_reply_ask", lang, name=name, question=text))


async def on_reply_text(update: Update, context: Context, _text: str) -> None:
    """The answer typed after Svara: relay it to the asker, with its bold, italics and links
    (so the message's HTML, not the plain text given)."""
    message = update.effective_message
    assert message is not None and message.text is not None
    step = awaiting(context) or {}
    lang = await staff_language(update, context)
    set_awaiting(context, None)
    async with services(context).db.session() as session:
        question = await handover.question_for_staff(session, int(step["question_id"]))
        await session.commit()
        answer = Html(message.text_html)
        outcome = await send_to_asker(session, context, question, answer, lang=lang)
        await session.commit()
    await reply(update, context, outcome)
