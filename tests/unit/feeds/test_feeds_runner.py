"""The poll run over real feed documents: claims, one transaction per feed, calls made once."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import Database
from bot.errors import DomainError
from bot.models import Campaign, Feed, FeedItem, FundingCall, Topic
from bot.services import calls
from bot.services.feeds import add_feed, poll_due, poll_now, remove_feed
from bot.services.feeds.claims import LEASE, claim_due
from bot.services.feeds.fetch import MAX_BYTES, ErrorKind, Problem
from bot.timeutil import Clock
from tests.conftest import FakeClock
from tests.unit.feed_server import FeedServer, atom, huge_rss, rss, running_feed_server

ONE = ("g1", "Bidrag till kultur", "https://example.org/1", "<p>Sök <b>nu</b></p>")
TWO = ("g2", "Bidrag till idrott", "https://example.org/2", "Öppen utlysning")
THREE = ("g3", "Kultur för unga", "https://example.org/3", "Ny")
NEWS = ("urn:n1", "Dialogmöte i Borås", "https://example.org/n1", "<p>Välkommen</p>")


@dataclass
class FakeConvert:
    """Records the items it was given; raises what it is told to, for one dedup key."""

    seen: list[str] = field(default_factory=list)
    fail_on: dict[str, Exception] = field(default_factory=dict)

    async def __call__(
        self, session: AsyncSession, item: FeedItem, *, feed: Feed, clock: Clock
    ) -> object:
        if item.dedup_key in self.fail_on:
            raise self.fail_on[item.dedup_key]
        self.seen.append(item.dedup_key)
        item.announced = True
        return item


@pytest.fixture
async def server() -> AsyncIterator[FeedServer]:
    async with running_feed_server() as running:
        yield running


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient() as http:
        yield http


async def _add(db: Database, url: str, kind: str, clock: FakeClock) -> int:
    async with db.session() as session:
        feed = await add_feed(session, url, kind=kind, clock=clock)
        await session.commit()
        return feed.id


async def _count(db: Database, model: type[object]) -> int:
    async with db.session() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def test_one_run_polls_each_kind_of_document_and_reports_it(
    db: Database, server: FeedServer, client: httpx.AsyncClient, clock: FakeClock
) -> None:
    server.document("/rss", rss(ONE, TWO), etag='"v1"')
    server.document("/atom", atom(NEWS), content_type="application/atom+xml")
    broken = rss(ONE, TWO).replace(b"</channel></rss>", b"<item><title>Tre & </channel>")
    server.document("/broken", broken)
    server.document("/huge", huge_rss(MAX_BYTES / 1024 / 1024 + 1))
    server.redirect("/old", "/moved", status=301)
    server.document("/moved", rss(THREE))
    ids = {
        path: await _add(db, server.url(path), kind, clock)
        for path, kind in [
            ("/rss", "funding"),
            ("/atom", "news"),
            ("/broken", "news"),
            ("/huge", "news"),
            ("/old", "news"),
        ]
    }
    convert = FakeConvert()

    report = await poll_due(db, client, convert=convert, clock=clock)

    by_id = {outcome.feed_id: outcome for outcome in report.outcomes}
    assert sorted(by_id) == sorted(ids.values())
    assert (by_id[ids["/rss"]].new_items, by_id[ids["/rss"]].calls) == (2, 2)
    assert convert.seen == ["g1", "g2"]  # only the funding feed's items become calls
    assert (by_id[ids["/atom"]].new_items, by_id[ids["/atom"]].calls) == (1, 0)
    assert by_id[ids["/broken"]].new_items >= 2
    assert by_id[ids["/broken"]].warnings[0].startswith("malformed feed, kept")
    assert "\n" not in by_id[ids["/broken"]].warnings[0]
    huge = by_id[ids["/huge"]]
    assert (huge.new_items, huge.failures) == (0, 1)
    assert huge.problem is not None and huge.problem.kind is ErrorKind.TOO_LARGE
    assert by_id[ids["/old"]].url == server.url("/moved")
    assert await poll_due(db, client, convert=convert, clock=clock) == type(report)(())

    clock.advance(minutes=30)
    again = await poll_due(db, client, convert=convert, clock=clock)

    rss_again = next(o for o in again.outcomes if o.feed_id == ids["/rss"])
    assert rss_again.not_modified and rss_again.new_items == 0
    last_rss = [r for r in server.requests if r.path == "/rss"][-1]
    assert last_rss.headers["If-None-Match"] == '"v1"'
    assert server.hits("/rss") == 2 and server.hits("/old") == 1 and server.hits("/moved") == 2
    assert convert.seen == ["g1", "g2"]


async def test_reordered_and_redated_items_become_one_call_and_one_campaign(
    db: Database, server: FeedServer, client: httpx.AsyncClient, clock: FakeClock
) -> None:
    server.document("/feed", rss(ONE, TWO))
    await _add(db, server.url("/feed"), "funding", clock)

    await poll_due(db, client, convert=calls.create_from_feed_item, clock=clock)
    server.document("/feed", rss(THREE, TWO, ONE).replace(b"Mon, 10 Mar 2025", b"Tue, 11 Mar 2025"))
    clock.advance(minutes=30)
    second = await poll_due(db, client, convert=calls.create_from_feed_item, clock=clock)
    clock.advance(minutes=30)
    third = await poll_due(db, client, convert=calls.create_from_feed_item, clock=clock)

    assert [(o.new_items, o.calls) for o in second.outcomes] == [(1, 1)]
    assert [(o.new_items, o.calls) for o in third.outcomes] == [(0, 0)]
    async with db.session() as session:
        titles = list(await session.scalars(select(FundingCall.title).order_by(FundingCall.id)))
        found = list(await session.scalars(select(Campaign).order_by(Campaign.id)))
        announced = set(await session.scalars(select(FeedItem.announced)))
    assert titles == ["Bidrag till kultur", "Bidrag till idrott", "Kultur för unga"]
    assert [(c.subject, c.topic) for c in found] == [
        (f"call:{n}", Topic.FUNDING_CALLS) for n in (1, 2, 3)
    ]
    assert announced == {True}

    async with db.session() as session:  # removing the feed keeps the calls made from it
        await remove_feed(session, (await session.scalars(select(Feed.id))).one())
        await session.commit()
        kept = list(await session.scalars(select(FundingCall.feed_item_id)))
    assert kept == [None, None, None]


async def test_news_items_are_kept_for_the_digest_and_never_pushed(
    db: Database, server: FeedServer, client: httpx.AsyncClient, clock: FakeClock
) -> None:
    server.document("/news", atom(NEWS, ("urn:n2", "Ny rapport", "https://e.org/n2", "")))
    await _add(db, server.url("/news"), "news", clock)

    report = await poll_due(db, client, convert=calls.create_from_feed_item, clock=clock)

    assert [(o.new_items, o.calls) for o in report.outcomes] == [(2, 0)]
    assert await _count(db, FeedItem) == 2
    assert (await _count(db, FundingCall), await _count(db, Campaign)) == (0, 0)


async def test_a_broken_conversion_is_a_failure_of_that_feed_only(
    db: Database, server: FeedServer, client: httpx.AsyncClient, clock: FakeClock
) -> None:
    server.document("/bad", rss(ONE))
    server.document("/good", rss(TWO))
    server.document("/odd", rss(THREE))
    bad = await _add(db, server.url("/bad"), "funding", clock)
    good = await _add(db, server.url("/good"), "funding", clock)
    odd = await _add(db, server.url("/odd"), "funding", clock)
    convert = FakeConvert(
        fail_on={"g1": RuntimeError("secret detail"), "g3": DomainError("call_title_missing")}
    )

    report = await poll_due(db, client, convert=convert, clock=clock)

    by_id = {o.feed_id: o for o in report.outcomes}
    assert by_id[bad].problem == Problem(ErrorKind.INTERNAL, "internal error: RuntimeError")
    assert (by_id[good].new_items, by_id[good].calls, by_id[good].problem) == (1, 1, None)
    assert by_id[odd].warnings == ("item 'g3' became no call: call_title_missing",)
    async with db.session() as session:
        broken = await session.get_one(Feed, bad)
        items = set(await session.scalars(select(FeedItem.dedup_key)))
    assert (broken.failures, broken.error_kind) == (1, "internal")
    assert broken.last_error == "internal error: RuntimeError"
    assert broken.next_poll_at == clock.now + timedelta(seconds=broken.interval_seconds)
    assert items == {"g2", "g3"}  # the crashed feed's transaction was rolled back


async def test_a_claimed_feed_is_not_claimed_again_until_its_lease_ends(
    db: Database, server: FeedServer, clock: FakeClock
) -> None:
    feed_id = await _add(db, server.url("/feed"), "news", clock)

    claim = await claim_due(db, clock=clock)

    assert claim is not None and claim.feed_id == feed_id
    assert await claim_due(db, clock=clock) is None
    clock.advance(seconds=LEASE.total_seconds())
    assert await claim_due(db, clock=clock) is not None


async def test_poll_now_polls_a_feed_that_is_not_due_and_refuses_unknown_ones(
    db: Database, server: FeedServer, client: httpx.AsyncClient, clock: FakeClock
) -> None:
    server.document("/feed", rss(ONE))
    feed_id = await _add(db, server.url("/feed"), "news", clock)
    await poll_due(db, client, convert=FakeConvert(), clock=clock)
    server.document("/feed", rss(ONE, TWO))

    outcome = await poll_now(db, client, feed_id, convert=FakeConvert(), clock=clock)

    assert outcome.new_items == 1
    with pytest.raises(DomainError) as missing:
        await poll_now(db, client, 999, convert=FakeConvert(), clock=clock)
    assert missing.value.key == "feeds_not_found"


async def test_two_pollers_on_postgresql_poll_each_feed_once(
    db_url: str, db: Database, server: FeedServer, clock: FakeClock
) -> None:
    if db.is_sqlite:
        pytest.skip("SQLite is single-process")
    paths = [f"/f{n}" for n in range(8)]
    for number, path in enumerate(paths):
        server.document(
            path, rss((f"p{number}", f"Utlysning {number}", f"https://e.org/{number}", ""))
        )
        await _add(db, server.url(path), "funding", clock)
    other = Database(db_url)  # a second bot process: its own engine and connections
    try:
        async with httpx.AsyncClient() as first, httpx.AsyncClient() as second:
            reports = await asyncio.gather(
                poll_due(db, first, convert=calls.create_from_feed_item, clock=clock),
                poll_due(other, second, convert=calls.create_from_feed_item, clock=clock),
            )
    finally:
        await other.dispose()

    polled = [o.feed_id for report in reports for o in report.outcomes]
    assert len(polled) == len(set(polled)) == len(paths)
    assert all(server.hits(path) == 1 for path in paths)
    assert (await _count(db, FundingCall), await _count(db, Campaign)) == (8, 8)
