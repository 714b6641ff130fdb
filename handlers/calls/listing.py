"""/calls: open funding calls by deadline; "Påminn mig"; staff withdraw a call from its card."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest

from bot.models import User
from bot.services import calls
from bot.texts import t
from bot.timeutil import Clock
from bot.views.calls import card_text, when
from handlers.calls.actions import CallRemind, CallWithdraw
from handlers.calls.cards import card_buttons
from handlers.core.common import Context, reply, services, user_session
from handlers.delivery.sender import keyboard

LIST_LENGTH = 8  # cards per /calls: a phone screen or two, nearest deadline first


async def open_call_cards(
    session: AsyncSession, user: User, *, clock: Clock, tz: ZoneInfo
) -> list[tuple[str, InlineKeyboardMarkup | None]]:
    """What /calls shows: a header, then one card per open call, nearest deadline first.

    Empty when no call is open.
    """
    now, lang = clock(), user.language
    found = await calls.open_calls(session, clock=clock, limit=LIST_LENGTH + 1)
    if not found:
        return []
    header = t("calls_header", lang)
    if len(found) > LIST_LENGTH:
        header = f"{header}\n{t('calls_more', lang, shown=LIST_LENGTH)}"
    cards = [
        (
            card_text(call, lang, now=now, tz=tz),
            keyboard(card_buttons(call, lang, now=now, staff=user.is_staff)),
        )
        for call in found[:LIST_LENGTH]
    ]
    return [(header, None), *cards]


async def calls_command(update: Update, context: Context) -> None:
    """One short card per open call, nearest deadline first; staff also get "Dra tillbaka"."""
    svc = services(context)
    async with user_session(update, context) as (session, user):
        lang = user.language
        messages = await open_call_cards(session, user, clock=svc.clock, tz=svc.settings.tz)
    if not messages:
        await reply(update, context, t("calls_none", lang))
        return
    for text, buttons in messages:
        await reply(update, context, text, keyboard=buttons)


async def remind_me(update: Update, context: Context, action: CallRemind) -> str:
    """Set the reminder and say in the chat when it comes; a second press says it is set."""
    svc = services(context)
    tz = svc.settings.tz
    async with user_session(update, context) as (session, user):
        lang = user.language
        reminder = await calls.remind(
            session,
            action.call_id,
            user.id,
            clock=svc.clock,
            days_before=svc.settings.call_reminder_days,
            tz=tz,
        )
        title = (await calls.get(session, action.call_id)).title
    at = when(reminder.remind_at, lang, tz)
    if not reminder.created:
        return t("call_remind_already", lang, when=at)
    deadline = when(reminder.deadline, lang, tz)
    soon = reminder.remind_at <= svc.clock()
    key = "call_remind_soon" if soon else "call_remind_set"
    await reply(update, context, t(key, lang, title=title, when=at, deadline=deadline))
    return t("call_remind_toast", lang)


def _confirm_keyboard(call_id: int, lang: str) -> InlineKeyboardMarkup:
    yes = CallWithdraw(call_id, "yes").encode()
    no = CallWithdraw(call_id, "no").encode()
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(t("call_button_withdraw_confirm", lang), callback_data=yes),
                InlineKeyboardButton(t("call_button_keep", lang), callback_data=no),
            ]
        ]
    )


async def withdraw_call(update: Update, context: Context, action: CallWithdraw) -> str:
    """Staff only: ask to confirm, then withdraw (the card says so) or keep the call."""
    svc = services(context)
    now = svc.clock()
    async with user_session(update, context) as (session, user):
        lang = user.language
        if action.step == "yes":
            call = await calls.withdraw(
                session, action.call_id, actor=user.telegram_id, clock=svc.clock
            )
        else:
            call = await calls.get(session, action.call_id)
        text = card_text(call, lang, now=now, tz=svc.settings.tz)
        buttons = keyboard(card_buttons(call, lang, now=now, staff=True))
    query = update.callback_query
    assert query is not None
    try:
        if action.step == "ask":
            await query.edit_message_reply_markup(_confirm_keyboard(action.call_id, lang))
        elif action.step == "no":
            await query.edit_message_reply_markup(buttons)
        else:
            withdrawn = f"{t('call_card_withdrawn', lang)}\n{text}"
            await query.edit_message_text(withdrawn, parse_mode=ParseMode.HTML)
    except BadRequest as error:
        if "not modified" not in error.message.lower():  # a double press changes nothing
            raise
    answers = {"ask": "call_withdraw_ask", "no": "call_withdraw_kept", "yes": "call_withdrawn"}
    return t(answers[action.step], lang)
