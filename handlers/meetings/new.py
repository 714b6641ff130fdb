"""/newmeeting: staff describe a meeting step by step, see the card, then create it.

Each answer is checked at once and a bad one is asked again (the error handler says what
is wrong; the step stays). /cancel leaves at any step, like every awaited answer.
"""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardMarkup, Update

from bot.errors import DomainError
from bot.services import meetings
from bot.services.delivery import Button, schedule
from bot.services.meetings import MeetingDraft, MeetingOptions
from bot.services.meetings.drafts import PLACE_MAX, TITLE_MAX
from bot.texts import t
from bot.views.meetings import Facts, card_text
from handlers.core.callbacks import DRAFT_TOKEN_LENGTH
from handlers.core.common import (
    Context,
    ask,
    awaiting,
    reply,
    services,
    set_awaiting,
    user_session,
)
from handlers.core.staff_guard import require_staff, staff_language, staff_steps
from handlers.core.step_keyboards import mark_choice
from handlers.delivery.sender import keyboard
from handlers.meetings.actions import MeetingCreate
from handlers.meetings.input import (
    check_capacity,
    check_link,
    is_skip,
    parse_end,
)

MN_TITLE = "mn_title"
MN_START = "mn_start"
MN_END = "mn_end"
MN_PLACE = "mn_place"
MN_LINK = "mn_link"
MN_DESCRIPTION = "mn_description"
MN_CAPACITY = "mn_capacity"
MN_DEADLINE = "mn_deadline"
MN_CONFIRM = "mn_confirm"
ORDER = (MN_TITLE, MN_START, MN_END, MN_PLACE, MN_LINK, MN_DESCRIPTION, MN_CAPACITY, MN_DEADLINE)
NEW_STEPS = staff_steps(*ORDER, MN_CONFIRM)
SKIPPABLE = (MN_PLACE, MN_LINK, MN_DESCRIPTION, MN_DEADLINE)
PROMPTS = {step: f"mtg_new_ask_{step.removeprefix('mn_')}" for step in ORDER}


def _draft(data: dict[str, Any]) -> MeetingDraft:
    deadline = data.get("deadline")
    return MeetingDraft(
        title=data["title"],
        starts_at=datetime.fromisoformat(data["starts_at"]),
        ends_at=datetime.fromisoformat(data["ends_at"]),
        place=data.get("place"),
        online_url=data.get("link"),
        description=data.get("description", ""),
        signup_deadline=datetime.fromisoformat(deadline) if deadline else None,
        capacity=data.get("capacity", 0),
    )


def _choice(token: str, choice: str, key: str, lang: str) -> Button:
    return Button(t(key, lang), callback=MeetingCreate(token, choice).encode())


async def _ask(
    update: Update, context: Context, step: str, data: dict[str, Any], lang: str
) -> None:
    set_awaiting(context, step, **data)
    markup: InlineKeyboardMarkup | None = None
    if step in SKIPPABLE:
        markup = keyboard(((_choice(data["draft"], "skip", "mtg_button_skip", lang),),))
    await ask(update, context, t(PROMPTS[step], lang), keyboard=markup)


