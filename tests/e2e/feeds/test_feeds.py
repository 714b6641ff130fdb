"""/feeds through the sandbox: staff add a funding feed, fetch it now, subscribers get the calls."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from bot.models import Campaign, Feed, FundingCall
from tests.e2e.broadcast.test_broadcast import add_members
from tests.e2e.chat import JSON, Person, buttons, has
from tests.e2e.conftest import Harness
from tests.unit.feed_server import FeedServer, rss, running_feed_server

ONE = ("g1", "Bidrag till kultur", "https://example.org/1", "<p>Sök <b>nu</b></p>")
TWO = ("g2", "Bidrag till idrott", "https://example.org/2", "Öppen utlysning")


@pytest.fixture
async def server() -> AsyncIterator[FeedServer]:
    async with running_feed_server() as running:
        yield running


async def _press_list(admin: Person, listing: JSON, button: str) -> tuple[JSON, str]:
    """Press a /feeds button; the list as edited in place and the press's short answer."""
    query_id, cursor = await admin.press(listing, button)
    answer = await admin.answer_text(query_id)
    edited = await admin.next_message(
        after=cursor, predicate=lambda m: m["message_id"] == listing["message_id"]
    )
    return edited, answer


async def _count(harness: Harness, model: type[object]) -> int:
    async with harness.db.session() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def test_staff_add_a_funding_feed_fetch_it_now_and_subscribers_get_each_call_once(
    harness: Harness, server: FeedServer
) -> None:
    server.document("/rss", rss(ONE, TWO, published=datetime.now(UTC)), etag='"v1"')
    eva = (await add_members(harness, {"Eva": None}))["Eva"]
    admin = Person(harness.client, harness.admin_id)

    usage = await admin.say("/feeds add bara ord")
    assert usage["text"].startswith("Det förstod jag inte riktigt. Skriv bara /feeds add")
    added = await admin.say(f"/feeds add {server.url('/rss')} utlysningar")
    assert added["text"].startswith("Flöde #1 är tillagt.")
    assert "utlysningar · 🕓 inte hämtad än" in added["text"] and "0 inlägg" in added["text"]
    assert buttons(added) == ["Hämta nu #1", "Ta bort #1", "➕ Lägg till flöde"]

    cursor = await harness.client.cursor()
    fetched, answer = await _press_list(admin, added, "Hämta nu #1")
    assert answer == "#1: 2 nya inlägg, 2 nya utlysningar."
    assert fetched["text"].startswith(answer) and "2 inlägg" in fetched["text"]
    assert "utlysningar · ✅ fungerar" in fetched["text"]
    first = await eva.next_message(after=cursor, predicate=has("Bidrag till kultur"))
    second = await eva.next_message(after=cursor, predicate=has("Bidrag till idrott"))
    assert "Ny utlysning" in first["text"] and "Ny utlysning" in second["text"]

    _, again = await _press_list(admin, fetched, "Hämta nu #1")
    assert again == "#1: inget nytt."
    assert (await _count(harness, FundingCall), await _count(harness, Campaign)) == (2, 2)


async def test_members_are_refused_and_removal_asks_first(
    harness: Harness, server: FeedServer
) -> None:
    [member] = (await add_members(harness, {"Maja": None})).values()
    admin = Person(harness.client, harness.admin_id)
    listing = await admin.say(f"/feeds add {server.url('/news')} news include: kultur")
    assert "Med: kultur · Utan: –" in listing["text"]

    refusal = await member.say("/feeds")
    assert refusal["text"] == "Det här är bara för handläggare."
    for forged in ("fd:1:confirm", "fd:1:poll"):
        query_id = await harness.client.press_data(member.user_id, refusal["message_id"], forged)
        assert await member.answer_text(query_id) == "Det här är bara för handläggare."
    query_id = await harness.client.press_data(member.user_id, refusal["message_id"], "fd:1:x")
    assert await member.answer_text(query_id) == "Den knappen fungerar inte längre."

    asking, answer = await _press_list(admin, listing, "Ta bort #1")
    assert answer.startswith("Tryck igen") and buttons(asking)[:2] == ["Ja, ta bort #1", "Behåll"]
    assert await _count(harness, Feed) == 1
    removed, answer = await _press_list(admin, asking, "Ja, ta bort #1")
    assert answer == "Flöde #1 är borttaget." and "Inga flöden än." in removed["text"]
    assert await _count(harness, Feed) == 0
