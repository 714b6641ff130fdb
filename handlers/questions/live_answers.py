"""Questions the bot answers from its own data: the next meetings, open calls, sign-ups, forms.

Each answer is what the matching command shows (the /meetings cards with their buttons, the
/calls list, the /forms list and the open poll cards); when there is nothing, one clear line
and the offer to turn that topic's notifications on.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import NamedTuple

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest

from bot.models import Topic, User
from bot.services import meetings, polls, topics
from bot.services.container import Services
from bot.services.intents import Intent
from bot.texts import Html, t
from bot.views.meetings import when_text
from handlers.calls.listing import open_call_cards
from handlers.core.common import Context, reply, services, user_session
from handlers.delivery.sender import keyboard
from handlers.forms.listing import forms_message
from handlers.meetings.shown import note_card
from handlers.meetings.view import card_for
from handlers.polls.render import personal
from handlers.questions.actions import TopicOn

NEXT_MEETINGS = 3  # cards for "när är nästa dialogmöte?": the next one or two after it


class Message(NamedTuple):
    """One message of an answer; a meeting card names its meeting so it is redrawn later."""

    text: str
    markup: InlineKeyboardMarkup | None = None
    meeting_id: int | None = None


Answer = Callable[[AsyncSession, User, Services], Awaitable[list[Message]]]


async def _next_meetings(session: AsyncSession, user: User, svc: Services) -> list[Message]:
    now = svc.clock()
    cards = [
        Message(*await card_for(session, meeting, user, tz=svc.settings.tz, now=now), meeting.id)
        for meeting in await meetings.upcoming(session, clock=svc.clock, limit=NEXT_MEETINGS)
    ]
    if not cards:
        return []
    key = "intent_meetings_header" if len(cards) == 1 else "intent_meetings_header_many"
    return [Message(t(key, user.language)), *cards]


async def _open_calls(session: AsyncSession, user: User, svc: Services) -> list[Message]:
    cards = await open_call_cards(session, user, clock=svc.clock, tz=svc.settings.tz)
    return [Message(*card) for card in cards]


async def _my_signups(session: AsyncSession, user: User, svc: Services) -> list[Message]:
    lang, now, tz = user.language, svc.clock(), svc.settings.tz
    lines = [t("intent_signups_header", lang)]
    for meeting, status in await meetings.signed_up(session, user.id, clock=svc.clock):
        when = Html(when_text(meeting.starts_at, meeting.ends_at, lang, tz, now=now))
        if status.position is None:
            lines.append(t("intent_signup_going", lang, title=meeting.title, when=when))
        else:
            lines.append(
                t(
                    "intent_signup_waiting",
                    lang,
                    title=meeting.title,
                    when=when,
                    position=status.position,
                )
            )
    if len(lines) == 1:
        return []
    lines.append(t("intent_signups_footer", lang))
    return [Message("\n\n".join(lines))]


async def _pending_forms(session: AsyncSession, user: User, svc: Services) -> list[Message]:
    lang, now = user.language, svc.clock()
    found: list[Message] = []
    listed = await forms_message(
        session, user, clock=svc.clock, tz=svc.settings.tz, pending_only=True
    )
    if listed is not None:
        found.append(Message(*listed))
    key = await polls.poll_key(session, svc.settings.poll_key)
    waiting = await polls.waiting_for(session, user.id, key=key, clock=svc.clock)
    if waiting:
        found.append(Message(t("intent_polls_header", lang)))
    for poll in waiting:
        mine = await polls.my_choice(session, poll, user.id, key=key)
        card = personal(poll, lang, svc.settings.tz, now=now, mine=mine)
        found.append(Message(card.text_html, keyboard(card.buttons)))
    return found


ANSWERS: dict[Intent, tuple[Answer, str, Topic]] = {
    Intent.NEXT_MEETING: (_next_meetings, "intent_no_meetings", Topic.MEETINGS),
    Intent.OPEN_CALLS: (_open_calls, "intent_no_calls", Topic.FUNDING_CALLS),
    Intent.MY_SIGNUPS: (_my_signups, "intent_no_signups", Topic.MEETINGS),
    Intent.PENDING_FORMS: (_pending_forms, "intent_no_forms", Topic.POLLS),
}


def _nothing(nothing_key: str, topic: Topic, subscribed: bool, lang: str) -> Message:
    """The clear line, and the offer to turn the topic on (or that it is on already)."""
    name = t(f"topic_{topic.value}", lang)
    if subscribed:
        return Message(
            f"{t(nothing_key, lang)}\n\n{t('intent_topic_already_on', lang, topic=name)}"
        )
    text = f"{t(nothing_key, lang)}\n\n{t('intent_topic_offer', lang, topic=name)}"
    button = InlineKeyboardButton(
        t("intent_button_topic_on", lang, topic=name), callback_data=TopicOn(topic).encode()
    )
    return Message(text, InlineKeyboardMarkup([[button]]))


async def answer_from_live_data(update: Update, context: Context, intent: Intent) -> bool:
    """Answer from the bot's own data; False when there was nothing (the offer is sent then)."""
    svc = services(context)
    answer, nothing_key, topic = ANSWERS[intent]
    async with user_session(update, context) as (session, user):
        user_id = user.id
        messages = await answer(session, user, svc)
        found = bool(messages)
        if not found:
            subscribed = (await topics.preferences(session, user.id))[topic]
            messages = [_nothing(nothing_key, topic, subscribed, user.language)]
    for text, markup, meeting_id in messages:
        sent = await reply(update, context, text, keyboard=markup)
        if meeting_id is not None:
            note_card(context, meeting_id, sent, user_id)
    return found


async def turn_on(update: Update, context: Context, action: TopicOn) -> str:
    """Turn on the topic an answer offered; the button goes and the chat says it is on."""
    clock = services(context).clock
    async with user_session(update, context) as (session, user):
        lang = user.language
        await topics.set_topic(session, user.id, action.topic, True, clock=clock)
    query = update.callback_query
    assert query is not None
    try:
        await query.edit_message_reply_markup(None)
    except BadRequest as error:  # a second press on a button already gone changes nothing
        if "not modified" not in error.message.lower():
            raise
    name = t(f"topic_{action.topic.value}", lang)
    await reply(update, context, t("intent_topic_turned_on", lang, topic=name))
    return t("topic_turned_on", lang, topic=name)
