"""Editions: the staff default, audiences by kind, once per slot, send now, special editions."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import Database
from bot.errors import DomainError
from bot.models import AuditEntry, Campaign, DigestEdition, DigestFrequency, EditionKind, Topic
from bot.services.delivery import campaigns
from bot.services.digest import editions
from bot.services.digest.subjects import subject
from tests.conftest import FakeClock
from tests.unit.test_delivery_support import add_user

STAFF = 700001
SLOT = datetime(2026, 10, 26, 7, tzinfo=UTC)


async def _audience(session: AsyncSession, kind: EditionKind, slot: datetime) -> str:
    edition = await editions.create_edition(
        session, kind=kind, scheduled_for=slot, created_by=None, clock=FakeClock(slot)
    )
    assert edition is not None and edition.campaign_id is not None
    return (await session.get_one(Campaign, edition.campaign_id)).audience


async def test_the_default_is_weekly_until_staff_change_it_and_the_change_is_audited(
    session: AsyncSession, clock: FakeClock
) -> None:
    assert await editions.get_default_frequency(session) == DigestFrequency.WEEKLY
    await editions.set_default_frequency(session, DigestFrequency.MONTHLY, actor=STAFF, clock=clock)
    await editions.set_default_frequency(session, DigestFrequency.OFF, actor=STAFF, clock=clock)
    await session.commit()
    assert await editions.get_default_frequency(session) == DigestFrequency.OFF
    details = list(
        await session.scalars(
            select(AuditEntry.detail).where(AuditEntry.action == "digest_default_set")
        )
    )
    assert details == ["default digest frequency: monthly", "default digest frequency: off"]


@pytest.mark.parametrize(
    ("default", "expected"),
    [
        (DigestFrequency.WEEKLY, ("digest:weekly+", "digest:monthly", "digest:any+")),
        (DigestFrequency.MONTHLY, ("digest:weekly", "digest:monthly+", "digest:any+")),
        (DigestFrequency.OFF, ("digest:weekly", "digest:monthly", "digest:any")),
    ],
)
async def test_each_kind_reaches_its_readers_and_those_the_default_gives_it(
    session: AsyncSession, clock: FakeClock, default: DigestFrequency, expected: tuple[str, ...]
) -> None:
    await editions.set_default_frequency(session, default, actor=STAFF, clock=clock)
    kinds = (EditionKind.WEEKLY, EditionKind.MONTHLY, EditionKind.SPECIAL)
    assert tuple([await _audience(session, kind, SLOT) for kind in kinds]) == expected


async def test_the_weekly_edition_starts_for_weekly_readers_and_those_who_never_chose(
    session: AsyncSession,
) -> None:
    frequencies = [DigestFrequency.WEEKLY, DigestFrequency.MONTHLY, DigestFrequency.OFF, None]
    for telegram_id, frequency in enumerate(frequencies, start=1):
        user = await add_user(session, telegram_id)
        user.digest_frequency = frequency
    clock = FakeClock(SLOT)
    edition = await editions.create_edition(
        session, kind=EditionKind.WEEKLY, scheduled_for=SLOT, created_by=None, clock=clock
    )
    await session.commit()
    assert edition is not None and edition.campaign_id is not None
    assert await campaigns.start(session, edition.campaign_id, clock=clock) == 2


async def test_a_slot_gets_one_edition_and_one_campaign(session: AsyncSession) -> None:
    clock = FakeClock(SLOT)
    first = await editions.create_edition(
        session,
        kind=EditionKind.WEEKLY,
        scheduled_for=SLOT,
        note=" Hej! ",
        created_by=None,
        clock=clock,
    )
    again = await editions.create_edition(
        session, kind=EditionKind.WEEKLY, scheduled_for=SLOT, created_by=None, clock=clock
    )
    other_kind = await editions.create_edition(
        session, kind=EditionKind.MONTHLY, scheduled_for=SLOT, created_by=None, clock=clock
    )
    await session.commit()
    assert first is not None and again is None and other_kind is not None
    assert first.note == "Hej!"
    campaign = await session.get_one(Campaign, first.campaign_id)
    assert campaign.subject == subject(first.id) and campaign.topic == Topic.DIGEST
    assert campaign.text_html == "📰 Nyhetsbrev, veckans utgåva 26 oktober kl. 08.00"
    assert await session.scalar(select(func.count(Campaign.id))) == 2
    audit = list(
        await session.scalars(
            select(AuditEntry.detail).where(AuditEntry.action == "digest_edition_created")
        )
    )
    assert (
        audit[0]
        == f"weekly edition {first.id} for 2026-10-26 07:00Z to digest:weekly+ (campaign {campaign.id})"
    )
    assert len(audit) == 2


async def test_two_processes_racing_for_a_slot_make_one_edition(db_url: str, db: Database) -> None:
    other = Database(db_url)  # a second process: its own engine and connections

    async def create(database: Database) -> DigestEdition | None:
        async with database.session() as session:
            edition = await editions.create_edition(
                session,
                kind=EditionKind.WEEKLY,
                scheduled_for=SLOT,
                created_by=None,
                clock=FakeClock(SLOT),
            )
            await session.commit()
            return edition

    try:
        results = await asyncio.gather(create(db), create(other), create(db), create(other))
    finally:
        await other.dispose()
    assert sum(result is not None for result in results) == 1
    async with db.session() as session:
        assert await session.scalar(select(func.count(DigestEdition.id))) == 1
        assert await session.scalar(select(func.count(Campaign.id))) == 1


async def test_send_now_makes_a_special_edition_whose_window_ends_now(
    session: AsyncSession, clock: FakeClock
) -> None:
    edition = await editions.send_now(session, note="Sommarhälsning", created_by=STAFF, clock=clock)
    await session.commit()
    assert edition.kind == EditionKind.SPECIAL and edition.note == "Sommarhälsning"
    assert edition.scheduled_for == edition.window_end == clock()
    assert edition.created_by == STAFF
    campaign = await session.get_one(Campaign, edition.campaign_id)
    assert campaign.created_by == STAFF and campaign.audience == "digest:any+"
    assert await campaigns.due(session, clock=clock) == [campaign.id]
    with pytest.raises(DomainError) as same_moment:
        await editions.send_now(session, note="", created_by=STAFF, clock=clock)
    assert same_moment.value.key == "digest_edition_exists"


async def test_a_special_edition_is_scheduled_for_a_future_time_only(
    session: AsyncSession, clock: FakeClock
) -> None:
    at = clock() + timedelta(days=30)
    edition = await editions.schedule_special(
        session, at=at, note="Kvartalsbrev", created_by=STAFF, clock=clock
    )
    assert edition.scheduled_for == edition.window_end == at
    campaign = await session.get_one(Campaign, edition.campaign_id)
    assert campaign.due_at == at and await campaigns.due(session, clock=clock) == []
    for moment, key in [
        (at, "digest_edition_exists"),
        (clock(), "digest_special_in_past"),
        (clock() - timedelta(hours=1), "digest_special_in_past"),
    ]:
        with pytest.raises(DomainError) as refused:
            await editions.schedule_special(
                session, at=moment, note="", created_by=STAFF, clock=clock
            )
        assert refused.value.key == key


async def test_a_note_longer_than_the_limit_is_refused(
    session: AsyncSession, clock: FakeClock
) -> None:
    with pytest.raises(DomainError) as refused:
        await editions.send_now(
            session, note="x" * (editions.NOTE_LIMIT + 1), created_by=STAFF, clock=clock
        )
    assert refused.value.key == "digest_note_too_long"
    assert await session.scalar(select(func.count(DigestEdition.id))) == 0
