""" "Jag kommer" / "Kan inte" / "Lägg i kalender" on a meeting card."""

from __future__ import annotations

from telegram import InputFile, Message, Update
from telegram.constants import ParseMode

from bot.errors import DomainError
from bot.models import AttendanceStatus
from bot.services import meetings
from bot.services.meetings import AnswerResult, MeetingOptions
from bot.services.meetings.capacity import tell_staff_of_capacity
from bot.services.staff_notices import StaffChats
from bot.texts import t
from handlers.core.common import Context, reply, services, user_session
from handlers.digest.actions import DigestSettings
from handlers.meetings.actions import MeetingAnswer, MeetingCalendar
from handlers.meetings.redraw import redraw_cards
from handlers.meetings.shown import note_card
from handlers.meetings.view import card_for, edit_card


def _toast(result: AnswerResult, lang: str) -> str:
    if result.status == AttendanceStatus.GOING:
        return t("mtg_answer_going", lang)
    if result.status == AttendanceStatus.WAITING:
        return t("mtg_answer_waiting", lang, position=result.position or 1)
    return t("mtg_answer_declined", lang)


async def answer_meeting(update: Update, context: Context, action: MeetingAnswer) -> str:
    """Record the answer, redraw the card with it, and tell staff when seats run low
    (a notice in the outbox, recorded with the answer).

    A refusal (sign-up closed, cancelled, started) still redraws the card, which then
    shows why, and the short answer says it in words.
    """
    svc = services(context)
    options = MeetingOptions.from_settings(svc.settings)
    async with user_session(update, context) as (session, user):
        lang, user_id = user.language, user.id
        try:
            result: AnswerResult | None = await meetings.answer(
                session,
                action.meeting_id,
                user.id,
                going=action.going,
                clock=svc.clock,
                options=options,
            )
        except DomainError as error:
            if error.key == "meeting_not_found":
                raise
            result, toast = None, t(error.key, lang, **error.params)
        meeting = await meetings.get(session, action.meeting_id)
        text, markup = await card_for(session, meeting, user, tz=svc.settings.tz, now=svc.clock())
        if result is not None:
            toast = _toast(result, lang)
            if result.capacity_alert is not None:
                await tell_staff_of_capacity(
                    session,
                    meeting,
                    result.capacity_alert,
                    chats=StaffChats(svc.settings.staff_chat_id, svc.settings.admins),
                    clock=svc.clock,
                    tz=svc.settings.tz,
                )
    query = update.callback_query
    pressed = query.message if query is not None and isinstance(query.message, Message) else None
    if _pressed_in_digest(update) or pressed is None:
        # The digest holds more than this meeting: keep it, and show the card below it.
        note_card(
            context, action.meeting_id, await reply(update, context, text, keyboard=markup), user_id
        )
    else:
        await edit_card(update, text, markup)
    if result is not None and result.changed:
        # Seats, places in line and the promoted people's own cards changed with this answer.
        others = {user_id, *result.promoted_user_ids}
        await redraw_cards(context, action.meeting_id, others, skip=pressed)
    return toast


def _pressed_in_digest(update: Update) -> bool:
    """Whether the button sits on a newsletter digest (which always has its settings button)."""
    query = update.callback_query
    message = query.message if query is not None else None
    markup = getattr(message, "reply_markup", None)
    if markup is None:
        return False
    marker = DigestSettings().encode()
    return any(b.callback_data == marker for row in markup.inline_keyboard for b in row)


async def send_calendar(update: Update, context: Context, action: MeetingCalendar) -> str:
    """Send the meeting as an .ics file that any calendar app can open."""
    async with user_session(update, context) as (session, user):
        lang = user.language
        meeting = await meetings.get(session, action.meeting_id)
        data, name = meetings.calendar_file(meeting), meetings.calendar_filename(meeting)
        title = meeting.title
    chat = update.effective_chat
    assert chat is not None
    await context.bot.send_document(
        chat.id,
        InputFile(data, filename=name),
        caption=t("mtg_calendar_caption", lang, title=title),
        parse_mode=ParseMode.HTML,
    )
    return t("mtg_calendar_sent", lang)
