"""The command menu: which commands a member or a staff member sees, in their language.

Telegram shows a chat's own menu (BotCommandScopeChat) before the one for the client's
language, so a person's chosen language and role are set per chat; everyone else gets the
default menus set per Telegram client language.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import User, UserStatus
from bot.services.users import DEFAULT_LANGUAGE, STAFF_ROLES
from bot.texts import t


def commands(language: str, names: Sequence[str]) -> list[tuple[str, str]]:
    """The menu's entries (the features declare which, in which order) as (command,
    description) pairs in one language."""
    return [(name, t(f"command_{name}", language)) for name in names]


@dataclass(frozen=True)
class ChatMenu:
    """The menu one private chat should show."""

    chat_id: int
    language: str
    staff: bool


def menu_for(user: User) -> ChatMenu:
    """The menu of this person's private chat with the bot."""
    return ChatMenu(user.telegram_id, user.language, user.is_staff)


async def chat_menus(session: AsyncSession, *, admins: Collection[int]) -> list[ChatMenu]:
    """The chats whose menu differs from the default: staff, configured admins, and people
    who chose a language other than Swedish.

    Only people who have written to the bot: Telegram refuses a chat it has not seen ("chat
    not found"), and a configured admin's menu is set at their first update instead.
    """
    query = select(User).where(
        User.status == UserStatus.ACTIVE,
        or_(
            User.role.in_(STAFF_ROLES),
            User.language != DEFAULT_LANGUAGE,
            User.telegram_id.in_(list(admins)),
        ),
    )
    menus = {}
    for user in await session.scalars(query):
        menu = menu_for(user)
        menus[user.telegram_id] = (
            ChatMenu(menu.chat_id, menu.language, True) if (user.telegram_id in admins) else menu
        )
    return [menus[chat_id] for chat_id in sorted(menus)]
