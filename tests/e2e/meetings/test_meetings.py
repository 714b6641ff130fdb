"""Dialogue meetings through the sandbox on a controlled clock: create, sign up, waiting list,
promotion, capacity notice, calendar file, attendee CSV; reminders, move and cancel.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import icalendar
from sqlalchemy import select

from bot.models import Campaign, CampaignStatus, User
from bot.services import meetings
from bot.services.meetings import MeetingDraft, MeetingOptions, subjects
from tests.conftest import FakeClock
from tests.e2e.broadcast.test_broadcast import add_members, eventually
from tests.e2e.chat import JSON, Person, buttons, has
from tests.e2e.conftest import Harness, clocked_harness

WAIT = 10.0  # seconds: only bounds a failure; a push normally comes within a tenth of one


async def _push(person: Person, text: str, *, after: int = 0) -> JSON:
    return await person.client.wait_for_bot_message(
        person.user_id, after=after, predicate=has(text), timeout=WAIT
    )


async def _press(person: Person, message: JSON, button: str) -> tuple[JSON, str]:
    """Press a card button; the card as edited in place and the short answer."""
    query_id, cursor = await person.press(message, button)
    answer = await person.answer_text(query_id)
    edited = await person.next_message(
        after=cursor, predicate=lambda m: m["message_id"] == message["message_id"]
    )
    return edited, answer


async def _document(person: Person, message: JSON, button: str) -> tuple[JSON, bytes]:
    _, cursor = await person.press(message, button)
    sent = await person.next_message(after=cursor, predicate=lambda m: "document" in m)
    return sent, await person.client.file_bytes(sent["document"]["file_id"])


async def _create_by_chat(admin: Person) -> None:
    """/newmeeting, with a bad answer asked again and two steps skipped."""
    await admin.say("/newmeeting")
    assert "avbrutet" in (await admin.say("/cancel"))["text"]
    assert "Vad heter mötet?" in (await admin.say("/newmeeting"))["text"]
    assert "När börjar det?" in (await admin.say("Dialogmöte om bidrag"))["text"]
    assert "slutar" in (await admin.say("3/12 13:00"))["text"]
    assert "måste sluta efter" in (await admin.say("12:00"))["text"]
    assert "Var hålls mötet?" in (await admin.say("15:00"))["text"]
    ask_link = await admin.say("Regionens hus, Vänersborg")
    ask_text = await admin.press_and_wait(ask_link, "Hoppa över", predicate=has("beskrivning"))
    assert "Hur många platser" in (await admin.say("Vi pratar om nya bidrag."))["text"]
    assert "som ett tal" in (await admin.say("många"))["text"]
    ask_deadline = await admin.say("1")
    assert buttons(ask_text) == ["Hoppa över"]
    preview = await admin.press_and_wait(ask_deadline, "Hoppa över", predicate=has("Ska jag"))
    assert "torsdag 3 december kl. 13.00–15.00" in preview["text"]
    assert "1 av 1 plats kvar" in preview["text"]
    created = await admin.press_and_wait(preview, "Skapa och annonsera", predicate=has("#"))
    assert "Möte #1 är skapat och annonseras" in created["text"]


async def test_sign_up_waiting_list_promotion_calendar_and_export(db_url: str) -> None:
    clock = FakeClock(datetime(2026, 11, 20, 9, 0, tzinfo=UTC))
    async with clocked_harness(db_url, clock) as harness:
        people = await add_members(harness, {"Eva": None, "Olle": None})
        eva, olle = people["Eva"], people["Olle"]
        admin = Person(harness.client, harness.admin_id)
        await _create_by_chat(admin)

        eva_card = await _push(eva, "Dialogmöte om bidrag")
        olle_card = await _push(olle, "Dialogmöte om bidrag")
        assert buttons(eva_card) == ["Jag kommer", "Kan inte", "📅 Lägg i kalender"]
        assert "📍 Regionens hus, Vänersborg" in eva_card["text"]

        cursor = await harness.client.cursor()
        eva_card, answer = await _press(eva, eva_card, "Jag kommer")
        assert answer == "Du är anmäld. Välkommen!"
        assert "Du är anmäld." in eva_card["text"] and "✅ Jag kommer" in buttons(eva_card)
        full = await _push(admin, "är fullt", after=cursor)
        assert "1 av 1 plats." in full["text"]

        olle_card, answer = await _press(olle, olle_card, "Jag kommer")
        assert answer == "Mötet är fullt – du står på väntelistan, plats 1."
        assert "väntelistan, plats 1" in olle_card["text"]

        cursor = await harness.client.cursor()
        eva_card, answer = await _press(eva, eva_card, "Kan inte")
        assert answer == "Tack för beskedet!" and "inte kan komma" in eva_card["text"]
        promoted = await _push(olle, "Du har fått en plats", after=cursor)
        assert "torsdag 3 december kl. 13.00–15.00" in promoted["text"]

        ics, data = await _document(eva, eva_card, "Lägg i kalender")
        assert ics["document"]["file_name"].endswith(".ics")
        event = icalendar.Calendar.from_ical(data).walk("VEVENT")[0]
        assert event.decoded("DTSTART") == datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
        assert str(event["SUMMARY"]) == "Dialogmöte om bidrag"

        export = await admin.say("/attendees 1")
        data = await harness.client.file_bytes(export["document"]["file_id"])
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        assert rows[0][:4] == ["Namn", "Användarnamn", "Organisation", "Status"]
        assert [row[0] for row in rows[1:]] == ["Olle", "Eva"]  # going first, then declined
        assert "Deltagarlista" in export["text"]


async def _reminders(harness: Harness, meeting_id: int) -> dict[str, CampaignStatus]:
    """Each reminder campaign of the meeting (by subject) and its status."""
    async with harness.db.session() as session:
        rows = await session.execute(
            select(Campaign.subject, Campaign.status).where(
                Campaign.subject.startswith(subjects.reminder_prefix(meeting_id))
            )
        )
        return {str(subject): status for subject, status in rows}


async def _meeting_for(harness: Harness, clock: FakeClock, person: Person, start: datetime) -> int:
    """A meeting made from the shell's side (not announced), with this person signed up."""
    options = MeetingOptions()
    async with harness.db.session() as session:
        draft = MeetingDraft("Höstmöte", start, start + timedelta(hours=2), place="Borås")
        meeting = await meetings.create(
            session, draft, created_by=None, clock=clock, options=options, announce=False
        )
        user_id = await session.scalar(select(User.id).where(User.telegram_id == person.user_id))
        assert user_id is not None
        await meetings.answer(
            session, meeting.id, user_id, going=True, clock=clock, options=options
        )
        await session.commit()
        return meeting.id


