"""/broadcast, second half: the preview, then send now, schedule (Stockholm time) or cancel.

The handler only records the campaign; the delivery worker sends it when it is due.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from telegram import Update

from bot.errors import DomainError
from bot.services.delivery import Sent, schedule, staff
from bot.texts import Html, t
from handlers import broadcast_keyboards as keyboards
from handlers.callbacks import BroadcastDecision
from handlers.common import Context, ask, awaiting, reply, services, set_awaiting, user_session
from handlers.delivery_sender import BotSender
from handlers.staff_guard import require_staff, staff_language, staff_steps
from handlers.step_keyboards import mark_choice

BC_COMPOSE = "bc_compose"
BC_AUDIENCE = "bc_audience"
BC_ORG = "bc_org"
BC_DECIDE = "bc_decide"
BC_TIME = "bc_time"
BC_AT = "bc_at"
ALL_STEPS = staff_steps(BC_COMPOSE, BC_AUDIENCE, BC_ORG, BC_DECIDE, BC_TIME, BC_AT)


def current(context: Context, draft: str, steps: tuple[str, ...]) -> dict[str, Any]:
    """The draft this button belongs to, at one of these steps, or DomainError("broadcast_stale")."""
    step = awaiting(context) or {}
    if step.get("draft") != draft or step.get("step") not in steps:
        raise DomainError("broadcast_stale")
    return step


def _draft(step: dict[str, Any]) -> staff.Draft:
    return staff.Draft(step["text_html"], step.get("media_kind"), step.get("media_file_id"))


async def show_preview(update: Update, context: Context, data: dict[str, Any], lang: str) -> None:
    """Send the message exactly as the engine will, then the summary with the recipient count."""
    chat = update.effective_chat
    assert chat is not None
    draft = _draft(data)
    # The engine's own sender, so the preview is the recipients' message to the byte; it skips
    # the reply limiter (the engine counts its sends itself), so count this one here.
    sender = BotSender(context.bot)
    async with services(context).limiter.sending(chat.id, reply=True):
        outcome = await sender.send(
            chat.id, draft.text_html, draft.media_kind, draft.media_file_id, ()
        )
    if not isinstance(outcome, Sent):
        set_awaiting(context, None)
        reason = getattr(outcome, "reason", type(outcome).__name__)
        await reply(update, context, t("broadcast_preview_failed", lang, reason=reason))
        return
    async with user_session(update, context) as (session, _user):
        count = await staff.recipients(session, data["audience"])
    set_awaiting(context, BC_DECIDE, **data)
    text = t("broadcast_summary", lang, audience=Html(data["audience_label"]), count=count)
    await ask(update, context, text, keyboard=keyboards.decision(data["draft"], lang))


async def on_time_text(update: Update, context: Context, step: dict[str, Any], text: str) -> None:
    """The typed send time: shown back in Stockholm time to confirm; a bad time is asked again."""
    lang = await staff_language(update, context)
    settings = services(context).settings
    due = schedule.parse_local(text, now=services(context).clock(), tz=settings.tz)
    data = {key: value for key, value in step.items() if key != "step"}
    set_awaiting(context, BC_AT, **{**data, "due_at": due.isoformat()})
    shown = schedule.show(due, settings.tz)
    # The label is already HTML (campaign_labels), kept with the draft as a plain string.
    label = Html(step["audience_label"])
    confirm = t("broadcast_confirm_time", lang, time=shown, audience=label)
    markup = keyboards.confirm_time(step["draft"], due, lang)
    # A new time replaces the confirmation of the former one: its buttons go.
    await ask(update, context, confirm, keyboard=markup, replace=True)


async def decide(update: Update, context: Context, action: BroadcastDecision) -> str:
    """Send now, ask for a time, record the scheduled campaign, or drop the draft."""
    lang = await staff_language(update, context)
    wanted = {"send": (BC_DECIDE,), "schedule": (BC_DECIDE,), "at": (BC_AT,), "drop": ALL_STEPS}
    step = current(context, action.draft, wanted[action.choice])
    confirmed = step.get("due_at")
    if action.choice == "at" and (
        confirmed is None
        or action.version != keyboards.time_version(datetime.fromisoformat(confirmed))
    ):
        raise DomainError("broadcast_time_replaced")  # an older confirmation's button
    await mark_choice(update, context)
    if action.choice == "drop":
        set_awaiting(context, None)
        await reply(update, context, t("broadcast_dropped", lang))
    elif action.choice == "schedule":
        data = {key: value for key, value in step.items() if key != "step"}
        set_awaiting(context, BC_TIME, **data)
        await reply(update, context, t("broadcast_ask_time", lang))
    else:
        due = datetime.fromisoformat(step["due_at"]) if action.choice == "at" else None
        if due is not None and due <= services(context).clock():  # confirmed too late
            set_awaiting(context, BC_TIME, **{k: v for k, v in step.items() if k != "step"})
            raise DomainError(
                "schedule_past", time=schedule.show(due, services(context).settings.tz)
            )
        await _record(update, context, step, due, lang)
    return ""


async def _record(
    update: Update, context: Context, step: dict[str, Any], due: datetime | None, lang: str
) -> None:
    svc = services(context)
    # Forget the draft first: a second press on the same button finds it stale.
    set_awaiting(context, None)
    async with user_session(update, context) as (session, user):
        require_staff(context, user)
        await staff.record(
            session,
            _draft(step),
            audience_spec=step["audience"],
            created_by=user.telegram_id,
            clock=svc.clock,
            due_at=due,
        )
        count = await staff.recipients(session, step["audience"])
    if due is None:
        text = t("broadcast_queued", lang, count=count)
    else:
        shown = schedule.show(due, svc.settings.tz)
        text = t("broadcast_scheduled", lang, time=shown, count=count)
    await reply(update, context, text)
