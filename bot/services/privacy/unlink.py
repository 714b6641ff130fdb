"""Links to an erased user outside their own rows: campaigns to them, staff traces, the audit log."""

from __future__ import annotations

import re

from sqlalchemy import delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from bot.models import (
    AppSetting,
    AuditEntry,
    Campaign,
    DigestEdition,
    FaqEntry,
    Form,
    FundingCall,
    Meeting,
    NominationRound,
    Poll,
    StaffRelay,
    User,
)
from bot.services.delivery import campaigns
from bot.timeutil import Clock

# The audience of a campaign sent to nobody: users.id starts at 1. An erased user's id may be
# given to the next new user (SQLite reuses the highest id), so nothing may still name it.
NOBODY = "user:0"
ERASED = "[erased]"
MIN_NAME = 3  # shorter names would match ordinary words in the log

# Columns that hold the Telegram id of the staff member who made something.
AUTHOR_COLUMNS: tuple[InstrumentedAttribute[int | None], ...] = (
    Campaign.created_by,
    Meeting.created_by,
    FundingCall.created_by,
    DigestEdition.created_by,
    Poll.created_by,
    NominationRound.created_by,
    FaqEntry.created_by,
    Form.created_by,
    AppSetting.changed_by,
)


async def unlink_campaigns(session: AsyncSession, user_id: int, *, clock: Clock) -> None:
    """Stop messages still due to the user alone, and make every campaign to them name nobody."""
    spec = f"user:{user_id}"
    found = list(await session.scalars(select(Campaign).where(Campaign.audience == spec)))
    for campaign in found:
        if campaign.status in campaigns.OPEN:
            await campaigns.cancel(session, campaign.id, clock=clock)
    if found:
        await session.execute(
            update(Campaign)
            .where(Campaign.id.in_([c.id for c in found]))
            .values(audience=NOBODY)
            .execution_options(synchronize_session=False)
        )


def _names(user: User) -> list[str]:
    """The user's name and username, when long enough to look for in free text."""
    return [name for name in (user.display_name, user.username or "") if len(name) >= MIN_NAME]


def _scrub(detail: str, user: User) -> str:
    detail = re.sub(rf"\buser[ :]{user.id}\b", f"user {ERASED}", detail)
    detail = re.sub(rf"\b{user.telegram_id}\b", ERASED, detail)
    for name in _names(user):
        detail = detail.replace(name, ERASED)
    return detail


async def unlink_staff_traces(session: AsyncSession, user: User) -> int:
    """Remove the user's Telegram id (and mentions) from the audit log and from what they made
    as staff; the number of audit entries changed."""
    telegram_id = user.telegram_id
    for column in AUTHOR_COLUMNS:
        await session.execute(
            update(column.class_)
            .where(column == telegram_id)
            .values({column.key: None})
            .execution_options(synchronize_session=False)
        )
    # A relay into an admin's private chat (no staff chat set) names that admin's chat.
    await session.execute(delete(StaffRelay).where(StaffRelay.chat_id == telegram_id))
    mentions = [
        AuditEntry.actor_telegram_id == telegram_id,
        AuditEntry.detail.contains(str(telegram_id)),
        AuditEntry.detail.contains(f"user {user.id}"),
        AuditEntry.detail.contains(f"user:{user.id}"),
    ]
    mentions += [AuditEntry.detail.contains(name) for name in _names(user)]
    changed = 0
    for entry in await session.scalars(select(AuditEntry).where(or_(*mentions))):
        detail = _scrub(entry.detail, user)
        if entry.actor_telegram_id == telegram_id or detail != entry.detail:
            changed += 1
        if entry.actor_telegram_id == telegram_id:
            entry.actor_telegram_id = None
        entry.detail = detail
    await session.flush()
    return changed
