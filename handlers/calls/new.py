"""/newcall: staff add a funding call step by step, see the card, then publish or cancel.

Steps: title → funder → description → link → deadline → subject areas → preview. Link,
deadline and subject areas can be skipped; bad input is explained and the step asked again.
"""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.errors import DomainError
from bot.models import CallStatus, FundingCall, Topic
from bot.services import calls
from bot.services.calls import drafts
from bot.services.delivery import audience
from bot.texts import t
from bot.views.calls import card_text
from handlers.calls.actions import NewCallAction
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
from handlers.core.staff_guard import staff_language, staff_steps
from handlers.core.step_keyboards import mark_choice

NC_TITLE = "nc_title"
NC_FUNDER = "nc_funder"
NC_DESCRIPTION = "nc_description"
NC_LINK = "nc_link"
NC_DEADLINE = "nc_deadline"
NC_TAGS = "nc_tags"
NC_PREVIEW = "nc_preview"
ORDER = (NC_TITLE, NC_FUNDER, NC_DESCRIPTION, NC_LINK, NC_DEADLINE, NC_TAGS)
SKIPPABLE = (NC_LINK, NC_DEADLINE, NC_TAGS)
NEW_CALL_STEPS = staff_steps(*ORDER, NC_PREVIEW)
FIELDS = {NC_LINK: "link", NC_DEADLINE: "deadline", NC_TAGS: "tags"}


def _button(text: str, action: NewCallAction) -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=action.encode())


async def _ask(
    update: Update, context: Context, step: str, data: dict[str, Any], lang: str, *, error: str = ""
) -> None:
    """Wait for this step's answer and ask for it (after what was wrong, if anything)."""
    set_awaiting(context, step, **data)
    keyboard = None
    if step in SKIPPABLE:
        skip = NewCallAction(data["draft"], "skip")
        keyboard = InlineKeyboardMarkup([[_button(t("newcall_button_skip", lang), skip)]])
    text = t(f"newcall_ask_{step}", lang)
    await ask(update, context, f"{error}\n\n{text}" if error else text, keyboard=keyboard)


