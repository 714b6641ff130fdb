"""/campaigns: recent campaigns with live counts; pause, resume and cancel edit the list in place."""

from __future__ import annotations

import html
import re
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import CommandHandler, filters

from bot.errors import DomainError
from bot.models import Campaign, Organisation
from bot.services.delivery import audience, campaigns, staff
from bot.texts import t
from bot.texts.moments import Moment
from handlers import broadcast_keyboards as keyboards
from handlers.callbacks import CampaignAction
from handlers.common import App, Context, reply, services, user_session

LIST_LENGTH = 8
EXCERPT = 60
TAG = re.compile(r"<[^>]+>")


def _excerpt(campaign: Campaign) -> str:
    plain = html.unescape(TAG.sub("", campaign.text_html)).replace("\n", " ").strip()
    if not plain:
        plain = f"[{campaign.media_kind or '-'}]"
    return plain if len(plain) <= EXCERPT else plain[: EXCERPT - 1] + "…"


async def _audience(session: AsyncSession, campaign: Campaign, lang: str) -> str:
    parsed = audience.parse(campaign.audience)
    org = await session.get(Organisation, int(parsed.value)) if parsed.kind == "org" else None
    return keyboards.audience_label(parsed.spec, lang, org_name=org.name if org else None)


async def _render(
    session: AsyncSession, lang: str, tz: ZoneInfo, *, confirming: int | None = None
) -> tuple[str, InlineKeyboardMarkup]:
    """The list's text and buttons, counted now."""
    found = await campaigns.recent(session, limit=LIST_LENGTH)
    if not found:
        return t("campaigns_none", lang), keyboards.campaign_list([], lang)
    items = [
        t(
            "campaigns_item",
            lang,
            campaign_id=campaign.id,
            status=t(f"campaign_status_{campaign.status.value}", lang),
            when=Moment(campaign.due_at),
            audience=await _audience(session, campaign, lang),
            sent=numbers.sent,
            pending=numbers.pending,
            failed=numbers.failed,
            skipped=numbers.skipped,
            excerpt=_excerpt(campaign),
        )
        for campaign, numbers in found
    ]
    text = "\n\n".join([t("campaigns_header", lang), *items])
    keyboard = keyboards.campaign_list([c for c, _ in found], lang, confirming=confirming)
    return text, keyboard


async def campaigns_command(update: Update, context: Context) -> None:
    """List recent campaigns (staff only)."""
    tz = services(context).settings.tz
    async with user_session(update, context) as (session, user):
        if not user.is_staff:
            raise DomainError("not_staff")
        text, keyboard = await _render(session, user.language, tz)
    await reply(update, context, text, keyboard=keyboard)


async def campaign_action(update: Update, context: Context, action: CampaignAction) -> str:
    """Pause, resume, ask to confirm a cancel, cancel, or refresh; then redraw the list."""
    svc = services(context)
    number = action.campaign_id
    async with user_session(update, context) as (session, user):
        if not user.is_staff:
            raise DomainError("not_staff")
        lang, actor = user.language, user.telegram_id
        answer = ""
        if action.action == "pause":
            await staff.pause(session, number, actor=actor, clock=svc.clock)
            answer = t("campaign_done_paused", lang, campaign_id=number)
        elif action.action == "resume":
            await staff.resume(session, number, actor=actor, clock=svc.clock)
            answer = t("campaign_done_resumed", lang, campaign_id=number)
        elif action.action == "cancel":
            await campaigns.get(session, number)
            answer = t("campaign_confirm_cancel", lang)
        elif action.action == "confirm":
            await staff.cancel(session, number, actor=actor, clock=svc.clock)
            answer = t("campaign_done_cancelled", lang, campaign_id=number)
    confirming = number if action.action == "cancel" else None
    async with svc.db.session() as session:
        text, keyboard = await _render(session, lang, svc.settings.tz, confirming=confirming)
    query = update.callback_query
    assert query is not None
    try:
        await query.edit_message_text(text, parse_mode=ParseMode.HTML, reply_markup=keyboard)
    except BadRequest as error:
        if "not modified" not in error.message.lower():  # a refresh with nothing new is fine
            raise
    return answer


def register(application: App) -> None:
    private = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE
    application.add_handler(CommandHandler("campaigns", campaigns_command, filters=private))
