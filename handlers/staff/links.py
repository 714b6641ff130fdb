"""Staff approval of organisation links: the request message and the approve/deny buttons."""

from __future__ import annotations

import logging

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update
from telegram.error import Forbidden

from bot.models import Organisation, User
from bot.services import handover, organisations, users
from bot.texts import t
from handlers.core.common import STAFF_LANGUAGE, Context, Outgoing, send, services, user_session
from handlers.staff import keyboards
from handlers.staff.actions import DecideLink

log = logging.getLogger(__name__)


async def link_request_notices(
    session: AsyncSession, context: Context, user: User, org: Organisation
) -> list[Outgoing]:
    """The approve/deny requests for the staff chat (or every admin), sent after commit."""
    settings = services(context).settings
    destinations = await handover.staff_destinations(
        session, staff_chat_id=settings.staff_chat_id, admins=settings.admins
    )
    text = t(
        "staff_link_request",
        STAFF_LANGUAGE,
        name=user.display_name,
        username=f" (@{user.username})" if user.username else "",
        org=org.name,
    )
    keyboard = keyboards.link_decision(user.id, org.id, STAFF_LANGUAGE)
    return [Outgoing(chat_id, text, keyboard) for chat_id in destinations]


async def decide_link(update: Update, context: Context, action: DecideLink) -> None:
    """A staff member approves or denies a link; the role is checked on the server."""
    async with user_session(update, context) as (session, staff):
        member = await users.decide_link(
            session,
            user_id=action.user_id,
            org_id=action.org_id,
            approve=action.approve,
            decided_by=staff,
        )
        org = await organisations.get(session, action.org_id)
        member_chat, member_lang = member.telegram_id, member.language
    key = "staff_link_approved" if action.approve else "staff_link_denied"
    outcome = t(
        key, STAFF_LANGUAGE, name=member.display_name, org=org.name, staff=staff.display_name
    )
    query = update.callback_query
    if query is not None and query.message is not None:
        await query.edit_message_text(outcome)
    user_key = "link_approved_user" if action.approve else "link_denied_user"
    try:
        await send(context, member_chat, t(user_key, member_lang, org=org.name))
    except Forbidden:
        log.info("user %s blocked the bot before hearing of the link decision", member.id)
