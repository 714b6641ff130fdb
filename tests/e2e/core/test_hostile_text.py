"""Text that looks like markup, written by staff, feeds and users into every field the bot shows
(form, meeting, call, poll, FAQ, feed, organisation and user names), through the sandbox: every
view a member and a staff member open must be sent (no "can't parse entities") and show the
text as it was typed, neither broken nor escaped twice."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

from sqlalchemy import select

from bot.models import Feed, MeetingStatus, Organisation, QuestionKind, User
from bot.services import calls, forms, meetings, nominations, polls
from bot.services.calls import CallDraft
from bot.services.forms import FormSpec, QuestionSpec
from bot.services.meetings import MeetingDraft, MeetingOptions
from bot.services.polls import PollDraft
from handlers.meetings.actions import MeetingAnswer
from tests.e2e.broadcast.test_broadcast import add_members, compose, preview_and_summary
from tests.e2e.chat import JSON, Person, buttons, has
from tests.e2e.conftest import Harness

HOSTILE = '<b>fet</b> <10 & "citat" </a>'
FAQ_QUESTION = "Vad betyder ordet xyzzyplugh?"
ESCAPED_TWICE = ("&lt;", "&gt;", "&amp;", "&quot;")


async def _content(harness: Harness) -> tuple[Person, int]:
    """Every kind of content with the hostile text; Eva, its organisation's contact."""
    svc = harness.bot.services
    clock = svc.clock
    async with harness.db.session() as session:
        session.add(Organisation(name=f"Förening {HOSTILE}"))
        await session.commit()
    eva = (await add_members(harness, {f"Eva {HOSTILE}": f"Förening {HOSTILE}"}))[f"Eva {HOSTILE}"]
    async with harness.db.session() as session:
        spec = FormSpec(
            title=f"Enkät {HOSTILE}",
            intro=f"Gäller {HOSTILE}",
            questions=(
                QuestionSpec(
                    "q", QuestionKind.CHOICE, f"Fråga {HOSTILE}", (f"Ja {HOSTILE}", "Nej")
                ),
            ),
        )
        await forms.create(session, spec, created_by=None, clock=clock)
        start = clock() + timedelta(days=10)
        draft = MeetingDraft(
            title=f"Möte {HOSTILE}",
            starts_at=start,
            ends_at=start + timedelta(hours=2),
            place=f"Plats {HOSTILE}",
            description=f"Om {HOSTILE}",
        )
        options = MeetingOptions.from_settings(svc.settings)
        meeting = await meetings.create(
            session, draft, created_by=None, clock=clock, options=options, announce=False
        )
        eva_id = await session.scalar(select(User.id).where(User.telegram_id == eva.user_id))
        assert eva_id is not None
        await meetings.answer(session, meeting.id, eva_id, going=True, clock=clock, options=options)
        gone_draft = dataclasses.replace(draft, title=f"Inställt {HOSTILE}")
        gone = await meetings.create(
            session, gone_draft, created_by=None, clock=clock, options=options, announce=False
        )
        gone.status = MeetingStatus.CANCELLED
        call = CallDraft(title=f"Utlysning {HOSTILE}", funder=f"Givare {HOSTILE}", deadline=start)
        await calls.create(session, call, created_by=None, clock=clock, announce=False)
        await polls.create(
            session,
            PollDraft(f"Omröstning {HOSTILE}", (f"Ja {HOSTILE}", "Nej")),
            created_by=None,
            clock=clock,
        )
        session.add(
            Feed(
                url="https://example.org/flode?a=1&b=2",
                kind="news",
                include_words=HOSTILE,
                last_error=f"HTTP 500 {HOSTILE}",
                failures=1,
            )
        )
        await svc.knowledge.add_faq(session, [FAQ_QUESTION], f"Svar: {HOSTILE}")
        eva_user = await session.get(User, eva_id)
        assert eva_user is not None
        nomination_round = await nominations.open_round(
            session,
            title=f"Val {HOSTILE}",
            opens_at=clock() - timedelta(hours=1),
            closes_at=clock() + timedelta(days=5),
            created_by=None,
            clock=clock,
            announce=False,
        )
        candidate = nominations.Candidate(
            name=f"Kandidat {HOSTILE}",
            organisation=HOSTILE,
            contact="kandidat@example.org",
            motivation=HOSTILE,
        )
        await nominations.nominate(
            session, nomination_round.id, eva_user, candidate=candidate, clock=clock
        )
        await session.commit()
    await svc.knowledge.rebuild()
    return eva, gone.id


