"""Messages rendered for each recipient at send time: the Personaliser protocol."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.delivery.sending import Buttons

# The recipient id a personaliser gets for a chat that is no user's (the staff group, which
# staff notices reach): users.id is never 0, and such a chat reads the staff language.
NO_USER = 0


@dataclass(frozen=True)
class Personal:
    """One recipient's message: text (Telegram HTML) and buttons; ``photo`` (PNG bytes, e.g.
    a poll's chart) follows the text as part of the same delivery."""

    text_html: str
    buttons: Buttons = ()
    photo: bytes | None = None


class Personaliser(Protocol):
    """Renders a campaign's subject (e.g. "meeting:12") for each of its recipients.

    A user missing from the answer, or mapped to None, gets nothing: the message is no
    longer relevant (a reminder of a meeting that was cancelled or moved, say) and the
    delivery is skipped with that reason. ``NO_USER`` stands for a chat that is no user's.
    """

    async def personalise(
        self, session: AsyncSession, subject: str, user_ids: Sequence[int], *, now: datetime
    ) -> dict[int, Personal | None]:
        """The message for each of these users (users.id)."""
        ...
