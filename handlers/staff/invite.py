"""/invite (staff, private chat): find an organisation, get its t.me invitation link to forward."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.models import Organisation
from bot.services import invitations, organisations
from bot.texts import DEFAULT_LANGUAGE, t
from bot.views.meetings import date_text
from handlers.core.common import (
    Context,
    ask,
    reply,
    services,
    set_awaiting,
    user_session,
)
from handlers.core.staff_guard import staff_language, staff_steps
from handlers.core.step_keyboards import mark_choice
from handlers.staff.actions import InviteOrganisation

INVITE_SEARCH = "invite_search"
INVITE_STEPS = staff_steps(INVITE_SEARCH)


def _matches(found: list[Organisation]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(org.name, callback_data=InviteOrganisation(org.id).encode())]
            for org in found
        ]
    )


async def start_invite(update: Update, context: Context) -> None:
    """Ask which organisation to invite."""
    lang = await staff_language(update, context)
    set_awaiting(context, INVITE_SEARCH)
    await reply(update, context, t("invite_ask_org", lang))


async def on_invite_text(update: Update, context: Context, text: str) -> None:
    """Show the register's matches for the typed name as buttons."""
    lang = await staff_language(update, context)
    async with services(context).db.session() as session:
        found = await organisations.search(session, text)
    if not found:
        await reply(update, context, t("invite_no_match", lang, text=text))
        return
    # A new search's matches replace the former ones.
    text = t("invite_choose_org", lang)
    await ask(update, context, text, keyboard=_matches(found), replace=True)


async def invite_organisation(update: Update, context: Context, action: InviteOrganisation) -> str:
    """Create the invitation and send its link, then a message ready to forward."""
    async with user_session(update, context) as (session, staff):
        lang = staff.language
        svc = services(context)
        org = await organisations.get(session, action.org_id)
        invitation = await invitations.create(
            session,
            org.id,
            days=svc.settings.invite_days,
            clock=svc.clock,
            created_by=staff.telegram_id,
        )
        name, code, expires_at = org.name, invitation.code, invitation.expires_at
    set_awaiting(context, None)
    await mark_choice(update, context)
    link = invitations.deep_link(context.bot.username, code)
    now, tz = svc.clock(), svc.settings.tz
    await reply(
        update,
        context,
        t(
            "invite_created",
            lang,
            org=name,
            link=link,
            until=date_text(expires_at, lang, tz, now=now),
        ),
    )
    # Written to the invited person, who will most likely read Swedish.
    until = date_text(expires_at, DEFAULT_LANGUAGE, tz, now=now)
    await reply(
        update, context, t("invite_forward", DEFAULT_LANGUAGE, org=name, link=link, until=until)
    )
    return ""
