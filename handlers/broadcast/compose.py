"""/broadcast, first half: the staff member composes the message and chooses the audience."""

from __future__ import annotations

from typing import Any

from telegram import Update

from bot.services import organisations
from bot.services.delivery import audience, drafts, staff
from bot.services.delivery.drafts import Stage
from bot.texts import t
from handlers.broadcast import keyboards
from handlers.broadcast.actions import BroadcastAudience
from handlers.broadcast.send import (
    ALL_STEPS,
    BC_AT,
    BC_ORG,
    BC_TIME,
    current,
    on_time_text,
    point,
    show_preview,
)
from handlers.core.common import (
    Context,
    ask,
    awaiting,
    reply,
    services,
    set_awaiting,
    user_session,
)
from handlers.core.staff_guard import require_staff, staff_language
from handlers.core.step_keyboards import mark_choice


async def start_broadcast(update: Update, context: Context) -> None:
    """Begin a new draft (staff only); an older unfinished draft is forgotten."""
    svc = services(context)
    async with user_session(update, context) as (session, user):
        lang = user.language
        draft = await drafts.start(session, user.id, clock=svc.clock)
    point(context, draft)
    await reply(update, context, t("broadcast_compose", lang))


async def on_broadcast_text(update: Update, context: Context) -> None:
    """Text while composing: the message itself, an organisation's name, or the time."""
    message = update.effective_message
    assert message is not None and message.text is not None
    step = awaiting(context) or {}
    if step.get("step") == BC_ORG:
        await _search_organisation(update, context, step, message.text.strip())
    elif step.get("step") in (BC_TIME, BC_AT):  # at the confirmation, a new time replaces it
        await on_time_text(update, context, step["draft"], message.text.strip())
    else:
        await _take_message(update, context, step, message.text_html, None, None)


async def on_broadcast_media(update: Update, context: Context) -> None:
    """A photo or document (with its caption) while composing; anything else is asked again."""
    message = update.effective_message
    assert message is not None
    step = awaiting(context) or {}
    caption = message.caption_html if message.caption else ""
    if message.photo:
        await _take_message(update, context, step, caption, "photo", message.photo[-1].file_id)
    elif message.document is not None:
        await _take_message(update, context, step, caption, "document", message.document.file_id)
    else:
        lang = await staff_language(update, context)
        await reply(update, context, t("broadcast_need_message", lang))


async def _take_message(
    update: Update,
    context: Context,
    step: dict[str, Any],
    text_html: str,
    media_kind: str | None,
    media_file_id: str | None,
) -> None:
    svc = services(context)
    composed = staff.Draft(text_html, media_kind, media_file_id)
    async with user_session(update, context) as (session, user):
        require_staff(context, user)  # a photo reaches here past the text router's guard
        lang = user.language
        draft = await drafts.set_message(session, user.id, step["draft"], composed, clock=svc.clock)
    point(context, draft)
    keyboard = keyboards.audience_kinds(draft.token, lang)
    await ask(update, context, t("broadcast_choose_audience", lang), keyboard=keyboard)


async def _search_organisation(
    update: Update, context: Context, step: dict[str, Any], text: str
) -> None:
    async with user_session(update, context) as (session, user):
        lang = user.language
        found = await organisations.search(session, text)
    if not found:
        await reply(update, context, t("broadcast_org_none", lang, text=text))
        return
    keyboard = keyboards.organisations(step["draft"], found)
    await ask(update, context, t("broadcast_org_matches", lang), keyboard=keyboard)


async def choose_audience(update: Update, context: Context, action: BroadcastAudience) -> str:
    """An audience button: ask the second step, or show the preview for a complete audience."""
    svc = services(context)
    async with user_session(update, context) as (_session, user):
        lang, user_id = user.language, user.id
    draft = await current(context, user_id, action.draft, (Stage.AUDIENCE, Stage.ORG))
    await mark_choice(update, context)  # the pressed message keeps "✓ <button>"
    if action.kind == "org" and not action.value:
        async with svc.db.session() as session:
            draft = await drafts.move(session, user_id, draft.token, Stage.ORG, clock=svc.clock)
            await session.commit()
        point(context, draft)
        await reply(update, context, t("broadcast_org_prompt", lang))
        return ""
    point(context, draft)  # after a restart, the chat learns the step again
    if action.kind in ("subregion", "topic") and not action.value:
        if action.kind == "subregion":
            keyboard = keyboards.subregions(action.draft)
        else:
            keyboard = keyboards.topics(action.draft, lang)
        await ask(update, context, t(f"broadcast_choose_{action.kind}", lang), keyboard=keyboard)
        return ""
    spec = audience.parse(f"{action.kind}:{action.value}" if action.value else action.kind).spec
    if action.kind == "org":
        async with svc.db.session() as session:
            await organisations.get(session, int(action.value))  # a forged id: not found
    await show_preview(update, context, draft, spec, lang)
    return ""


async def forget_draft(update: Update, context: Context) -> None:
    """/cancel at a broadcast step: the stored draft goes too, so no restart brings it back."""
    if (awaiting(context) or {}).get("step") not in ALL_STEPS:
        return
    async with user_session(update, context) as (session, user):
        await drafts.drop(session, user.id)
    set_awaiting(context, None)


RESUMED = "drafts_resumed"  # user_data: the stored draft was already looked for in this run


async def resume_draft(update: Update, context: Context) -> None:
    """Once per chat in a run: after a restart the chat knows no step, so a stored draft's
    stage becomes it again (typed text and photos then reach the draft)."""
    user_data = context.user_data
    if user_data is None or user_data.get(RESUMED) or awaiting(context) is not None:
        return
    user_data[RESUMED] = True
    sender = update.effective_user
    assert sender is not None
    async with services(context).db.session() as session:
        draft = await drafts.current_of(session, sender.id)
    if draft is not None:
        point(context, draft)
