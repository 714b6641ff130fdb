"""Answering a poll: one tap on an option, a comment, or the card opened from the digest."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update

from bot.errors import DomainError
from bot.models import User
from bot.services import polls
from bot.services.delivery import Personal
from bot.services.polls import MyVote
from bot.texts import t
from bot.views.polls import is_over
from handlers.core.common import Context, awaiting, reply, services, set_awaiting, user_session
from handlers.delivery.sender import keyboard
from handlers.meetings.view import edit_card
from handlers.polls.actions import PollChoose, PollComment, PollOpen
from handlers.polls.render import personal

PC_COMMENT = "poll_comment"
ANSWER_STEPS = (PC_COMMENT,)
# Refusals that end the comment step; anything else (too long) asks again.
COMMENT_FINAL = ("poll_closed", "poll_comment_not_allowed", "poll_not_found")


async def _card(
    session: AsyncSession, context: Context, poll_id: int, user: User, mine: MyVote | None
) -> Personal:
    """The card as this reader sees it now (their answer looked up unless given)."""
    svc = services(context)
    poll = await polls.get(session, poll_id)
    if mine is None:
        key = await polls.poll_key(session, svc.settings.poll_key)
        mine = await polls.my_choice(session, poll, user.id, key=key)
    return personal(poll, user.language, svc.settings.tz, now=svc.clock(), mine=mine)


async def choose_option(update: Update, context: Context, action: PollChoose) -> str:
    """Record the tap, redraw the card with the reader's answer; after closing, say so politely."""
    svc = services(context)
    async with user_session(update, context) as (session, user):
        lang = user.language
        key = await polls.poll_key(session, svc.settings.poll_key)
        mine: MyVote | None
        try:
            mine = await polls.choose(
                session, action.poll_id, user.id, action.option_id, key=key, clock=svc.clock
            )
        except DomainError as error:
            if error.key != "poll_closed":
                raise
            mine, toast = None, t(error.key, lang, **error.params)
        else:
            chosen = action.option_id in mine.option_ids
            toast = t("poll_toast_saved" if chosen else "poll_toast_removed", lang)
        card = await _card(session, context, action.poll_id, user, mine)
    await edit_card(update, card.text_html, keyboard(card.buttons))
    return toast


async def ask_comment(update: Update, context: Context, action: PollComment) -> str:
    """ "Kommentera": ask for the comment as the next message (refused once closed)."""
    svc = services(context)
    async with user_session(update, context) as (session, user):
        lang = user.language
        poll = await polls.get(session, action.poll_id)
        if is_over(poll, svc.clock()):
            raise DomainError("poll_closed", question=poll.question)
        if not poll.allow_comment:
            raise DomainError("poll_comment_not_allowed")
    set_awaiting(context, PC_COMMENT, poll_id=action.poll_id)
    await reply(update, context, t("poll_comment_ask", lang))
    return t("poll_comment_button_answer", lang)


async def on_comment_text(update: Update, context: Context, text: str) -> None:
    """The comment itself: saved, and the reader thanked; too long is asked again."""
    svc = services(context)
    poll_id = int((awaiting(context) or {}).get("poll_id", 0))
    try:
        async with user_session(update, context) as (session, user):
            lang = user.language
            key = await polls.poll_key(session, svc.settings.poll_key)
            await polls.comment(session, poll_id, user.id, text, key=key, clock=svc.clock)
    except DomainError as error:
        if error.key in COMMENT_FINAL:
            set_awaiting(context, None)
        raise
    set_awaiting(context, None)
    await reply(update, context, t("poll_comment_saved", lang))


async def open_poll(update: Update, context: Context, action: PollOpen) -> str:
    """ "Svara" in the digest: the poll's card as a new message, so the digest stays."""
    async with user_session(update, context) as (session, user):
        card = await _card(session, context, action.poll_id, user, None)
    await reply(update, context, card.text_html, keyboard=keyboard(card.buttons))
    return ""
