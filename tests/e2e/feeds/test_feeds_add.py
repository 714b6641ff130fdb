"""/feeds add step by step through the sandbox: bad answers asked again, a trial fetch, the
preview, Lägg till / Avbryt and /cancel; fetch problems in plain words, within the deadline."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from bot.models import Feed
from tests.e2e.broadcast.test_broadcast import add_members
from tests.e2e.chat import JSON, Person, buttons, has
from tests.e2e.conftest import Harness, start_harness
from tests.e2e.core.test_replaced_prompts import current
from tests.unit.feed_server import FeedServer, rss, running_feed_server

ONE = ("g1", "Bidrag till kultur", "https://example.org/1", "Sök nu")
TWO = ("g2", "Bidrag till idrott", "https://example.org/2", "Öppen utlysning")
THREE = ("g3", "Nytt om vägar", "https://example.org/3", "Trafik")


@pytest.fixture
async def server() -> AsyncIterator[FeedServer]:
    async with running_feed_server() as running:
        yield running


async def _feeds(harness: Harness) -> list[Feed]:
    async with harness.db.session() as session:
        return list(await session.scalars(select(Feed).order_by(Feed.id)))


async def _press(person: Person, message: JSON, button: str, expected: str) -> JSON:
    """Press a dialogue button; the bot's next message (not the edit removing the buttons)."""
    return await person.press_and_wait(message, button, predicate=has(expected))


async def test_staff_add_a_feed_step_by_step_with_bad_answers_asked_again(
    harness: Harness, server: FeedServer
) -> None:
    server.document("/rss", rss(ONE, TWO, THREE, published=datetime.now(UTC)))
    admin = Person(harness.client, harness.admin_id)

    assert "steg 1 av 5" in (await admin.say("/feeds add"))["text"]
    refused = await admin.say("ftp://exempel.se/rss")
    assert refused["text"].startswith("Adressen ”ftp://exempel.se/rss” går inte att använda.")
    assert "steg 1 av 5" in refused["text"]
    assert "går inte att använda" in (await admin.say("min favoritsida"))["text"]
    kind = await admin.say(server.url("/rss"))
    assert "Steg 2 av 5" in kind["text"] and buttons(kind) == ["Utlysningar", "Nyheter"]
    again = await admin.say("väder")
    assert again["text"].startswith("Tryck på Utlysningar eller Nyheter")
    assert buttons(again) == ["Utlysningar", "Nyheter"]
    include = await _press(admin, again, "Utlysningar", "Steg 3 av 5")
    assert buttons(include) == ["Hoppa över"]
    chosen = await current(admin, again["message_id"])  # each press is written where it was made
    assert chosen["text"].endswith("✓ Utlysningar") and buttons(chosen) == []
    exclude = await admin.say("kultur,  idrott ,")
    assert "Steg 4 av 5" in exclude["text"]
    interval = await _press(admin, exclude, "Hoppa över", "Steg 5 av 5")
    assert buttons(interval) == ["15 min", "30 min (standard)", "1 timme", "4 timmar", "1 dygn"]
    assert (await current(admin, exclude["message_id"]))["text"].endswith("✓ Hoppa över")
    assert "högst 10080 minuter" in (await admin.say("ofta"))["text"]

    preview = await admin.say("2 h")
    assert f"Adress: {server.url('/rss')}" in preview["text"]
    assert "Typ: utlysningar" in preview["text"]
    assert "Bara inlägg med: kultur, idrott\nInga inlägg med: –" in preview["text"]
    assert "Hämtas: med 2 timmar mellanrum" in preview["text"]
    assert "✅ Jag provhämtade flödet: 3 inlägg, varav 2 passar orden." in preview["text"]
    assert "Första gången annonseras högst 3 inlägg som är högst 14 dagar gamla" in preview["text"]
    assert buttons(preview) == ["Lägg till", "Avbryt"]
    assert (await admin.say("hej"))["text"].startswith("Tryck Lägg till eller Avbryt")
    assert await _feeds(harness) == []

    added = await _press(admin, preview, "Lägg till", "Flöde #1 är tillagt")
    assert "utlysningar · 🕓 inte hämtad än" in added["text"]
    assert (await current(admin, preview["message_id"]))["text"].endswith("✓ Lägg till")
    assert "Med: kultur, idrott · Utan: –" in added["text"]
    assert buttons(added) == ["Hämta nu #1", "Ta bort #1", "➕ Lägg till flöde"]
    [feed] = await _feeds(harness)
    assert (feed.url, feed.kind, feed.include_words, feed.exclude_words) == (
        server.url("/rss"),
        "funding",
        "kultur, idrott",
        "",
    )
    assert feed.interval_seconds == 2 * 3600

    # The list's own button starts the dialogue; an address already added is refused.
    first = await _press(admin, added, "Lägg till flöde", "steg 1 av 5")
    assert "steg 1 av 5" in first["text"]
    taken = await admin.say(server.url("/rss"))
    assert taken["text"].startswith(f"Flödet {server.url('/rss')} finns redan.")
    # The one-line form still works for those who know it.
    quick = await admin.say(f"/feeds add {server.url('/news')} nyheter utan: sport intervall: 60")
    assert quick["text"].startswith("Flöde #2 är tillagt.")


