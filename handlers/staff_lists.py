"""/unanswered: the questions the bot could not answer, for staff to follow up."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CommandHandler, filters

from bot.errors import DomainError
from bot.models import QuestionLog
from bot.texts import t
from bot.timeutil import local
from handlers.common import App, Context, reply, services, user_session


def _status(question: QuestionLog, lang: str) -> str:
    if question.staff_replied_at is not None:
        return t("unanswered_replied", lang)
    if question.handed_over_at is not None:
        return t("unanswered_handed", lang)
    return ""


async def unanswered(update: Update, context: Context) -> None:
    """List recent questions the bot could not answer."""
    svc = services(context)
    await svc.question_log.flush()
    async with user_session(update, context) as (session, user):
        if not user.is_staff:
            raise DomainError("not_staff")
        lang = user.language
        questions = await svc.knowledge.unanswered(session, limit=20)
        lines = [
            t(
                "unanswered_item",
                lang,
                when=local(q.asked_at, svc.settings.tz).strftime("%Y-%m-%d %H:%M"),
                name=q.user.display_name if q.user is not None else "?",
                question=q.question,
                status=_status(q, lang),
            )
            for q in questions
        ]
    if not lines:
        await reply(update, context, t("unanswered_none", lang))
        return
    text = "\n\n".join([t("unanswered_header", lang), *lines, t("unanswered_hint", lang)])
    await reply(update, context, text)


def register(application: App) -> None:
    # Names and questions of askers: never in a group (the group fallback points to the private chat).
    private = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE
    application.add_handler(CommandHandler("unanswered", unanswered, filters=private))
