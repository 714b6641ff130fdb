"""Onboarding through the sandbox: /start, language, linking by approval and by invitation."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.models import LinkStatus, User
from bot.services import invitations, organisations
from tests.e2e.chat import Person, buttons, has
from tests.e2e.conftest import Harness, start_harness

STAFF_GROUP = -1007001


async def _user(harness: Harness, telegram_id: int) -> User:
    async with harness.db.session() as session:
        user = await session.scalar(select(User).where(User.telegram_id == telegram_id))
        assert user is not None
        return user


async def test_start_language_and_link_by_staff_approval(harness: Harness) -> None:
    anna = await Person.create(harness.client, "Anna")
    admin = Person(harness.client, harness.admin_id)

    welcome = await anna.say("/start")
    assert "överenskommelsen" in welcome["text"]
    assert buttons(welcome) == ["🇸🇪 Svenska", "🇬🇧 English"]

    chosen = await anna.press_and_wait(welcome, "English", predicate=has("Which organisation"))
    assert "Skip" in buttons(chosen)
    assert (await _user(harness, anna.user_id)).language == "en"

    matches = await anna.say("roda kors")
    assert "Röda Korset Västra Götaland" in buttons(matches)

    admin_cursor = await harness.client.cursor()
    requested = await anna.press_and_wait(matches, "Röda Korset", predicate=has("confirm"))
    assert "Röda Korset Västra Götaland" in requested["text"]
    assert (await _user(harness, anna.user_id)).link_status == LinkStatus.PENDING

    request = await admin.next_message(after=admin_cursor, predicate=has("Begäran om koppling"))
    assert "Anna" in request["text"]
    assert buttons(request) == ["✅ Godkänn", "❌ Neka"]
    anna_cursor = await harness.client.cursor()
    decided = await admin.press_and_wait(request, "Godkänn", predicate=has("kopplades"))
    assert decided["edited"] and "godkänt av Admin" in decided["text"]

    approved = await anna.next_message(after=anna_cursor, predicate=has("linked"))
    assert "✅" in approved["text"]
    user = await _user(harness, anna.user_id)
    assert user.link_status == LinkStatus.APPROVED
    assert user.organisation is not None and user.organisation.name == "Röda Korset Västra Götaland"


async def test_a_link_request_reaches_the_staff_group_once_and_is_approved_there(
    db_url: str,
) -> None:
    async with start_harness(db_url, staff_chat_id=STAFF_GROUP) as harness:
        client = harness.client
        # The staff group exists once someone has written in it.
        await client.send_text(harness.admin_id, "hej", chat_id=STAFF_GROUP, chat_type="supergroup")
        cleo = await Person.create(client, "Cleo")
        await cleo.say("/start")
        cursor = await client.cursor()
        await cleo.client.send_text(cleo.user_id, "/settings")
        settings = await cleo.next_message(after=cursor, predicate=has("Inställningar"))
        await cleo.press_and_wait(settings, "Organisation", predicate=has("Vilken organisation"))
        matches = await cleo.say("viskadalen")
        cursor = await client.cursor()
        await cleo.press_and_wait(matches, "Viskadalens", predicate=has("Tack"))
        request = await client.wait_for_bot_message(
            STAFF_GROUP, after=cursor, predicate=has("Begäran om koppling")
        )
        assert request["text"].startswith("🔗 Begäran om koppling\nCleo vill kopplas till ")
        assert buttons(request) == ["✅ Godkänn", "❌ Neka"]
        assert await client.messages(harness.admin_id) == []  # the group, not the admins

        cursor = await client.cursor()
        await client.press(harness.admin_id, request, "Godkänn")
        decided = await client.wait_for_bot_message(
            STAFF_GROUP, after=cursor, predicate=has("kopplades")
        )
        assert decided["edited"] and "godkänt av Admin" in decided["text"]
        assert (await _user(harness, cleo.user_id)).link_status == LinkStatus.APPROVED
        sent = [m for m in await client.messages(STAFF_GROUP) if "koppl" in (m.get("text") or "")]
        assert len(sent) == 1  # one request, edited into its decision


async def test_staff_can_deny_and_a_second_press_is_stale(harness: Harness) -> None:
    bo = await Person.create(harness.client, "Bo")
    admin = Person(harness.client, harness.admin_id)
    cursor = await harness.client.cursor()
    await bo.say("/start")
    bo_cursor = await harness.client.cursor()
    await bo.client.send_text(bo.user_id, "/settings")
    settings = await bo.next_message(after=bo_cursor, predicate=has("Inställningar"))
    prompt = await bo.press_and_wait(settings, "Organisation", predicate=has("Vilken organisation"))
    assert prompt
    matches = await bo.say("viskadalen")
    await bo.press_and_wait(matches, "Viskadalens", predicate=has("Tack"))
    request = await admin.next_message(after=cursor, predicate=has("Begäran om koppling"))

    denied = await admin.press_and_wait(request, "Neka", predicate=has("nekat av"))
    assert denied["edited"]
    assert (await _user(harness, bo.user_id)).link_status == LinkStatus.NONE

    query_id, _ = await admin.press(request, "Godkänn")
    assert "redan hanterad" in await admin.answer_text(query_id)
    assert (await _user(harness, bo.user_id)).link_status == LinkStatus.NONE


async def test_invitation_link_links_at_once_and_expired_or_revoked_ones_do_not(
    harness: Harness,
) -> None:
    clock = harness.bot.services.clock
    async with harness.db.session() as session:
        org = await organisations.find_by_name(session, "PRO Skaraborg")
        valid = await invitations.create(session, org.id, days=30, clock=clock)
        revoked = await invitations.create(session, org.id, days=30, clock=clock)
        await invitations.revoke(session, revoked.code, clock=clock)
        expired = await invitations.create(session, org.id, days=1, clock=clock)
        expired.expires_at = clock() - timedelta(minutes=1)
        await session.commit()

    cia = await Person.create(harness.client, "Cia")
    linked = await cia.say(f"/start {valid.code}")
    assert "PRO Skaraborg" in linked["text"] and "inbjudan" in linked["text"]
    user = await _user(harness, cia.user_id)
    assert user.link_status == LinkStatus.APPROVED

    dan = await Person.create(harness.client, "Dan")
    # Each refused /start also sends the welcome: wait for the refusal itself, not any reply.
    for code, refusal in (
        (revoked.code, "dragits tillbaka"),
        (expired.code, "gått ut"),
        ("nonsense-code", "känner jag inte igen"),
    ):
        cursor = await dan.send(f"/start {code}")
        assert await dan.next_message(after=cursor, predicate=has(refusal))
    assert (await _user(harness, dan.user_id)).link_status == LinkStatus.NONE


async def test_a_question_during_organisation_search_is_answered(harness: Harness) -> None:
    eva = await Person.create(harness.client, "Eva")
    welcome = await eva.say("/start")
    await eva.press_and_wait(welcome, "Svenska", predicate=has("Vilken organisation"))
    answer = await eva.say("Hur många underskrivare har överenskommelsen?")
    assert "125" in answer["text"]


async def test_skip_leaves_onboarding_and_cancel_works(harness: Harness) -> None:
    fia = await Person.create(harness.client, "Fia")
    welcome = await fia.say("/start")
    prompt = await fia.press_and_wait(welcome, "Svenska", predicate=has("Vilken organisation"))
    skipped = await fia.press_and_wait(prompt, "Hoppa över", predicate=has("senare"))
    assert "/settings" in skipped["text"]
    assert "inget att avbryta" in (await fia.say("/cancel"))["text"]
