"""/nominations (staff): the current or latest round with its count, CSV export, closing,
and opening a round with `/nominations open <title>; <from>; <to>`.
"""

from __future__ import annotations

from telegram import Update

from bot.errors import DomainError
from bot.models import NominationRound, RoundStatus, Topic
from bot.services import nominations
from bot.services.delivery import Button, Buttons, audience
from bot.texts import t
from bot.views.meetings import moment_text
from handlers.core.common import (
    Context,
    ask_confirmation,
    reply,
    services,
    user_session,
)
from handlers.core.documents import send_csv
from handlers.core.staff_guard import staff_language
from handlers.delivery.sender import keyboard
from handlers.meetings.view import edit_card
from handlers.nominations.actions import NominationStaff

OPEN_WORDS = ("open", "öppna")


def _button(round_id: int, action: str, key: str, lang: str) -> Button:
    return Button(t(key, lang), callback=NominationStaff(round_id, action).encode())


def _summary(found: NominationRound, count: int, lang: str, context: Context) -> str:
    svc = services(context)
    tz, now = svc.settings.tz, svc.clock()
    key = "nomination_staff_open" if found.status == RoundStatus.OPEN else "nomination_staff_closed"
    return t(
        key,
        lang,
        title=found.title,
        round_id=found.id,
        opens=moment_text(found.opens_at, lang, tz, now=now),
        closes=moment_text(
            min(found.closed_at or found.closes_at, found.closes_at), lang, tz, now=now
        ),
        count=count,
    )


async def _show(update: Update, context: Context, lang: str) -> None:
    """The open round, else the latest one, with its buttons; how to open a new one."""
    svc = services(context)
    buttons: Buttons = ()
    async with svc.db.session() as session:
        found = await nominations.current_round(session, clock=svc.clock)
        found = found or await nominations.latest_round(session)
        if found is None:
            text = t("nomination_staff_none", lang)
        else:
            text = _summary(found, await nominations.count(session, found.id), lang, context)
            buttons = ((_button(found.id, "csv", "nomination_button_csv", lang),),)
            if found.status == RoundStatus.OPEN:
                buttons += ((_button(found.id, "close", "nomination_button_close", lang),),)
            else:
                text += "\n\n" + t("nomination_staff_how_to_open", lang)
    await reply(update, context, text, keyboard=keyboard(buttons))


async def _open(update: Update, context: Context, arguments: str, lang: str) -> None:
    """Open a round from "title; from; to" and say when and to how many it is announced."""
    svc = services(context)
    parts = [part.strip() for part in arguments.split(";")]
    if len(parts) != 3 or not all(parts):
        await reply(update, context, t("nomination_staff_open_usage", lang))
        return
    title, opens_text, closes_text = parts
    tz, now = svc.settings.tz, svc.clock()
    try:
        opens_at, closes_at = nominations.parse_period(opens_text, closes_text, now=now, tz=tz)
        async with user_session(update, context) as (session, user):
            found = await nominations.open_round(
                session,
                title=title,
                opens_at=opens_at,
                closes_at=closes_at,
                created_by=user.telegram_id,
                clock=svc.clock,
                tz=tz,
            )
            reached = await audience.count(session, "all", Topic.ANNOUNCEMENTS)
            text = t(
                "nomination_staff_opened",
                lang,
                title=found.title,
                round_id=found.id,
                opens=moment_text(found.opens_at, lang, tz, now=now),
                closes=moment_text(found.closes_at, lang, tz, now=now),
                count=reached,
            )
    except DomainError as error:
        text = t(error.key, lang, **error.params) + "\n\n" + t("nomination_staff_open_usage", lang)
    await reply(update, context, text)


async def nominations_command(update: Update, context: Context) -> None:
    """/nominations, or /nominations open <title>; <from>; <to> (staff only)."""
    message = update.effective_message
    assert message is not None
    lang = await staff_language(update, context)
    rest = (message.text or "").partition(" ")[2].strip()
    if not rest:
        await _show(update, context, lang)
        return
    word, _, arguments = rest.partition(" ")
    if word.lower() not in OPEN_WORDS:
        await reply(update, context, t("nomination_staff_open_usage", lang))
        return
    await _open(update, context, arguments, lang)


async def _export(update: Update, context: Context, round_id: int) -> None:
    """The round's nominations as a CSV document (audited before it is sent)."""
    svc = services(context)
    async with user_session(update, context) as (session, user):
        lang = user.language
        found = await nominations.get_round(session, round_id)
        title = found.title
        data = await nominations.export_csv(
            session, round_id, tz=svc.settings.tz, actor=user.telegram_id, clock=svc.clock
        )
    caption = t("nomination_csv_caption", lang, title=title)
    await send_csv(update, context, data, filename=f"nomineringar-{round_id}.csv", caption=caption)


async def staff_action(update: Update, context: Context, action: NominationStaff) -> str:
    """Export, ask to close, close, or keep the round open; the role is checked every press."""
    lang = await staff_language(update, context)
    svc = services(context)
    number = action.round_id
    if action.action == "csv":
        await _export(update, context, number)
    elif action.action == "close":
        async with svc.db.session() as session:
            found = await nominations.get_round(session, number)
            title = found.title
        confirm = (
            (
                _button(number, "confirm", "nomination_button_confirm", lang),
                _button(number, "keep", "nomination_button_keep", lang),
            ),
        )
        text = t("nomination_close_confirm", lang, title=title)
        await ask_confirmation(update, context, text, keyboard=keyboard(confirm))
    elif action.action == "confirm":
        async with user_session(update, context) as (session, user):
            found = await nominations.close(
                session, number, actor=user.telegram_id, clock=svc.clock
            )
            count = await nominations.count(session, number)
            text = t("nomination_closed_now", lang, title=found.title, count=count)
        await edit_card(update, text, None)
    else:
        await edit_card(update, t("nomination_close_kept", lang), None)
    return ""
