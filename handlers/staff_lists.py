"""/unanswered: the questions the bot could not answer, with Svara and Gör till FAQ for each."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import CommandHandler, filters

from bot.errors import DomainError
from bot.models import QuestionLog
from bot.services import handover
from bot.texts import t
from handlers import faq
from handlers.callbacks import UnansweredAction
from handlers.common import App, Context, reply, services, staff_language, user_session
from handlers.meeting_cards import moment_text
from handlers.staff_replies import ask_for_reply


def _status(question: QuestionLog, lang: str) -> str:
    if question.faq_id is not None:
        return t("unanswered_faq", lang)
    if question.staff_replied_at is not None:
        return t("unanswered_replied", lang)
    if question.handed_over_at is not None:
        return t("unanswered_handed", lang)
    return ""


def _buttons(questions: list[QuestionLog], lang: str) -> InlineKeyboardMarkup:
    """A row per question, numbered as in the list; the data names the question's row id."""
    rows = []
    for number, question in enumerate(questions, start=1):
        row = []
        if question.user is not None:  # a deleted asker cannot be answered
            label = t("button_unanswered_reply", lang, number=number)
            row.append(InlineKeyboardButton(label, callback_data=_data(question, "reply")))
        label = t("button_unanswered_faq", lang, number=number)
        row.append(InlineKeyboardButton(label, callback_data=_data(question, "faq")))
        rows.append(row)
    return InlineKeyboardMarkup(rows)


def _data(question: QuestionLog, action: str) -> str:
    return UnansweredAction(question.id, action).encode()


async def unanswered(update: Update, context: Context) -> None:
    """List recent questions the bot could not answer."""
    svc = services(context)
    await svc.question_log.flush()
    async with user_session(update, context) as (session, user):
        if not user.is_staff:
            raise DomainError("not_staff")
        lang = user.language
        questions = await svc.knowledge.unanswered(session, limit=20)
        now = svc.clock()
        lines = [
            t(
                "unanswered_item",
                lang,
                number=number,
                when=moment_text(q.asked_at, lang, svc.settings.tz, now=now),
                name=q.user.display_name if q.user is not None else t("unanswered_gone", lang),
                question=q.question,
                status=_status(q, lang),
            )
            for number, q in enumerate(questions, start=1)
        ]
        keyboard = _buttons(questions, lang)
    if not lines:
        await reply(update, context, t("unanswered_none", lang))
        return
    text = "\n\n".join([t("unanswered_header", lang), *lines, t("unanswered_hint", lang)])
    await reply(update, context, text, keyboard=keyboard)


async def unanswered_action(update: Update, context: Context, action: UnansweredAction) -> str:
    """Svara, Gör till FAQ, or (in that FAQ entry) no more phrasings; staff only."""
    if action.action == "reply":
        await ask_for_reply(update, context, action.question_id)
        return ""
    lang = await staff_language(update, context)
    if action.action == "answer":
        await faq.end_phrasings(update, context, lang, action.question_id)
        return ""
    async with services(context).db.session() as session:
        question = await handover.question_for_staff(session, action.question_id)
        text = question.question
    await faq.start_faq_from(update, context, lang, question_id=action.question_id, question=text)
    return ""


def register(application: App) -> None:
    # Names and questions of askers: never in a group (the group fallback points to the private chat).
    private = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE
    application.add_handler(CommandHandler("unanswered", unanswered, filters=private))