async def _texts(person: Person) -> list[str]:
    return [m.get("text") or "" for m in await person.client.messages(person.user_id)]


async def test_reminder_once_then_move_and_cancel_from_the_chat(db_url: str) -> None:
    clock = FakeClock(datetime(2026, 10, 20, 10, 0, tzinfo=UTC))
    start = datetime(2026, 10, 25, 12, 0, tzinfo=UTC)  # 13:00 on the day summer time ends
    async with clocked_harness(db_url, clock) as harness:
        eva = (await add_members(harness, {"Eva": None}))["Eva"]
        admin = Person(harness.client, harness.admin_id)
        meeting_id = await _meeting_for(harness, clock, eva, start)
        day_before = subjects.reminder(meeting_id, 1, 1440)

        clock.now = start - timedelta(days=1, minutes=-1)
        reminder = await _push(eva, "börjar om en dag")
        assert "söndag 25 oktober kl. 13.00–15.00" in reminder["text"]
        await eventually(lambda: _status_is(harness, meeting_id, day_before, CampaignStatus.DONE))
        assert sum("Påminnelse" in text for text in await _texts(eva)) == 1

        header = await admin.say("/meetings")
        assert "Kommande dialogmöten" in header["text"]
        card = await admin.next_message(after=0, predicate=has("Höstmöte"))
        assert "anmälda 1 (obegränsat)" in card["text"]
        assert {"Flytta", "Ställ in", "Annonsera"} <= set(buttons(card))
        await admin.press_and_wait(card, "Flytta", predicate=has("när börjar mötet nu"))
        assert "När slutar det?" in (await admin.say("26/10 13:00"))["text"]
        cursor = await harness.client.cursor()
        moved = await admin.say("15:00")
        assert "måndag 26 oktober kl. 13.00–15.00" in moved["text"]
        notice = await _push(eva, "🔄", after=cursor)
        assert "måndag 26 oktober kl. 13.00–15.00" in notice["text"]
        statuses = await _reminders(harness, meeting_id)
        assert statuses[subjects.reminder(meeting_id, 1, 60)] == CampaignStatus.CANCELLED
        assert statuses[subjects.reminder(meeting_id, 2, 60)] == CampaignStatus.SCHEDULED

        # Past the old one-hour reminder and the new one-day one: only the new one comes.
        cursor = await harness.client.cursor()
        clock.now = start + timedelta(minutes=1)
        again = await _push(eva, "börjar om en dag", after=cursor)
        assert "måndag 26 oktober" in again["text"]
        assert not any("om en timme" in text for text in await _texts(eva))

        fields = await admin.press_and_wait(card, "Ändra", predicate=has("Vad vill du ändra"))
        await admin.press_and_wait(fields, "Plats", predicate=has("nya platsen"))
        cursor = await harness.client.cursor()
        # The reminder's delivery report to staff may come at any moment: wait for the answer.
        await admin.next_message(
            after=await admin.send("Alingsås"),
            predicate=has("Ändringen är sparad. De anmälda får besked"),
        )
        assert "📍 Alingsås" in (await _push(eva, "🔄", after=cursor))["text"]

        assert (await eva.say("/newmeeting"))["text"] == "Det här är bara för handläggare."
        forged = await harness.client.press_data(eva.user_id, again["message_id"], "mst:1:confirm")
        assert await eva.answer_text(forged) == "Det här är bara för handläggare."
        asking = await admin.press_and_wait(card, "Ställ in", predicate=has("Vill du ställa in"))
        cursor = await harness.client.cursor()
        done, _ = await _press(admin, asking, "Ja, ställ in mötet")
        assert "är inställt" in done["text"] and buttons(done) == []
        cancelled = await _push(eva, "Inställt", after=cursor)
        assert "måndag 26 oktober kl. 13.00–15.00" in cancelled["text"]
        statuses = await _reminders(harness, meeting_id)
        assert statuses[subjects.reminder(meeting_id, 2, 60)] == CampaignStatus.CANCELLED
        assert "inga kommande dialogmöten" in (await admin.say("/meetings"))["text"]
        _, refusal = await _press(eva, again, "Jag kommer")
        assert refusal == "Mötet ”Höstmöte” är inställt."


async def _status_is(
    harness: Harness, meeting_id: int, subject: str, wanted: CampaignStatus
) -> bool:
    return (await _reminders(harness, meeting_id)).get(subject) == wanted
