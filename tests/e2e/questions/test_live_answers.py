"""Questions about the bot's own data, answered from it through the sandbox: the next meeting's
card with working buttons, "nothing planned" with the subscription offer, the open calls, the
asker's sign-ups, and the English card for an English reader.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

from sqlalchemy import select

from bot.models import QuestionLog, Topic, User
from bot.services import calls, meetings, polls, topics
from bot.services.calls.drafts import CallDraft
from bot.services.meetings import MeetingDraft, MeetingOptions
from bot.services.polls import PollDraft
from tests.e2e.chat import JSON, Person, buttons, has
from tests.e2e.conftest import Harness

SWEDISH_CARD = ["Jag kommer", "Kan inte", "📅 Lägg i kalender"]


async def _member(harness: Harness, name: str, *, language: str = "sv") -> Person:
    """A sandbox person with a user row in the given language."""
    person = await Person.create(harness.client, name)
    async with harness.db.session() as session:
        session.add(User(telegram_id=person.user_id, display_name=name, language=language))
        await session.commit()
    return person


async def _meeting(harness: Harness, title: str, *, days: int) -> int:
    """An upcoming meeting made from the shell's side, not announced."""
    clock = harness.bot.services.clock
    start = (clock() + timedelta(days=days)).replace(hour=12, minute=0, second=0, microsecond=0)
    async with harness.db.session() as session:
        draft = MeetingDraft(title, start, start + timedelta(hours=2), place="Regionens hus")
        meeting = await meetings.create(
            session,
            draft,
            created_by=None,
            clock=clock,
            options=MeetingOptions(),
            announce=False,
        )
        await session.commit()
        return meeting.id


async def _answer(person: Person, question: str, *, count: int) -> list[JSON]:
    """The bot's first count messages after the question, in order."""
    cursor = await person.send(question)
    found: list[JSON] = []
    for _ in range(count):
        message = await person.next_message(after=cursor)
        found.append(message)
        cursor = int(message["revision"])
    return found


async def test_next_meeting_is_the_card_with_working_buttons_then_listed_as_signed_up(
    harness: Harness,
) -> None:
    await _meeting(harness, "Dialogmöte om bidrag", days=10)
    await _meeting(harness, "Dialogmöte om lokaler", days=40)
    eva = await _member(harness, "Eva")

    header, first, second = await _answer(eva, "När är nästa dialogmöte?", count=3)
    assert "Nästa dialogmöte" in header["text"]
    assert "Dialogmöte om bidrag" in first["text"] and "Regionens hus" in first["text"]
    assert "Dialogmöte om lokaler" in second["text"]
    assert buttons(first) == SWEDISH_CARD
    assert "Källa" not in first["text"]  # not the 2026 plan passage

    query_id, cursor = await eva.press(first, "Jag kommer")
    assert "anmäld" in await eva.answer_text(query_id)
    edited = await eva.next_message(
        after=cursor, predicate=lambda m: m["message_id"] == first["message_id"]
    )
    assert "Du är anmäld" in edited["text"]
    assert buttons(edited)[0] == "✅ Jag kommer"

    mine = await eva.say("Vad har jag anmält mig till?")
    assert "Det här har du anmält dig till" in mine["text"]
    assert "Dialogmöte om bidrag" in mine["text"]
    assert "Dialogmöte om lokaler" not in mine["text"]
    assert "kl. 12.00" in mine["text"] or "kl. 13.00" in mine["text"]


async def test_english_reader_gets_the_english_card(harness: Harness) -> None:
    await _meeting(harness, "Dialogue on funding", days=5)
    anna = await _member(harness, "Anna", language="en")
    header, card = await _answer(anna, "When is the next dialogue meeting?", count=2)
    assert "Next dialogue meeting" in header["text"]
    assert "Dialogue on funding" in card["text"]
    assert buttons(card) == ["I'm coming", "Can't come", "📅 Add to calendar"]
    nothing = await anna.say("Which polls are waiting for me?")
    assert "No forms or polls are waiting for you right now." in nothing["text"]
    assert "You already get notifications about “Polls”" in nothing["text"]


