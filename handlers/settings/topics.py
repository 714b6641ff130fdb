"""/stop and the 🔔 list in /settings: which pushes a user receives."""

from __future__ import annotations

from collections.abc import Mapping

from telegram import Update

from bot.models import Topic
from bot.services import topics
from bot.texts import t
from handlers.core.common import Context, edit_in_place, reply, services, user_session
from handlers.settings import keyboards
from handlers.settings.actions import AllTopics, ToggleTopic


def menu_text(chosen: Mapping[Topic, bool], lang: str) -> str:
    """The list's text: what the user gets now, and that questions always work."""
    count = sum(chosen.values())
    if count == len(chosen):
        summary = t("topics_summary_all", lang)
    elif count == 0:
        summary = t("topics_summary_none", lang)
    else:
        summary = t("topics_summary_some", lang, count=count, total=len(chosen))
    return t("topics_menu", lang, summary=summary)


async def show_menu(update: Update, context: Context) -> str:
    """The toggle list, in place of the /settings menu (from its 🔔 button)."""
    async with user_session(update, context) as (session, user):
        lang = user.language
        chosen = await topics.preferences(session, user.id)
    await edit_in_place(update, menu_text(chosen, lang), keyboards.topics(chosen, lang))
    return ""


async def toggle_topic(update: Update, context: Context, action: ToggleTopic) -> str:
    """Set one topic and redraw the list in place."""
    clock = services(context).clock
    async with user_session(update, context) as (session, user):
        lang = user.language
        await topics.set_topic(session, user.id, action.topic, action.enabled, clock=clock)
        chosen = await topics.preferences(session, user.id)
    await _redraw(update, chosen, lang)
    key = "topic_turned_on" if action.enabled else "topic_turned_off"
    return t(key, lang, topic=t(f"topic_{action.topic.value}", lang))


async def all_topics(update: Update, context: Context, action: AllTopics) -> str:
    """Turn every topic on or off and redraw the list in place."""
    clock = services(context).clock
    async with user_session(update, context) as (session, user):
        lang = user.language
        if action.enabled:
            await topics.resume_all(session, user.id, clock=clock)
        else:
            await topics.stop_all(session, user.id, clock=clock)
        chosen = await topics.preferences(session, user.id)
    await _redraw(update, chosen, lang)
    return t("topics_all_on" if action.enabled else "topics_all_off", lang)


async def stop_command(update: Update, context: Context) -> None:
    """Turn every push off; questions still work, and /settings turns pushes on again."""
    clock = services(context).clock
    async with user_session(update, context) as (session, user):
        lang = user.language
        await topics.stop_all(session, user.id, clock=clock)
    await reply(update, context, t("topics_stopped", lang))


async def _redraw(update: Update, chosen: Mapping[Topic, bool], lang: str) -> None:
    # "Turn all on" when all are on already is a redraw that changes nothing: no error.
    await edit_in_place(update, menu_text(chosen, lang), keyboards.topics(chosen, lang))
