"""Funding calls through the sandbox on a controlled clock: /newcall, the card to subscribers
(once, and not to those who turned the topic off), /calls, "Påminn mig" and its reminder,
and staff withdrawing a call.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from bot.models import Campaign, CampaignStatus, Topic, User
from bot.services import topics
from tests.conftest import FakeClock
from tests.e2e.broadcast.test_broadcast import add_members, eventually
from tests.e2e.chat import Person, buttons, has
from tests.e2e.conftest import Harness, clocked_harness

START = datetime(2026, 10, 1, 8, 0, tzinfo=UTC)  # 10:00 in Stockholm (summer time)
WAIT = 10.0  # seconds: only bounds a failure; a push normally comes within a tenth of one


async def _all_sent(harness: Harness) -> bool:
    async with harness.db.session() as session:
        statuses = set(await session.scalars(select(Campaign.status)))
    return statuses <= {CampaignStatus.DONE, CampaignStatus.CANCELLED}


async def _texts(person: Person, text: str) -> list[str]:
    found = await person.client.messages(person.user_id)
    return [m["text"] for m in found if text in (m.get("text") or "")]


async def _turn_off_calls(harness: Harness, person: Person) -> None:
    async with harness.db.session() as session:
        user_id = await session.scalar(select(User.id).where(User.telegram_id == person.user_id))
        assert user_id is not None
        await topics.set_topic(session, user_id, Topic.FUNDING_CALLS, False, clock=lambda: START)
        await session.commit()


async def _new_call(admin: Person) -> None:
    """/newcall with a bad link and a bad date asked again, and the subject areas skipped."""
    assert "Vad heter utlysningen?" in (await admin.say("/newcall"))["text"]
    assert "Vem är finansiär?" in (await admin.say("Kulturstöd för unga"))["text"]
    assert "Beskriv utlysningen" in (await admin.say("Västra Götalandsregionen"))["text"]
    ask_link = await admin.say("Stöd till kultur & idrott för unga.")
    assert buttons(ask_link) == ["Hoppa över"]
    again = await admin.say("vgregion.se")
    assert "ser inte ut som en webbadress" in again["text"] and "Steg 4 av 6" in again["text"]
    assert "Sista ansökningsdag?" in (await admin.say("https://www.vgregion.se/kultur"))["text"]
    again = await admin.say("snart")
    assert "Jag förstår inte datumet" in again["text"] and "Steg 5 av 6" in again["text"]
    ask_tags = await admin.say("27/10")
    assert "Ämnen" in ask_tags["text"]
    cursor = await admin.client.cursor()
    await admin.press(ask_tags, "Hoppa över")
    intro = await admin.next_message(after=cursor, predicate=has("Så här ser kortet ut"))
    assert "går till 1 person som får utlysningar" in intro["text"]
    preview = await admin.next_message(after=intro["revision"], predicate=has("Ny utlysning"))
    assert buttons(preview) == ["Läs mer", "Publicera", "Avbryt"]
    published = await admin.press_and_wait(preview, "Publicera", predicate=has("publicerad"))
    assert "Utlysningen är publicerad (nr 1) och går ut till 1 person." in published["text"]


async def test_new_call_reaches_subscribers_once_and_the_reminder_comes_on_time(
    db_url: str,
) -> None:
    clock = FakeClock(START)
    async with clocked_harness(db_url, clock) as harness:
        people = await add_members(harness, {"Anna": None, "Bo": None})
        anna, bo = people["Anna"], people["Bo"]
        await _turn_off_calls(harness, bo)
        admin = Person(harness.client, harness.admin_id)
        assert "Inga öppna utlysningar just nu" in (await admin.say("/calls"))["text"]
        await _turn_off_calls(harness, admin)  # staff read their own preview
        await _new_call(admin)

        card = await anna.client.wait_for_bot_message(
            anna.user_id, after=0, predicate=has("Ny utlysning"), timeout=WAIT
        )
        assert "Kulturstöd för unga" in card["text"]
        assert "Sista ansökningsdag: 27 oktober 2026 kl. 23.59 (om 26 dagar)" in card["text"]
        assert "kultur &amp; idrott" in card["html"]
        assert buttons(card) == ["Läs mer", "⏰ Påminn mig"]
        await eventually(lambda: _all_sent(harness))
        assert await harness.client.messages(bo.user_id) == []
        assert len(await _texts(anna, "Ny utlysning")) == 1

        header = await anna.say("/calls")
        assert "Öppna utlysningar" in header["text"]
        listed = await anna.next_message(after=header["revision"], predicate=has("Kulturstöd"))
        assert buttons(listed) == ["Läs mer", "⏰ Påminn mig"]
        query_id, cursor = await anna.press(listed, "⏰ Påminn mig")
        assert await anna.answer_text(query_id) == "Påminnelsen är inställd."
        told = await anna.next_message(after=cursor, predicate=has("Jag påminner dig"))
        assert "den 20 oktober 2026 kl. 09.00" in told["text"]
        query_id, _ = await anna.press(listed, "⏰ Påminn mig")
        assert await anna.answer_text(query_id) == (
            "Du har redan en påminnelse: 20 oktober 2026 kl. 09.00."
        )

        async with harness.db.session() as session:
            waiting = await session.scalar(
                select(Campaign).where(Campaign.subject == "call_reminder:1")
            )
        assert waiting is not None and waiting.status == CampaignStatus.SCHEDULED
        assert waiting.due_at == datetime(2026, 10, 20, 7, 0, tzinfo=UTC)  # 09:00 CEST
        cursor = await harness.client.cursor()
        clock.now = datetime(2026, 10, 20, 7, 1, tzinfo=UTC)
        reminder = await anna.client.wait_for_bot_message(
            anna.user_id, after=cursor, predicate=has("Påminnelse:"), timeout=WAIT
        )
        assert reminder["text"] == (
            "⏰ Påminnelse: sista dag för Kulturstöd för unga är 27 oktober 2026 kl. 23.59 "
            "(om 7 dagar)."
        )
        await eventually(lambda: _all_sent(harness))
        assert len(await _texts(anna, "Påminnelse:")) == 1


async def test_staff_withdraw_a_call_from_calls_and_members_cannot_add_one(
    db_url: str,
) -> None:
    clock = FakeClock(START)
    async with clocked_harness(db_url, clock) as harness:
        people = await add_members(harness, {"Eva": None})
        eva = people["Eva"]
        assert "bara för handläggare" in (await eva.say("/newcall"))["text"]

        admin = Person(harness.client, harness.admin_id)
        assert "Inga öppna utlysningar just nu" in (await admin.say("/calls"))["text"]
        await _turn_off_calls(harness, admin)
        await _new_call(admin)
        await eventually(lambda: _all_sent(harness))  # the announcement must not answer /calls
        mine = await eva.say("/calls")
        query_id = await harness.client.press_data(
            eva.user_id, mine["message_id"], "cwd:1:yes", chat_id=eva.user_id
        )
        assert await eva.answer_text(query_id) == "Det här är bara för handläggare."
        header = await admin.say("/calls")
        listed = await admin.next_message(after=header["revision"], predicate=has("Kulturstöd"))
        assert buttons(listed) == ["Läs mer", "⏰ Påminn mig", "Dra tillbaka"]
        confirm = await admin.press_and_wait(
            listed, "Dra tillbaka", predicate=lambda m: "Behåll" in buttons(m)
        )
        done = await admin.press_and_wait(
            confirm, "Ja, dra tillbaka", predicate=has("Tillbakadragen")
        )
        assert buttons(done) == []
        assert "Inga öppna utlysningar just nu" in (await eva.say("/calls"))["text"]
