"""/campaigns: recent campaigns with live counts; pause, resume and cancel edit the list in place."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import filters

from bot.services import campaign_labels
from bot.services.delivery import campaigns, staff
from bot.services.delivery.notices import excerpt
from bot.services.delivery.overview import Entry, overview
from bot.texts import Html, t
from bot.texts.moments import Moment
from handlers import broadcast_keyboards as keyboards
from handlers.callbacks import CampaignAction
from handlers.common import App, Context, reply, services, user_session
from handlers.staff_guard import staff_command

LIST_LENGTH = 8
ANSWER_TITLE = 150  # a callback answer shows at most 200 characters
# A press that changes a campaign: what it does and the short answer naming the campaign.
ACTIONS = {
    "pause": (staff.pause, "campaign_done_paused"),
    "resume": (staff.resume, "campaign_done_resumed"),
    "confirm": (staff.cancel, "campaign_done_cancelled"),
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
    found = await overview(session, limit=limit)
    if not found:
        return t("campaigns_none", lang), keyboards.campaign_list([], lang)
    titles = await campaign_labels.titles(session, [e.campaign for e in found], lang, tz)
    items = [
        t(
            "campaigns_item",
            lang,
            number=number,
            title=titles[entry.campaign.id],
            status=t(f"campaign_status_{entry.campaign.status.value}", lang),
            when=Moment(entry.campaign.due_at),
            audience=await _audience(session, entry, lang),
            sent=entry.counts.sent,
            pending=entry.counts.pending,
            failed=entry.counts.failed,
            skipped=entry.counts.skipped,
        )
        for number, entry in enumerate(found, start=1)
    ]
    text = "\n\n".join([t("campaigns_header", lang), *items])
    # Several one-person campaigns in one entry have no buttons: one press would not say
    # which of them it meant.
    actionable = [None if e.grouped else e.campaign for e in found]
    keyboard = keyboards.campaign_list(actionable, lang, confirming=confirming)
    return text, keyboard


async def _audience(session: AsyncSession, entry: Entry, lang: str) -> Html:
    if entry.grouped:
        return Html(t("campaigns_people", lang, n=entry.people))
    return await campaign_labels.audience_label(session, entry.campaign.audience, lang)


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
            act, key = ACTIONS[action.action]
            await act(session, campaign_id, actor=actor, clock=svc.clock)
            campaign = await campaigns.get(session, campaign_id)
            title = await campaign_labels.title(session, campaign, lang, tz)
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


def register(application: App) -> None:
    private = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE
    application.add_handler(staff_command("campaigns", campaigns_command, filters=private))
