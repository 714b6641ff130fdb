"""Plain text in a private chat: a staff reply, the answer to a pending step, or a question."""

from __future__ import annotations

from telegram import Update
from telegram.ext import MessageHandler, filters

from handlers.broadcast import BROADCAST_TEXT_STEPS, on_broadcast_text
from handlers.calls_new import NEW_CALL_STEPS, on_new_call_text
from handlers.common import App, Context, awaiting
from handlers.digest_draft import DIGEST_TEXT_STEPS, on_digest_text
from handlers.faq import FAQ_STEPS, on_faq_text
from handlers.forms_ask import FORM_STEPS
from handlers.forms_fill import on_form_text
from handlers.meeting_steps import MEETING_TEXT_STEPS, on_meeting_text
from handlers.nominations import NOMINATION_STEPS, on_nomination_text
from handlers.onboarding import ORG_SEARCH, search_organisation
from handlers.poll_steps import POLL_TEXT_STEPS, on_poll_text
from handlers.questions import answer_question
from handlers.staff_invite import INVITE_STEPS, on_invite_text
from handlers.staff_replies import REPLY_STEPS, on_reply_text, relay_staff_reply


async def on_private_text(update: Update, context: Context) -> None:
    """Route one text message to the step that expects it, else answer it as a question."""
    message = update.effective_message
    if message is None or not message.text:
        return
    text = message.text.strip()
    if message.reply_to_message is not None and await relay_staff_reply(update, context):
        return
    step = (awaiting(context) or {}).get("step")
    if step == ORG_SEARCH and await search_organisation(update, context, text):
        return
    if step in BROADCAST_TEXT_STEPS:
        await on_broadcast_text(update, context)
        return
    if step in NEW_CALL_STEPS:
        await on_new_call_text(update, context)
        return
    if step in REPLY_STEPS:
        await on_reply_text(update, context, text)
        return
    if step in INVITE_STEPS:
        await on_invite_text(update, context, text)
        return
    if step in FAQ_STEPS:
        await on_faq_text(update, context, message.text)
        return
    if step in MEETING_TEXT_STEPS:
        await on_meeting_text(update, context, text)
        return
    if step in DIGEST_TEXT_STEPS:
        await on_digest_text(update, context, text)
        return
    if step in POLL_TEXT_STEPS:
        await on_poll_text(update, context, text)
        return
    if step in FORM_STEPS:
        await on_form_text(update, context, text)
        return
    if step in NOMINATION_STEPS:
        await on_nomination_text(update, context, text)
        return
    await answer_question(update, context, text)


async def on_staff_chat_reply(update: Update, context: Context) -> None:
    """In the staff group, only replies to forwarded questions matter."""
    await relay_staff_reply(update, context)


def register(application: App, *, staff_chat_id: int | None) -> None:
    text_only = filters.TEXT & ~filters.COMMAND & filters.UpdateType.MESSAGE
    application.add_handler(MessageHandler(filters.ChatType.PRIVATE & text_only, on_private_text))
    if staff_chat_id is not None:
        staff_chat = filters.Chat(staff_chat_id) & filters.REPLY & text_only
        application.add_handler(MessageHandler(staff_chat, on_staff_chat_reply))
