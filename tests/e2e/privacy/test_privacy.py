"""Privacy through the sandbox: the notice at /start, staff exports in the audit log, /mydata
as a JSON file, /delete with a confirmation, nothing personal left, and a fresh start after."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.models import AuditEntry, PollVote, User
from bot.services import meetings, polls
from bot.services.meetings import MeetingDraft, MeetingOptions
from bot.services.polls import PollDraft
from tests.e2e.chat import JSON, Person, has
from tests.e2e.conftest import ADMIN_ID, Harness, start_harness
from tests.unit.privacy.test_privacy_support import traces

PRIVACY_URL = "https://www.vgregion.se/personuppgifter"
QUESTION = "Hur söker vi pengar till en sommarkurs för unga?"
KEY = b"e2e-privacy-key"


def _document(message: JSON) -> bool:
    return "document" in message


async def _seed(harness: Harness, telegram_id: int) -> tuple[int, int, int, int]:
    """Greta's sign-up for a meeting and her answers to a named and an anonymous poll."""
    now = datetime.now(UTC)
    start = now + timedelta(days=14)
    async with harness.db.session() as session:
        user_id = await session.scalar(select(User.id).where(User.telegram_id == telegram_id))
        assert user_id is not None
        draft = MeetingDraft(
            title="Dialogmöte i Borås",
            starts_at=start,
            ends_at=start + timedelta(hours=2),
            place="Borås",
        )
        options = MeetingOptions()
        clock = lambda: now  # noqa: E731 - the sandboxed bot runs on the real clock
        meeting = await meetings.create(
            session, draft, created_by=ADMIN_ID, clock=clock, options=options
        )
        await meetings.answer(
            session, meeting.id, user_id, going=True, clock=clock, options=options
        )
        poll_ids = []
        for anonymous in (False, True):
            poll = await polls.create(
                session,
                PollDraft(question="Passar kvällar?", options=("Ja", "Nej"), anonymous=anonymous),
                created_by=ADMIN_ID,
                clock=clock,
            )
            await polls.choose(session, poll.id, user_id, poll.options[0].id, key=KEY, clock=clock)
            poll_ids.append(poll.id)
        await session.commit()
        return user_id, meeting.id, poll_ids[0], poll_ids[1]


async def _staff_exports(admin: Person, greta: Person, meeting_id: int, poll_id: int) -> None:
    for command in (f"/attendees {meeting_id}", f"/export {poll_id}"):
        cursor = await admin.send(command)
        await admin.next_message(after=cursor, predicate=_document)
    preview = await admin.say(f"/digest preview {greta.user_id}")
    assert "Greta" in preview["text"]


async def test_notice_mydata_delete_and_a_fresh_start(db_url: str) -> None:
    async with start_harness(db_url, privacy_url=PRIVACY_URL, poll_key=KEY.decode()) as harness:
        greta = await Person.create(harness.client, "Greta")
        admin = Person(harness.client, ADMIN_ID)
        welcome = await greta.say("/start")
        assert "Dina uppgifter" in welcome["text"] and "/delete" in welcome["text"]
        links = [e["url"] for e in welcome.get("entities", []) if e["type"] == "text_link"]
        assert links == [PRIVACY_URL]
        await greta.say(QUESTION)
        user_id, meeting_id, named, anonymous = await _seed(harness, greta.user_id)
        await _staff_exports(admin, greta, meeting_id, named)

        cursor = await greta.send("/mydata")
        sent = await greta.next_message(after=cursor, predicate=_document)
        data = json.loads(await harness.client.file_bytes(sent["document"]["file_id"]))
        assert [q["question"] for q in data["questions"]] == [QUESTION]
        assert [m["title"] for m in data["meetings"]] == ["Dialogmöte i Borås"]
        assert [a["poll_id"] for a in data["poll_answers"]] == [named]

        ask = await greta.say("/delete")
        done = await greta.press_and_wait(ask, "Radera allt", predicate=has("raderat"))
        assert "Radera allt" not in str(done.get("reply_markup"))

        async with harness.db.session() as session:
            names = ("Greta",)
            left = await traces(session, user_id=user_id, telegram_id=greta.user_id, names=names)
            assert left == []
            votes = await session.scalars(select(PollVote.poll_id).order_by(PollVote.poll_id))
            assert list(votes) == [named, anonymous]  # the answers stay, unlinked
            actions = await session.scalars(select(AuditEntry.action).order_by(AuditEntry.id))
            assert {
                "export_attendees",
                "export_poll_answers",
                "preview_reader_digest",
                "export_own_data",
                "user_erased",
            } <= set(actions)

        # A meeting card queued before the erasure may still arrive: wait for the welcome.
        cursor = await greta.send("/start")
        await greta.next_message(after=cursor, predicate=has("Välj språk"))
        cursor = await greta.send("/mydata")
        sent = await greta.next_message(after=cursor, predicate=_document)
        fresh = json.loads(await harness.client.file_bytes(sent["document"]["file_id"]))
        assert fresh["user"]["organisation"] is None
        assert (fresh["questions"], fresh["meetings"], fresh["poll_answers"]) == ([], [], [])
