"""Campaigns with a subject: rendered per recipient at send time; service audiences."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import Database
from bot.errors import DomainError
from bot.models import (
    Attendance,
    AttendanceStatus,
    Delivery,
    DeliveryStatus,
    DigestFrequency,
    Meeting,
    Topic,
    User,
)
from bot.services import topics
from bot.services.delivery import Button, Personal, audience, campaigns
from tests.conftest import FakeClock
from tests.unit.test_delivery_support import FakeSender, add_users, drain, make_worker


class LanguagePersonaliser:
    """Greets each user by id; says nothing to odd ids (their message is no longer relevant)."""

    def __init__(self) -> None:
        self.subjects: list[str] = []

    async def personalise(
        self, session: AsyncSession, subject: str, user_ids: Sequence[int], *, now: datetime
    ) -> dict[int, Personal | None]:
        self.subjects.append(subject)
        found = await session.execute(
            select(User.id, User.telegram_id).where(User.id.in_(user_ids))
        )
        return {
            user_id: Personal(f"hej {telegram_id}", ((Button("Ja", callback=f"x:{user_id}"),),))
            if telegram_id % 2 == 0
            else None
            for user_id, telegram_id in found
        }


async def _create(db: Database, clock: FakeClock, **fields: object) -> int:
    async with db.session() as session:
        campaign = await campaigns.create(
            session,
            text_html="sammanfattning",
            audience_spec=str(fields.pop("audience_spec", "all")),
            created_by=None,
            clock=clock,
            **fields,  # type: ignore[arg-type]
        )
        await session.commit()
        return campaign.id


async def test_a_subject_is_rendered_for_each_recipient_and_irrelevant_ones_are_skipped(
    db: Database, clock: FakeClock
) -> None:
    await add_users(db, [10, 11, 12])
    personaliser = LanguagePersonaliser()
    campaign_id = await _create(db, clock, subject="test:1")
    sender = FakeSender()
    await drain(make_worker(db, sender, clock, personaliser=personaliser))
    assert sorted(sender.sent, key=lambda s: s[0])[0][1] == "hej 10"
    assert {chat for chat, _, _ in sender.sent} == {10, 12}
    assert all(buttons[0][0].callback.startswith("x:") for _, _, buttons in sender.sent)
    assert set(personaliser.subjects) == {"test:1"}
    async with db.session() as session:
        rows = await session.scalars(select(Delivery).where(Delivery.campaign_id == campaign_id))
        by_chat = {d.chat_id: d for d in rows}
    assert by_chat[11].status == DeliveryStatus.SKIPPED
    assert by_chat[11].error == "no longer relevant"


async def test_without_a_personaliser_a_subject_is_skipped_not_sent_as_its_summary(
    db: Database, clock: FakeClock
) -> None:
    await add_users(db, [20])
    await _create(db, clock, subject="test:2")
    sender = FakeSender()
    await drain(make_worker(db, sender, clock))
    assert sender.sent == []


async def test_a_service_message_ignores_topic_choices_but_keeps_its_audience(
    db: Database, clock: FakeClock
) -> None:
    await add_users(db, [30, 31])
    async with db.session() as session:
        users = {u.telegram_id: u for u in await session.scalars(select(User))}
        for topic in Topic:
            await topics.set_topic(session, users[30].id, topic, False, clock=clock)
        meeting = Meeting(title="Dialog", starts_at=clock(), ends_at=clock())
        session.add(meeting)
        await session.flush()
        session.add(
            Attendance(meeting_id=meeting.id, user_id=users[30].id, status=AttendanceStatus.GOING)
        )
        session.add(
            Attendance(meeting_id=meeting.id, user_id=users[31].id, status=AttendanceStatus.WAITING)
        )
        await session.commit()
        assert await audience.count(session, f"attendees:{meeting.id}", None) == 1
        assert await audience.count(session, f"meeting:{meeting.id}", None) == 2
        assert await audience.count(session, f"meeting:{meeting.id}", Topic.MEETINGS) == 1
        assert await audience.count(session, f"user:{users[31].id}", None) == 1
    await _create(db, clock, audience_spec=f"attendees:{meeting.id}", topic=None)
    sender = FakeSender()
    await drain(make_worker(db, sender, clock))
    assert [chat for chat, _, _ in sender.sent] == [30]


def test_id_audiences_need_a_number() -> None:
    for spec in ("meeting:x", "attendees:", "user:-1"):
        try:
            audience.parse(spec)
        except DomainError as error:
            assert error.key == "audience_id_invalid"
        else:
            raise AssertionError(spec)


async def test_digest_audiences_follow_each_readers_choice_and_the_default(
    db: Database, clock: FakeClock
) -> None:
    await add_users(db, [40, 41, 42, 43])
    async with db.session() as session:
        users = {u.telegram_id: u for u in await session.scalars(select(User))}
        users[40].digest_frequency = DigestFrequency.WEEKLY
        users[41].digest_frequency = DigestFrequency.MONTHLY
        users[42].digest_frequency = DigestFrequency.OFF
        await session.commit()
        counted = {
            spec: await audience.count(session, spec, Topic.DIGEST)
            for spec in ("digest:weekly", "digest:weekly+", "digest:monthly", "digest:any+")
        }
    assert counted == {
        "digest:weekly": 1,
        "digest:weekly+": 2,
        "digest:monthly": 1,
        "digest:any+": 3,
    }
    try:
        audience.parse("digest:daily")
    except DomainError as error:
        assert error.key == "audience_unknown"
    else:
        raise AssertionError("digest:daily")
