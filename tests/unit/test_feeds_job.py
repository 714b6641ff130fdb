"""The scheduled feed job: staff hear when a feed is disabled and when it recovers; never crashes."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import pytest

from bot.config import Settings
from bot.db import Database
from bot.entrypoints.bootstrap import build_services
from bot.models import Feed
from bot.services.container import Services
from bot.services.feeds import add_feed
from bot.services.feeds.poller import FAILURES_BEFORE_DISABLE
from handlers.core.common import Context
from scheduler.feeds import poll_feeds
from tests.conftest import FakeClock
from tests.unit.feed_server import FeedServer, rss, running_feed_server

ADMIN = 4242
STAFF_CHAT = -100555


@dataclass
class FakeBot:
    """Records what the job sends (chat id and text)."""

    sent: list[tuple[int, str]] = field(default_factory=list)

    async def send_message(self, chat_id: int, text: str, **_options: Any) -> object:
        self.sent.append((chat_id, text))
        return object()


@dataclass
class FakeContext:
    """The two things a job reads from python-telegram-bot's context."""

    bot: FakeBot
    bot_data: dict[str, Any]


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
    bot = FakeBot()
    context = cast(Context, FakeContext(bot, {"services": services}))
    try:
        sent_after: list[int] = []
        for _ in range(FAILURES_BEFORE_DISABLE + 1):
            await poll_feeds(context)
            sent_after.append(len(bot.sent))
            clock.now = (await _feed(db, feed.id)).next_poll_at
        assert sent_after == [0] * (FAILURES_BEFORE_DISABLE - 1) + [1, 1]
        [(chat, text)] = bot.sent
        assert chat == expected_chat
        assert f"Flöde #{feed.id}" in text and "avstängt efter 5 misslyckade" in text
        assert "Senaste fel: flödet kunde inte hämtas, servern har problem just nu" in text
        assert "felkod 503" in text and "Service Unavailable" not in text

        server.document("/feed", rss(("g1", "Bidrag", "https://example.org/1", "Sök")))
        await poll_feeds(context)
        await poll_feeds(context)  # nothing due: no more notices
    finally:
        await services.db.dispose()

    assert len(bot.sent) == 2
    assert bot.sent[1] == (
        expected_chat,
        f"✅ Flöde #{feed.id} ({server.url('/feed')}) fungerar igen och hämtas som vanligt.",
    )
    recovered = await _feed(db, feed.id)
    assert (recovered.disabled, recovered.failures, recovered.error_kind) == (False, 0, None)


async def test_a_broken_database_is_logged_in_one_line_and_the_job_returns(
    tmp_path: Path, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    services = _services(f"sqlite:///{tmp_path / 'no-tables.db'}", clock)
    bot = FakeBot()
    try:
        with caplog.at_level(logging.ERROR, logger="scheduler.feeds"):
            await poll_feeds(cast(Context, FakeContext(bot, {"services": services})))
    finally:
        await services.db.dispose()

    assert bot.sent == []
    assert [r.getMessage() for r in caplog.records] == ["feed poll run failed: OperationalError"]
    assert all(r.exc_info is None for r in caplog.records)


async def test_the_job_is_registered_every_minute(db_url: str, clock: FakeClock) -> None:
    from telegram.ext import ApplicationBuilder

    from scheduler import register
    from scheduler.feeds import FEED_POLL_EVERY

    services = _services(db_url, clock)
    application = ApplicationBuilder().token("1:test").build()
    try:
        register(application, services)
        assert application.job_queue is not None
        [job] = application.job_queue.get_jobs_by_name("feeds-poll")
        assert job.callback is poll_feeds
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
    bot = FakeBot()
    try:
        await poll_feeds(cast(Context, FakeContext(bot, {"services": services})))
    finally:
        await services.db.dispose()

    assert bot.sent == [
        (
            STAFF_CHAT,
            f"📥 Flöde #{feed.id} ({server.url('/feed')}) hade 1\u00a0200 nya poster; "
            "3 annonserades, resten (1\u00a0197) sparades utan utskick.",
        )
    ]
