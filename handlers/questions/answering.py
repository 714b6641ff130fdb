"""Questions about the agreement: the answer with its source, feedback, hand-over to staff."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.constants import ChatAction
from telegram.error import TelegramError

from bot.services import handover, intents, smalltalk
from bot.services.container import Services
from bot.services.intents import Intent
from bot.services.knowledge.phrasing import excerpts_for
from bot.texts import t
from bot.texts.answers import answer_text, source_label
from handlers.core.common import STAFF_LANGUAGE, Context, reply, send, services, user_session
from handlers.questions import keyboards
from handlers.questions.actions import AskStaff, Feedback, NoneOfTopics, PickTopic
from handlers.questions.live_answers import answer_from_live_data

log = logging.getLogger(__name__)


async def answer_question(update: Update, context: Context, question: str) -> None:
    """Answer from live data, else with the best passage or FAQ, or say honestly "don't know"."""
    svc = services(context)
    # "tack!", 👍: a friendly word, not "don't know" (nor logged); "hur slutar jag få
    # utskick?": the commands that do it.
    chat = smalltalk.recognise(question)
    intent = intents.recognise(question) if chat is None else None
    if chat is not None or intent is Intent.BOT_HELP:
        _, lang = await _asker(update, context)
        key = f"smalltalk_{chat.value}" if chat is not None else "help_member"
        await reply(update, context, t(key, lang))
        return
    if intent is not None:
        found = await answer_from_live_data(update, context, intent)
        if found or intent != Intent.NEXT_MEETING:
            return
        # With no meeting planned, the documents' passage on the planned meetings is the
        # context; "don't know" (and a row in /unanswered) would only add noise after the line.
        if not svc.knowledge.answer_now(question)[0]:
            return
    user_id, lang = await _asker(update, context)  # the question is logged in the background
    # After live data, the documents only add context: an answer, never a "Menade du …?".
    result = svc.knowledge.answer(question, user_id=user_id, lang=lang, offers=intent is None)
    if result.offers:  # unsure: "Menade du …?" with the closest topics rather than a guess
        topics = [(match.id, match.section or match.title) for match in result.offers]
        text = t("did_you_mean", lang)
        keyboard = keyboards.did_you_mean(result.question_key, topics, lang)
    elif result.answered and result.match is not None:
        phrased = None
        if svc.phraser is not None:  # off by default: then the passage goes out as it is
            excerpts = excerpts_for(result.match, source_label(result.match, lang))
            if excerpts:
                await _typing(update)  # the model may take a few seconds
                phrased = await svc.phraser.phrase(question, excerpts, lang)
        text = answer_text(result.match, lang, phrased=phrased)
        keyboard = keyboards.answer_feedback(result.question_key, lang)
    else:
        declined = "dont_know_opinion" if result.opinion else "dont_know"
        text, keyboard = t(declined, lang), keyboards.ask_staff(result.question_key, lang)
    await reply(update, context, text, keyboard=keyboard)


async def _asker(update: Update, context: Context) -> tuple[int, str]:
    """The asker's user id and language; a recent asker needs no database round trip."""
    tg_user = update.effective_user
    assert tg_user is not None
    visitor = services(context).visitors.get(tg_user.id)
    if visitor is not None:
        return visitor.user_id, visitor.language
    async with user_session(update, context) as (_session, user):
        return user.id, user.language


async def _typing(update: Update) -> None:
    chat = update.effective_chat
    assert chat is not None
    try:
        await chat.send_action(ChatAction.TYPING)
    except TelegramError as error:  # only a courtesy: the answer goes out regardless
        log.info("typing indicator not shown: %s", type(error).__name__)


async def _pressed_on_logged_question(update: Update, context: Context) -> tuple[Services, int]:
    """The services and the presser's Telegram id, once the question log holds the row the
    pressed button refers to (rows are written in batches)."""
    svc = services(context)
    tg_user = update.effective_user
    assert tg_user is not None
    await svc.question_log.flush()
    return svc, tg_user.id