async def test_nothing_planned_says_so_and_offers_the_subscription(harness: Harness) -> None:
    olle = await _member(harness, "Olle")
    assert "Klart" in (await olle.say("/stop"))["text"]

    offer, plan = await _answer(olle, "När är nästa dialogmöte?", count=2)
    assert "Inga dialogmöten är inplanerade just nu." in offer["text"]
    assert buttons(offer) == ["🔔 Slå på ”Dialogmöten”"]
    assert "Källa" in plan["text"]  # the documents' plan of meetings as context

    query_id, cursor = await olle.press(offer, "🔔 Slå på ”Dialogmöten”")
    assert "på" in await olle.answer_text(query_id)
    done = await olle.next_message(after=cursor, predicate=has("nu får du utskick"))
    assert "Dialogmöten" in done["text"]
    async with harness.db.session() as session:
        user_id = await session.scalar(select(User.id).where(User.telegram_id == olle.user_id))
        assert user_id is not None
        chosen = await topics.preferences(session, user_id)
    assert chosen[Topic.MEETINGS] and not chosen[Topic.FUNDING_CALLS]

    # Asked again with the topic on: no button, the line says it is on already.
    # Without diacritics it is the same question and gets the same line; the plan follows as
    # context only when the documents answer it surely, which the misspelt words need not.
    (again,) = await _answer(olle, "nasta dialogmote?", count=1)
    assert "inplanerade" in again["text"] and "redan" in again["text"]
    assert buttons(again) == []
    # Answered by the clear line: never listed among the questions the bot could not answer.
    await harness.bot.services.question_log.flush()
    async with harness.db.session() as session:
        logged = await session.scalars(
            select(QuestionLog.answered).where(QuestionLog.question == "nasta dialogmote?")
        )
        assert all(logged)

    nothing = await olle.say("Vad har jag anmält mig till?")
    assert "inte anmäld" in nothing["text"]


async def test_open_calls_are_listed_and_none_offers_the_topic(harness: Harness) -> None:
    gun = await _member(harness, "Gun")
    empty = await gun.say("Vilka utlysningar är öppna?")
    assert "Inga utlysningar är öppna just nu." in empty["text"]
    assert "Utlysningar" in empty["text"] and "redan" in empty["text"]

    clock = harness.bot.services.clock
    async with harness.db.session() as session:
        draft = CallDraft("Bidrag till föreningsliv", deadline=clock() + timedelta(days=20))
        await calls.create(session, draft, created_by=None, clock=clock, announce=False)
        await session.commit()
    header, card = await _answer(gun, "kan vi söka pengar nånstans nu", count=2)
    assert "Öppna utlysningar" in header["text"]
    assert "Bidrag till föreningsliv" in card["text"]
    assert "Påminn mig" in " ".join(buttons(card))


async def test_pending_polls_are_the_open_cards_not_yet_answered(harness: Harness) -> None:
    hans = await _member(harness, "Hans")
    nothing = await hans.say("Vilka enkäter väntar på mig?")
    assert "Inga formulär eller enkäter väntar på dig just nu." in nothing["text"]

    clock = harness.bot.services.clock
    async with harness.db.session() as session:
        draft = PollDraft("Vill ni ha fler digitala möten?", ("Ja", "Nej"))
        await polls.create(session, draft, created_by=None, clock=clock)
        await session.commit()
    await hans.client.wait_for_bot_message(
        hans.user_id, after=0, predicate=has("fler digitala möten"), timeout=10.0
    )
    await _until_sent_to(harness, hans)  # the card shows a moment before it is recorded sent
    header, card = await _answer(hans, "do I have any forms to fill in", count=2)
    assert "Enkäter som väntar på ditt svar" in header["text"]
    assert "fler digitala möten" in card["text"] and buttons(card) == ["Ja", "Nej"]

    query_id, _ = await hans.press(card, "Ja")
    await hans.answer_text(query_id)
    answered = await hans.say("har jag några enkäter att svara på?")
    assert "Inga formulär eller enkäter väntar" in answered["text"]


async def _until_sent_to(harness: Harness, person: Person) -> None:
    services = harness.bot.services
    for _ in range(500):
        async with harness.db.session() as session:
            user = await session.scalar(select(User).where(User.telegram_id == person.user_id))
            assert user is not None
            key = await polls.poll_key(session, services.settings.poll_key)
            if await polls.waiting_for(session, user.id, key=key, clock=services.clock):
                return
        await asyncio.sleep(0.02)
    raise AssertionError("the poll card was never recorded as sent")


async def test_document_questions_about_meetings_still_get_the_passage(harness: Harness) -> None:
    await _meeting(harness, "Dialogmöte om bidrag", days=10)
    ivar = await _member(harness, "Ivar")
    answer = await ivar.say("Hur många deltog i dialogmötena 2024?")
    assert "120" in answer["text"] and "Källa" in answer["text"]
