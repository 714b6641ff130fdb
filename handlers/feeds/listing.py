"""/feeds (staff): list RSS/Atom feeds, add one (step by step, or on one line), poll one now,
remove one (with confirmation)."""

from __future__ import annotations

import httpx
from telegram import InlineKeyboardMarkup, Update
from telegram.constants import MessageLimit, ParseMode
from telegram.error import BadRequest

from bot.errors import DomainError
from bot.models import Feed
from bot.services import calls
from bot.services.feeds import FeedOptions, add_feed, parse_add, poll_now, remove_feed
from bot.services.feeds.notices import staff_notifier
from bot.texts import t
from handlers.core.common import Context, reply, send, services, user_session
from handlers.feeds.actions import FeedAction
from handlers.feeds.add import start_feed_add
from handlers.feeds.view import outcome_text, render_list

ADD_WORDS = ("add", "lägg", "ny", "new")
LIST_WORDS = ("list", "lista", "help", "hjälp")
STEP_BY_STEP = ("", "till", "ett", "flöde", "till ett flöde")  # "/feeds lägg till" and the like


async def feeds_command(update: Update, context: Context) -> None:
    """List feeds; `/feeds add` asks step by step, `/feeds add URL nyheter med: …` adds at once."""
    svc = services(context)
    message = update.effective_message
    assert message is not None
    words = (message.text or "").split(maxsplit=2)
    sub = words[1].lower() if len(words) > 1 else "list"
    rest = words[2] if len(words) > 2 else ""
    if sub in ADD_WORDS and " ".join(rest.lower().split()) in STEP_BY_STEP:
        await start_feed_add(update, context)
        return
    async with user_session(update, context) as (session, user):
        lang = user.language
        added = ""
        if sub in ADD_WORDS:
            request = parse_add(rest)
            minutes = request.interval_minutes or svc.settings.feed_interval_minutes
            feed = await add_feed(
                session,
                request.url,
                kind=request.kind,
                include=request.include,
                exclude=request.exclude,
                interval_seconds=minutes * 60,
                clock=svc.clock,
            )
            added = t("feeds_added", lang, feed_id=feed.id) + "\n\n"
        elif sub not in LIST_WORDS:
            raise DomainError("feeds_add_usage")
        text, keyboard = await render_list(session, svc.settings, lang)
    await reply(update, context, added + text, keyboard=keyboard)


async def _show(
    update: Update, context: Context, text: str, keyboard: InlineKeyboardMarkup | None
) -> None:
    """Redraw the list in place; a list too long for one message comes as a new one."""
    query = update.callback_query
    assert query is not None
    if len(text) > MessageLimit.MAX_TEXT_LENGTH or query.message is None:
        chat = update.effective_chat
        assert chat is not None
        await send(context, chat.id, text, keyboard=keyboard)
        return
    try:
        await query.edit_message_text(text, parse_mode=ParseMode.HTML, reply_markup=keyboard)
    except BadRequest as error:
        if "not modified" not in error.message.lower():  # a press with nothing new is fine
            raise


async def feed_action(update: Update, context: Context, action: FeedAction) -> str:
    """Poll now, ask to remove, remove, or keep; the role is checked on every press."""
    svc = services(context)
    number = action.feed_id
    if action.action == "add":
        await start_feed_add(update, context)
        return ""
    async with user_session(update, context) as (session, user):
        lang = user.language
        answer = ""
        if action.action == "remove":
            if await session.get(Feed, number) is None:
                raise DomainError("feeds_not_found", feed_id=number)
            answer = t("feeds_confirm_remove", lang)
        elif action.action == "confirm":
            await remove_feed(session, number)
            answer = t("feeds_removed", lang, feed_id=number)
        elif action.action == "keep":
            answer = t("feeds_kept", lang)
    heading = ""
    if action.action == "poll":
        # No session is open while the feed is fetched; the poll records in its own.
        async with httpx.AsyncClient() as client:
            outcome = await poll_now(
                svc.db,
                client,
                number,
                convert=calls.create_from_feed_item,
                clock=svc.clock,
                options=FeedOptions.from_settings(svc.settings),
                notify=staff_notifier(svc.settings, svc.clock),
            )
        answer = outcome_text(outcome, lang)
        heading = answer + "\n\n"
    confirming = number if action.action == "remove" else None
    async with svc.db.session() as session:
        text, keyboard = await render_list(session, svc.settings, lang, confirming=confirming)
    await _show(update, context, heading + text, keyboard)
    return answer
