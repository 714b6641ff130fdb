"""Invitation deep links: create, resolve, expire, revoke."""

from __future__ import annotations

import re
from collections.abc import Awaitable
from datetime import timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.models import Organisation
from bot.services import invitations
from tests.conftest import FakeClock


@pytest.fixture
async def org(session: AsyncSession) -> Organisation:
    organisation = Organisation(name="Röda Korset Göteborg")
    session.add(organisation)
    await session.flush()
    return organisation


async def error_key(coroutine: Awaitable[object]) -> str:
    with pytest.raises(DomainError) as failure:
        await coroutine
    return failure.value.key


async def test_create_makes_a_telegram_safe_code(
    session: AsyncSession, org: Organisation, clock: FakeClock
) -> None:
    invitation = await invitations.create(session, org.id, days=14, clock=clock)

    assert re.fullmatch(r"[A-Za-z0-9_-]{1,32}", invitation.code)
    assert invitation.organisation_id == org.id
    assert invitation.expires_at == clock.now + timedelta(days=14)
    assert invitation.uses == 0
    other = await invitations.create(session, org.id, days=14, clock=clock)
    assert other.code != invitation.code


async def test_resolve_links_to_the_organisation_and_counts_uses(
    session: AsyncSession, org: Organisation, clock: FakeClock
) -> None:
    invitation = await invitations.create(session, org.id, days=7, clock=clock)

    assert await invitations.resolve(session, invitation.code, clock=clock) == org
    assert await invitations.resolve(session, f" {invitation.code}\n", clock=clock) == org
    assert invitation.uses == 2


async def test_an_invitation_expires(
    session: AsyncSession, org: Organisation, clock: FakeClock
) -> None:
    invitation = await invitations.create(session, org.id, days=7, clock=clock)
    clock.advance(days=6, hours=23)
    assert await invitations.resolve(session, invitation.code, clock=clock) == org

    clock.advance(hours=1)

    assert await error_key(invitations.resolve(session, invitation.code, clock=clock)) == (
        "invite_expired"
    )
    assert await invitations.list_active(session, clock=clock) == []


async def test_a_revoked_invitation_no_longer_works(
    session: AsyncSession, org: Organisation, clock: FakeClock
) -> None:
    invitation = await invitations.create(session, org.id, days=7, clock=clock)

    revoked = await invitations.revoke(session, invitation.code, clock=clock)
    clock.advance(minutes=5)
    await invitations.revoke(session, invitation.code, clock=clock)

    assert revoked.revoked_at is not None
    assert revoked.revoked_at < clock.now  # revoking again keeps the first time
    assert await error_key(invitations.resolve(session, invitation.code, clock=clock)) == (
        "invite_revoked"
    )


@pytest.mark.usefixtures("org")
@pytest.mark.parametrize("code", ["nope", "", "../etc", "x" * 100])
async def test_unknown_codes_are_invalid(
    session: AsyncSession, clock: FakeClock, code: str
) -> None:
    assert await error_key(invitations.resolve(session, code, clock=clock)) == "invite_invalid"
    assert await error_key(invitations.revoke(session, code, clock=clock)) == "invite_not_found"


async def test_create_checks_organisation_and_days(
    session: AsyncSession, org: Organisation, clock: FakeClock
) -> None:
    assert await error_key(invitations.create(session, 999, days=7, clock=clock)) == (
        "org_not_found"
    )
    assert await error_key(invitations.create(session, org.id, days=0, clock=clock)) == (
        "invite_days_invalid"
    )


async def test_list_active_leaves_out_revoked_and_expired(
    session: AsyncSession, org: Organisation, clock: FakeClock
) -> None:
    long = await invitations.create(session, org.id, days=30, clock=clock)
    short = await invitations.create(session, org.id, days=2, clock=clock)
    expiring = await invitations.create(session, org.id, days=1, clock=clock)
    revoked = await invitations.create(session, org.id, days=5, clock=clock)
    await invitations.revoke(session, revoked.code, clock=clock)
    clock.advance(days=1)

    assert await invitations.list_active(session, clock=clock) == [short, long]
    assert expiring not in await invitations.list_active(session, clock=clock)


async def test_invitations_survive_a_commit(
    session: AsyncSession, org: Organisation, clock: FakeClock
) -> None:
    invitation = await invitations.create(session, org.id, days=3, clock=clock)
    await session.commit()
    session.expunge_all()

    resolved = await invitations.resolve(session, invitation.code, clock=clock)
    assert resolved.id == org.id
    assert resolved.name == "Röda Korset Göteborg"


def test_deep_link() -> None:
    assert invitations.deep_link("@signbot", "abc_D-1") == "https://t.me/signbot?start=abc_D-1"
    assert invitations.deep_link("signbot", "x") == "https://t.me/signbot?start=x"


def test_codes_never_start_with_a_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    drawn = iter(["-starts-with-dash", "Abc_def-123"])
    monkeypatch.setattr(invitations.secrets, "token_urlsafe", lambda _n: next(drawn))
    assert invitations.new_code() == "Abc_def-123"
