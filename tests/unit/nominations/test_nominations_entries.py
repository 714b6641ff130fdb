"""Nominating: only approved contacts, only during the period, checked fields, lists."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.models import AuditEntry, LinkStatus, User
from bot.services import nominations
from tests.conftest import FakeClock
from tests.unit.nominations.test_nominations_support import NOW, STAFF_ID, candidate, open_round
from tests.unit.test_delivery_support import add_org, add_user


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


async def _contact(
    session: AsyncSession, telegram_id: int = 1, *, link: LinkStatus = LinkStatus.APPROVED
) -> User:
    org = await add_org(session, f"Förening {telegram_id}")
    return await add_user(session, telegram_id, org=org, link=link)


async def test_an_approved_contact_nominates_for_their_organisation(
    session: AsyncSession, clock: FakeClock
) -> None:
    user = await _contact(session)
    found = await open_round(session, clock)
    entry = await nominations.nominate(
        session, found.id, user, candidate=candidate(name="  Anna   Andersson "), clock=clock
    )
    assert (entry.organisation_id, entry.nominated_by) == (user.organisation_id, user.id)
    assert entry.candidate_name == "Anna Andersson" and entry.created_at == NOW
    assert await nominations.my_nominations(session, found.id, user) == [entry]
    assert await nominations.list_nominations(session, found.id) == [entry]
    assert await nominations.count(session, found.id) == 1
    action = await session.scalar(select(AuditEntry.action).order_by(AuditEntry.id.desc()))
    assert action == "nomination_added"


@pytest.mark.parametrize("link", [LinkStatus.PENDING, LinkStatus.NONE])
async def test_only_approved_contacts_may_nominate(
    session: AsyncSession, clock: FakeClock, link: LinkStatus
) -> None:
    user = await _contact(session, link=link)
    loner = await add_user(session, 2)  # approved but without an organisation
    found = await open_round(session, clock)
    for someone in (user, loner):
        with pytest.raises(DomainError) as caught:
            await nominations.nominate(
                session, found.id, someone, candidate=candidate(), clock=clock
            )
        assert caught.value.key == "nomination_not_linked"
    assert await nominations.count(session, found.id) == 0


async def test_nominations_are_taken_only_during_the_period(
    session: AsyncSession, clock: FakeClock
) -> None:
    user = await _contact(session)
    found = await open_round(session, clock, opens_at=NOW + timedelta(days=1), days=3)
    attempts = [("nomination_not_open_yet", 0), (None, 1.5), ("nomination_round_closed", 3)]
    for key, days in attempts:
        clock.now = NOW + timedelta(days=days)
        if key is None:
            await nominations.nominate(session, found.id, user, candidate=candidate(), clock=clock)
            continue
        with pytest.raises(DomainError) as caught:
            await nominations.nominate(
                session, found.id, user, candidate=candidate(name="Bo"), clock=clock
            )
        assert caught.value.key == key
    assert await nominations.count(session, found.id) == 1


async def test_a_closed_round_takes_no_more(session: AsyncSession, clock: FakeClock) -> None:
    user = await _contact(session)
    found = await open_round(session, clock)
    await nominations.close(session, found.id, actor=STAFF_ID, clock=clock)
    with pytest.raises(DomainError) as caught:
        await nominations.nominate(session, found.id, user, candidate=candidate(), clock=clock)
    assert caught.value.key == "nomination_round_closed"


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"name": " "}, "nomination_empty"),
        ({"name": "x" * 201}, "nomination_too_long"),
        ({"organisation": "y" * 201}, "nomination_too_long"),
        ({"contact": "anna at example"}, "nomination_contact_invalid"),
        ({"contact": "12 34"}, "nomination_contact_invalid"),
        ({"motivation": "\n "}, "nomination_empty"),
        ({"motivation": "z" * 2001}, "nomination_too_long"),
    ],
)
async def test_bad_fields_are_refused(
    session: AsyncSession, clock: FakeClock, changes: dict[str, str], key: str
) -> None:
    user = await _contact(session)
    found = await open_round(session, clock)
    with pytest.raises(DomainError) as caught:
        await nominations.nominate(
            session, found.id, user, candidate=candidate(**changes), clock=clock
        )
    assert caught.value.key == key


@pytest.mark.parametrize("contact", ["anna@example.se", "070-123 45 67", "+46 (0)70 1234567"])
def test_e_mail_addresses_and_phone_numbers_are_contacts(contact: str) -> None:
    assert nominations.check_contact(f" {contact} ") == contact


async def test_the_same_candidate_twice_from_one_organisation_is_refused(
    session: AsyncSession, clock: FakeClock
) -> None:
    user = await _contact(session)
    other = await _contact(session, 2)
    found = await open_round(session, clock)
    await nominations.nominate(session, found.id, user, candidate=candidate(), clock=clock)
    with pytest.raises(DomainError) as caught:
        await nominations.nominate(
            session, found.id, user, candidate=candidate(name="anna andersson"), clock=clock
        )
    assert caught.value.key == "nomination_duplicate"
    await nominations.nominate(session, found.id, other, candidate=candidate(), clock=clock)
    assert await nominations.count(session, found.id) == 2
    assert len(await nominations.my_nominations(session, found.id, other)) == 1
