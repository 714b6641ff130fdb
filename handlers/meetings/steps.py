"""Where the meeting features meet the text router: typed text while creating or editing a meeting."""

from __future__ import annotations

from telegram import Update

from handlers.core.common import Context, awaiting
from handlers.meetings.new import NEW_STEPS, on_new_meeting_text
from handlers.meetings.staff import on_meeting_staff_text


async def on_meeting_text(update: Update, context: Context, text: str) -> None:
    """Text while creating a meeting, or while editing or moving one."""
    if (awaiting(context) or {}).get("step") in NEW_STEPS:
        await on_new_meeting_text(update, context, text)
    else:
        await on_meeting_staff_text(update, context, text)
