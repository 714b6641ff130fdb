"""Users: touch on every update, languages, links to organisations and staff."""

from __future__ import annotations

from collections.abc import Awaitable
from datetime import timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import Database
from bot.errors import DomainError
from bot.models import LinkStatus, Organisation, Role, User, UserStatus
from bot.services import audit, users
from tests.conftest import FakeClock

ADMIN_ID = 900


async def error_key(coroutine: Awaitable[object]) -> str:
    with pytest.raises(DomainError) as failure:
        await coroutine
    return failure.value.key


async def touch(session: AsyncSession, clock: FakeClock, telegram_id: int, name: str = "") -> User:
    return await users.touch(
        session,
        telegram_id=telegram_id,
        display_name=name or f"User {telegram_id}",
        username=None,
        admins={ADMIN_ID},
        clock=clock,
    )


@pytest.fixture
async def orgs(session: AsyncSession) -> list[Organisation]:
    created = [Organisation(name="Förening A"), Organisation(name="Förening B")]
    session.add_all(created)
    await session.flush()
    return created


@pytest.fixture
async def staff(session: AsyncSession, clock: FakeClock) -> User:
    return await users.add_staff(session, 500, admin=False, clock=clock)


async def test_touch_creates_a_swedish_member(session: AsyncSession, clock: FakeClock) -> None:
    user = await users.touch(
        session,
        telegram_id=42,
        display_name="Anna Svensson",
        username="anna",
        admins={ADMIN_ID},
        clock=clock,
        language_hint="en",
    )

    assert (user.telegram_id, user.display_name, user.username) == (42, "Anna Svensson", "anna")
    assert (user.language, user.role, user.status) == ("sv", Role.MEMBER, UserStatus.ACTIVE)
    assert (user.organisation_id, user.link_status) == (None, LinkStatus.NONE)
    assert user.first_seen == user.last_seen == clock.now
    assert await users.get_by_telegram_id(session, 42) is user
    assert await users.get(session, user.id) is user


async def test_touch_updates_name_and_last_seen(session: AsyncSession, clock: FakeClock) -> None:
    user = await touch(session, clock, 42, "Anna")
    first_seen = clock.now
    clock.advance(days=2)

    again = await users.touch(
        session, telegram_id=42, display_name="Anna S", username="annas", admins=(), clock=clock
    )

    assert again is user
    assert (user.display_name, user.username) == ("Anna S", "annas")
    assert (user.first_seen, user.last_seen) == (first_seen, first_seen + timedelta(days=2))


async def test_touch_writes_nothing_for_a_frequent_unchanged_visitor(
    session: AsyncSession, clock: FakeClock
) -> None:
    first = await touch(session, clock, 51, "Ann")
    await session.commit()
    clock.advance(minutes=4)
    again = await touch(session, clock, 51, "Ann")
    assert again.last_seen == first.first_seen
    clock.advance(minutes=2)
    later = await touch(session, clock, 51, "Ann")
    assert later.last_seen == clock.now


async def test_touch_makes_configured_admins_admin(session: AsyncSession, clock: FakeClock) -> None:
    member = await touch(session, clock, ADMIN_ID)
    assert member.role == Role.ADMIN
    staff_member = await users.add_staff(session, 7, admin=False, clock=clock)
    assert (await touch(session, clock, 7)).role == Role.STAFF
    assert staff_member.role == Role.STAFF


async def test_a_blocked_user_who_writes_again_is_active(
    session: AsyncSession, clock: FakeClock, orgs: list[Organisation]
) -> None:
    user = await touch(session, clock, 42)
    await users.link_by_invitation(session, user, orgs[0])
    user.status = UserStatus.BLOCKED

    await touch(session, clock, 42)

    assert user.status == UserStatus.ACTIVE
    assert user.organisation_id == orgs[0].id


async def test_a_deleted_user_who_writes_again_starts_afresh(
    session: AsyncSession, clock: FakeClock, orgs: list[Organisation]
) -> None:
    user = await touch(session, clock, 42)
    await users.set_language(session, user, "en")
    await users.link_by_invitation(session, user, orgs[0])
    user.status = UserStatus.DELETED
    clock.advance(days=30)

    await touch(session, clock, 42)

    assert (user.status, user.language, user.role) == (UserStatus.ACTIVE, "sv", Role.MEMBER)
    assert (user.organisation, user.link_status) == (None, LinkStatus.NONE)
    assert user.first_seen == clock.now


async def test_set_language(session: AsyncSession, clock: FakeClock) -> None:
    user = await touch(session, clock, 42)
    await users.set_language(session, user, "en")
    assert user.language == "en"
    assert await error_key(users.set_language(session, user, "de")) == "language_unknown"
    assert user.language == "en"


async def test_unknown_users(session: AsyncSession) -> None:
    assert await users.get_by_telegram_id(session, 1) is None
    assert await error_key(users.get(session, 1)) == "user_not_found"
    assert await error_key(users.remove_staff(session, 1)) == "user_not_found"


