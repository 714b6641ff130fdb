"""/start, language choice and linking to a signatory organisation."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update
from telegram.ext import CommandHandler

from bot.errors import DomainError
from bot.models import LinkStatus, Organisation, User
from bot.services import invitations, organisations, users
from bot.texts import t
from handlers import keyboards
from handlers.callbacks import ChooseLanguage, ChooseOrganisation, SkipOrganisation
from handlers.common import (
    App,
    Context,
    deliver_all,
    reply,
    services,
    set_awaiting,
    user_session,
)
from handlers.privacy import privacy_notice
from handlers.staff_links import link_request_notices

ORG_SEARCH = "org_search"


async def start(update: Update, context: Context) -> None:
    """Welcome the user; with an invitation code, link them to its organisation at once."""
    code = context.args[0] if context.args else None
    linked_org: Organisation | None = None
    refused: DomainError | None = None
    async with user_session(update, context) as (session, user):
        lang = user.language
        name = user.display_name.split(" ")[0] if user.display_name else ""
        if code:
            try:
                linked_org = await _use_invitation(session, user, code, context)
            except DomainError as error:
                # A bad link is answered, but the visit itself (the user row) is kept.
                refused = error
    set_awaiting(context, None)
    if linked_org is not None:
        await reply(update, context, t("invite_linked", lang, org=linked_org.name))
    if refused is not None:
        await reply(update, context, t(refused.key, lang, **refused.params))
    notice = privacy_notice(lang, services(context).settings)
    welcome = t("welcome", lang, name=name, privacy=notice)
    await reply(update, context, welcome, keyboard=keyboards.languages())


async def _use_invitation(
    session: AsyncSession, user: User, code: str, context: Context
) -> Organisation:
    org = await invitations.resolve(session, code, clock=services(context).clock)
    await users.link_by_invitation(session, user, org)
    return org


async def choose_language(update: Update, context: Context, action: ChooseLanguage) -> None:
    """Store the language, then offer organisation linking if the user has none."""
    async with user_session(update, context) as (session, user):
        await users.set_language(session, user, action.language)
        needs_org = user.link_status == LinkStatus.NONE
    lang = action.language
    await reply(update, context, t("language_set", lang))
    if needs_org:
        await ask_for_organisation(update, context, lang)


async def ask_for_organisation(update: Update, context: Context, lang: str) -> None:
    """Ask the user to type part of their organisation's name."""
    set_awaiting(context, ORG_SEARCH)
    await reply(update, context, t("ask_organisation", lang), keyboard=keyboards.skip(lang))


async def search_organisation(update: Update, context: Context, text: str) -> bool:
    """Show register matches for typed text; False when the text looks like a question instead."""
    async with user_session(update, context) as (session, user):
        found = await organisations.search(session, text)
        lang = user.language
    if found:
        await reply(
            update,
            context,
            t("organisation_matches", lang),
            keyboard=keyboards.organisations(found, lang),
        )
        return True
    if _looks_like_question(text):
        set_awaiting(context, None)
        return False
    await reply(update, context, t("organisation_no_match", lang), keyboard=keyboards.skip(lang))
    return True


def _looks_like_question(text: str) -> bool:
    return text.rstrip().endswith("?") or len(text.split()) > 5


async def choose_organisation(update: Update, context: Context, action: ChooseOrganisation) -> None:
    """Ask staff to approve the link to the chosen organisation."""
    async with user_session(update, context) as (session, user):
        org = await organisations.get(session, action.org_id)
        await users.request_link(session, user, org)
        lang = user.language
        notices = await link_request_notices(session, context, user, org)
    set_awaiting(context, None)
    await reply(update, context, t("link_requested", lang, org=org.name))
    await deliver_all(context, notices)


async def skip_organisation(update: Update, context: Context, action: SkipOrganisation) -> None:
    """Leave linking for later."""
    async with user_session(update, context) as (_session, user):
        lang = user.language
    set_awaiting(context, None)
    await reply(update, context, t("organisation_skipped", lang))


def register(application: App) -> None:
    application.add_handler(CommandHandler("start", start))
