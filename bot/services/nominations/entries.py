"""Nominations: what a candidate's details must look like, and storing one from a contact."""

from __future__ import annotations

import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.models import Nomination, NominationRound, RoundStatus, User
from bot.services import audit
from bot.services.delivery import schedule
from bot.services.nominations.rounds import get_round
from bot.timeutil import STOCKHOLM, Clock

NAME_MAX = 200  # the lengths of the nominations columns
ORGANISATION_MAX = 200
CONTACT_MAX = 200
MOTIVATION_MAX = 2000  # a few paragraphs; the column is Text, this keeps exports readable
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE = re.compile(r"^\+?[\d\s\-()]+$")
PHONE_DIGITS = (7, 15)


@dataclass(frozen=True)
class Candidate:
    """The person put forward, as typed by the contact."""

    name: str
    organisation: str
    contact: str
    motivation: str


def _line(value: str, limit: int) -> str:
    cleaned = " ".join(value.split())
    if not cleaned:
        raise DomainError("nomination_empty")
    if len(cleaned) > limit:
        raise DomainError("nomination_too_long", limit=limit)
    return cleaned


def check_name(value: str) -> str:
    """The candidate's name, tidied; DomainError when empty or too long."""
    return _line(value, NAME_MAX)


def check_organisation(value: str) -> str:
    """The candidate's organisation, tidied; DomainError when empty or too long."""
    return _line(value, ORGANISATION_MAX)


def check_contact(value: str) -> str:
    """An e-mail address or a phone number; DomainError nomination_contact_invalid otherwise."""
    cleaned = _line(value, CONTACT_MAX)
    if EMAIL.match(cleaned):
        return cleaned
    digits = sum(char.isdigit() for char in cleaned)
    if PHONE.match(cleaned) and PHONE_DIGITS[0] <= digits <= PHONE_DIGITS[1]:
        return cleaned
    raise DomainError("nomination_contact_invalid")


def check_motivation(value: str) -> str:
    """The motivation with its line breaks kept; DomainError when empty or too long."""
    cleaned = value.strip()
    if not cleaned:
        raise DomainError("nomination_empty")
    if len(cleaned) > MOTIVATION_MAX:
        raise DomainError("nomination_too_long", limit=MOTIVATION_MAX)
    return cleaned


def check(candidate: Candidate) -> Candidate:
    """Every field checked and tidied."""
    return Candidate(
        name=check_name(candidate.name),
        organisation=check_organisation(candidate.organisation),
        contact=check_contact(candidate.contact),
        motivation=check_motivation(candidate.motivation),
    )


def check_may_nominate(user: User) -> int:
    """The user's organisation id; DomainError unless an approved contact of one."""
    if not user.is_approved_contact or user.organisation_id is None:
        raise DomainError("nomination_not_linked")
    return user.organisation_id


def check_open(found: NominationRound, *, clock: Clock, tz: ZoneInfo = STOCKHOLM) -> None:
    """DomainError unless nominations are taken in the round right now."""
    now = clock()
    if found.status != RoundStatus.OPEN or found.closes_at <= now:
        raise DomainError("nomination_round_closed", title=found.title)
    if found.opens_at > now:
        raise DomainError("nomination_not_open_yet", opens=schedule.show(found.opens_at, tz))


async def nominate(
    session: AsyncSession,
    round_id: int,
    user: User,
    *,
    candidate: Candidate,
    clock: Clock,
    tz: ZoneInfo = STOCKHOLM,
) -> Nomination:
    """Store the contact's nomination for their organisation (flushed; audited)."""
    organisation_id = check_may_nominate(user)
    found = await get_round(session, round_id)
    check_open(found, clock=clock, tz=tz)
    candidate = check(candidate)
    same = await session.scalar(
        select(func.count(Nomination.id)).where(
            Nomination.round_id == round_id,
            Nomination.organisation_id == organisation_id,
            func.lower(Nomination.candidate_name) == candidate.name.lower(),
        )
    )
    if same:
        raise DomainError("nomination_duplicate", name=candidate.name)
    entry = Nomination(
        round_id=round_id,
        organisation_id=organisation_id,
        nominated_by=user.id,
        candidate_name=candidate.name,
        candidate_organisation=candidate.organisation,
        candidate_contact=candidate.contact,
        motivation=candidate.motivation,
        created_at=clock(),
    )
    session.add(entry)
    await session.flush()
    await audit.record(
        session,
        actor_telegram_id=user.telegram_id,
        action="nomination_added",
        detail=f"nomination {entry.id} in round {round_id} for organisation {organisation_id}",
        clock=clock,
    )
    return entry


async def my_nominations(session: AsyncSession, round_id: int, user: User) -> list[Nomination]:
    """The nominations this user made in the round, oldest first."""
    query = (
        select(Nomination)
        .where(Nomination.round_id == round_id, Nomination.nominated_by == user.id)
        .order_by(Nomination.created_at, Nomination.id)
    )
    return list((await session.scalars(query)).all())


async def list_nominations(session: AsyncSession, round_id: int) -> list[Nomination]:
    """Every nomination in the round, oldest first."""
    await get_round(session, round_id)
    query = (
        select(Nomination)
        .where(Nomination.round_id == round_id)
        .order_by(Nomination.created_at, Nomination.id)
    )
    return list((await session.scalars(query)).all())
