"""The scheduled feed job: staff hear when a feed is disabled and when it recovers; never crashes."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from bot.config import Settings
from bot.db import Database
from bot.entrypoints.bootstrap import build_services
from bot.models import Feed
from bot.services import calls
from bot.services.container import Services
from bot.services.feeds import add_feed, poll_now
from bot.services.feeds.notices import staff_notifier
from bot.services.feeds.poller import FAILURES_BEFORE_DISABLE
from bot.timeutil import STOCKHOLM
from handlers.delivery.personalise import build_personaliser
from scheduler.feeds import poll_feeds
from tests.conftest import FakeClock
from tests.unit.feed_server import FeedServer, rss, running_feed_server
from tests.unit.test_delivery_support import FakeSender, drain, make_worker

ADMIN = 4242
STAFF_CHAT = -100555


@dataclass
class StaffOutbox:
    """What the delivery engine sends of the staff notices the job recorded (chat, text)."""

    db: Database
    clock: FakeClock
    sender: FakeSender = field(default_factory=FakeSender)

    async def sent(self) -> list[tuple[int, str]]:
        """Everything sent so far: a worker run sends what is pending, once."""
        personaliser = build_personaliser(STOCKHOLM, poll_key=None)
        await drain(make_worker(self.db, self.sender, self.clock, personaliser=personaliser))
        return [(chat, text) for chat, text, _buttons in self.sender.sent]


def _services(database_url: str, clock: FakeClock, **settings: Any) -> Services:
    values = {"database_url": database_url, "admins": (ADMIN,), **settings}
    return build_services(Settings.model_validate(values), clock=clock)


@pytest.fixture
async def server() -> AsyncIterator[FeedServer]:
    async with running_feed_server() as running:
        yield running


async def _feed(db: Database, feed_id: int) -> Feed:
    async with db.session() as session:
        return await session.get_one(Feed, feed_id)


@pytest.mark.parametrize(("staff_chat", "expected_chat"), [(None, ADMIN), (STAFF_CHAT, STAFF_CHAT)])
async def test_staff_hear_once_when_a_feed_is_disabled_and_when_it_recovers(
    db_url: str,
    db: Database,
    server: FeedServer,
    clock: FakeClock,
    staff_chat: int | None,
    expected_chat: int,
) -> None:
    server.status("/feed", 503)
    async with db.session() as session:
        feed = await add_feed(session, server.url("/feed"), kind="funding", clock=clock)
        await session.commit()
    services = _services(db_url, clock, staff_chat_id=staff_chat)
    outbox = StaffOutbox(db, clock)
    try:
        sent_after: list[int] = []
        for _ in range(FAILURES_BEFORE_DISABLE + 1):
            await poll_feeds(services)
            sent_after.append(len(await outbox.sent()))
            clock.now = (await _feed(db, feed.id)).next_poll_at
        assert sent_after == [0] * (FAILURES_BEFORE_DISABLE - 1) + [1, 1]
        [(chat, text)] = await outbox.sent()
        assert chat == expected_chat
        assert f"Flöde #{feed.id}" in text and "avstängt efter 5 misslyckade" in text
        assert "Senaste fel: flödet kunde inte hämtas, servern har problem just nu" in text
        assert "felkod 503" in text and "Service Unavailable" not in text

        server.document("/feed", rss(("g1", "Bidrag", "https://example.org/1", "Sök")))
        await poll_feeds(services)
        await poll_feeds(services)  # nothing due: no more notices
        sent = await outbox.sent()
    finally:
        await services.db.dispose()

    assert len(sent) == 2
    assert sent[1] == (
        expected_chat,
        f"✅ Flöde #{feed.id} ({server.url('/feed')}) fungerar igen och hämtas som vanligt.",
    )
    recovered = await _feed(db, feed.id)
    assert (recovered.disabled, recovered.failures, recovered.error_kind) == (False, 0, None)


async def test_a_broken_database_is_logged_in_one_line_and_the_job_returns(
    tmp_path: Path, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    services = _services(f"sqlite:///{tmp_path / 'no-tables.db'}", clock)
    try:
        with caplog.at_level(logging.ERROR, logger="scheduler.feeds"):
            await poll_feeds(services)
    finally:
        await services.db.dispose()

    assert [r.getMessage() for r in caplog.records] == ["feed poll run failed: OperationalError"]
    assert all(r.exc_info is None for r in caplog.records)


async def test_the_job_is_registered_every_minute(db_url: str, clock: FakeClock) -> None:
    from telegram.ext import ApplicationBuilder

    from handlers.core.job_queue import JobQueueTimetable
    from scheduler import register
    from scheduler.feeds import FEED_POLL_EVERY

    services = _services(db_url, clock)
    application = ApplicationBuilder().token("1:test").build()
    try:
        register(JobQueueTimetable(application), services)
        assert application.job_queue is not None
        [job] = application.job_queue.get_jobs_by_name("feeds-poll")
        assert job.job.trigger.interval == FEED_POLL_EVERY
        assert FEED_POLL_EVERY.total_seconds() == 60
    finally:
        await services.db.dispose()


async def test_staff_hear_when_a_fetch_had_more_new_items_than_were_announced(
    db_url: str, db: Database, server: FeedServer, clock: FakeClock
) -> None:
    flood = [(f"g{n}", f"Bidrag {n}", f"https://example.org/{n}", "Sök") for n in range(1200)]
    server.document("/feed", rss(*flood, published=clock.now))
    async with db.session() as session:
        feed = await add_feed(session, server.url("/feed"), kind="funding", clock=clock)
        await session.commit()
    services = _services(db_url, clock, staff_chat_id=STAFF_CHAT)
    outbox = StaffOutbox(db, clock)
    try:
        await poll_feeds(services)
        sent = await outbox.sent()
    finally:
        await services.db.dispose()

    assert sent == [
        (
            STAFF_CHAT,
            f"📥 Flöde #{feed.id} ({server.url('/feed')}) hade 1\u00a0200 nya poster; "
            "3 annonserades, resten (1\u00a0197) sparades utan utskick.",
        )
    ]


async def test_staff_hear_of_a_recovery_found_by_poll_now_through_the_outbox(
    db_url: str, db: Database, server: FeedServer, clock: FakeClock
) -> None:
    server.document("/feed", rss(("g1", "Bidrag", "https://example.org/1", "Sök")))
    async with db.session() as session:
        feed = await add_feed(session, server.url("/feed"), kind="funding", clock=clock)
        feed.disabled, feed.failures = True, FAILURES_BEFORE_DISABLE
        await session.commit()
    services = _services(db_url, clock, staff_chat_id=STAFF_CHAT)
    outbox = StaffOutbox(db, clock)
    try:
        async with httpx.AsyncClient() as client:
            await poll_now(
                db,
                client,
                feed.id,
                convert=calls.create_from_feed_item,
                clock=clock,
                notify=staff_notifier(services.settings, clock),
            )
        sent = await outbox.sent()
    finally:
        await services.db.dispose()

    assert sent == [
        (
            STAFF_CHAT,
            f"✅ Flöde #{feed.id} ({server.url('/feed')}) fungerar igen och hämtas som vanligt.",
        )
    ]
