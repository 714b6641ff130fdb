"""/broadcast, second half: the preview, then send now, schedule (Stockholm time) or cancel.

The draft lives in the database (bot.services.delivery.drafts); the chat keeps only a pointer
to it (its stage and token) for the text router. The handler only records the campaign; the
delivery worker sends it when it is due.
"""

from __future__ import annotations

from telegram import Update

from bot.errors import DomainError
from bot.services.delivery import Sent, drafts, schedule, staff
from bot.services.delivery.drafts import DraftState, Stage
from bot.texts import Html, t
from handlers.broadcast import keyboards
from handlers.broadcast.actions import BroadcastDecision
from handlers.core.common import Context, ask, awaiting, reply, services, set_awaiting, user_session
from handlers.core.staff_guard import require_staff, staff_steps
from handlers.core.step_keyboards import mark_choice
from handlers.delivery.sender import BotSender

BC_COMPOSE = Stage.COMPOSE.value
BC_AUDIENCE = Stage.AUDIENCE.value
BC_ORG = Stage.ORG.value
BC_DECIDE = Stage.DECIDE.value
BC_TIME = Stage.TIME.value
BC_AT = Stage.AT.value
ALL_STEPS = staff_steps(*(stage.value for stage in Stage))


def point(context: Context, draft: DraftState) -> None:
    """The chat waits at the draft's stage (the text router reads it; the draft is stored)."""
    set_awaiting(context, draft.stage.value, draft=draft.token)


async def current(
    context: Context, user_id: int, token: str, stages: tuple[Stage, ...]
) -> DraftState:
    """The stored draft this button belongs to, at one of these stages; else broadcast_stale.

    A chat that has moved on to another step (a new wizard, /cancel) makes the draft's buttons
    stale; a chat that knows no step (the bot restarted) takes the draft from the database.
    """
    step = awaiting(context)
    if step is not None and step.get("draft") != token:
        raise DomainError("broadcast_stale")
    async with services(context).db.session() as session:
        return await drafts.expect(session, user_id, token, stages)


async def show_preview(
    update: Update, context: Context, draft: DraftState, spec: str, lang: str
) -> None:
    """Send the message exactly as the engine will, then the summary with the recipient count."""
    chat = update.effective_chat
    assert chat is not None and draft.message is not None
    message = draft.message
    # The engine's own sender, so the preview is the recipients' message to the byte; it skips
    # the reply limiter (the engine counts its sends itself), so count this one here.
    sender = BotSender(context.bot)
    async with services(context).limiter.sending(chat.id, reply=True):
        outcome = await sender.send(
            chat.id, message.text_html, message.media_kind, message.media_file_id, ()
        )
    svc = services(context)
    if not isinstance(outcome, Sent):
        async with user_session(update, context) as (session, user):
            await drafts.drop(session, user.id)
        set_awaiting(context, None)
        reason = getattr(outcome, "reason", type(outcome).__name__)
        await reply(update, context, t("broadcast_preview_failed", lang, reason=reason))
        return
    async with user_session(update, context) as (session, user):
        draft = await drafts.set_audience(session, user.id, draft.token, spec, clock=svc.clock)
        found = await staff.describe(session, spec, lang)
    point(context, draft)
    text = t("broadcast_summary", lang, audience=Html(found.label), count=found.recipients)
    await ask(update, context, text, keyboard=keyboards.decision(draft.token, lang))


async def on_time_text(update: Update, context: Context, token: str, text: str) -> None:
    """The typed send time: shown back in Stockholm time to confirm; a bad time is asked again."""
    svc = services(context)
    due = schedule.parse_local(text, now=svc.clock(), tz=svc.settings.tz)
    async with user_session(update, context) as (session, user):
        lang = user.language
        draft = await drafts.set_time(session, user.id, token, due, clock=svc.clock)
        assert draft.audience is not None
        found = await staff.describe(session, draft.audience, lang)
    point(context, draft)
    shown = schedule.show(due, svc.settings.tz)
    confirm = t("broadcast_confirm_time", lang, time=shown, audience=Html(found.label))
    markup = keyboards.confirm_time(token, due, lang)
    # A new time replaces the confirmation of the former one: its buttons go.
    await ask(update, context, confirm, keyboard=markup, replace=True)


WANTED = {
    "send": (Stage.DECIDE,),
    "schedule": (Stage.DECIDE,),
    "at": (Stage.AT,),
    "drop": tuple(Stage),
}


async def decide(update: Update, context: Context, action: BroadcastDecision) -> str:
    """Send now, ask for a time, record the scheduled campaign, or drop the draft."""
    svc = services(context)
    async with user_session(update, context) as (_session, user):
        lang, user_id = user.language, user.id
    draft = await current(context, user_id, action.draft, WANTED[action.choice])
    if action.choice == "at" and (
        draft.due_at is None or action.version != keyboards.time_version(draft.due_at)
    ):
        raise DomainError("broadcast_time_replaced")  # an older confirmation's button
    await mark_choice(update, context)
    if action.choice == "drop":
        async with svc.db.session() as session:
            await drafts.drop(session, user_id)
            await session.commit()
        set_awaiting(context, None)
        await reply(update, context, t("broadcast_dropped", lang))
    elif action.choice == "schedule":
        await _ask_time(context, user_id, draft)
        await reply(update, context, t("broadcast_ask_time", lang))
    else:
        due = draft.due_at if action.choice == "at" else None
        if due is not None and due <= svc.clock():  # confirmed too late
            await _ask_time(context, user_id, draft)
            raise DomainError("schedule_past", time=schedule.show(due, svc.settings.tz))
        await _record(update, context, draft, lang)
    return ""


async def _ask_time(context: Context, user_id: int, draft: DraftState) -> None:
    svc = services(context)
    async with svc.db.session() as session:
        asking = await drafts.move(session, user_id, draft.token, Stage.TIME, clock=svc.clock)
        await session.commit()
    point(context, asking)


async def _record(update: Update, context: Context, draft: DraftState, lang: str) -> None:
    svc = services(context)
    # Forget the step first: a second press on the same button finds the draft gone.
    set_awaiting(context, None)
    async with user_session(update, context) as (session, user):
        require_staff(context, user)
        due = draft.due_at if draft.stage == Stage.AT else None
        recorded = await drafts.finish(session, user, draft.token, clock=svc.clock, due_at=due)
    if recorded.due_at is None:
        text = t("broadcast_queued", lang, count=recorded.recipients)
    else:
        shown = schedule.show(recorded.due_at, svc.settings.tz)
        text = t("broadcast_scheduled", lang, time=shown, count=recorded.recipients)
    await reply(update, context, text)