async def start_new_meeting(update: Update, context: Context) -> None:
    """Begin a new meeting (staff only); an unfinished one is forgotten."""
    lang = await staff_language(update, context)
    token = secrets.token_hex(DRAFT_TOKEN_LENGTH // 2)
    await _ask(update, context, MN_TITLE, {"draft": token}, lang)


def _take(
    step: str, text: str | None, data: dict[str, Any], *, now: datetime, tz: ZoneInfo
) -> None:
    """Store one answer (None = skipped) in data, or raise DomainError to ask again."""
    skipped = text is None or (step in SKIPPABLE and is_skip(text))
    value = "" if text is None else text.strip()
    if step == MN_TITLE:
        title = " ".join(value.split())
        if not title:
            raise DomainError("meeting_title_missing")
        if len(title) > TITLE_MAX:
            raise DomainError("meeting_title_too_long", limit=TITLE_MAX)
        data["title"] = title
    elif step == MN_START:
        data["starts_at"] = schedule.parse_local(value, now=now, tz=tz).isoformat()
    elif step == MN_END:
        starts_at = datetime.fromisoformat(data["starts_at"])
        ends_at = parse_end(value, starts_at, now=now, tz=tz)
        if ends_at <= starts_at:
            raise DomainError("mtg_end_invalid", start=schedule.show(starts_at, tz))
        data["ends_at"] = ends_at.isoformat()
    elif step == MN_PLACE:
        if not skipped and len(value) > PLACE_MAX:
            raise DomainError("meeting_place_too_long", limit=PLACE_MAX)
        data["place"] = None if skipped else value
    elif step == MN_LINK:
        if skipped and not data.get("place"):
            raise DomainError("mtg_place_required")
        data["link"] = None if skipped else check_link(value)
    elif step == MN_DESCRIPTION:
        data["description"] = "" if skipped else value
    elif step == MN_CAPACITY:
        data["capacity"] = check_capacity(value)
    elif step == MN_DEADLINE:
        deadline = None if skipped else schedule.parse_local(value, now=now, tz=tz)
        if deadline is not None and deadline > datetime.fromisoformat(data["starts_at"]):
            start = schedule.show(datetime.fromisoformat(data["starts_at"]), tz)
            raise DomainError("mtg_deadline_invalid", start=start)
        data["deadline"] = None if deadline is None else deadline.isoformat()


async def _next(update: Update, context: Context, answer: str | None) -> None:
    step = awaiting(context) or {}
    name = step.get("step", "")
    lang = await staff_language(update, context)
    svc = services(context)
    data = {key: value for key, value in step.items() if key != "step"}
    if name == MN_CONFIRM:
        await _preview(update, context, data, lang)
        return
    _take(name, answer, data, now=svc.clock(), tz=svc.settings.tz)
    following = ORDER.index(name) + 1
    if following < len(ORDER):
        await _ask(update, context, ORDER[following], data, lang)
    else:
        await _preview(update, context, data, lang)


async def on_new_meeting_text(update: Update, context: Context, text: str) -> None:
    """A typed answer to the current /newmeeting step."""
    await _next(update, context, text)


async def _preview(update: Update, context: Context, data: dict[str, Any], lang: str) -> None:
    svc = services(context)
    draft = _draft(data)
    meetings.validate(draft, now=svc.clock())
    set_awaiting(context, MN_CONFIRM, **data)
    text = card_text(Facts.of_draft(draft), lang, svc.settings.tz, now=svc.clock())
    token = data["draft"]
    markup = keyboard(
        (
            (_choice(token, "announce", "mtg_button_create_announce", lang),),
            (_choice(token, "quiet", "mtg_button_create_quiet", lang),),
            (_choice(token, "drop", "mtg_button_drop", lang),),
        )
    )
    await ask(update, context, f"{text}\n\n{t('mtg_new_preview', lang)}", keyboard=markup)


async def decide_new_meeting(update: Update, context: Context, action: MeetingCreate) -> str:
    """Skip a step, create the previewed meeting (announced or not), or drop it."""
    lang = await staff_language(update, context)
    step = awaiting(context) or {}
    name = step.get("step")
    wanted = {"skip": SKIPPABLE, "announce": (MN_CONFIRM,), "quiet": (MN_CONFIRM,)}
    if step.get("draft") != action.draft or name not in wanted.get(action.choice, NEW_STEPS):
        raise DomainError("mtg_stale")
    await mark_choice(update, context)
    if action.choice == "skip":
        await _next(update, context, None)
    elif action.choice == "drop":
        set_awaiting(context, None)
        await reply(update, context, t("mtg_new_dropped", lang))
    else:
        await _create(update, context, step, announce=action.choice == "announce")
    return ""


async def _create(
    update: Update, context: Context, step: dict[str, Any], *, announce: bool
) -> None:
    svc = services(context)
    # Forget the draft first: a second press on the same button finds it stale.
    set_awaiting(context, None)
    async with user_session(update, context) as (session, user):
        require_staff(context, user)
        lang = user.language
        meeting = await meetings.create(
            session,
            _draft(step),
            created_by=user.telegram_id,
            clock=svc.clock,
            options=MeetingOptions.from_settings(svc.settings),
            announce=announce,
        )
        number = meeting.id
    key = "mtg_new_created_announced" if announce else "mtg_new_created_quiet"
    await reply(update, context, t(key, lang, meeting_id=number))
