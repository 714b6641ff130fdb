"""Ids are never reused: an old button for a removed thing never acts on a newer one."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy import select

from bot.models import Feed
from bot.texts import t
from tests.e2e.chat import JSON, Person, buttons
from tests.e2e.conftest import Harness
from tests.unit.feed_server import FeedServer, running_feed_server


@pytest.fixture
async def server() -> AsyncIterator[FeedServer]:
    async with running_feed_server() as running:
        yield running


async def _press(admin: Person, message: JSON, button: str) -> str:
    query_id, _ = await admin.press(message, button)
    return await admin.answer_text(query_id)


async def test_the_remove_button_of_a_deleted_newest_feed_does_not_remove_the_next_one(
    harness: Harness, server: FeedServer
) -> None:
    admin = Person(harness.client, harness.admin_id)
    await admin.say(f"/feeds add {server.url('/first')} news")
    listing = await admin.say(f"/feeds add {server.url('/second')} news")
    query_id, cursor = await admin.press(listing, "Ta bort #2")
    await admin.answer_text(query_id)
    asking = await admin.next_message(
        after=cursor, predicate=lambda m: m["message_id"] == listing["message_id"]
    )
    assert "Ja, ta bort #2" in buttons(asking)
    assert await _press(admin, asking, "Ja, ta bort #2") == t("feeds_removed", "sv", feed_id=2)

    # The newest feed is gone; SQLite used to give its id to the next feed added.
    added = await admin.say(f"/feeds add {server.url('/third')} news")
    assert "#3" in added["text"] and "#2" not in added["text"]
    stale = await _press(admin, asking, "Ja, ta bort #2")
    assert stale == t("feeds_not_found", "sv", feed_id=2)
    async with harness.db.session() as session:
        urls = list(await session.scalars(select(Feed.url).order_by(Feed.id)))
    assert urls == [server.url("/first"), server.url("/third")]
