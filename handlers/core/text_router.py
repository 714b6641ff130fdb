"""Plain text in a private chat: a staff reply, the answer to a pending step, or a question."""

from __future__ import annotations

from telegram import Update
from telegram.ext import MessageHandler, filters

from bot.texts import t
from handlers.core.common import CONFIRMING, App, Context, awaiting, reply, user_session
from handlers.core.registry import Registry
from handlers.core.staff_guard import STAFF_STEPS, staff_language
from handlers.core.step_keyboards import sweep
from handlers.core.steps import Step, looks_like_question

# Core's own step: /delete, cancelling a meeting, closing a round… (a question is still answered).
CONFIRM_STEP = Step((CONFIRMING,), questions=True)


class TextRouter:
    """The features' steps and text hooks, merged once when the application is built."""

    def __init__(self, features: Registry) -> None:
        self.features = features
        self.steps = features.steps(CONFIRM_STEP)
        self.answer_question = features.answerer()

    async def on_private_text(self, update: Update, context: Context) -> None:
        """Route one text message to the step that expects it, else answer it as a question."""
        message = update.effective_message
        if message is None or not message.text:
            return
        if message.reply_to_message is not None and await self.relay(update, context):
            return
        await self._route(update, context, message.text.strip())
        await sweep(context)  # the buttons of a step just left go

    async def relay(self, update: Update, context: Context) -> bool:
        """A reply to a message a feature forwarded goes back through that feature."""
        for relay in self.features.relays():
            if await relay(update, context):
                return True
        return False

    async def on_staff_chat_reply(self, update: Update, context: Context) -> None:
        """In the staff group, only replies to forwarded questions matter."""
        await self.relay(update, context)

    async def _route(self, update: Update, context: Context, text: str) -> None:
        for resume in self.features.resumers():
            await resume(update, context)
        name = (awaiting(context) or {}).get("step", "")
        if name in STAFF_STEPS:
            await staff_language(update, context)  # a demoted member leaves the step, refused
        answer_question = self.answer_question
        step = self.steps.get(name)
        if step is None:
            for newcomer in self.features.newcomers():
                if await newcomer(update, context, text):
                    return
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


def register(application: App, router: TextRouter, *, staff_chat_id: int | None) -> None:
    text_only = filters.TEXT & ~filters.COMMAND & filters.UpdateType.MESSAGE
    private = filters.ChatType.PRIVATE & text_only
    application.add_handler(MessageHandler(private, router.on_private_text))
    if staff_chat_id is not None:
        staff_chat = filters.Chat(staff_chat_id) & filters.REPLY & text_only
        application.add_handler(MessageHandler(staff_chat, router.on_staff_chat_reply))