async def test_request_and_approve_a_link(
    session: AsyncSession, clock: FakeClock, orgs: list[Organisation], staff: User
) -> None:
    user = await touch(session, clock, 42)
    await users.request_link(session, user, orgs[0])
    assert (user.organisation, user.link_status) == (orgs[0], LinkStatus.PENDING)

    decided = await users.decide_link(
        session, user_id=user.id, org_id=orgs[0].id, approve=True, decided_by=staff
    )

    assert decided is user
    assert (user.organisation, user.link_status) == (orgs[0], LinkStatus.APPROVED)
    assert await error_key(users.request_link(session, user, orgs[0])) == "link_already"
    entry = (await audit.recent(session))[0]
    assert (entry.actor_telegram_id, entry.action) == (500, "link_approved")
    assert entry.detail == f"user {user.id} and organisation {orgs[0].id}"


async def test_deny_a_link(
    session: AsyncSession, clock: FakeClock, orgs: list[Organisation], staff: User
) -> None:
    user = await touch(session, clock, 42)
    await users.request_link(session, user, orgs[0])

    await users.decide_link(
        session, user_id=user.id, org_id=orgs[0].id, approve=False, decided_by=staff
    )

    assert (user.organisation_id, user.organisation, user.link_status) == (
        None,
        None,
        LinkStatus.NONE,
    )
    assert [entry.action for entry in await audit.recent(session)] == [
        "link_denied",
        "staff_added",
    ]


async def test_a_decided_or_changed_request_is_stale(
    session: AsyncSession, clock: FakeClock, orgs: list[Organisation], staff: User
) -> None:
    user = await touch(session, clock, 42)
    await users.request_link(session, user, orgs[0])
    await users.request_link(session, user, orgs[1])  # the user changed their mind

    stale = users.decide_link(
        session, user_id=user.id, org_id=orgs[0].id, approve=True, decided_by=staff
    )
    assert await error_key(stale) == "link_request_stale"

    await users.decide_link(
        session, user_id=user.id, org_id=orgs[1].id, approve=True, decided_by=staff
    )
    twice = users.decide_link(
        session, user_id=user.id, org_id=orgs[1].id, approve=False, decided_by=staff
    )
    assert await error_key(twice) == "link_request_stale"
    assert user.link_status == LinkStatus.APPROVED


async def test_the_second_of_two_staff_decisions_is_stale(
    db: Database, clock: FakeClock, orgs: list[Organisation], staff: User, session: AsyncSession
) -> None:
    user = await touch(session, clock, 42)
    await users.request_link(session, user, orgs[0])
    await session.commit()

    async with db.session() as first:
        first_staff = await users.get(first, staff.id)
        await users.decide_link(
            first, user_id=user.id, org_id=orgs[0].id, approve=True, decided_by=first_staff
        )
        await first.commit()
    async with db.session() as second:
        second_staff = await users.get(second, staff.id)
        late = users.decide_link(
            second, user_id=user.id, org_id=orgs[0].id, approve=False, decided_by=second_staff
        )
        assert await error_key(late) == "link_request_stale"


async def test_only_staff_decide_links(
    session: AsyncSession, clock: FakeClock, orgs: list[Organisation]
) -> None:
    user = await touch(session, clock, 42)
    member = await touch(session, clock, 43)
    await users.request_link(session, user, orgs[0])

    refused = users.decide_link(
        session, user_id=user.id, org_id=orgs[0].id, approve=True, decided_by=member
    )

    assert await error_key(refused) == "not_staff"
    assert user.link_status == LinkStatus.PENDING
    assert await audit.recent(session) == []


async def test_link_by_invitation_and_unlink(
    session: AsyncSession, clock: FakeClock, orgs: list[Organisation]
) -> None:
    user = await touch(session, clock, 42)
    await users.request_link(session, user, orgs[0])

    await users.link_by_invitation(session, user, orgs[1])
    assert (user.organisation, user.link_status) == (orgs[1], LinkStatus.APPROVED)

    await users.unlink(session, user)
    assert (user.organisation_id, user.link_status) == (None, LinkStatus.NONE)


async def test_add_and_remove_staff(session: AsyncSession, clock: FakeClock) -> None:
    newcomer = await users.add_staff(session, 77, admin=False, clock=clock, actor_telegram_id=1)
    admin = await users.add_staff(session, 78, admin=True, clock=clock)
    member = await touch(session, clock, 79)
    admin.display_name = "Admin"

    assert (newcomer.display_name, newcomer.role, newcomer.language) == ("", Role.STAFF, "sv")
    assert admin.role == Role.ADMIN
    assert await users.staff_members(session) == [newcomer, admin]
    assert await users.is_staff(session, 77)
    assert not await users.is_staff(session, member.telegram_id)
    assert not await users.is_staff(session, 12345)

    removed = await users.remove_staff(session, 77)

    assert removed.role == Role.MEMBER
    assert await users.staff_members(session) == [admin]
    assert [entry.action for entry in await audit.recent(session)] == [
        "staff_removed",
        "staff_added",
        "staff_added",
    ]


async def test_blocked_staff_are_not_counted(session: AsyncSession, clock: FakeClock) -> None:
    staff_member = await users.add_staff(session, 77, admin=False, clock=clock)
    staff_member.status = UserStatus.BLOCKED
    assert await users.staff_members(session) == []
    assert not await users.is_staff(session, 77)
