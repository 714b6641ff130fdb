"""The open forms a person is asked to fill in (/forms), each with how far they have got."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import Form, FormStatus, User
from bot.services.forms.profile import ensure_profile_form
from bot.services.forms.responses import addressed_to, current, draft, is_open
from bot.timeutil import Clock, as_utc


class FormState(enum.StrEnum):
    NEW = "new"  # not started
    PAUSED = "paused"  # a draft waits (possibly changing answers already sent)
    SENT = "sent"


@dataclass(frozen=True)
class MyForm:
    """One form on the person's list: its state, the question a pause stopped at, when sent."""

    form: Form
    state: FormState
    question_number: int | None = None  # 1-based; None when the draft stands at the review
    sent_at: datetime | None = None


async def state_of(session: AsyncSession, form: Form, user: User) -> MyForm:
    """How far the person has got with the form."""
    sent = await current(session, form, user)
    paused = await draft(session, form, user)
    sent_at = sent.submitted_at if sent is not None else None
    if paused is not None:
        number = paused.position + 1 if paused.position < len(form.questions) else None
        return MyForm(form, FormState.PAUSED, question_number=number, sent_at=sent_at)
    if sent is not None:
        return MyForm(form, FormState.SENT, sent_at=sent_at)
    return MyForm(form, FormState.NEW)


async def open_forms(session: AsyncSession, user: User, *, clock: Clock) -> list[MyForm]:
    """The open forms addressed to the person, soonest closing first, then newest."""
    if user.is_approved_contact:
        await ensure_profile_form(session, clock=clock)
    found = await session.scalars(select(Form).where(Form.status == FormStatus.OPEN))
    mine: list[MyForm] = []
    for form in found:
        if is_open(form, clock=clock) and await addressed_to(session, form, user):
            mine.append(await state_of(session, form, user))
    mine.sort(key=_order)
    return mine


def _order(item: MyForm) -> tuple[bool, float, int]:
    closes = item.form.closes_at
    return (closes is None, as_utc(closes).timestamp() if closes else 0.0, -item.form.id)
