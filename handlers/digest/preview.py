"""Previews for staff: a digest exactly as one reader would get it (same renderer as the send)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from pydantic import SecretStr
from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update

from bot.models import DigestEdition, DigestFrequency, User
from bot.services import audit
from bot.services.delivery import Personal
from bot.services.digest import readers
from bot.services.digest.compose import compose
from bot.services.digest.schedule import DigestOptions
from bot.texts import t
from bot.views.digest import render_all
from handlers.core.common import Context, reply, services
from handlers.delivery.sender import keyboard
from handlers.digest.render import personal
from handlers.digest.settings import frequency_label


def reader_name(user: User) -> str:
    """How staff recognise a reader: their name, else @username, else the Telegram id."""
    if user.display_name:
        return user.display_name
    return f"@{user.username}" if user.username else str(user.telegram_id)


async def personal_for(
    session: AsyncSession,
    edition: DigestEdition,
    user_id: int,
    *,
    now: datetime,
    tz: ZoneInfo,
    poll_key: SecretStr | None,
) -> Personal | None:
    """The reader's message for an edition (stored or not); None when it would be empty."""
    found = await compose(session, edition, [user_id], now=now, tz=tz, poll_key=poll_key)
    return personal(render_all(found).get(user_id))


async def show_digest(update: Update, context: Context, personal: Personal) -> None:
    """Send a rendered digest in this chat, with its buttons."""
    await reply(update, context, personal.text_html, keyboard=keyboard(personal.buttons))


async def reader_preview(
    update: Update, context: Context, staff: User, reference: str | None
) -> None:
    """The next digest of the reader named by reference (the staff member if None)."""
    svc = services(context)
    now, tz, lang = svc.clock(), svc.settings.tz, staff.language
    options = DigestOptions.from_settings(svc.settings)
    async with svc.db.session() as session:
        reader = await readers.find_reader(session, reference or str(staff.telegram_id))
        choice = await readers.choice_of(session, reader)
        edition = readers.preview_edition(choice, now=now, options=options)
        personal = await personal_for(
            session, edition, reader.id, now=now, tz=tz, poll_key=svc.settings.poll_key
        )
        if reader.id != staff.id:  # another person's digest shows their choices
            await audit.record(
                session,
                actor_telegram_id=staff.telegram_id,
                action="preview_reader_digest",
                detail=f"user {reader.id}",
                clock=svc.clock,
            )
            await session.commit()
    name = reader_name(reader)
    if personal is None:
        await reply(update, context, t("dchat_preview_empty", lang, name=name))
        return
    if choice.frequency == DigestFrequency.OFF:
        header = t("dchat_preview_off", lang, name=name)
    else:
        label = frequency_label(choice.frequency, svc.settings, lang)
        header = t("dchat_preview_header", lang, name=name, frequency=label)
    await reply(update, context, header)
    await show_digest(update, context, personal)