async def start_new_call(update: Update, context: Context) -> None:
    """Begin a new draft (staff only); an unfinished one is forgotten."""
    lang = await staff_language(update, context)
    await _ask(
        update, context, NC_TITLE, {"draft": secrets.token_hex(DRAFT_TOKEN_LENGTH // 2)}, lang
    )


def _answer(step: str, text: str, text_html: str, *, now: datetime, context: Context) -> Any:
    """The value typed for a step, checked; DomainError says what is wrong."""
    if step == NC_TITLE:
        title = " ".join(text.split())
        if len(title) > drafts.TITLE_MAX:
            raise DomainError("call_title_too_long", limit=drafts.TITLE_MAX)
        return title
    if step == NC_FUNDER:
        funder = " ".join(text.split())
        if len(funder) > drafts.FUNDER_MAX:
            raise DomainError("call_funder_too_long", limit=drafts.FUNDER_MAX)
        return funder
    if step == NC_DESCRIPTION:
        if len(text_html) > drafts.DESCRIPTION_MAX:
            raise DomainError("call_description_too_long", limit=drafts.DESCRIPTION_MAX)
        return text_html.strip()  # Telegram's own HTML of what was typed: escaped, formatting kept
    if step == NC_LINK:
        return drafts.check_link(text)
    if step == NC_DEADLINE:
        tz = services(context).settings.tz
        return calls.parse_deadline(text, now=now, tz=tz).isoformat()
    return ",".join(drafts.check_tags(calls.parse_tags(text)))


async def on_new_call_text(update: Update, context: Context) -> None:
    """The answer to the current step; a bad one is explained and asked again."""
    message = update.effective_message
    assert message is not None and message.text is not None
    lang = await staff_language(update, context)
    step = dict(awaiting(context) or {})
    name = step.pop("step")
    try:
        value = _answer(
            name, message.text, message.text_html, now=services(context).clock(), context=context
        )
    except DomainError as error:
        await _ask(update, context, name, step, lang, error=t(error.key, lang, **error.params))
        return
    await _next(update, context, name, {**step, FIELDS.get(name, name[3:]): value}, lang)


async def _next(
    update: Update, context: Context, done: str, data: dict[str, Any], lang: str
) -> None:
    position = ORDER.index(done) + 1
    if position < len(ORDER):
        await _ask(update, context, ORDER[position], data, lang)
    else:
        await _preview(update, context, data, lang)


def _draft(data: dict[str, Any]) -> calls.CallDraft:
    deadline = data.get("deadline")
    return calls.CallDraft(
        title=data["title"],
        funder=data.get("funder") or "",
        description_html=data.get("description") or "",
        link=data.get("link"),
        deadline=datetime.fromisoformat(deadline) if deadline else None,
        tags=calls.parse_tags(data.get("tags") or ""),
    )


async def _preview(update: Update, context: Context, data: dict[str, Any], lang: str) -> None:
    """The card as subscribers will see it, with "Publicera" and "Avbryt"."""
    svc = services(context)
    draft = _draft(data)
    shown = FundingCall(
        title=draft.title,
        funder=draft.funder,
        description_html=draft.description_html,
        link=draft.link,
        deadline=draft.deadline,
        tags=",".join(draft.tags),
        status=CallStatus.OPEN,
    )
    async with svc.db.session() as session:
        count = await audience.count(session, "all", Topic.FUNDING_CALLS)
    set_awaiting(context, NC_PREVIEW, **data)
    rows = []
    if draft.link:
        rows.append([InlineKeyboardButton(t("call_button_read_more", lang), url=draft.link)])
    rows.append(
        [
            _button(t("newcall_button_publish", lang), NewCallAction(data["draft"], "publish")),
            _button(t("newcall_button_cancel", lang), NewCallAction(data["draft"], "cancel")),
        ]
    )
    await reply(update, context, t("newcall_preview", lang, count=count))
    text = card_text(shown, lang, now=svc.clock(), tz=svc.settings.tz, new=True)
    await ask(update, context, text, keyboard=InlineKeyboardMarkup(rows))


async def new_call_action(update: Update, context: Context, action: NewCallAction) -> str:
    """Skip a step, publish the previewed call, or drop the draft."""
    lang = await staff_language(update, context)
    step = dict(awaiting(context) or {})
    name = step.pop("step", None)
    wanted = {"skip": SKIPPABLE, "publish": (NC_PREVIEW,), "cancel": NEW_CALL_STEPS}
    if step.get("draft") != action.draft or name not in wanted[action.choice]:
        raise DomainError("call_draft_stale")
    await mark_choice(update, context)
    if action.choice == "skip":
        await _next(update, context, name, {**step, FIELDS[name]: None}, lang)
    elif action.choice == "cancel":
        set_awaiting(context, None)
        await reply(update, context, t("newcall_dropped", lang))
    else:
        await _publish(update, context, step, lang)
    return ""


async def _publish(update: Update, context: Context, data: dict[str, Any], lang: str) -> None:
    svc = services(context)
    set_awaiting(context, None)  # first: a second press on "Publicera" finds the draft gone
    try:
        async with user_session(update, context) as (session, user):
            call = await calls.create(
                session, _draft(data), created_by=user.telegram_id, clock=svc.clock
            )
            count = await audience.count(session, "all", Topic.FUNDING_CALLS)
            call_id = call.id
    except DomainError as error:
        if error.key != "call_deadline_past":
            raise
        # The deadline passed while the preview waited: ask for a new one.
        data = {key: value for key, value in data.items() if key != "deadline"}
        await _ask(
            update, context, NC_DEADLINE, data, lang, error=t(error.key, lang, **error.params)
        )
        return
    await reply(update, context, t("newcall_published", lang, call_id=call_id, count=count))
