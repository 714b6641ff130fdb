"""/invite: staff find an organisation and get a t.me link that links whoever opens it."""

from __future__ import annotations

import asyncio
import re

from sqlalchemy import select
from typer.testing import CliRunner

from bot.bot_identity import SANDBOX_TOKEN
from bot.entrypoints.cli import app
from bot.models import AuditEntry, LinkStatus, User
from tests.e2e.chat import Person, buttons, has
from tests.e2e.conftest import Harness

LINK = re.compile(r"https://t\.me/signbot_sandbox_bot\?start=([A-Za-z0-9_-]+)")


async def test_staff_invite_an_organisation_and_the_link_links_its_opener(
    harness: Harness,
) -> None:
    admin = Person(harness.client, harness.admin_id)
    assert "Vilken organisation" in (await admin.say("/invite"))["text"]
    assert "ingen organisation" in (await admin.say("Xyzzy förbundet"))["text"]
    matches = await admin.say("röda korset")
    assert buttons(matches)[0] == "Röda Korset Västra Götaland"
    cursor = await harness.client.cursor()
    await admin.press(matches, "Röda Korset Västra Götaland")
    created = await admin.next_message(after=cursor, predicate=has("Inbjudan"))
    forward = await admin.next_message(after=cursor, predicate=has("Hej!"))
    match = LINK.search(created["text"])
    assert match is not None and match.group(0) in forward["text"]
    assert "Röda Korset Västra Götaland" in forward["text"]
    assert re.search(r"\d{4}-\d\d-\d\d", created["text"] + forward["text"]) is None

    # The person who gets the forwarded message opens the link: /start CODE.
    vera = await Person.create(harness.client, "Vera")
    linked = await vera.say(f"/start {match.group(1)}")
    assert "Röda Korset Västra Götaland" in linked["text"]
    async with harness.db.session() as session:
        user = await session.scalar(select(User).where(User.telegram_id == vera.user_id))
        assert user is not None and user.link_status == LinkStatus.APPROVED
        made = await session.scalar(
            select(AuditEntry).where(AuditEntry.action == "invitation_created")
        )
        assert made is not None and made.actor_telegram_id == harness.admin_id


async def test_members_cannot_invite_nor_forge_the_button(harness: Harness) -> None:
    kim = await Person.create(harness.client, "Kim")
    assert "bara för handläggare" in (await kim.say("/invite"))["text"]
    welcome = await kim.say("/start")
    query_id = await harness.client.press_data(
        kim.user_id, welcome["message_id"], "inv:1", chat_id=kim.user_id
    )
    assert "bara för handläggare" in await kim.answer_text(query_id)


async def test_the_shell_prints_the_t_me_link_with_the_username_from_get_me(
    harness: Harness,
) -> None:
    sandbox = harness.bot.sandbox
    assert sandbox is not None
    env = {
        "DATABASE_URL": harness.bot.services.settings.database_url,
        "TELEGRAM_BOT_TOKEN": SANDBOX_TOKEN,
        "TELEGRAM_API_BASE_URL": sandbox.base_url,
        "SIGNBOT_BOT_USERNAME": "",
    }
    invited = await asyncio.to_thread(
        CliRunner().invoke, app, ["orgs", "invite", "PRO Skaraborg"], env=env
    )
    assert invited.exit_code == 0, invited.output
    match = LINK.search(invited.stdout.splitlines()[0])
    assert match is not None and invited.stderr == ""
    nils = await Person.create(harness.client, "Nils")
    assert "PRO Skaraborg" in (await nils.say(f"/start {match.group(1)}"))["text"]
