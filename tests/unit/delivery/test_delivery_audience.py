"""Audiences: parsing specs and selecting active, consenting users."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.models import (
    Attendance,
    AttendanceStatus,
    Campaign,
    Delivery,
    DeliveryStatus,
    DigestFrequency,
    Form,
    LinkStatus,
    Meeting,
    Role,
    SubRegion,
    Topic,
    User,
    UserStatus,
)
from bot.services import topics
from bot.services.delivery import audience
from tests.conftest import FakeClock
from tests.unit.test_delivery_support import add_org, add_user


@pytest.mark.parametrize(
    ("spec", "canonical"),
    [
        ("all", "all"),
        (" ALL ", "all"),
        ("subregion:skaraborg", "subregion:Skaraborg"),
        ("subregion:Sjuhärad", "subregion:Sjuhärad"),
        ("umbrella", "umbrella"),
        ("topic:meetings", "topic:meetings"),
        ("org:12", "org:12"),
    ],
)
def test_specs_parse_to_a_canonical_form(spec: str, canonical: str) -> None:
    assert audience.parse(spec).spec == canonical


@pytest.mark.parametrize(
    ("spec", "key"),
    [
        ("everyone", "audience_unknown"),
        ("all:x", "audience_unknown"),
        ("subregion:Halland", "audience_subregion_unknown"),
        ("topic:weather", "audience_topic_unknown"),
        ("org:abc", "audience_org_invalid"),
        ("org:", "audience_org_invalid"),
    ],
)
def test_bad_specs_raise_domain_errors(spec: str, key: str) -> None:
    with pytest.raises(DomainError) as raised:
        audience.parse(spec)
    assert raised.value.key == key


async def test_audiences_select_active_consenting_users(
    session: AsyncSession, clock: FakeClock
) -> None:
    skaraborg = await add_org(
        session, "PRO Skaraborg", subregion=SubRegion.SKARABORG, umbrella=True
    )
    gbg = await add_org(session, "Suicide Zero", subregion=SubRegion.GOTEBORGSREGIONEN)
    await add_user(session, 1, org=skaraborg)
    await add_user(session, 2, org=skaraborg, link=LinkStatus.PENDING)
    await add_user(session, 3, org=gbg)
    await add_user(session, 4, org=gbg, status=UserStatus.BLOCKED)
    unsubscribed = await add_user(session, 5, org=gbg)
    await add_user(session, 6)
    await topics.set_topic(session, unsubscribed.id, Topic.ANNOUNCEMENTS, False, clock=clock)
    await topics.set_topic(session, unsubscribed.id, Topic.MEETINGS, True, clock=clock)
    await session.flush()

    async def count(spec: str, topic: Topic = Topic.ANNOUNCEMENTS) -> int:
        return await audience.count(session, spec, topic)

    assert await count("all") == 4  # 1, 2, 3, 6: not blocked 4, not unsubscribed 5
    assert await count("all", Topic.MEETINGS) == 5
    assert await count("subregion:Skaraborg") == 1  # the pending link does not count
    assert await count("subregion:Göteborgsregionen") == 1
    assert await count("subregion:Göteborgsregionen", Topic.MEETINGS) == 2
    assert await count("umbrella") == 1
    assert await count(f"org:{gbg.id}") == 1
    assert await count("topic:meetings") == 4  # announcements consent still applies
    assert await count("org:99999") == 0


async def _every_kind_fixture(session: AsyncSession, clock: FakeClock) -> dict[str, int]:
    """A member, a staff member, a staff member who is also an approved contact; a meeting
    all three signed up for and a form card all three got. Their users.id by name."""
    org = await add_org(session, "PRO Skaraborg", subregion=SubRegion.SKARABORG, umbrella=True)
    people = {
        "member": await add_user(session, 1, org=org),
        "staff": await add_user(session, 2),
        "staff_contact": await add_user(session, 3, org=org),
    }
    people["staff"].role = Role.STAFF
    people["staff_contact"].role = Role.ADMIN
    now = clock()
    meeting = Meeting(title="Dialogmöte", starts_at=now, ends_at=now)
    form = Form(title="Enkät om bidrag")
    session.add_all([meeting, form])
    await session.flush()
    card = Campaign(subject=f"form:{form.id}", audience="all", due_at=now, created_at=now)
    session.add(card)
    await session.flush()
    for user in people.values():
        session.add(
            Attendance(meeting_id=meeting.id, user_id=user.id, status=AttendanceStatus.GOING)
        )
        session.add(
            Delivery(
                campaign_id=card.id,
                user_id=user.id,
                chat_id=user.telegram_id,
                status=DeliveryStatus.SENT,
                next_attempt_at=now,
            )
        )
    await session.flush()
    return {
        "meeting": meeting.id,
        "form": form.id,
        "org": org.id,
        **{name: user.id for name, user in people.items()},
    }


async def test_staff_are_in_member_audiences_only_as_approved_contacts(
    session: AsyncSession, clock: FakeClock
) -> None:
    ids = await _every_kind_fixture(session, clock)
    specs = {
        "all": "all",
        "contacts": "contacts",
        "subregion": "subregion:Skaraborg",
        "umbrella": "umbrella",
        "topic": "topic:meetings",
        "org": f"org:{ids['org']}",
        "meeting": f"meeting:{ids['meeting']}",
        "attendees": f"attendees:{ids['meeting']}",
        "user": f"user:{ids['staff']}",
        "digest": "digest:weekly+",
        "form": f"form:{ids['form']}",
        "staff": "staff",
    }
    assert set(specs) == set(audience.KINDS)  # a new kind must say where staff stand
    members = {ids["member"], ids["staff_contact"]}
    everyone = members | {ids["staff"]}
    expected = {kind: members for kind in audience.KINDS} | {
        "meeting": everyone,  # those who signed up themselves, staff or not
        "attendees": everyone,
        "user": {ids["staff"]},
        "staff": {ids["staff"], ids["staff_contact"]},  # staff notices: staff and admins only
    }
    for kind, spec in specs.items():
        topic = None if kind in (*audience.PERSONAL_KINDS, "staff") else Topic.ANNOUNCEMENTS
        query = select(User.id).where(audience.condition(audience.parse(spec), topic))
        assert set(await session.scalars(query)) == expected[kind], kind
        assert await audience.count(session, spec, topic) == len(expected[kind]), kind


async def test_staff_who_chose_a_digest_frequency_get_it(
    session: AsyncSession, clock: FakeClock
) -> None:
    staff = await add_user(session, 7)
    staff.role = Role.STAFF
    await session.flush()
    assert await audience.count(session, "digest:weekly+", None) == 0  # the default is not a choice
    staff.digest_frequency = DigestFrequency.WEEKLY
    await session.flush()
    assert await audience.count(session, "digest:weekly", None) == 1
