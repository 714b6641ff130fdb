"""📰 Nyhetsbrev in /settings (and the ⚙️ button under a digest): how often a reader gets it."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.config import Settings
from bot.models import DigestFrequency
from bot.services.digest import readers
from bot.services.digest.readers import ReaderChoice
from bot.texts import t
from handlers.core.common import Context, edit_in_place, reply, services, user_session
from handlers.digest.actions import DigestChoice, DigestSettings
from handlers.settings import keyboards


def clock_label(settings: Settings, lang: str) -> str:
    """The digest's time of day as every other time is written: "08.00" in Swedish, "08:00" in
    English."""
    hour, _, minute = settings.digest_time.partition(":")
    return f"{int(hour):02d}{'.' if lang == 'sv' else ':'}{minute}"


def frequency_label(frequency: DigestFrequency, settings: Settings, lang: str) -> str:
    """ "Varje vecka (måndagar kl. 08.00)", "Varje månad (första vardagen kl. 08.00)" or "Av"."""
    return t(
        f"dchat_frequency_{frequency.value}",
        lang,
        weekday=t(f"dchat_weekday_{settings.digest_weekday}", lang),
        time=clock_label(settings, lang),
    )


def menu_text(choice: ReaderChoice, settings: Settings, lang: str) -> str:
    """The menu's text: what the reader gets now, and whether that is the staff default."""
    label = frequency_label(choice.frequency, settings, lang)
    if not choice.explicit:
        label = t("dchat_choice_default", lang, frequency=label)
    return t("dchat_menu", lang, choice=label)


def menu_keyboard(choice: ReaderChoice, settings: Settings, lang: str) -> InlineKeyboardMarkup:
    """One button per frequency, the current one ticked, then back to /settings."""
    rows = []
    for frequency in DigestFrequency:
        label = frequency_label(frequency, settings, lang)
        if frequency == choice.frequency:
            label = f"✅ {label}"
        rows.append([InlineKeyboardButton(label, callback_data=DigestChoice(frequency).encode())])
    rows.append(keyboards.back_to_settings(lang))
    return InlineKeyboardMarkup(rows)


async def show_menu(update: Update, context: Context, *, in_place: bool) -> str:
    """The menu: in place of the /settings menu, or as a new message."""
    settings = services(context).settings
    async with user_session(update, context) as (session, user):
        lang = user.language
        choice = await readers.choice_of(session, user)
    text, keyboard = menu_text(choice, settings, lang), menu_keyboard(choice, settings, lang)
    if in_place:
        await edit_in_place(update, text, keyboard)
    else:
        await reply(update, context, text, keyboard=keyboard)
    return ""


async def open_from_digest(update: Update, context: Context, _action: DigestSettings) -> str:
    """The ⚙️ button under a digest: the same menu, as a new message (the digest stays)."""
    return await show_menu(update, context, in_place=False)


async def choose(update: Update, context: Context, action: DigestChoice) -> str:
    """Record the reader's choice and redraw the menu in place."""
    svc = services(context)
    async with user_session(update, context) as (session, user):
        lang = user.language
        await readers.set_frequency(session, user, action.frequency, clock=svc.clock)
        choice = await readers.choice_of(session, user)
    await edit_in_place(
        update,
        menu_text(choice, svc.settings, lang),
        menu_keyboard(choice, svc.settings, lang),
    )
    return t(f"dchat_chosen_{action.frequency.value}", lang)
