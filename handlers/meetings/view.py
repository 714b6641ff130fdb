"""/meetings (upcoming meetings as cards with the reader's own answer) and /attendees (CSV)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest

from bot.ids import parse_id
from bot.models import Meeting, User
from bot.services import audit, meetings
from bot.texts import t
from bot.views.meetings import Facts, card_text
from handlers.core.common import Context, reply, services, user_session
from handlers.core.documents import send_csv
from handlers.core.staff_guard import staff_language
from handlers.delivery.sender import keyboard
from handlers.meetings.keyboards import card_buttons, staff_buttons
from handlers.meetings.shown import note_card

LIST_LENGTH = 10
CSV_MIME = "text/csv"


async def card_for(
    session: AsyncSession, meeting: Meeting, user: User, *, tz: ZoneInfo, now: datetime
) -> tuple[str, InlineKeyboardMarkup | None]:
    """The card as this reader sees it now; staff also get the counts and their controls."""
    status = await meetings.status_of(session, meeting.id, user.id)
    counts = (await meetings.counts(session, [meeting.id]))[meeting.id]
    facts = Facts.of(meeting)
    lang = user.language
    text = card_text(facts, lang, tz, now=now, status=status, counts=counts, staff=user.is_staff)
    buttons = () if facts.cancelled else card_buttons(meeting.id, lang, status)
    if user.is_staff:
        buttons = (*buttons, *staff_buttons(facts, lang))
    return text, keyboard(buttons)


async def edit_card(update: Update, text: str, markup: InlineKeyboardMarkup | None) -> None:
    """Redraw the card the button was pressed on; an unchanged or vanished card is left be."""
    query = update.callback_query
    assert query is not None
    try:
        await query.edit_message_text(text, parse_mode=ParseMode.HTML, reply_markup=markup)
    except BadRequest as error:
        if "not modified" not in error.message.lower() and "not found" not in error.message.lower():
            raise


async def meetings_command(update: Update, context: Context) -> None:
    """Each upcoming meeting as its own card, so its buttons work like the announcement's."""
    svc = services(context)
    now = svc.clock()
    cards: list[tuple[int, str, InlineKeyboardMarkup | None]] = []
    async with user_session(update, context) as (session, user):
        lang, user_id = user.language, user.id
        for meeting in await meetings.upcoming(session, clock=svc.clock, limit=LIST_LENGTH):
            text, markup = await card_for(session, meeting, user, tz=svc.settings.tz, now=now)
            cards.append((meeting.id, text, markup))
    if not cards:
        await reply(update, context, t("mtg_list_none", lang))
        return
    await reply(update, context, t("mtg_list_header", lang))
    for meeting_id, text, markup in cards:
        message = await reply(update, context, text, keyboard=markup)
        note_card(context, meeting_id, message, user_id)


async def send_attendees(update: Update, context: Context, meeting_id: int) -> None:
    """The attendee list of one meeting as a CSV document (callers are staff-guarded)."""
    svc = services(context)
    async with user_session(update, context) as (session, user):
        lang = user.language
        meeting = await meetings.get(session, meeting_id)
        title = meeting.title
        data = await meetings.attendees_csv(session, meeting_id, tz=svc.settings.tz, lang=lang)
        await audit.record(
            session,
            actor_telegram_id=user.telegram_id,
            action="export_attendees",
            detail=f"meeting {meeting_id}",
            clock=svc.clock,
        )
    caption = t("mtg_attendees_caption", lang, title=title)
    await send_csv(update, context, data, filename=f"deltagare-{meeting_id}.csv", caption=caption)


async def attendees_command(update: Update, context: Context) -> None:
    """/attendees <id>: the CSV; without a valid number, how to ask."""
    args = context.args or []
    meeting_id = parse_id(args[0]) if len(args) == 1 else None
    if meeting_id is None:
        lang = await staff_language(update, context)
        await reply(update, context, t("mtg_attendees_usage", lang))
        return
    await send_attendees(update, context, meeting_id)
