"""The meeting cards shown in reply to /meetings or a press, remembered to redraw them.

Only this process remembers them (a restart forgets them; the delivered announcement cards
are known from their deliveries, and any older card is redrawn when it is pressed).
"""

from __future__ import annotations

from telegram import Message

from handlers.core.common import Context

SHOWN = "meeting_cards"  # bot_data: meeting id -> {(chat id, message id): users.id}
KEPT_PER_MEETING = 1000  # beyond this, the oldest shown cards are forgotten first


def _shown(context: Context) -> dict[int, dict[tuple[int, int], int]]:
    found: dict[int, dict[tuple[int, int], int]] = context.bot_data.setdefault(SHOWN, {})
    return found


def note_card(context: Context, meeting_id: int, message: Message, user_id: int) -> None:
    """Remember a card just shown in a chat (user_id: whose card, users.id)."""
    cards = _shown(context).setdefault(meeting_id, {})
    cards[(message.chat_id, message.message_id)] = user_id
    while len(cards) > KEPT_PER_MEETING:
        del cards[next(iter(cards))]


def shown_in_chats(context: Context, meeting_id: int) -> dict[tuple[int, int], int]:
    """The cards of this meeting shown in chats: (chat id, message id) -> users.id."""
    return dict(_shown(context).get(meeting_id, {}))
