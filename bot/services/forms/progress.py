"""How far a form has come: who was reached, who answered, who is still filling it in."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import (
    Campaign,
    Delivery,
    DeliveryStatus,
    Form,
    FormResponse,
    LinkStatus,
    Organisation,
    ResponseStatus,
    User,
    UserStatus,
)
from bot.services.forms import subjects
from bot.services.forms.responses import owner_column


@dataclass(frozen=True)
class Progress:
    """For a personal form ``total`` is the people reached; for a per-organisation form it is
    every organisation, and ``without_contact`` counts the missing ones nobody can answer for."""

    per_organisation: bool
    total: int
    answered: int
    in_progress: int
    without_contact: int = 0
    waiting_names: list[str] = field(default_factory=list)

    @property
    def missing(self) -> int:
        """Not answered yet (those in progress included)."""
        return self.total - self.answered

    @property
    def not_started(self) -> int:
        """Neither answered nor begun."""
        return self.missing - self.in_progress


async def _owners(session: AsyncSession, form: Form, status: ResponseStatus) -> set[int]:
    owner = owner_column(form)
    query = select(owner).distinct().where(FormResponse.form_id == form.id)
    query = query.where(FormResponse.status == status, owner.is_not(None))
    if status == ResponseStatus.SUBMITTED:
        query = query.where(FormResponse.in_force)
    return {found for found in await session.scalars(query) if found is not None}


async def reached_users(session: AsyncSession, form: Form) -> set[int]:
    """Users the form's card was delivered to."""
    query = (
        select(Delivery.user_id)
        .distinct()
        .join(Campaign, Campaign.id == Delivery.campaign_id)
        .where(Campaign.subject == subjects.card(form.id), Delivery.status == DeliveryStatus.SENT)
    )
    return set(await session.scalars(query))


async def progress(session: AsyncSession, form: Form) -> Progress:
    """The form's counts and the names of those who have not answered yet."""
    answered = await _owners(session, form, ResponseStatus.SUBMITTED)
    started = await _owners(session, form, ResponseStatus.DRAFT) - answered
    if form.per_organisation:
        return await _per_organisation(session, form, answered, started)
    reached = await reached_users(session, form)
    names = await session.scalars(
        select(User.display_name).where(User.id.in_(reached - answered)).order_by(User.display_name)
    )
    return Progress(
        per_organisation=False,
        total=len(reached | answered),
        answered=len(answered),
        in_progress=len(started),
        waiting_names=list(names),
    )


async def _per_organisation(
    session: AsyncSession, form: Form, answered: set[int], started: set[int]
) -> Progress:
    organisations = dict((await session.execute(select(Organisation.id, Organisation.name))).all())
    with_contact = set(
        await session.scalars(
            select(User.organisation_id).where(
                User.link_status == LinkStatus.APPROVED,
                User.status == UserStatus.ACTIVE,
                User.organisation_id.is_not(None),
            )
        )
    )
    missing = set(organisations) - answered
    return Progress(
        per_organisation=True,
        total=len(organisations),
        answered=len(answered & set(organisations)),
        in_progress=len(started & missing),
        without_contact=len(missing - with_contact),
        waiting_names=sorted(organisations[org_id] for org_id in missing),
    )
