"""/digest, an edition from staff: "Skicka en utgåva nu" or "Schemalägg specialutgåva".

Steps: (for a special edition) the date and time → an optional greeting → a preview as the
staff member would get it → "Skicka"/"Schemalägg" or "Avbryt". Bad input is explained and
the step asked again; /cancel leaves at any step.
"""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.errors import DomainError
from bot.models import DigestEdition, EditionKind, Topic
from bot.services.delivery import audience
from bot.services.delivery.schedule import parse_local, show
from bot.services.digest import editions
from bot.texts import t
from handlers.core.callbacks import DRAFT_TOKEN_LENGTH
from handlers.core.common import Context, ask, awaiting, reply, services, set_awaiting, user_session
from handlers.core.staff_guard import staff_language, staff_steps
from handlers.core.step_keyboards import mark_choice
from handlers.digest.actions import DigestDraft
from handlers.digest.preview import personal_for, show_digest

DG_WHEN = "dg_when"
DG_NOTE = "dg_note"
DG_CONFIRM = "dg_confirm"
DIGEST_TEXT_STEPS = staff_steps(DG_WHEN, DG_NOTE, DG_CONFIRM)


def _button(text: str, action: DigestDraft) -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=action.encode())


async def _ask_note(update: Update, context: Context, data: dict[str, Any], lang: str) -> None:
    set_awaiting(context, DG_NOTE, **data)
    skip = _button(t("dchat_button_no_note", lang), DigestDraft(data["draft"], "nonote"))
    await ask(update, context, t("dchat_ask_note", lang), keyboard=InlineKeyboardMarkup([[skip]]))


async def start(update: Update, context: Context, lang: str, *, special: bool) -> None:
    """Begin a new edition draft; an unfinished one is forgotten."""
    data = {"draft": secrets.token_hex(DRAFT_TOKEN_LENGTH // 2), "at": None}
    if special:
        set_awaiting(context, DG_WHEN, **data)
        await reply(update, context, t("dchat_ask_when", lang))
    else:
        await _ask_note(update, context, data, lang)


async def on_digest_text(update: Update, context: Context, text: str) -> None:
    """The answer to the current step; a bad one is explained and asked again."""
    lang = await staff_language(update, context)
    svc = services(context)
    data = dict(awaiting(context) or {})
    step = data.pop("step")
    try:
        if step == DG_WHEN:
            at = parse_local(text, now=svc.clock(), tz=svc.settings.tz)
            await _ask_note(update, context, {**data, "at": at.isoformat()}, lang)
        elif step == DG_NOTE:
            await _confirm(update, context, {**data, "note": editions.check_note(text)}, lang)
        else:
            await reply(update, context, t("dchat_use_buttons", lang))
    except DomainError as error:
        problem = t(error.key, lang, **error.params)
        again = t("dchat_ask_when" if step == DG_WHEN else "dchat_ask_note", lang)
        await reply(update, context, f"{problem}\n\n{again}")


def _edition(data: dict[str, Any], now: datetime) -> DigestEdition:
    """The edition as it would be created (not stored), for the preview."""
    moment = datetime.fromisoformat(data["at"]) if data.get("at") else now
    return DigestEdition(
        kind=EditionKind.SPECIAL, scheduled_for=moment, window_end=moment, note=data["note"]
    )


async def _confirm(update: Update, context: Context, data: dict[str, Any], lang: str) -> None:
    """Show the edition as the staff member would get it, then ask to send or schedule it."""
    svc = services(context)
    tz = svc.settings.tz
    set_awaiting(context, DG_CONFIRM, **data)
    async with user_session(update, context) as (session, user):
        edition = _edition(data, svc.clock())
        personal = await personal_for(
            session, edition, user.id, now=svc.clock(), tz=tz, poll_key=svc.settings.poll_key
        )
        default = await editions.get_default_frequency(session)
        spec = editions.audience_for(EditionKind.SPECIAL, default)
        count = await audience.count(session, spec, Topic.DIGEST)
    if personal is None:
        await reply(update, context, t("dchat_draft_empty", lang))
    else:
        await reply(update, context, t("dchat_draft_preview", lang))
        await show_digest(update, context, personal)
    draft = data["draft"]
    if data.get("at"):
        when = show(datetime.fromisoformat(data["at"]), tz)
        question = t("dchat_confirm_special", lang, when=when, count=count)
        go = _button(t("dchat_button_schedule", lang), DigestDraft(draft, "send"))
    else:
        question = t("dchat_confirm_now", lang, count=count)
        go = _button(t("dchat_button_send", lang), DigestDraft(draft, "send"))
    stop = _button(t("dchat_button_cancel", lang), DigestDraft(draft, "cancel"))
    await ask(update, context, question, keyboard=InlineKeyboardMarkup([[go, stop]]))


async def draft_action(update: Update, context: Context, action: DigestDraft) -> str:
    """No greeting, send (or schedule) the previewed edition, or drop the draft."""
    lang = await staff_language(update, context)
    data = dict(awaiting(context) or {})
    step = data.pop("step", None)
    wanted = {"nonote": (DG_NOTE,), "send": (DG_CONFIRM,), "cancel": DIGEST_TEXT_STEPS}
    if data.get("draft") != action.draft or step not in wanted[action.choice]:
        raise DomainError("dchat_draft_stale")
    await mark_choice(update, context)
    if action.choice == "nonote":
        await _confirm(update, context, {**data, "note": ""}, lang)
    elif action.choice == "cancel":
        set_awaiting(context, None)
        await reply(update, context, t("dchat_dropped", lang))
    else:
        await _create(update, context, data, lang)
    return ""


async def _create(update: Update, context: Context, data: dict[str, Any], lang: str) -> None:
    svc = services(context)
    tz = svc.settings.tz
    set_awaiting(context, None)  # first: a second press on "Skicka" finds the draft gone
    async with user_session(update, context) as (session, user):
        if data.get("at"):
            edition = await editions.schedule_special(
                session,
                at=datetime.fromisoformat(data["at"]),
                note=data["note"],
                created_by=user.telegram_id,
                clock=svc.clock,
                tz=tz,
            )
        else:
            edition = await editions.send_now(
                session, note=data["note"], created_by=user.telegram_id, clock=svc.clock, tz=tz
            )
        number, when = edition.id, show(edition.scheduled_for, tz)
    if data.get("at"):
        await reply(update, context, t("dchat_scheduled", lang, edition_id=number, when=when))
    else:
        await reply(update, context, t("dchat_sent_now", lang, edition_id=number))
