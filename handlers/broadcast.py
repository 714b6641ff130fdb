"""/broadcast, first half: the staff member composes the message and chooses the audience."""

from __future__ import annotations

import secrets
from typing import Any

from telegram import Update
from telegram.ext import filters

from bot.errors import DomainError
from bot.services import organisations
from bot.services.delivery import audience
from bot.services.delivery.campaigns import TEXT_LIMIT
from bot.texts import t
from handlers import broadcast_keyboards as keyboards
from handlers.broadcast_send import (
    BC_AT,
    BC_AUDIENCE,
    BC_COMPOSE,
    BC_ORG,
    BC_TIME,
    current,
    on_time_text,
    show_preview,
)
from handlers.callbacks import DRAFT_TOKEN_LENGTH, BroadcastAudience
from handlers.common import App, Context, ask, awaiting, reply, set_awaiting, user_session
from handlers.staff_guard import staff_command, staff_language
from handlers.step_keyboards import mark_choice


async def start_broadcast(update: Update, context: Context) -> None:
    """Begin a new draft (staff only); an older unfinished draft is forgotten."""
    lang = await staff_language(update, context)
    draft = secrets.token_hex(DRAFT_TOKEN_LENGTH // 2)
    set_awaiting(context, BC_COMPOSE, draft=draft)
    await reply(update, context, t("broadcast_compose", lang))


async def on_broadcast_text(update: Update, context: Context) -> None:
    """Text while composing: the message itself, an organisation's name, or the time."""
    message = update.effective_message
    assert message is not None and message.text is not None
    step = awaiting(context) or {}
    if step.get("step") == BC_ORG:
        await _search_organisation(update, context, step, message.text.strip())
    elif step.get("step") in (BC_TIME, BC_AT):  # at the confirmation, a new time replaces it
        await on_time_text(update, context, step, message.text.strip())
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
    lang = await staff_language(update, context)
    if len(text_html) > TEXT_LIMIT:
        raise DomainError("campaign_too_long", limit=TEXT_LIMIT)
    draft = step["draft"]
    set_awaiting(
        context,
        BC_AUDIENCE,
        draft=draft,
        text_html=text_html,
        media_kind=media_kind,
        media_file_id=media_file_id,
    )
    keyboard = keyboards.audience_kinds(draft, lang)
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
    lang = await staff_language(update, context)
    step = current(context, action.draft, (BC_AUDIENCE, BC_ORG))
    await mark_choice(update, context)  # the pressed message keeps "✓ <button>"
    data = {key: value for key, value in step.items() if key != "step"}
    if action.kind == "org" and not action.value:
        set_awaiting(context, BC_ORG, **data)
        await reply(update, context, t("broadcast_org_prompt", lang))
        return ""
    if action.kind in ("subregion", "topic") and not action.value:
        if action.kind == "subregion":
            keyboard = keyboards.subregions(action.draft)
        else:
            keyboard = keyboards.topics(action.draft, lang)
        await ask(update, context, t(f"broadcast_choose_{action.kind}", lang), keyboard=keyboard)
        return ""
    spec = audience.parse(f"{action.kind}:{action.value}" if action.value else action.kind).spec
    org_name = None
    if action.kind == "org":
        async with user_session(update, context) as (session, _user):
            org_name = (await organisations.get(session, int(action.value))).name
    label = keyboards.audience_label(spec, lang, org_name=org_name)
    await show_preview(update, context, {**data, "audience": spec, "audience_label": label}, lang)
    return ""


def register(application: App) -> None:
    private = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE
    application.add_handler(staff_command("broadcast", start_broadcast, filters=private))
