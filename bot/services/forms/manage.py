"""Staff's handling of forms: the list, and closing one."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import Form, FormStatus
from bot.services import audit
from bot.timeutil import Clock

LIST_LIMIT = 20


async def list_forms(session: AsyncSession, *, limit: int = LIST_LIMIT) -> list[Form]:
    """Open forms first, then the newest closed ones."""
    query = select(Form).order_by(Form.status != FormStatus.OPEN, Form.created_at.desc(), Form.id)
    return list((await session.scalars(query.limit(limit))).all())


def _close(form: Form, clock: Clock) -> None:
    form.status = FormStatus.CLOSED
    form.closed_at = clock()


async def close(session: AsyncSession, form: Form, *, actor: int | None, clock: Clock) -> Form:
    """Close the form now: no more answers (a closed form stays as it is); audited."""
    if form.status == FormStatus.CLOSED:
        return form
    _close(form, clock)
    await session.flush()
    await audit.record(
        session,
        actor_telegram_id=actor,
        action="form_closed",
        detail=f"form {form.id} «{form.title[:80]}» closed",
        clock=clock,
    )
    return form


async def close_due(session: AsyncSession, *, clock: Clock) -> list[Form]:
    """Close every open form whose closing time has come; the forms just closed (flushed)."""
    query = (
        select(Form)
        .where(Form.status == FormStatus.OPEN, Form.closes_at <= clock())
        .order_by(Form.id)
        .with_for_update(skip_locked=True)
    )
    due = list((await session.scalars(query)).all())
    for form in due:
        _close(form, clock)
    await session.flush()
    return due