async def pick_topic(update: Update, context: Context, action: PickTopic) -> str:
    """Show the chosen topic's passage as the answer (with 👍/👎) and log the choice."""
    svc, telegram_user_id = await _pressed_on_logged_question(update, context)
    async with user_session(update, context) as (session, user):
        lang = user.language
        match = await svc.knowledge.choose_topic(
            session,
            action.question_key,
            action.passage_id,
            telegram_user_id=telegram_user_id,
            lang=lang,
        )
    query = update.callback_query
    assert query is not None
    await query.edit_message_reply_markup(None)
    keyboard = keyboards.answer_feedback(action.question_key, lang)
    await reply(update, context, answer_text(match, lang), keyboard=keyboard)
    await svc.knowledge.refresh_if_changed()  # the choice is a learned phrasing now
    return ""


async def none_of_topics(update: Update, context: Context, action: NoneOfTopics) -> str:
    """None of the offered topics: log it and offer a member of staff instead."""
    svc, telegram_user_id = await _pressed_on_logged_question(update, context)
    async with user_session(update, context) as (session, user):
        lang = user.language
        await svc.knowledge.choose_none(
            session, action.question_key, telegram_user_id=telegram_user_id
        )
    query = update.callback_query
    assert query is not None
    await query.edit_message_reply_markup(None)
    await reply(
        update,
        context,
        t("did_you_mean_none", lang),
        keyboard=keyboards.ask_staff(action.question_key, lang),
    )
    return ""


async def feedback(update: Update, context: Context, action: Feedback) -> str:
    """Store 👍/👎; after 👎 offer a member of staff instead."""
    svc, telegram_user_id = await _pressed_on_logged_question(update, context)
    async with user_session(update, context) as (session, user):
        await svc.knowledge.record_feedback(
            session, action.question_key, telegram_user_id=telegram_user_id, helpful=action.helpful
        )
        lang = user.language
    query = update.callback_query
    assert query is not None
    if action.helpful:
        await query.edit_message_reply_markup(None)
        return t("feedback_thanks", lang)
    await query.edit_message_reply_markup(keyboards.ask_staff(action.question_key, lang))
    return t("feedback_offer_staff", lang)


async def ask_staff(update: Update, context: Context, action: AskStaff) -> str:
    """Forward the asker's question to staff; a staff reply to it reaches the asker."""
    svc, telegram_user_id = await _pressed_on_logged_question(update, context)
    async with user_session(update, context) as (session, user):
        lang = user.language
        question = await handover.question_to_hand_over(
            session, action.question_key, telegram_user_id=telegram_user_id
        )
        destinations = await handover.staff_destinations(
            session, staff_chat_id=svc.settings.staff_chat_id, admins=svc.settings.admins
        )
        text = t(
            "staff_question",
            STAFF_LANGUAGE,
            name=user.display_name,
            username=f" @{user.username}" if user.username else "",
            org=t("staff_question_org", STAFF_LANGUAGE, org=user.organisation.name)
            if user.organisation is not None
            else "",
            question=question.question,
        )
        # Release the database before talking to Telegram; the same session writes afterwards.
        await session.commit()
        sent: list[tuple[int, int]] = []
        for chat_id in destinations:
            try:
                message = await send(context, chat_id, text)
            except TelegramError as error:  # one unreachable staff chat must not stop the rest
                log.warning(
                    "question not delivered to staff chat %s: %s", chat_id, type(error).__name__
                )
                continue
            sent.append((chat_id, message.message_id))
        if not sent:
            return t("no_staff_reachable", lang)
        await handover.record_relay(session, question, chat_ids_and_messages=sent, clock=svc.clock)
    query = update.callback_query
    assert query is not None
    await query.edit_message_reply_markup(None)
    await reply(update, context, t("handed_over", lang))
    return ""