async def _member_tour(eva: Person) -> list[JSON]:
    """Eva fills in the form, asks, and opens her views."""
    # The poll made in _content may reach Eva's chat while she asks: wait for the list itself.
    cursor = await eva.send("/forms")
    listed = await eva.next_message(
        after=cursor, predicate=lambda m: any("Fyll i" in label for label in buttons(m))
    )
    seen = [listed]
    seen.append(
        await eva.press_and_wait(
            seen[0], "Fyll i: Enkät <b>fet</b> <10 &", predicate=has("Fråga 1 av")
        )
    )
    seen.append(await eva.press_and_wait(seen[-1], f"Ja {HOSTILE}", predicate=has("Så här blev")))
    seen.append(await eva.press_and_wait(seen[-1], "Skicka", predicate=has("Tack")))
    for text in (
        "/profile",
        "/meetings",
        "/calls",
        FAQ_QUESTION,
    ):
        seen.append(await eva.say(text))
    cursor = await eva.send(f"Hur bakar man {HOSTILE}?")
    seen.append(await eva.next_message(after=cursor, predicate=has("vet jag tyvärr inte")))
    # The unanswered question goes to staff with Eva's name.
    seen.append(await eva.press_and_wait(seen[-1], "handläggare", predicate=has("skickat")))
    seen.append(await eva.say("/nominate"))  # shows her organisation's nomination
    return seen


async def _newcomer_and_broadcast(harness: Harness, admin: Person) -> list[JSON]:
    """A newcomer with such a name asks to join the organisation (staff get the request); a
    broadcast with such text goes to the organisation (preview and summary)."""
    ny = await Person.create(harness.client, f"Ny {HOSTILE}")
    welcome = await ny.say("/start")
    asked = await ny.press_and_wait(welcome, "Svenska", predicate=has("Vilken organisation"))
    matches = await ny.say("Förening")
    cursor = await harness.client.cursor()
    requested = await ny.press_and_wait(matches, "Förening", predicate=has("handläggare"))
    request = await admin.next_message(after=cursor, predicate=has("Begäran om koppling"))
    seen = [welcome, asked, matches, requested, request]
    admin, question = await compose(harness, text=f"Utskick {HOSTILE}")
    await admin.press_and_wait(question, "En organisation", predicate=has("del av organisationens"))
    found = await admin.say("Förening")
    preview, summary = await preview_and_summary(admin, found, "Förening")
    queued = await admin.press_and_wait(summary, "Skicka nu", predicate=has("skickas nu"))
    return [*seen, question, found, preview, summary, queued]


async def test_markup_like_text_is_shown_as_typed_in_every_view(harness: Harness) -> None:
    eva, cancelled = await _content(harness)
    admin = Person(harness.client, harness.admin_id)
    seen = await _member_tour(eva)
    # A press's answer is plain text: "Jag kommer" on a meeting since cancelled.
    pressed = await harness.client.press_data(
        eva.user_id,
        seen[0]["message_id"],
        MeetingAnswer(cancelled, True).encode(),
        chat_id=eva.user_id,
    )
    assert f"Inställt {HOSTILE}" in await eva.answer_text(pressed)
    seen += await _newcomer_and_broadcast(harness, admin)
    staff = (
        "/formadmin",
        "/attendees",
        "/unanswered",
        "/feeds",
        "/results",
        "/stats",
        "/nominations",
        "/digest",
    )
    seen += [await admin.say(command) for command in staff]
    cursor = await admin.send("/results")
    pick = await admin.next_message(after=cursor, predicate=has("Vilken enkät"))
    seen.append(await admin.press_and_wait(pick, "Omröstning", predicate=has("Nej")))
    failed = [c for c in await harness.client.calls() if not c["ok"]]
    assert failed == []
    people = [int(user["id"]) for user in await harness.client.users()]
    chats = [m for person in people for m in await harness.client.messages(person)]
    # What Telegram shows: each message's text and its buttons' labels.
    texts = [m.get("text") or "" for m in chats if m["from_bot"]]
    texts += [label for m in chats for label in buttons(m)]
    for text in texts:
        assert not any(escaped in text for escaped in ESCAPED_TWICE), text
    everything = "\n".join(texts)
    for typed in (
        f"Gäller {HOSTILE}",  # the form's intro
        f"Fråga {HOSTILE}",
        f"Ja {HOSTILE}",
        f"Förening {HOSTILE}",
        f"Möte {HOSTILE}",
        f"Utlysning {HOSTILE}",
        f"Svar: {HOSTILE}",
        f"Eva {HOSTILE}",  # the attendee list
        f"Hur bakar man {HOSTILE}?",  # unanswered
        HOSTILE,  # the feed's filter
        f"Omröstning {HOSTILE}",
        f"Ny {HOSTILE}",  # the staff's link request
        f"Utskick {HOSTILE}",  # the broadcast preview
        f"Till: Förening {HOSTILE}",  # and its summary
        f"Val {HOSTILE}",
    ):
        assert typed in everything, typed
