"""Audiences: parsing specs and selecting active, consenting users."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.models import LinkStatus, SubRegion, Topic, UserStatus
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
