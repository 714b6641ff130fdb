"""A user's form answers in their data export, and what erasing them means.

Answers to a personal form are the person's own and go with them. A submitted profile of an
organisation belongs to the organisation: it stays, without the link to who sent it.
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import Form, FormResponse, ResponseStatus
from bot.services.forms.values import values_by_key
from bot.timeutil import local


async def export_form_answers(
    session: AsyncSession, user_id: int, tz: ZoneInfo
) -> list[dict[str, Any]]:
    """Every response the user started or sent, with its answers by question key."""
    rows = await session.execute(
        select(FormResponse, Form)
        .join(Form, Form.id == FormResponse.form_id)
        .where(FormResponse.user_id == user_id)
        .order_by(FormResponse.started_at, FormResponse.id)
    )
    return [
        {
            "form": form.title,
            "for_organisation": form.per_organisation,
            "status": response.status.value,
            "in_force": response.in_force,
            "started_at": local(response.started_at, tz).isoformat(timespec="seconds"),
            "sent_at": None
            if response.submitted_at is None
            else local(response.submitted_at, tz).isoformat(timespec="seconds"),
            "answers": values_by_key(form, response),
        }
        for response, form in rows
    ]


async def erase_form_answers(session: AsyncSession, user_id: int) -> int:
    """Delete the user's drafts and personal answers; unlink organisation profiles they sent."""
    personal = select(Form.id).where(Form.per_organisation.is_(False))
    mine = FormResponse.user_id == user_id
    ids = list(
        await session.scalars(
            select(FormResponse.id).where(
                mine,
                (FormResponse.status == ResponseStatus.DRAFT) | FormResponse.form_id.in_(personal),
            )
        )
    )
    if ids:
        await session.execute(delete(FormResponse).where(FormResponse.id.in_(ids)))
    kept = list(await session.scalars(select(FormResponse).where(mine)))
    for response in kept:
        response.user_id = None
    await session.flush()
    return len(ids) + len(kept)
