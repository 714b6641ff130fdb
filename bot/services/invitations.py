"""Invitation deep links: a code per organisation that links whoever opens it."""

from __future__ import annotations

import re
import secrets
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.models import Invitation, Organisation
from bot.services import audit, organisations
from bot.timeutil import Clock

MAX_DAYS = 365
CODE_BYTES = 12  # 16 URL-safe characters, 96 random bits
# Telegram deep-link payloads: up to 64 characters of A-Z, a-z, 0-9, _ and -.
_CODE = re.compile(r"[A-Za-z0-9_-]{1,32}")


def new_code() -> str:
    """A random code that is a valid Telegram /start payload."""
    while True:
        code = secrets.token_urlsafe(CODE_BYTES)
        # A leading "-" would read as an option in `signbot orgs revoke CODE`.
        if not code.startswith("-"):
            return code


async def _find(session: AsyncSession, code: str) -> Invitation | None:
    code = code.strip()
    if not _CODE.fullmatch(code):
        return None
    return await session.scalar(select(Invitation).where(Invitation.code == code))


async def create(
    session: AsyncSession,
    org_id: int,
    *,
    days: int,
    clock: Clock,
    created_by: int | None = None,
) -> Invitation:
    """A new invitation to an organisation, valid for the given number of days (audited; the
    creator is a staff member's Telegram id, None from the shell)."""
    if not 1 <= days <= MAX_DAYS:
        raise DomainError("invite_days_invalid", days=days, max=MAX_DAYS)
    organisation = await organisations.get(session, org_id)
    code = new_code()
    while await _find(session, code) is not None:  # 96 random bits: practically never
        code = new_code()
    now = clock()
    invitation = Invitation(
        code=code,
        organisation=organisation,
        created_at=now,
        expires_at=now + timedelta(days=days),
        uses=0,
    )
    session.add(invitation)
    await session.flush()
    await audit.record(
        session,
        actor_telegram_id=created_by,
        action="invitation_created",
        detail=f"invitation {invitation.id} to organisation {organisation.id}, {days} days",
        clock=clock,
    )
    return invitation


async def revoke(session: AsyncSession, code: str, *, clock: Clock) -> Invitation:
    """Withdraw an invitation so its link no longer works (revoking twice changes nothing)."""
    invitation = await _find(session, code)
    if invitation is None:
        raise DomainError("invite_not_found")
    if invitation.revoked_at is None:
        invitation.revoked_at = clock()
        await session.flush()
    return invitation


async def resolve(session: AsyncSession, code: str, *, clock: Clock) -> Organisation:
    """The organisation a valid invitation code links to; counts the use."""
    invitation = await _find(session, code)
    if invitation is None:
        raise DomainError("invite_invalid")
    if invitation.revoked_at is not None:
        raise DomainError("invite_revoked")
    if invitation.expires_at <= clock():
        raise DomainError("invite_expired")
    invitation.uses += 1
    await session.flush()
    return invitation.organisation


async def list_active(session: AsyncSession, *, clock: Clock) -> list[Invitation]:
    """Invitations that still work, the soonest to expire first."""
    query = (
        select(Invitation)
        .where(Invitation.revoked_at.is_(None), Invitation.expires_at > clock())
        .order_by(Invitation.expires_at, Invitation.id)
    )
    return list((await session.scalars(query)).all())


def deep_link(bot_username: str, code: str) -> str:
    """The t.me link that opens the bot with /start <code>."""
    return f"https://t.me/{bot_username.lstrip('@')}?start={code}"
