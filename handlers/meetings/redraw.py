"""Redrawing the meeting cards an answer changed: the promoted person's "väntelistan, plats 1",
the places of those still waiting, and the seats staff see.

A card's message is known from its delivery (the announcement) or, for cards shown in reply
to /meetings or a press, from handlers.meetings.shown.
"""

from __future__ import annotations

import logging
from collections.abc import Collection

from telegram import InlineKeyboardMarkup, Message
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden

from bot.models import User
from bot.services import meetings
from bot.services.meetings import shown
from bot.services.meetings.shown import ShownCard
from handlers.core.common import Context, services
from handlers.meetings.shown import shown_in_chats
from handlers.meetings.view import card_for

log = logging.getLogger(__name__)


async def redraw_cards(
    context: Context,
    meeting_id: int,
    user_ids: Collection[int],
    *,
    skip: Message | None = None,
) -> None:
    """Redraw every known card of this meeting that these users, the waiting list or staff see.

    skip is the card just redrawn by the press itself.
    """
    svc = services(context)
    remembered = shown_in_chats(context, meeting_id)
    drawn: list[tuple[ShownCard, str, InlineKeyboardMarkup | None]] = []
    async with svc.db.session() as session:
        meeting = await meetings.get(session, meeting_id)
        concerned = await shown.concerned(session, meeting_id, user_ids)
        cards = await shown.delivered_cards(session, meeting_id, concerned)
        cards += [
            ShownCard(user_id, chat_id, message_id)
            for (chat_id, message_id), user_id in remembered.items()
            if user_id in concerned
        ]
        now = svc.clock()
        for card in cards:
            if skip is not None and (card.chat_id, card.message_id) == (
                skip.chat_id,
                skip.message_id,
            ):
                continue
            user = await session.get(User, card.user_id)
            if user is None:
                continue
            text, markup = await card_for(session, meeting, user, tz=svc.settings.tz, now=now)
            drawn.append((card, text, markup))
    for card, text, markup in drawn:
        try:
            await context.bot.edit_message_text(
                text,
                chat_id=card.chat_id,
                message_id=card.message_id,
                parse_mode=ParseMode.HTML,
                reply_markup=markup,
            )
        except (BadRequest, Forbidden) as error:
            # Unchanged, deleted, too old to edit, or the person blocked the bot: leave it be.
            log.debug("card %s not redrawn: %s", card, error)
