"""Broadcast drafts: the message a staff member is composing, stored so a restart keeps it.

One draft per staff member; starting a new one replaces the older. The chat and a web admin
walk the same stages: the message, the audience, then send now or a confirmed time. Each
step names the draft by its token, so a button of a replaced draft is told apart.
"""

from __future__ import annotations

import enum
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.models import BroadcastDraft, User
from bot.services.delivery import staff
from bot.services.delivery.campaigns import TEXT_LIMIT
from bot.services.users import STAFF_ROLES
from bot.timeutil import Clock

TOKEN_LENGTH = 8  # hex characters; the chat's buttons carry it (64 bytes of callback data)


class Stage(enum.StrEnum):
    """What the draft waits for next."""

    COMPOSE = "bc_compose"  # the message
    AUDIENCE = "bc_audience"  # a kind of audience
    ORG = "bc_org"  # an organisation's name (the audience is one organisation)
    DECIDE = "bc_decide"  # send now, schedule or drop
    TIME = "bc_time"  # the send time
    AT = "bc_at"  # the time shown back, to confirm


@dataclass(frozen=True)
class DraftState:
    """A draft as the front ends see it."""

    token: str
    stage: Stage
    message: staff.Draft | None
    audience: str | None
    due_at: datetime | None


@dataclass(frozen=True)
class Recorded:
    """The campaign a finished draft became; the delivery worker sends it when due."""

    campaign_id: int
    recipients: int
    due_at: datetime | None


def _state(row: BroadcastDraft) -> DraftState:
    message = None
    if row.text_html is not None:
        message = staff.Draft(row.text_html, row.media_kind, row.media_file_id)
    return DraftState(row.token, Stage(row.step), message, row.audience, row.due_at)


async def _row(session: AsyncSession, user_id: int) -> BroadcastDraft | None:
    found: BroadcastDraft | None = await session.scalar(
        select(BroadcastDraft).where(BroadcastDraft.user_id == user_id)
    )
    return found


async def current(session: AsyncSession, user_id: int) -> DraftState | None:
    """The staff member's open draft, if any."""
    row = await _row(session, user_id)
    return None if row is None else _state(row)


async def current_of(session: AsyncSession, telegram_id: int) -> DraftState | None:
    """The open draft of the staff member with this Telegram id, if any (none once demoted)."""
    row = await session.scalar(
        select(BroadcastDraft)
        .join(User)
        .where(User.telegram_id == telegram_id, User.role.in_(STAFF_ROLES))
    )
    return None if row is None else _state(row)


async def start(session: AsyncSession, user_id: int, *, clock: Clock) -> DraftState:
    """A new, empty draft (flushed); an older unfinished one is forgotten."""
    await drop(session, user_id)
    row = BroadcastDraft(
        user_id=user_id,
        token=secrets.token_hex(TOKEN_LENGTH // 2),
        step=Stage.COMPOSE,
        updated_at=clock(),
    )
    session.add(row)
    await session.flush()
    return _state(row)


async def drop(session: AsyncSession, user_id: int) -> bool:
    """Forget the staff member's draft; whether there was one."""
    result = await session.execute(delete(BroadcastDraft).where(BroadcastDraft.user_id == user_id))
    return bool(getattr(result, "rowcount", 0))


async def _at(
    session: AsyncSession, user_id: int, token: str, stages: tuple[Stage, ...]
) -> BroadcastDraft:
    row = await _row(session, user_id)
    if row is None or row.token != token or Stage(row.step) not in stages:
        raise DomainError("broadcast_stale")
    return row


async def expect(
    session: AsyncSession, user_id: int, token: str, stages: tuple[Stage, ...]
) -> DraftState:
    """The draft with this token at one of these stages, or DomainError("broadcast_stale")."""
    return _state(await _at(session, user_id, token, stages))


async def move(
    session: AsyncSession,
    user_id: int,
    token: str,
    stage: Stage,
    *,
    clock: Clock,
    since: tuple[Stage, ...] = tuple(Stage),
) -> DraftState:
    """Go to another stage (asking for a time, an organisation's name) without new content."""
    row = await _at(session, user_id, token, since)
    row.step, row.updated_at = stage, clock()
    await session.flush()
    return _state(row)


async def set_message(
    session: AsyncSession, user_id: int, token: str, message: staff.Draft, *, clock: Clock
) -> DraftState:
    """The message itself (text or a caption, maybe a photo or document); the audience is next."""
    if len(message.text_html) > TEXT_LIMIT:
        raise DomainError("campaign_too_long", limit=TEXT_LIMIT)
    row = await _at(session, user_id, token, (Stage.COMPOSE,))
    row.text_html, row.media_kind, row.media_file_id = (
        message.text_html,
        message.media_kind,
        message.media_file_id,
    )
    row.step, row.updated_at = Stage.AUDIENCE, clock()
    await session.flush()
    return _state(row)


async def set_audience(
    session: AsyncSession, user_id: int, token: str, spec: str, *, clock: Clock
) -> DraftState:
    """The audience chosen; the decision (send now, schedule, drop) is next."""
    row = await _at(session, user_id, token, (Stage.AUDIENCE, Stage.ORG))
    row.audience, row.step, row.updated_at = spec, Stage.DECIDE, clock()
    await session.flush()
    return _state(row)


async def set_time(
    session: AsyncSession, user_id: int, token: str, due_at: datetime, *, clock: Clock
) -> DraftState:
    """A send time to confirm (a new one replaces the one shown)."""
    row = await _at(session, user_id, token, (Stage.TIME, Stage.AT))
    row.due_at, row.step, row.updated_at = due_at, Stage.AT, clock()
    await session.flush()
    return _state(row)


async def finish(
    session: AsyncSession,
    user: User,
    token: str,
    *,
    clock: Clock,
    due_at: datetime | None = None,
) -> Recorded:
    """Record the campaign and forget the draft, in the caller's transaction.

    Forgetting it in the same transaction makes a second press on the same button stale.
    """
    stage = Stage.AT if due_at is not None else Stage.DECIDE
    row = await _at(session, user.id, token, (stage,))
    if row.text_html is None or row.audience is None:
        raise DomainError("broadcast_stale")
    message = staff.Draft(row.text_html, row.media_kind, row.media_file_id)
    campaign = await staff.record(
        session,
        message,
        audience_spec=row.audience,
        created_by=user.telegram_id,
        clock=clock,
        due_at=due_at,
    )
    await session.delete(row)
    await session.flush()
    return Recorded(campaign.id, await staff.recipients(session, row.audience), due_at)
