"""Newsletter digests through the sandbox on a controlled clock: the reader's menu, staff's
"Skicka en utgåva nu" with a greeting, a reader who chose "Av", /digest preview, and the
weekly edition arriving once after Monday 08:00 (in the week summer time ends).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.models import (
    Attendance,
    AttendanceStatus,
    DigestEdition,
    EditionKind,
    Feed,
    FeedItem,
    Organisation,
    User,
)
from bot.services import calls, meetings
from bot.services.calls import CallDraft
from bot.services.meetings import MeetingDraft, MeetingOptions
from scheduler import digest as digest_job
from tests.conftest import FakeClock
from tests.e2e.broadcast.test_broadcast import eventually, is_done
from tests.e2e.chat import Person, buttons, has
from tests.e2e.conftest import Harness, clocked_harness

WAIT = 15.0  # seconds: only bounds a failure; a push normally comes within a tenth of one
SETTINGS_BUTTON = "⚙️ Nyhetsbrevsinställningar"


async def _seed(harness: Harness, clock: FakeClock, names: list[str]) -> dict[str, Person]:
    """Linked members, a meeting next month, a funding call and a news item from yesterday."""
    people = {name: await Person.create(harness.client, name) for name in names}
    now = clock()
    async with harness.db.session() as session:
        org = Organisation(name="Röda Korset Västra Götaland")
        feed = Feed(url="https://example.org/nyheter.xml", kind="news")
        session.add_all([org, feed])
        await session.flush()
        for name, person in people.items():
            session.add(
                User(
                    telegram_id=person.user_id,
                    display_name=name,
                    organisation_id=org.id,
                    link_status="approved",
                )
            )
        session.add(
            FeedItem(
                feed_id=feed.id,
                dedup_key="nyhet-1",
                title="Regionen öppnar nytt civilsamhällesråd",
                link="https://example.org/nyhet-1",
                seen_at=now - timedelta(days=1),
            )
        )
        start = now + timedelta(days=9)
        draft = MeetingDraft("Dialogmöte i Borås", start, start + timedelta(hours=2), "Borås")
        await meetings.create(
            session, draft, created_by=None, clock=clock, options=MeetingOptions(), announce=False
        )
        await session.commit()
    return people


async def _add_call(harness: Harness, clock: FakeClock) -> None:
    async with harness.db.session() as session:
        draft = CallDraft(
            "Bidrag till föreningsliv",
            funder="Kulturnämnden",
            link="https://example.org/bidrag",
            deadline=clock() + timedelta(days=12),
        )
        await calls.create(session, draft, created_by=None, clock=clock, announce=False)
        await session.commit()


async def _choose_off(person: Person) -> None:
    menu = await person.say("/settings")
    digest_menu = await person.press_and_wait(menu, "Nyhetsbrev", predicate=has("Just nu"))
    assert "Varje vecka (måndagar kl. 08.00) (standardinställningen)" in digest_menu["text"]
    assert buttons(digest_menu) == [
        "✅ Varje vecka (måndagar kl. 08.00)",
        "Varje månad (första vardagen kl. 08.00)",
        "Av",
        "◀ Tillbaka",
    ]
    query_id, cursor = await person.press(digest_menu, "Av")
    assert await person.answer_text(query_id) == "Nyhetsbrevet är avstängt."
    edited = await person.next_message(after=cursor)
    assert edited["message_id"] == digest_menu["message_id"]
    assert "Just nu: <b>Av</b>" in edited["text"] or "Just nu: Av" in edited["text"]
    assert buttons(edited)[-2:] == ["✅ Av", "◀ Tillbaka"]


async def _send_now(admin: Person, note: str) -> None:
    menu = await admin.say("/digest")
    assert "Standard för den som inte valt själv: Varje vecka" in menu["text"]
    assert "Veckobrev: 30 november kl. 08.00" in menu["text"]
    ask = await admin.press_and_wait(menu, "Skicka en utgåva nu", predicate=has("hälsning"))
    assert buttons(ask) == ["Ingen hälsning"]
    cursor = await admin.send(note)
    confirm = await admin.next_message(after=cursor, predicate=has("läsare"))
    own = await admin.next_message(after=cursor, predicate=has(note))
    assert SETTINGS_BUTTON in buttons(own)  # the preview is the digest as the admin gets it
    # Eva: Olle chose off, and the admin (staff, no organisation) has the preview above
    assert "Skicka utgåvan nu till alla som får nyhetsbrevet (1 läsare)?" in confirm["text"]
    sent = await admin.press_and_wait(confirm, "Skicka", predicate=has("skickas nu"))
    assert "Utgåva #1 skickas nu" in sent["text"]


async def test_send_now_reaches_readers_with_the_note_and_skips_those_who_chose_off(
    db_url: str,
) -> None:
    clock = FakeClock(datetime(2026, 11, 24, 9, 0, tzinfo=UTC))  # a Tuesday: nothing due
    async with clocked_harness(db_url, clock) as harness:
        people = await _seed(harness, clock, ["Eva", "Olle"])
        await _add_call(harness, clock)
        eva, olle = people["Eva"], people["Olle"]
        admin = Person(harness.client, harness.admin_id)
        assert (await eva.say("/digest"))["text"] == "Det här är bara för handläggare."
        await _choose_off(olle)

        await _send_now(admin, "Välkommen till höstens sista nyhetsbrev!")

        digest = await eva.client.wait_for_bot_message(
            eva.user_id, after=0, predicate=has("Välkommen till höstens"), timeout=WAIT
        )
        text = digest["text"]
        for expected in (
            "Nyhetsbrev – specialutgåva",
            "Dialogmöte i Borås",
            "Bidrag till föreningsliv",
            "Regionen öppnar nytt civilsamhällesråd",
        ):
            assert expected in text
        assert buttons(digest)[0] == "Anmäl mig: Dialogmöte i Borås"
        assert buttons(digest)[-1] == SETTINGS_BUTTON

        settings = await eva.press_and_wait(digest, SETTINGS_BUTTON, predicate=has("Just nu"))
        assert settings["message_id"] != digest["message_id"]  # a new message; the digest stays
        assert buttons(settings)[0] == "✅ Varje vecka (måndagar kl. 08.00)"

        query_id, cursor = await eva.press(digest, "Anmäl mig")
        assert await eva.answer_text(query_id) == "Du är anmäld. Välkommen!"
        card = await eva.next_message(after=cursor, predicate=has("Du är anmäld"))
        assert card["message_id"] != digest["message_id"]  # the card comes below the digest
        kept = [
            m
            for m in await eva.client.messages(eva.user_id)
            if m["message_id"] == digest["message_id"]
        ]
        assert "Bidrag till föreningsliv" in kept[0]["text"]  # the digest itself is untouched
        async with harness.db.session() as session:
            eva_id = await session.scalar(select(User.id).where(User.telegram_id == eva.user_id))
            going = await session.scalar(
                select(Attendance.status).where(Attendance.user_id == eva_id)
            )
        assert going == AttendanceStatus.GOING

        async with harness.db.session() as session:
            edition = await session.get_one(DigestEdition, 1)
        assert edition.campaign_id is not None
        await eventually(lambda: is_done(harness, edition.campaign_id or 0))
        olle_texts = [m.get("text") or "" for m in await olle.client.messages(olle.user_id)]
        assert not any("Välkommen till höstens" in text for text in olle_texts)


async def _schedule_special(admin: Person) -> None:
    menu = await admin.say("/digest")
    ask_when = await admin.press_and_wait(menu, "Schemalägg", predicate=has("När ska"))
    assert "När ska specialutgåvan skickas?" in ask_when["text"]
    again = await admin.say("igår")
    assert "När ska specialutgåvan skickas?" in again["text"]
    ask_note = await admin.say("1/12 09:00")
    confirm = await admin.press_and_wait(ask_note, "Ingen hälsning", predicate=has("Schemalägga"))
    assert "1 december kl. 09.00" in confirm["text"]
    done = await admin.press_and_wait(confirm, "Schemalägg", predicate=has("Specialutgåva #"))
    assert "Specialutgåva #2 skickas 1 december kl. 09.00" in done["text"]
    listed = await admin.say("/digest")
    assert "Specialutgåva: 1 december kl. 09.00" in listed["text"]
    query_id, _ = await admin.press(listed, "Standard: Varje månad")
    assert await admin.answer_text(query_id) == "Standard är nu: Varje månad."


async def test_preview_matches_the_weekly_edition_which_arrives_once(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The job wakes every 30 s in production; here ten times a second.
    monkeypatch.setattr(digest_job, "DIGEST_EVERY", timedelta(seconds=0.1))
    monkeypatch.setattr(digest_job, "FIRST_RUN", timedelta(seconds=0.1))
    clock = FakeClock(datetime(2026, 10, 25, 18, 0, tzinfo=UTC))  # Sunday: summer time ended
    async with clocked_harness(db_url, clock) as harness:
        eva = (await _seed(harness, clock, ["Eva"]))["Eva"]
        admin = Person(harness.client, harness.admin_id)
        cursor = await admin.send(f"/digest preview {eva.user_id}")
        header = await admin.next_message(after=cursor, predicate=has("Eva"))
        assert "nästa nyhetsbrev till Eva" in header["text"]
        preview = await admin.next_message(after=cursor, predicate=has("Veckans nyhetsbrev"))

        clock.now = datetime(2026, 10, 26, 7, 0, 30, tzinfo=UTC)  # Monday 08:00:30 CET
        digest = await eva.client.wait_for_bot_message(
            eva.user_id, after=0, predicate=has("Veckans nyhetsbrev"), timeout=WAIT
        )

        assert digest["text"] == preview["text"]
        assert buttons(digest) == buttons(preview)
        async with harness.db.session() as session:
            found = list(await session.scalars(select(DigestEdition)))
        assert [(e.kind, e.scheduled_for) for e in found] == [
            (EditionKind.WEEKLY, datetime(2026, 10, 26, 7, 0, tzinfo=UTC))
        ]
        campaign_id = found[0].campaign_id or 0
        await eventually(lambda: is_done(harness, campaign_id))
        clock.advance(minutes=5)  # later ticks find the edition made: nothing new
        await _schedule_special(admin)
        texts = [m.get("text") or "" for m in await eva.client.messages(eva.user_id)]
        assert sum("Veckans nyhetsbrev" in text for text in texts) == 1
