"""Plain text in a private chat: a staff reply, the answer to a pending step, or a question."""

from __future__ import annotations

from telegram import Update
from telegram.ext import MessageHandler, filters

from bot.texts import t
from handlers.broadcast.compose import on_broadcast_text, resume_draft
from handlers.broadcast.send import BC_AT, BC_AUDIENCE, BC_COMPOSE, BC_DECIDE, BC_ORG, BC_TIME
from handlers.calls.new import NC_PREVIEW, on_new_call_text
from handlers.calls.new import ORDER as NEW_CALL_ORDER
from handlers.core.common import CONFIRMING, App, Context, awaiting, reply, user_session
from handlers.core.staff_guard import STAFF_STEPS, staff_language
from handlers.core.step_keyboards import sweep
from handlers.core.steps import Step, looks_like_question, registry
from handlers.digest.draft import DG_CONFIRM, DG_NOTE, DG_WHEN, on_digest_text
from handlers.feeds.add import FA_CONFIRM, on_feed_add_text
from handlers.feeds.add import ORDER as FEED_ADD_ORDER
from handlers.forms.ask import FORM_ANSWER, FORM_REVIEW
from handlers.forms.fill import on_form_text
from handlers.meetings.new import MN_CONFIRM
from handlers.meetings.new import ORDER as NEW_MEETING_ORDER
from handlers.meetings.staff import STAFF_STEPS as MEETING_STAFF_STEPS
from handlers.meetings.steps import on_meeting_text
from handlers.nominations.form import NF_REVIEW, on_nomination_text
from handlers.nominations.form import ORDER as NOMINATION_ORDER
from handlers.onboarding.start import (
    LANGUAGE,
    ORG_SEARCH,
    greet_newcomer,
    on_language_text,
    remind_language,
    remind_organisation,
    search_organisation,
)
from handlers.polls.answers import PC_COMMENT
from handlers.polls.new_keys import (
    PN_ANONYMOUS,
    PN_AUDIENCE,
    PN_CLOSES,
    PN_COMMENT,
    PN_CONFIRM,
    PN_MULTIPLE,
    PN_OPTIONS,
    PN_ORG,
    PN_QUESTION,
)
from handlers.polls.steps import on_poll_text
from handlers.questions.answering import answer_question
from handlers.questions.faq import FAQ_STEPS, on_faq_text
from handlers.staff.invite import INVITE_STEPS, on_invite_text
from handlers.staff.replies import REPLY_STEPS, on_reply_text, relay_staff_reply


async def _broadcast(update: Update, context: Context, _text: str) -> None:
    await on_broadcast_text(update, context)


async def _new_call(update: Update, context: Context, _text: str) -> None:
    await on_new_call_text(update, context)


async def _faq(update: Update, context: Context, _text: str) -> None:
    message = update.effective_message
    assert message is not None and message.text is not None
    await on_faq_text(update, context, message.text)  # the answer keeps its own line breaks


STEPS = registry(
    (
        Step((LANGUAGE,), on_language_text, remind=remind_language),
        Step((ORG_SEARCH,), search_organisation, remind=remind_organisation),
        # At the time's confirmation a typed time replaces the one shown.
        Step((BC_COMPOSE, BC_ORG, BC_TIME, BC_AT), _broadcast),
        Step((BC_AUDIENCE, BC_DECIDE)),
        Step(NEW_CALL_ORDER, _new_call),
        Step((NC_PREVIEW,), hint="newcall_use_buttons"),
        Step(REPLY_STEPS, on_reply_text),
        Step(INVITE_STEPS, on_invite_text),
        Step(FAQ_STEPS, _faq),  # at the preview, a typed answer replaces the previewed one
        Step((*NEW_MEETING_ORDER, *MEETING_STAFF_STEPS), on_meeting_text),
        Step((MN_CONFIRM,)),
        Step(FEED_ADD_ORDER, on_feed_add_text),
        Step((FA_CONFIRM,), hint="feeds_add_use_buttons"),
        Step((DG_WHEN, DG_NOTE), on_digest_text),
        Step((DG_CONFIRM,), hint="dchat_use_buttons"),
        Step((PN_QUESTION, PN_OPTIONS, PN_CLOSES, PN_ORG, PC_COMMENT), on_poll_text),
        Step((PN_MULTIPLE, PN_COMMENT, PN_ANONYMOUS, PN_AUDIENCE, PN_CONFIRM)),
        Step((FORM_ANSWER,), on_form_text),
        Step((FORM_REVIEW,), hint="form_use_buttons"),
        Step(NOMINATION_ORDER, on_nomination_text),
        Step((NF_REVIEW,), hint="nomination_use_buttons"),
        Step((CONFIRMING,), questions=True),  # /delete, cancelling a meeting, closing a round…
    )
)


async def on_private_text(update: Update, context: Context) -> None:
    """Route one text message to the step that expects it, else answer it as a question."""
    message = update.effective_message
    if message is None or not message.text:
        return
    if message.reply_to_message is not None and await relay_staff_reply(update, context):
        return
    await _route(update, context, message.text.strip())
    await sweep(context)  # the buttons of a step just left go


async def _route(update: Update, context: Context, text: str) -> None:
    await resume_draft(update, context)
    name = (awaiting(context) or {}).get("step", "")
    if name in STAFF_STEPS:
        await staff_language(update, context)  # a demoted member leaves the step, refused
    step = STEPS.get(name)
    if step is None:
        if not await greet_newcomer(update, context, text):
            await answer_question(update, context, text)
        return
    if step.on_text is None:
        if step.questions and looks_like_question(text):
            await answer_question(update, context, text)
            return
        async with user_session(update, context) as (_session, user):
            lang = user.language
        await reply(update, context, t(step.hint, lang))
        return
    if await step.on_text(update, context, text) is not False:
        return
    # The step let a question through: answer it, then ask for the step again (still live).
    await answer_question(update, context, text)
    if step.remind is not None:
        async with user_session(update, context) as (_session, user):
            lang = user.language
        await step.remind(update, context, lang)


async def on_staff_chat_reply(update: Update, context: Context) -> None:
    """In the staff group, only replies to forwarded questions matter."""
    await relay_staff_reply(update, context)


def register(application: App, *, staff_chat_id: int | None) -> None:
    text_only = filters.TEXT & ~filters.COMMAND & filters.UpdateType.MESSAGE
    application.add_handler(MessageHandler(filters.ChatType.PRIVATE & text_only, on_private_text))
    if staff_chat_id is not None:
        staff_chat = filters.Chat(staff_chat_id) & filters.REPLY & text_only
        application.add_handler(MessageHandler(staff_chat, on_staff_chat_reply))
