"""/digest (staff): the default frequency, the next editions, previews and the edition buttons."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest

from bot.models import DigestFrequency, User
from bot.services.delivery.schedule import show
from bot.services.digest import editions, readers
from bot.services.digest.schedule import DigestOptions
from bot.texts import t
from handlers.core.callbacks import Callback
from handlers.core.common import Context, reply, services, user_session
from handlers.digest import draft as digest_draft
from handlers.digest.actions import DigestDefault, DigestMenu
from handlers.digest.preview import reader_preview


def _button(text: str, action: Callback) -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=action.encode())


def _keyboard(default: DigestFrequency, lang: str) -> InlineKeyboardMarkup:
    rows = [
        [_button(t("dchat_button_preview", lang), DigestMenu("preview"))],
        [_button(t("dchat_button_now", lang), DigestMenu("now"))],
        [_button(t("dchat_button_special", lang), DigestMenu("special"))],
    ]
    for frequency in DigestFrequency:
        label = t("dchat_button_default", lang, frequency=t(f"dchat_short_{frequency.value}", lang))
        rows.append(
            [_button(f"✅ {label}" if frequency == default else label, DigestDefault(frequency))]
        )
    return InlineKeyboardMarkup(rows)


async def _menu(context: Context, user: User) -> tuple[str, InlineKeyboardMarkup]:
    """The /digest text and buttons for this staff member, read now."""
    svc = services(context)
    tz, lang = svc.settings.tz, user.language
    options = DigestOptions.from_settings(svc.settings)
    async with svc.db.session() as session:
        default = await editions.get_default_frequency(session)
        coming = await readers.planned(session, now=svc.clock(), options=options)
    lines = []
    for item in coming:
        kind = t(f"dchat_kind_{item.kind.value}", lang)
        if item.edition_id is None:
            line = t(
                "dchat_edition_line", lang, kind=kind, when=show(item.at, tz), readers=item.readers
            )
        else:
            line = t("dchat_special_line", lang, kind=kind, when=show(item.at, tz))
        lines.append(line)
    text = t(
        "dchat_staff_menu",
        lang,
        default=t(f"dchat_short_{default.value}", lang),
        editions="\n".join(lines),
    )
    return text, _keyboard(default, lang)


async def _sender(update: Update, context: Context) -> User:
    """The staff member pressing or typing (the staff guard has checked the role)."""
    async with user_session(update, context) as (_session, user):
        return user


async def digest_command(update: Update, context: Context) -> None:
    """/digest: the menu; /digest preview [telegram id or @username]: a reader's next digest."""
    user = await _sender(update, context)
    arguments = context.args or []
    if arguments and arguments[0].lower() in ("preview", "förhandsgranska"):
        await reader_preview(update, context, user, " ".join(arguments[1:]) or None)
        return
    text, keyboard = await _menu(context, user)
    await reply(update, context, text, keyboard=keyboard)


async def menu_action(update: Update, context: Context, action: DigestMenu) -> str:
    """A /digest button: preview as oneself, send an edition now, or schedule a special one."""
    user = await _sender(update, context)
    if action.action == "preview":
        await reader_preview(update, context, user, None)
    elif action.action == "now":
        await digest_draft.start(update, context, user.language, special=False)
    else:
        await digest_draft.start(update, context, user.language, special=True)
    return ""


async def set_default(update: Update, context: Context, action: DigestDefault) -> str:
    """Change the default frequency and redraw the menu in place."""
    svc = services(context)
    async with user_session(update, context) as (session, user):
        await editions.set_default_frequency(
            session, action.frequency, actor=user.telegram_id, clock=svc.clock
        )
    text, keyboard = await _menu(context, user)
    query = update.callback_query
    assert query is not None
    try:
        await query.edit_message_text(text, parse_mode=ParseMode.HTML, reply_markup=keyboard)
    except BadRequest as error:
        if "not modified" not in error.message.lower():  # the default pressed again
            raise
    label = t(f"dchat_short_{action.frequency.value}", user.language)
    return t("dchat_default_set", user.language, frequency=label)
