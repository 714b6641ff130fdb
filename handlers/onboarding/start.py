"""/start, language choice and linking to a signatory organisation."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Message, Update

from bot.errors import DomainError
from bot.models import LinkStatus, Organisation, User, UserStatus
from bot.services import invitations, organisations, users
from bot.services.link_notices import tell_staff_of_request
from bot.services.staff_notices import StaffChats
from bot.texts import t
from handlers.core.common import (
    Context,
    awaiting,
    edit_in_place,
    reply,
    services,
    set_awaiting,
    user_session,
)
from handlers.core.step_keyboards import (
    close_keyboards,
    forget_keyboard,
    remember_keyboard,
    retire_step,
    settle,
)
from handlers.core.steps import looks_like_question
from handlers.onboarding import keyboards
from handlers.onboarding.actions import ChooseLanguage, ChooseOrganisation, SkipOrganisation
from handlers.privacy.mydata import privacy_notice
from handlers.settings import keyboards as settings_keyboards
from handlers.settings.screen import organisation_label, settings_screen

LANGUAGE = "onboarding_language"  # the welcome's language buttons
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
    await close_keyboards(context)
    set_awaiting(context, LANGUAGE, yields=True)  # a confirmation asked meanwhile comes first
    if linked_org is not None:
        await reply(update, context, t("invite_linked", lang, org=linked_org.name))
    if refused is not None:
        await reply(update, context, t(refused.key, lang, **refused.params))
    notice = privacy_notice(lang, services(context).settings)
    welcome = t("welcome", lang, name=name, privacy=notice)
    remember_keyboard(
        context, await reply(update, context, welcome, keyboard=keyboards.languages())
    )


async def greet_newcomer(update: Update, context: Context, text: str) -> bool:
    """Someone the bot does not know (or has forgotten, after /delete) says hello: the welcome.

    False for everyone the bot knows, and for a newcomer's question: both are answered as usual.
    """
    svc = services(context)
    tg_user = update.effective_user
    assert tg_user is not None
    if looks_like_question(text) or svc.visitors.get(tg_user.id) is not None:
        return False  # a recent visitor is known without a trip to the database
    async with svc.db.session() as session:
        known = await users.get_by_telegram_id(session, tg_user.id)
        if known is not None and known.status != UserStatus.DELETED:
            return False
    await start(update, context)
    return True


async def on_language_text(update: Update, context: Context, text: str) -> bool:
    """Text at the language buttons is never held up: it is answered as a question."""
    return False


async def remind_language(update: Update, context: Context, lang: str) -> None:
    """After that answer, the language buttons once more; Swedish stays unless one is chosen."""
    set_awaiting(context, None)  # reminded once: the next text is simply a question
    message = await reply(
        update, context, t("onboarding_language_reminder", lang), keyboard=keyboards.languages()
    )
    remember_keyboard(context, message)


async def _use_invitation(
    session: AsyncSession, user: User, code: str, context: Context
) -> Organisation:
    org = await invitations.resolve(session, code, clock=services(context).clock)
    await users.link_by_invitation(session, user, org)
    return org


async def choose_language(update: Update, context: Context, action: ChooseLanguage) -> str:
    """Store the language, then offer organisation linking if the user has none.

    Chosen on a /settings screen, the settings menu comes back in the new language instead.
    """
    query = update.callback_query
    in_settings = query is not None and settings_keyboards.is_settings_screen(
        getattr(query.message, "reply_markup", None)
    )
    async with user_session(update, context) as (session, user):
        await users.set_language(session, user, action.language)
        needs_org = user.link_status == LinkStatus.NONE
        settings_text, settings_keyboard = settings_screen(user)
    lang = action.language
    if in_settings:
        await edit_in_place(update, settings_text, settings_keyboard)
        return t("language_chosen_toast", lang)
    await settle(update, context, t("onboarding_language_chosen", lang))
    if (awaiting(context) or {}).get("step") == LANGUAGE:
        set_awaiting(context, None)
    await reply(update, context, t("language_set", lang))
    if needs_org:
        await ask_for_organisation(update, context, lang)
    return ""


async def ask_for_organisation(
    update: Update, context: Context, lang: str, *, in_place: bool = False
) -> None:
    """Ask the user to type part of their organisation's name (in place: on /settings)."""
    set_awaiting(context, ORG_SEARCH)
    query = update.callback_query
    if in_place and query is not None and isinstance(query.message, Message):
        keyboard = keyboards.skip(lang, back=True)
        await edit_in_place(update, t("ask_organisation", lang), keyboard)
        remember_keyboard(context, query.message)
        return
    message = await reply(
        update, context, t("ask_organisation", lang), keyboard=keyboards.skip(lang)
    )
    remember_keyboard(context, message)


async def leave_organisation_search(update: Update, context: Context) -> None:
    """◀ from the organisation question: stop waiting for a name; the menu keeps its buttons."""
    if (awaiting(context) or {}).get("step") != ORG_SEARCH:
        return
    set_awaiting(context, None)
    query = update.callback_query
    if query is not None and isinstance(query.message, Message):
        forget_keyboard(context, query.message)
    await close_keyboards(context)  # matches shown meanwhile


async def remind_organisation(update: Update, context: Context, lang: str) -> None:
    """After a question at the organisation step: where the person was, still live (the
    step's earlier prompts lose their buttons: only the newest can be pressed)."""
    await retire_step(context)
    message = await reply(
        update, context, t("organisation_reminder", lang), keyboard=keyboards.skip(lang)
    )
    remember_keyboard(context, message)


async def search_organisation(update: Update, context: Context, text: str) -> bool:
    """Show register matches for typed text; False when the text looks like a question instead."""
    async with user_session(update, context) as (session, user):
        found = await organisations.search(session, text)
        lang = user.language
    if found:
        keyboard = keyboards.organisations(found, lang)
        message = await reply(update, context, t("organisation_matches", lang), keyboard=keyboard)
        remember_keyboard(context, message)
        return True
    if looks_like_question(text):
        return False  # answered as a question; the step stays and is asked again
    message = await reply(
        update, context, t("organisation_no_match", lang), keyboard=keyboards.skip(lang)
    )
    remember_keyboard(context, message)
    return True


async def choose_organisation(update: Update, context: Context, action: ChooseOrganisation) -> None:
    """Ask staff to approve the link to the chosen organisation (a notice in the outbox)."""
    svc = services(context)
    chats = StaffChats(svc.settings.staff_chat_id, svc.settings.admins)
    async with user_session(update, context) as (session, user):
        org = await organisations.get(session, action.org_id)
        await users.request_link(session, user, org)
        lang = user.language
        await tell_staff_of_request(
            session, user, org, chats=chats, clock=svc.clock, tz=svc.settings.tz
        )
    set_awaiting(context, None)
    await settle(update, context, t("onboarding_organisation_chosen", lang, org=org.name))
    await reply(update, context, t("link_requested", lang, org=org.name))


async def skip_organisation(update: Update, context: Context, action: SkipOrganisation) -> None:
    """Leave linking for later; one already linked (or waiting) keeps that organisation."""
    async with user_session(update, context) as (_session, user):
        lang = user.language
        kept = user.organisation is not None and user.link_status != LinkStatus.NONE
        label = organisation_label(user)
    set_awaiting(context, None)
    if kept:
        await settle(update, context, t("onboarding_organisation_kept", lang))
        await reply(update, context, t("organisation_kept", lang, org=label))
        return
    await settle(update, context, t("onboarding_organisation_skipped", lang))
    await reply(update, context, t("organisation_skipped", lang))
