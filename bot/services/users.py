"""People who write to the bot: their roles, languages and links to organisations."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.models import LinkStatus, Organisation, Role, User, UserStatus
from bot.services import audit
from bot.timeutil import Clock

LANGUAGES = ("sv", "en")
DEFAULT_LANGUAGE = "sv"
STAFF_ROLES = (Role.STAFF, Role.ADMIN)
LAST_SEEN_RESOLUTION = timedelta(minutes=5)


def _new_user(telegram_id: int, *, display_name: str, username: str | None, now: datetime) -> User:
    return User(
        telegram_id=telegram_id,
        display_name=display_name[:200],
        username=username[:64] if username else None,
        language=DEFAULT_LANGUAGE,
        role=Role.MEMBER,
        organisation_id=None,
        link_status=LinkStatus.NONE,
        status=UserStatus.ACTIVE,
        first_seen=now,
        last_seen=now,
    )


def _reset(user: User) -> None:
    """Give a user who deleted their data a fresh start."""
    user.language = DEFAULT_LANGUAGE
    user.role = Role.MEMBER
    user.organisation = None
    user.link_status = LinkStatus.NONE


async def touch(
    session: AsyncSession,
    *,
    telegram_id: int,
    display_name: str,
    username: str | None,
    admins: Collection[int],
    clock: Clock,
    language_hint: str | None = None,
) -> User:
    """The user behind an incoming update, created or refreshed (language_hint is unused)."""
    # New users always start in Swedish and choose their language in onboarding, whatever
    # their Telegram client says; language_hint is accepted for callers and ignored.
    now = clock()
    user = await get_by_telegram_id(session, telegram_id)
    if user is None:
        user = _new_user(telegram_id, display_name=display_name, username=username, now=now)
        session.add(user)
    else:
        if user.status == UserStatus.DELETED:
            _reset(user)
            user.first_seen = now
        _set_if_changed(user, "status", UserStatus.ACTIVE)  # writing again means unblocked
        _set_if_changed(user, "display_name", display_name[:200])
        _set_if_changed(user, "username", username[:64] if username else None)
        # last_seen is coarse on purpose: a write per update would serialise all updates.
        if now - user.last_seen >= LAST_SEEN_RESOLUTION:
            user.last_seen = now
    if telegram_id in admins:
        _set_if_changed(user, "role", Role.ADMIN)
    await session.flush()
    return user


def _set_if_changed(user: User, attribute: str, value: object) -> None:
    if getattr(user, attribute) != value:
        setattr(user, attribute, value)


async def get_by_telegram_id(session: AsyncSession, telegram_id: int) -> User | None:
    """The user with this Telegram id, if they have written before."""
    return await session.scalar(select(User).where(User.telegram_id == telegram_id))


async def get(session: AsyncSession, user_id: int) -> User:
    """The user with this id."""
    user = await session.get(User, user_id)
    if user is None:
        raise DomainError("user_not_found")
    return user


async def set_language(session: AsyncSession, user: User, language: str) -> None:
    """Change the language the bot writes to this user in."""
    if language not in LANGUAGES:
        raise DomainError("language_unknown", language=language)
    user.language = language
    await session.flush()


async def request_link(session: AsyncSession, user: User, org: Organisation) -> None:
    """Ask to be linked to an organisation; staff approve or deny."""
    if user.organisation_id == org.id and user.link_status == LinkStatus.APPROVED:
        raise DomainError("link_already", org=org.name)
    user.organisation = org
    user.link_status = LinkStatus.PENDING
    await session.flush()


async def link_by_invitation(session: AsyncSession, user: User, org: Organisation) -> None:
    """Link a user to the organisation of an invitation they opened: approved at once."""
    user.organisation = org
    user.link_status = LinkStatus.APPROVED
    await session.flush()
    await audit.record(
        session,
        actor_telegram_id=user.telegram_id,
        action="link_by_invitation",
        detail=f"user {user.id} linked to organisation {org.id} ({org.name})",
    )


async def decide_link(
    session: AsyncSession, *, user_id: int, org_id: int, approve: bool, decided_by: User
) -> User:
    """Approve or deny a user's pending request to be linked to an organisation."""
    if not decided_by.is_staff or decided_by.status != UserStatus.ACTIVE:
        raise DomainError("not_staff")
    user = await get(session, user_id)
    # A conditional update, so that of two staff members pressing at once only one decides.
    statement = (
        update(User)
        .where(
            User.id == user_id,
            User.organisation_id == org_id,
            User.link_status == LinkStatus.PENDING,
        )
        .values(
            organisation_id=org_id if approve else None,
            link_status=LinkStatus.APPROVED if approve else LinkStatus.NONE,
        )
        .execution_options(synchronize_session=False)
    )
    result = cast(CursorResult[Any], await session.execute(statement))
    if result.rowcount != 1:
        raise DomainError("link_request_stale")
    await session.refresh(user)
    await audit.record(
        session,
        actor_telegram_id=decided_by.telegram_id,
        action="link_approved" if approve else "link_denied",
        detail=f"user {user_id} and organisation {org_id}",
    )
    return user


async def unlink(session: AsyncSession, user: User) -> None:
    """Remove the user's link (or pending request) to an organisation."""
    user.organisation = None
    user.link_status = LinkStatus.NONE
    await session.flush()


async def add_staff(
    session: AsyncSession,
    telegram_id: int,
    *,
    admin: bool,
    clock: Clock,
    actor_telegram_id: int | None = None,
) -> User:
    """Make someone staff (or admin), creating their user row if they have not written yet."""
    user = await get_by_telegram_id(session, telegram_id)
    if user is None:
        user = _new_user(telegram_id, display_name="", username=None, now=clock())
        session.add(user)
    user.role = Role.ADMIN if admin else Role.STAFF
    await session.flush()
    await audit.record(
        session,
        actor_telegram_id=actor_telegram_id,
        action="staff_added",
        detail=f"telegram id {telegram_id} as {user.role.value}",
        clock=clock,
    )
    return user


async def remove_staff(
    session: AsyncSession, telegram_id: int, *, actor_telegram_id: int | None = None
) -> User:
    """Make a staff member or admin an ordinary member again."""
    user = await get_by_telegram_id(session, telegram_id)
    if user is None:
        raise DomainError("user_not_found", telegram_id=telegram_id)
    if user.is_staff:
        user.role = Role.MEMBER
        await session.flush()
        await audit.record(
            session,
            actor_telegram_id=actor_telegram_id,
            action="staff_removed",
            detail=f"telegram id {telegram_id}",
        )
    return user


async def staff_members(session: AsyncSession) -> list[User]:
    """Active staff members and admins, by name."""
    query = (
        select(User)
        .where(User.role.in_(STAFF_ROLES), User.status == UserStatus.ACTIVE)
        .order_by(User.display_name, User.id)
    )
    return list((await session.scalars(query)).all())


async def is_staff(session: AsyncSession, telegram_id: int) -> bool:
    """Whether this Telegram user is an active staff member or admin."""
    user = await get_by_telegram_id(session, telegram_id)
    return user is not None and user.is_staff and user.status == UserStatus.ACTIVE
