"""Sending a form to its audience, and reminding those who have not answered yet."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.models import Campaign, Form, Topic
from bot.services import audit
from bot.services.delivery import audience, campaigns
from bot.services.forms import subjects
from bot.services.forms.labels import form_title
from bot.services.forms.progress import progress
from bot.services.forms.responses import is_open
from bot.texts import DEFAULT_LANGUAGE, t
from bot.timeutil import Clock


@dataclass(frozen=True)
class Sent:
    """The campaign made, and how many it reaches now."""

    campaign: Campaign
    recipients: int


def waiting_audience(form: Form) -> str:
    """The audience of a reminder: those reached who have not answered yet."""
    return f"form:{form.id}"


async def reach(session: AsyncSession, form: Form) -> int:
    """How many the form's card would reach now."""
    return await audience.count(session, form.audience, Topic.POLLS)


async def remindable(session: AsyncSession, form: Form) -> int:
    """How many a reminder would reach now; DomainError form_remind_nobody when none."""
    count = await audience.count(session, waiting_audience(form), Topic.POLLS)
    if count == 0:
        found = await progress(session, form)
        raise DomainError("form_remind_nobody", reached=found.total, answered=found.answered)
    return count


async def _campaign(
    session: AsyncSession,
    form: Form,
    *,
    reminder: bool,
    count: int,
    actor: int | None,
    clock: Clock,
) -> Sent:
    """The card or the reminder as a campaign to its audience now (flushed; audited)."""
    title = form_title(form, DEFAULT_LANGUAGE)
    summary = "form_staff_reminder_summary" if reminder else "form_staff_summary"
    audience_spec = waiting_audience(form) if reminder else form.audience
    campaign = await campaigns.create(
        session,
        text_html=t(summary, DEFAULT_LANGUAGE, title=title),
        audience_spec=audience_spec,
        created_by=actor,
        clock=clock,
        topic=Topic.POLLS,
        subject=subjects.reminder(form.id) if reminder else subjects.card(form.id),
        recipients=count,
    )
    await audit.record(
        session,
        actor_telegram_id=actor,
        action="form_reminded" if reminder else "form_sent",
        detail=f"form {form.id} «{title[:80]}» to {audience_spec} ({count} recipients)",
        clock=clock,
    )
    return Sent(campaign, count)


async def send(session: AsyncSession, form: Form, *, actor: int | None, clock: Clock) -> Sent:
    """A campaign carrying the form's card to its audience now (flushed; audited)."""
    if not is_open(form, clock=clock):
        raise DomainError("form_closed")
    count = await reach(session, form)
    return await _campaign(session, form, reminder=False, count=count, actor=actor, clock=clock)


async def remind(session: AsyncSession, form: Form, *, actor: int | None, clock: Clock) -> Sent:
    """A reminder to those reached who have not answered; refused when nobody is waiting."""
    if not is_open(form, clock=clock):
        raise DomainError("form_closed")
    count = await remindable(session, form)
    return await _campaign(session, form, reminder=True, count=count, actor=actor, clock=clock)
