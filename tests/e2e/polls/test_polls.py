"""Feedback polls through the sandbox on a controlled clock: /newpoll, delivery to those who
take polls, one tap, change, comment, /results with a chart, /export, closing, the author's
result, a late tap; an anonymous poll; the feedback poll after a meeting, sent once.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from bot.models import Attendance, AttendanceStatus, Poll, PollVote, Topic, User
from bot.services import meetings, polls, topics
from bot.services.meetings import MeetingDraft, MeetingOptions
from bot.services.polls import PollDraft
from handlers.polls.actions import PollOpen
from scheduler import polls as poll_job
from tests.conftest import FakeClock
from tests.e2e.broadcast.test_broadcast import add_members, eventually, is_done
from tests.e2e.chat import JSON, Person, buttons, has
from tests.e2e.conftest import ADMIN_ID, Harness, clocked_harness

WAIT = 15.0  # seconds: only bounds a failure; a push normally comes within a tenth of one
START = datetime(2026, 10, 20, 8, 0, tzinfo=UTC)  # Tuesday 10:00 in Stockholm


@pytest.fixture(autouse=True)
def ticks(monkeypatch: pytest.MonkeyPatch) -> list[datetime]:
    """The poll job wakes every 30 s in production; here often, and each tick is counted."""
    monkeypatch.setattr(poll_job, "POLLS_EVERY", timedelta(seconds=0.1))
    monkeypatch.setattr(poll_job, "FIRST_RUN", timedelta(seconds=0.1))
    done: list[datetime] = []
    original = poll_job.PollJob.run

    async def counted(job: poll_job.PollJob) -> int | None:
        result = await original(job)
        done.append(job.services.clock())
        return result

    monkeypatch.setattr(poll_job.PollJob, "run", counted)
    return done


async def _push(person: Person, text: str, *, after: int = 0) -> JSON:
    return await person.client.wait_for_bot_message(
        person.user_id, after=after, predicate=has(text), timeout=WAIT
    )


async def _tap(person: Person, card: JSON, button: str) -> tuple[JSON, str]:
    """Press a card button; the card as edited in place and the short answer."""
    query_id, cursor = await person.press(card, button)
    answer = await person.answer_text(query_id)
    edited = await person.next_message(
        after=cursor, predicate=lambda m: m["message_id"] == card["message_id"]
    )
    return edited, answer


async def _members(harness: Harness, clock: FakeClock) -> dict[str, Person]:
    """Eva and Olle take polls; Stina has switched polls off."""
    people = await add_members(harness, {"Eva": None, "Olle": None, "Stina": None})
    async with harness.db.session() as session:
        stina = await session.scalar(
            select(User.id).where(User.telegram_id == people["Stina"].user_id)
        )
        assert stina is not None
        await topics.set_topic(session, stina, Topic.POLLS, False, clock=clock)
        await session.commit()
    return people


async def _create_by_chat(admin: Person) -> None:
    """/newpoll with /cancel, a duplicate option, text instead of a button, a past time."""
    await admin.say("/newpoll")
    assert "avbrutet" in (await admin.say("/cancel"))["text"]
    assert "Vad vill du fråga?" in (await admin.say("/newpoll"))["text"]
    assert "alternativ 1" in (await admin.say("Hur var höstens dialogmöten?"))["text"]
    assert "alternativ 2" in (await admin.say("Bra"))["text"]
    assert "likadana" in (await admin.say("bra"))["text"]
    added = await admin.say("Okej")
    assert "Alternativ 2: Okej" in added["text"] and buttons(added) == ["Klar"]
    await admin.say("Dåliga")
    ask = await admin.press_and_wait(added, "Klar", predicate=has("ett eller flera"))
    assert "knapparna ovan" in (await admin.say("ett"))["text"]  # a button step: the hint
    ask = await admin.press_and_wait(ask, "Ett svar", predicate=has("kommentar"))
    ask = await admin.press_and_wait(ask, "Ja", predicate=has("anonyma"))
    ask = await admin.press_and_wait(ask, "Nej", predicate=has("När stänger"))
    assert buttons(ask) == ["Om 7 dagar"]
    assert "har redan varit" in (await admin.say("2026-10-19 12:00"))["text"]
    ask = await admin.say("22/10 12:00")
    preview = await admin.press_and_wait(ask, "Alla", predicate=has("Skicka?"))
    assert "torsdag 22 oktober kl. 12.00" in preview["text"]
    # Eva and Olle: Stina switched polls off, and staff are not asked (the preview is theirs)
    assert "▫️ Dåliga" in preview["text"] and "just nu 2 personer" in preview["text"]
    sent = await admin.press_and_wait(preview, "Skicka", predicate=has("#"))
    assert "Enkät #1 skickas nu" in sent["text"]


async def _results_and_export(harness: Harness, admin: Person) -> None:
    cursor = await admin.send("/results 1")
    text = await admin.next_message(after=cursor, predicate=has("Resultat för enkät #1"))
    assert "• Okej: 1 (100 %)" in text["text"] and "• Bra: 0 (0 %)" in text["text"]
    assert "Svar: 1 av 2 (50 %)" in text["text"] and "Kommentarer: 1" in text["text"]
    photo = await admin.next_message(after=cursor, predicate=lambda m: "photo" in m)
    chart = await harness.client.file_bytes(photo["photo"][-1]["file_id"])
    assert chart.startswith(b"\x89PNG")
    export = await admin.say("/export 1")
    data = await harness.client.file_bytes(export["document"]["file_id"])
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert any("Eva" in row and "Okej" in row and "Bra upplägg!" in row for row in rows[1:])
    assert len(rows) == 2


async def test_create_answer_change_comment_results_close_and_late_answer(db_url: str) -> None:
    clock = FakeClock(START)
    async with clocked_harness(db_url, clock) as harness:
        people = await _members(harness, clock)
        eva, olle, stina = people["Eva"], people["Olle"], people["Stina"]
        admin = Person(harness.client, harness.admin_id)
        await _create_by_chat(admin)

        eva_card = await _push(eva, "Hur var höstens dialogmöten?")
        olle_card = await _push(olle, "Hur var höstens dialogmöten?")
        assert buttons(eva_card) == ["Bra", "Okej", "Dåliga", "💬 Kommentera"]
        assert "Svara senast torsdag 22 oktober kl. 12.00" in eva_card["text"]
        async with harness.db.session() as session:
            campaign_id = (await session.get_one(Poll, 1)).campaign_id or 0
        await eventually(lambda: is_done(harness, campaign_id))
        assert not any(
            "höstens" in (m.get("text") or "") for m in await stina.client.messages(stina.user_id)
        )
        admin_chat = await admin.client.messages(admin.user_id)
        assert not any("Okej" in buttons(m) for m in admin_chat)  # no card for staff

        eva_card, answer = await _tap(eva, eva_card, "Bra")
        assert answer == "Tack! Ditt svar är sparat." and "✅ Bra" in buttons(eva_card)
        eva_card, _ = await _tap(eva, eva_card, "Okej")
        assert buttons(eva_card)[:2] == ["Bra", "✅ Okej"]
        asked = await eva.press_and_wait(eva_card, "💬 Kommentera", predicate=has("kommentar"))
        assert "Skriv din kommentar" in asked["text"]
        assert "Tack för din kommentar!" in (await eva.say("Bra upplägg!"))["text"]
        async with harness.db.session() as session:
            votes = list(await session.scalars(select(PollVote)))
        assert [(v.comment, v.user_id is not None) for v in votes] == [("Bra upplägg!", True)]
        await _results_and_export(harness, admin)

        cursor = await harness.client.cursor()
        clock.now = datetime(2026, 10, 22, 10, 1, tzinfo=UTC)  # 12:01 in Stockholm
        final = await _push(admin, "har stängt", after=cursor)
        assert "Enkät #1 har stängt" in final["text"]
        result = await admin.next_message(after=cursor, predicate=has("Resultat för enkät #1"))
        assert "Enkäten är stängd." in result["text"]
        await admin.next_message(after=cursor, predicate=lambda m: "photo" in m)

        olle_card, answer = await _tap(olle, olle_card, "Dåliga")
        assert "har tyvärr stängt" in answer
        assert "Enkäten stängdes" in olle_card["text"] and buttons(olle_card) == []


async def _meeting_with_two(harness: Harness, clock: FakeClock, people: dict[str, Person]) -> int:
    start = clock() + timedelta(hours=1)
    draft = MeetingDraft("Dialogmöte i Skövde", start, start + timedelta(hours=2), "Skövde")
    async with harness.db.session() as session:
        meeting = await meetings.create(
            session,
            draft,
            created_by=ADMIN_ID,
            clock=clock,
            options=MeetingOptions(),
            announce=False,
        )
        for name in ("Eva", "Olle"):
            user_id = await session.scalar(
                select(User.id).where(User.telegram_id == people[name].user_id)
            )
            assert user_id is not None
            session.add(
                Attendance(
                    meeting_id=meeting.id,
                    user_id=user_id,
                    status=AttendanceStatus.GOING,
                    joined_at=clock(),
                    changed_at=clock(),
                )
            )
        await session.commit()
        return meeting.id


async def test_anonymous_answers_and_the_feedback_poll_after_a_meeting(
    db_url: str, ticks: list[datetime]
) -> None:
    clock = FakeClock(START)
    async with clocked_harness(db_url, clock) as harness:
        people = await _members(harness, clock)
        eva, olle = people["Eva"], people["Olle"]
        admin = Person(harness.client, harness.admin_id)
        async with harness.db.session() as session:
            draft = PollDraft(
                "Vill ni ha fler digitala möten?",
                ("Ja", "Nej"),
                anonymous=True,
                closes_at=START + timedelta(hours=2),
            )
            poll_id = (await polls.create(session, draft, created_by=ADMIN_ID, clock=clock)).id
            await session.commit()
        card = await _push(eva, "fler digitala möten")
        assert "Anonym" in card["text"]
        card, _ = await _tap(eva, card, "Nej")
        assert buttons(card) == ["Ja", "✅ Nej"]
        async with harness.db.session() as session:
            stored = list(await session.execute(select(PollVote.user_id, PollVote.voter_key)))
        assert len(stored) == 1 and stored[0][0] is None and len(stored[0][1]) == 64
        # "Svara" in the digest sends the card anew, with the reader's answer on it.
        cursor = await harness.client.cursor()
        data = PollOpen(poll_id).encode()
        await harness.client.press_data(eva.user_id, card["message_id"], data, chat_id=eva.user_id)
        again = await eva.next_message(
            after=cursor, predicate=lambda m: m["message_id"] != card["message_id"]
        )
        assert "fler digitala möten" in again["text"] and buttons(again) == ["Ja", "✅ Nej"]

        meeting_id = await _meeting_with_two(harness, clock, people)
        cursor = await harness.client.cursor()
        clock.now = START + timedelta(hours=3, minutes=1)  # the meeting has ended, the poll closed
        question = "Hur var mötet ”Dialogmöte i Skövde”?"
        feedback = await _push(eva, question, after=cursor)
        await _push(olle, question, after=cursor)
        assert buttons(feedback) == ["1", "2", "3", "4", "5", "💬 Kommentera"]
        await _push(admin, "har stängt", after=cursor)  # the anonymous poll's result
        await _tap(eva, feedback, "5")

        clock.advance(minutes=1)  # two later ticks find the feedback poll made: nothing new
        seen = len(ticks)

        async def two_more() -> bool:
            return len(ticks) >= seen + 2

        await eventually(two_more)
        async with harness.db.session() as session:
            made = await session.scalar(
                select(func.count(Poll.id)).where(Poll.meeting_id == meeting_id)
            )
        assert made == 1
        texts = [m.get("text") or "" for m in await eva.client.messages(eva.user_id)]
        assert sum(question in text for text in texts) == 1

        cursor = await harness.client.cursor()
        clock.now = START + timedelta(days=4)  # the feedback poll (3 days) has closed
        final = await _push(admin, "Enkät #2 har stängt", after=cursor)
        assert "Enkät #2" in final["text"]
        result = await admin.next_message(after=cursor, predicate=has("Resultat för enkät #2"))
        assert "• 5: 1 (100 %)" in result["text"]
