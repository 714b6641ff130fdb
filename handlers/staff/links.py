"""Staff approval of organisation links: the approve/deny buttons of a link request
(the request itself is a staff notice, rendered by handlers.staff_requests)."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import Forbidden

from bot.services import organisations, users
from bot.texts import t
from handlers.core.common import STAFF_LANGUAGE, Context, send, user_session
from handlers.staff.actions import DecideLink

log = logging.getLogger(__name__)


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
