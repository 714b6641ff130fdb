"""Staff notices from scheduled jobs go through the outbox: recorded with what they tell of,
sent once by the delivery engine, in each reader's language (a poll's result with its chart)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from bot.config import Settings
from bot.db import Database
from bot.entrypoints.bootstrap import build_services
from bot.models import Campaign, Delivery, DeliveryStatus, NominationRound, Role, User
from bot.services import polls
from bot.services.container import Services
from bot.services.delivery import Blocked
from bot.services.polls import PollDraft
from handlers.delivery.personalise import build_personaliser
from scheduler.nominations import NominationJob
from scheduler.polls import PollJob
from tests.conftest import FakeClock
from tests.unit.test_delivery_support import FakeSender, drain, make_worker

NOW = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
STAFF_CHAT = -100777
ENGLISH_ADMIN = 4242


def _services(db_url: str, clock: FakeClock, **settings: Any) -> Services:
    values = {"database_url": db_url, **settings}
    return build_services(Settings.model_validate(values), clock=clock)


async def _round(db: Database) -> int:
    async with db.session() as session:
        found = NominationRound(
            title="Styrgruppen 2027", opens_at=NOW - timedelta(days=7), closes_at=NOW
        )
        session.add(found)
        await session.commit()
        return found.id


async def _send(services: Services, db: Database, clock: FakeClock) -> FakeSender:
    """What the delivery engine sends of what was recorded; a second pass sends nothing."""
    sender = FakeSender()
    worker = make_worker(
        db, sender, clock, personaliser=build_personaliser(services.settings.tz, poll_key=None)
    )
    await drain(worker)
    await drain(worker)  # a second worker pass (as after a restart) sends nothing again
    return sender


async def _close_and_send(services: Services, db: Database, clock: FakeClock) -> FakeSender:
    job = NominationJob(services, services.leader)
    assert await job.run() == 1
    assert await job.run() == 0  # closed once, told once
    return await _send(services, db, clock)


async def test_a_closed_round_reaches_the_staff_chat_once_in_swedish(
    db_url: str, db: Database, clock: FakeClock
) -> None:
    clock.now = NOW + timedelta(minutes=1)
    round_id = await _round(db)
    services = _services(db_url, clock, staff_chat_id=STAFF_CHAT)
    try:
        sender = await _close_and_send(services, db, clock)
    finally:
        await services.leader.release()
        await services.db.dispose()
    assert [(chat, text) for chat, text, _ in sender.sent] == [
        (
            STAFF_CHAT,
            f"Nominering #{round_id} ”Styrgruppen 2027” har stängt. Nomineringar: 0. "
            "Exportera dem med /nominations.",
        )
    ]
    async with db.session() as session:
        campaign = await session.scalar(select(Campaign))
        delivery = await session.scalar(select(Delivery))
    assert campaign is not None and campaign.audience == "staff"
    assert delivery is not None and (delivery.user_id, delivery.chat_id) == (None, STAFF_CHAT)


async def test_without_a_staff_chat_each_admin_reads_it_in_their_language(
    db_url: str, db: Database, clock: FakeClock
) -> None:
    clock.now = NOW + timedelta(minutes=1)
    round_id = await _round(db)
    async with db.session() as session:
        session.add(User(telegram_id=ENGLISH_ADMIN, role=Role.ADMIN, language="en"))
        await session.commit()
    services = _services(db_url, clock, admins=(ENGLISH_ADMIN,))
    try:
        sender = await _close_and_send(services, db, clock)
    finally:
        await services.leader.release()
        await services.db.dispose()
    assert [(chat, text) for chat, text, _ in sender.sent] == [
        (
            ENGLISH_ADMIN,
            f"Nomination #{round_id} “Styrgruppen 2027” has closed. Nominations: 0. "
            "Export them with /nominations.",
        )
    ]


async def test_a_closed_polls_result_reaches_its_author_in_their_language_with_the_chart(
    db_url: str, db: Database, clock: FakeClock
) -> None:
    clock.now = NOW
    async with db.session() as session:
        session.add(User(telegram_id=ENGLISH_ADMIN, role=Role.STAFF, language="en"))
        draft = PollDraft(
            question="Hur var mötet?", options=("Bra", "Dåligt"), closes_at=NOW + timedelta(hours=1)
        )
        poll = await polls.create(session, draft, created_by=ENGLISH_ADMIN, clock=clock)
        await session.commit()
        poll_id = poll.id
    clock.now = NOW + timedelta(hours=2)
    services = _services(db_url, clock, staff_chat_id=STAFF_CHAT)
    try:
        job = PollJob(services, services.leader)
        assert await job.run() == 1
        assert await job.run() == 0  # recorded once, with the mark that it was sent
        sender = await _send(services, db, clock)
    finally:
        await services.leader.release()
        await services.db.dispose()
    # The author also hears how the poll's own campaign went (to nobody here).
    [text] = [found for found in sender.texts_to(ENGLISH_ADMIN) if "has closed" in found]
    assert text.startswith(f"Poll #{poll_id} has closed. Here is the result.\n\n")
    assert "Hur var mötet?" in text
    [(chat, chart)] = sender.photos
    assert chat == ENGLISH_ADMIN and chart.startswith(b"\x89PNG")
    assert sender.texts_to(STAFF_CHAT) == []  # the author's, not the staff chat's


async def test_a_staff_chat_that_removed_the_bot_is_skipped_and_blocks_no_one(
    db_url: str, db: Database, clock: FakeClock
) -> None:
    clock.now = NOW + timedelta(minutes=1)
    await _round(db)
    services = _services(db_url, clock, staff_chat_id=STAFF_CHAT)
    try:
        assert await NominationJob(services, services.leader).run() == 1
        sender = FakeSender(always={STAFF_CHAT: Blocked("bot was kicked")})
        personaliser = build_personaliser(services.settings.tz, poll_key=None)
        await drain(make_worker(db, sender, clock, personaliser=personaliser))
    finally:
        await services.leader.release()
        await services.db.dispose()
    async with db.session() as session:
        delivery = await session.scalar(select(Delivery))
    assert delivery is not None and delivery.status == DeliveryStatus.SKIPPED
    assert delivery.error == "blocked: bot was kicked"
