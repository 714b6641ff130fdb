"""Readers' own digest choice: how often they get the newsletter, over the staff default."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.ids import MAX_KEY, parse_id
from bot.models import (
    Campaign,
    CampaignStatus,
    DigestEdition,
    DigestFrequency,
    EditionKind,
    Topic,
    User,
)
from bot.services import topics
from bot.services.delivery import audience
from bot.services.digest import editions
from bot.services.digest.schedule import DigestOptions, next_slot
from bot.timeutil import Clock

KIND_OF = {DigestFrequency.WEEKLY: EditionKind.WEEKLY, DigestFrequency.MONTHLY: EditionKind.MONTHLY}


@dataclass(frozen=True)
class ReaderChoice:
    """What a reader gets and whether it is their own choice (else the staff default)."""

    frequency: DigestFrequency
    explicit: bool


async def choice_of(session: AsyncSession, user: User) -> ReaderChoice:
    """The reader's digest frequency: off when the digest topic is off, else theirs or the default."""
    subscribed = (await topics.preferences(session, user.id))[Topic.DIGEST]
    if not subscribed:
        return ReaderChoice(DigestFrequency.OFF, explicit=True)
    if user.digest_frequency is not None:
        return ReaderChoice(user.digest_frequency, explicit=True)
    return ReaderChoice(await editions.get_default_frequency(session), explicit=False)


async def set_frequency(
    session: AsyncSession, user: User, frequency: DigestFrequency, *, clock: Clock
) -> None:
    """Record the reader's choice; weekly or monthly also turns the digest topic on, off turns it off."""
    user.digest_frequency = frequency
    enabled = frequency != DigestFrequency.OFF
    await topics.set_topic(session, user.id, Topic.DIGEST, enabled, clock=clock)
    await session.flush()


async def find_reader(session: AsyncSession, reference: str) -> User:
    """The user named by a Telegram id or an @username (case-insensitive)."""
    text = reference.strip()
    if parse_id(text.removeprefix("-"), maximum=MAX_KEY) is not None:
        found = await session.scalar(select(User).where(User.telegram_id == int(text)))
    elif text.startswith("@") and len(text) > 1:
        name = text[1:].lower()
        found = await session.scalar(select(User).where(func.lower(User.username) == name))
    else:
        raise DomainError("dchat_reader_invalid", reference=text)
    if found is None:
        raise DomainError("dchat_reader_unknown", reference=text)
    return found


@dataclass(frozen=True)
class Planned:
    """An edition to come: its kind, time, and how many readers it would reach now."""

    kind: EditionKind
    at: datetime
    readers: int
    edition_id: int | None = None


async def planned(session: AsyncSession, *, now: datetime, options: DigestOptions) -> list[Planned]:
    """The next weekly and monthly slots and the special editions still to be sent, by time."""
    default = await editions.get_default_frequency(session)
    found = []
    for kind in KIND_OF.values():
        spec = editions.audience_for(kind, default)
        count = await audience.count(session, spec, Topic.DIGEST)
        found.append(Planned(kind, next_slot(kind, now, options), count))
    specials = await session.execute(
        select(DigestEdition.id, DigestEdition.scheduled_for)
        .join(Campaign, Campaign.id == DigestEdition.campaign_id)
        .where(
            DigestEdition.kind == EditionKind.SPECIAL,
            DigestEdition.scheduled_for > now,
            Campaign.status == CampaignStatus.SCHEDULED,
        )
    )
    if rows := specials.all():
        spec = editions.audience_for(EditionKind.SPECIAL, default)
        count = await audience.count(session, spec, Topic.DIGEST)
        found += [Planned(EditionKind.SPECIAL, at, count, number) for number, at in rows]
    return sorted(found, key=lambda item: item.at)


def preview_edition(
    choice: ReaderChoice, *, now: datetime, options: DigestOptions
) -> DigestEdition:
    """An unsaved edition standing for the reader's next digest (weekly if they get none).

    Its window ends at the reader's next slot, exactly as the scheduled edition's will.
    """
    kind = KIND_OF.get(choice.frequency, EditionKind.WEEKLY)
    slot = next_slot(kind, now, options)
    return DigestEdition(kind=kind, scheduled_for=slot, window_end=slot, note="")
