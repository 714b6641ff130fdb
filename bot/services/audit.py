"""The audit log: who changed what, for staff to review."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import AuditEntry
from bot.timeutil import Clock, utc_now

ACTION_MAX = 60  # the length of audit_log.action


async def record(
    session: AsyncSession,
    *,
    actor_telegram_id: int | None,
    action: str,
    detail: str,
    clock: Clock = utc_now,
) -> None:
    """Add an entry to the audit log (flushed, committed by the caller)."""
    session.add(
        AuditEntry(
            at=clock(),
            actor_telegram_id=actor_telegram_id,
            action=action[:ACTION_MAX],
            detail=detail,
        )
    )
    await session.flush()


async def recent(session: AsyncSession, *, limit: int = 50) -> list[AuditEntry]:
    """The newest audit entries first."""
    query = select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit)
    return list((await session.scalars(query)).all())