async def test_a_failing_trial_is_said_in_words_and_avbryt_and_cancel_add_nothing(
    harness: Harness, server: FeedServer
) -> None:
    admin = Person(harness.client, harness.admin_id)
    [member] = (await add_members(harness, {"Maja": None})).values()

    assert (await member.say("/feeds add"))["text"] == "Det här är bara för handläggare."
    await admin.say("/feeds add")
    kind = await admin.say(server.url("/missing"))
    include = await _press(admin, kind, "Nyheter", "Steg 3 av 5")
    exclude = await _press(admin, include, "Hoppa över", "Steg 4 av 5")
    interval = await _press(admin, exclude, "Hoppa över", "Steg 5 av 5")
    preview = await _press(admin, interval, "30 min", "provhämtade")
    assert (
        "⚠️ Jag provhämtade flödet, men det finns inte längre på adressen (felkod 404). "
        "Du kan lägga till det ändå"
    ) in preview["text"]
    assert "Not Found" not in preview["text"]
    dropped = await _press(admin, preview, "Avbryt", "lades inte till")
    assert dropped["text"] == "Flödet lades inte till."

    await admin.say("/feeds add")
    kind = await admin.say(server.url("/rss"))
    assert (await admin.say("/cancel"))["text"].startswith("Okej, avbrutet.")
    query_id = await harness.client.press(admin.user_id, kind, "Utlysningar")
    assert (await admin.answer_text(query_id)).startswith("Den knappen hör till ett flöde")
    assert await _feeds(harness) == []


async def test_fetch_problems_read_as_words_and_fetch_now_ends_at_the_deadline(
    db_url: str, server: FeedServer
) -> None:
    server.trickle("/slow", rss(ONE), every=0.05)  # about 20 s at this pace
    async with start_harness(db_url, feed_deadline_seconds=1) as harness:
        admin = Person(harness.client, harness.admin_id)
        await admin.say(f"/feeds add {server.url('/slow')} utlysningar")
        listing = await admin.say("/feeds add http://127.0.0.1:1/rss nyheter")

        started = time.monotonic()
        query_id, cursor = await admin.press(listing, "Hämta nu #1")
        answer = await admin.answer_text(query_id)
        assert time.monotonic() - started < 6
        assert answer == "#1: flödet svarade inte i tid."
        slow = await admin.next_message(after=cursor, predicate=has("fel (1 i rad)"))
        query_id, cursor = await admin.press(slow, "Hämta nu #2")
        assert await admin.answer_text(query_id) == (
            "#2: flödet går inte att nå (adressen finns inte, eller servern svarar inte)."
        )
        listed = await admin.next_message(after=cursor, predicate=has("#2: flödet"))

    assert "Senaste fel: flödet svarade inte i tid." in listed["text"]
    assert "Senaste fel: flödet går inte att nå" in listed["text"]
    for raw in ("Error", "Errno", "Timeout", "within 1 s"):
        assert raw not in listed["text"]
