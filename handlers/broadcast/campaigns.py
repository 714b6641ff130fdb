"""/campaigns: recent campaigns with live counts; pause, resume and cancel edit the list in place."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest

from bot.services.delivery import campaigns, listing
from bot.services.delivery.notices import excerpt
from bot.texts import Html, t
from bot.texts.moments import Moment
from handlers.broadcast import keyboards
from handlers.broadcast.actions import CampaignAction
from handlers.core.common import Context, reply, services, user_session

LIST_LENGTH = 8
ANSWER_TITLE = 150  # a callback answer shows at most 200 characters
# A press that changes a campaign: what it does and the short answer naming the campaign.
ACTIONS = {
    "pause": ("pause", "campaign_done_paused"),
    "resume": ("resume", "campaign_done_resumed"),
    "confirm": ("cancel", "campaign_done_cancelled"),
}


async def render(
    session: AsyncSession,
    lang: str,
    tz: ZoneInfo,
    *,
    confirming: int | None = None,
    limit: int = LIST_LENGTH,
) -> tuple[str, InlineKeyboardMarkup]:
    """The list's text and buttons, counted now; entries numbered by their place in it."""
    found = await listing.recent(session, lang, tz, limit=limit)
    if not found:
        return t("campaigns_none", lang), keyboards.campaign_list([], lang)
    items = [
        t(
            "campaigns_item",
            lang,
            number=entry.number,
            title=Html(entry.title),
            status=t(f"campaign_status_{entry.status.value}", lang),
            when=Moment(entry.due_at),
            audience=Html(entry.audience),
            sent=entry.counts.sent,
            pending=entry.counts.pending,
            failed=entry.counts.failed,
            skipped=entry.counts.skipped,
        )
        for entry in found
    ]
    text = "\n\n".join([t("campaigns_header", lang), *items])
    return text, keyboards.campaign_list(found, lang, confirming=confirming)


async def campaigns_command(update: Update, context: Context) -> None:
    """List recent campaigns (staff only)."""
    tz = services(context).settings.tz
    async with user_session(update, context) as (session, user):
        text, keyboard = await render(session, user.language, tz)
    await reply(update, context, text, keyboard=keyboard)


async def campaign_action(update: Update, context: Context, action: CampaignAction) -> str:
    """Pause, resume, ask to confirm a cancel, cancel, or refresh; then redraw the list."""
    svc = services(context)
    campaign_id = action.campaign_id
    tz = svc.settings.tz
    async with user_session(update, context) as (session, user):
        lang, actor = user.language, user.telegram_id
        answer = ""
        if action.action in ACTIONS:
            name, key = ACTIONS[action.action]
            title = await listing.act(
                session, campaign_id, name, actor=actor, clock=svc.clock, lang=lang, tz=tz
            )
            # A press's answer is plain text: the title's words as they read, not escaped.
            answer = t(key, lang, title=Html(excerpt(title, limit=ANSWER_TITLE)))
        elif action.action == "cancel":
            await campaigns.get(session, campaign_id)
            answer = t("campaign_confirm_cancel", lang)
    confirming = campaign_id if action.action == "cancel" else None
    async with svc.db.session() as session:
        text, keyboard = await render(session, lang, tz, confirming=confirming)
    query = update.callback_query
    assert query is not None
    try:
        await query.edit_message_text(text, parse_mode=ParseMode.HTML, reply_markup=keyboard)
    except BadRequest as error:
        if "not modified" not in error.message.lower():  # a refresh with nothing new is fine
            raise
    return answer
