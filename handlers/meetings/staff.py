"""Staff controls under a meeting card: attendee CSV, announce, edit, move and cancel.

Edit and move ask for the new value as text (awaited steps, /cancel leaves); cancelling
asks for a second press. The role is checked on the server for every press and answer.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from telegram import Message, Update

from bot.errors import DomainError
from bot.services import meetings
from bot.services.delivery import schedule
from bot.services.meetings import MeetingOptions, shown
from bot.services.meetings.drafts import PLACE_MAX
from bot.texts import t
from bot.views.meetings import when_text
from handlers.core.common import (
    Context,
    ask_confirmation,
    awaiting,
    reply,
    services,
    set_awaiting,
    user_session,
)
from handlers.core.staff_guard import staff_language, staff_steps
from handlers.delivery.sender import keyboard
from handlers.meetings.actions import MeetingStaff
from handlers.meetings.input import (
    check_capacity,
    check_link,
    is_skip,
    parse_end,
)
from handlers.meetings.keyboards import EDIT_FIELDS, confirm_cancel_buttons, edit_buttons
from handlers.meetings.redraw import redraw_cards
from handlers.meetings.shown import note_card
from handlers.meetings.view import card_for, edit_card, send_attendees

ME_VALUE = "me_value"
MM_START = "mm_start"
MM_END = "mm_end"
STAFF_STEPS = staff_steps(ME_VALUE, MM_START, MM_END)


async def _summary(context: Context, meeting_id: int, lang: str) -> dict[str, str]:
    svc = services(context)
    async with svc.db.session() as session:
        meeting = await meetings.get(session, meeting_id)
        when = when_text(meeting.starts_at, meeting.ends_at, lang, svc.settings.tz, now=svc.clock())
        return {"title": meeting.title, "when": when}


async def meeting_staff_action(update: Update, context: Context, action: MeetingStaff) -> str:
    """One staff button: answer at once, or ask for what comes next."""
    lang = await staff_language(update, context)
    number, choice = action.meeting_id, action.action
    if choice == "csv":
        await send_attendees(update, context, number)
    elif choice == "announce":
        return await _announce(update, context, number, lang)
    elif choice == "cancel":
        about = await _summary(context, number, lang)
        markup = keyboard(confirm_cancel_buttons(number, lang))
        text = t("mtg_cancel_confirm", lang, **about)
        await ask_confirmation(update, context, text, keyboard=markup)
    elif choice == "confirm":
        return await _cancel(update, context, number, lang)
    elif choice == "keep":
        await edit_card(update, t("mtg_cancel_kept", lang), None)
    elif choice == "edit":
        about = await _summary(context, number, lang)
        markup = keyboard(edit_buttons(number, lang))
        await reply(update, context, t("mtg_edit_choose", lang, **about), keyboard=markup)
    elif choice in EDIT_FIELDS:
        await _must_exist(context, number)
        set_awaiting(context, ME_VALUE, meeting_id=number, field=choice)
        await reply(update, context, t(f"mtg_edit_ask_{choice}", lang))
    elif choice == "move":
        about = await _summary(context, number, lang)
        set_awaiting(context, MM_START, meeting_id=number)
        await reply(update, context, t("mtg_move_ask_start", lang, **about))
    return ""


async def _must_exist(context: Context, meeting_id: int) -> None:
    """DomainError("meeting_not_found") before asking about a meeting that is gone."""
    async with services(context).db.session() as session:
        await meetings.get(session, meeting_id)


async def _announce(update: Update, context: Context, meeting_id: int, lang: str) -> str:
    svc = services(context)
    async with user_session(update, context) as (session, user):
        await meetings.announce(
            session, meeting_id, actor=user.telegram_id, clock=svc.clock, tz=svc.settings.tz
        )
        meeting = await meetings.get(session, meeting_id)
        text, markup = await card_for(session, meeting, user, tz=svc.settings.tz, now=svc.clock())
    await edit_card(update, text, markup)
    return t("mtg_announced", lang)


async def _cancel(update: Update, context: Context, meeting_id: int, lang: str) -> str:
    svc = services(context)
    async with user_session(update, context) as (session, user):
        meeting = await meetings.cancel(
            session, meeting_id, actor=user.telegram_id, clock=svc.clock, tz=svc.settings.tz
        )
        done = t("mtg_cancel_done", lang, title=meeting.title)
        answered = await shown.answered(session, meeting_id)
    await edit_card(update, done, None)
    # Every card that still offers "Jag kommer" now says the meeting is cancelled.
    query = update.callback_query
    pressed = query.message if query is not None and isinstance(query.message, Message) else None
    await redraw_cards(context, meeting_id, answered, skip=pressed)
    return ""


def _edit_value(field: str, text: str, *, now: datetime, context: Context) -> dict[str, Any]:
    """The keyword argument of meetings.edit for one typed value ("-" clears)."""
    cleared = is_skip(text)
    value = text.strip()
    if field == "place":
        if not cleared and len(value) > PLACE_MAX:
            raise DomainError("meeting_place_too_long", limit=PLACE_MAX)
        return {"place": None if cleared else value}
    if field == "link":
        return {"online_url": None if cleared else check_link(value)}
    if field == "description":
        return {"description": "" if cleared else value}
    if field == "capacity":
        return {"capacity": check_capacity(value)}
    tz = services(context).settings.tz
    return {"signup_deadline": None if cleared else schedule.parse_local(value, now=now, tz=tz)}


async def on_meeting_staff_text(update: Update, context: Context, text: str) -> None:
    """The new value of a field, or the new start or end of a move."""
    lang = await staff_language(update, context)
    step = awaiting(context) or {}
    svc = services(context)
    now = svc.clock()
    number = int(step["meeting_id"])
    if step.get("step") == MM_START:
        starts_at = schedule.parse_local(text, now=now, tz=svc.settings.tz)
        set_awaiting(context, MM_END, meeting_id=number, starts_at=starts_at.isoformat())
        await reply(update, context, t("mtg_new_ask_end", lang))
        return
    options = MeetingOptions.from_settings(svc.settings)
    promoted: list[int] = []
    async with user_session(update, context) as (session, user):
        user_id = user.id
        if step.get("step") == MM_END:
            starts_at = datetime.fromisoformat(step["starts_at"])
            ends_at = parse_end(text, starts_at, now=now, tz=svc.settings.tz)
            if ends_at <= starts_at:
                raise DomainError(
                    "mtg_end_invalid", start=schedule.show(starts_at, svc.settings.tz)
                )
            meeting = await meetings.move(
                session,
                number,
                starts_at=starts_at,
                ends_at=ends_at,
                actor=user.telegram_id,
                clock=svc.clock,
                options=options,
            )
            when = when_text(meeting.starts_at, meeting.ends_at, lang, svc.settings.tz, now=now)
            done = t("mtg_move_done", lang, when=when)
        else:
            changes = _edit_value(step.get("field", ""), text, now=now, context=context)
            result = await meetings.edit(
                session, number, actor=user.telegram_id, clock=svc.clock, options=options, **changes
            )
            meeting = result.meeting
            lines = [t("mtg_edit_saved", lang)]
            if result.notified:
                lines.append(t("mtg_edit_notified", lang))
            if result.promoted_user_ids:
                lines.append(t("mtg_edit_promoted", lang, count=len(result.promoted_user_ids)))
            promoted = result.promoted_user_ids
            done = " ".join(lines)
        card, markup = await card_for(session, meeting, user, tz=svc.settings.tz, now=now)
    set_awaiting(context, None)
    await reply(update, context, done)
    note_card(context, number, await reply(update, context, card, keyboard=markup), user_id)
    # The seats or the time changed: the promoted people's, the waiting list's and staff's cards.
    await redraw_cards(context, number, promoted)
