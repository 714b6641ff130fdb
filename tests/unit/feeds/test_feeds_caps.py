"""A flood of new items: the newest few are announced, the rest stored quietly, staff told."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import func, select

from bot.db import Database
from bot.models import Campaign, DigestEdition, EditionKind, FeedItem, FundingCall
from bot.services import calls
from bot.services.digest.content import load_content
from bot.services.feeds import FeedOptions, add_feed, poll_due
from tests.conftest import FakeClock
from tests.unit.feed_server import FeedServer, rss, running_feed_server


@pytest.fixture
async def server() -> AsyncIterator[FeedServer]:
    async with running_feed_server() as running:
        yield running


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient() as http:
        yield http


def _items(prefix: str, count: int) -> list[tuple[str, str, str, str]]:
    return [
        (f"{prefix}{n}", f"Bidrag {n}", f"https://e.org/{prefix}{n}", "Sök") for n in range(count)
    ]


async def _count(db: Database, model: type[object], *where: object) -> int:
    async with db.session() as session:
        query = select(func.count()).select_from(model).where(*where)  # type: ignore[arg-type]
        return int(await session.scalar(query) or 0)


async def test_five_thousand_new_funding_items_make_a_few_calls_not_five_thousand(
    db: Database, server: FeedServer, client: httpx.AsyncClient, clock: FakeClock
) -> None:
    # The first fetch: a backlog of 5,000, twenty of them from the last days (item n is n
    # hours old), the rest from last year.
    backlog = _items("a", 5000)
    dates = [clock.now - timedelta(hours=n) for n in range(20)]
    dates += [clock.now - timedelta(days=365)] * 4980
    server.document("/flood", rss(*backlog, published=dates))
    async with db.session() as session:
        await add_feed(session, server.url("/flood"), kind="funding", clock=clock)
        await session.commit()
    options = FeedOptions(max_announced=10, first_fetch_max=3, first_fetch_days=14)

    report = await poll_due(
        db, client, convert=calls.create_from_feed_item, clock=clock, options=options
    )

    [first] = report.outcomes
    assert (first.new_items, first.quiet, first.calls) == (5000, 4997, 3)
    assert report.capped == [first]
    async with db.session() as session:
        titles = set(await session.scalars(select(FundingCall.title)))
    assert titles == {"Bidrag 0", "Bidrag 1", "Bidrag 2"}  # the newest three
    assert (await _count(db, FundingCall), await _count(db, Campaign)) == (3, 3)

    # Later fetches: everything new is recent, and the cap per fetch holds.
    server.document("/flood", rss(*backlog, *_items("b", 500), published=clock.now))
    clock.advance(hours=1)
    report = await poll_due(
        db, client, convert=calls.create_from_feed_item, clock=clock, options=options
    )

    [second] = report.outcomes
    assert (second.new_items, second.quiet, second.calls) == (500, 490, 10)
    assert (await _count(db, FundingCall), await _count(db, Campaign)) == (13, 13)
    assert await _count(db, FeedItem) == 5500
    assert await _count(db, FeedItem, FeedItem.quiet.is_(True)) == 4997 + 490


async def test_a_first_fetch_announces_no_undated_or_old_item_and_a_small_one_is_not_capped(
    db: Database, server: FeedServer, client: httpx.AsyncClient, clock: FakeClock
) -> None:
    server.document("/undated", rss(*_items("u", 5), published=None))
    server.document("/old", rss(*_items("o", 2), published=clock.now - timedelta(days=30)))
    server.document("/fresh", rss(*_items("f", 2), published=clock.now))
    async with db.session() as session:
        for path in ("/undated", "/old", "/fresh"):
            await add_feed(session, server.url(path), kind="funding", clock=clock)
        await session.commit()

    report = await poll_due(db, client, convert=calls.create_from_feed_item, clock=clock)

    assert [(o.new_items, o.quiet, o.calls) for o in report.outcomes] == [
        (5, 5, 0),
        (2, 2, 0),
        (2, 0, 2),
    ]
    # Once fetched, the next new undated item is news and is announced.
    server.document("/undated", rss(*_items("u", 6), published=None))
    clock.advance(hours=1)
    report = await poll_due(db, client, convert=calls.create_from_feed_item, clock=clock)
    undated = report.outcomes[0]
    assert (undated.new_items, undated.quiet, undated.calls) == (1, 0, 1)


async def test_quiet_news_items_stay_out_of_the_digest(
    db: Database, server: FeedServer, client: httpx.AsyncClient, clock: FakeClock
) -> None:
    server.document("/news", rss(*_items("n", 8), published=clock.now))
    async with db.session() as session:
        await add_feed(session, server.url("/news"), kind="news", clock=clock)
        await session.commit()
    options = FeedOptions(max_announced=5, first_fetch_max=2)

    [outcome] = (
        await poll_due(
            db, client, convert=calls.create_from_feed_item, clock=clock, options=options
        )
    ).outcomes

    assert (outcome.new_items, outcome.quiet) == (8, 6)
    edition = DigestEdition(
        kind=EditionKind.WEEKLY, scheduled_for=clock.now, window_end=clock.now + timedelta(hours=1)
    )
    async with db.session() as session:
        content = await load_content(session, edition, now=clock.now)
    assert sorted(news.title for news in content.news) == ["Bidrag 0", "Bidrag 1"]
