"""/broadcast through the sandbox: compose, audience, a preview exactly as recipients see it, send."""

from __future__ import annotations

import asyncio
import itertools
import struct
import time
import zlib
from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy import func, select, update

from bot.models import AuditEntry, Campaign, CampaignStatus, LinkStatus, Organisation, User
from tests.e2e.chat import JSON, Person, has
from tests.e2e.conftest import Harness

_message_ids = itertools.count(70_000)


async def eventually(check: Callable[[], Awaitable[bool]], *, seconds: float = 15) -> None:
    """Wait until check() holds."""
    for _ in range(int(seconds / 0.05)):
        if await check():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("condition not reached in time")


async def campaign_status(harness: Harness, campaign_id: int) -> CampaignStatus:
    """The campaign's status now."""
    async with harness.db.session() as session:
        return (await session.get_one(Campaign, campaign_id, populate_existing=True)).status


async def is_done(harness: Harness, campaign_id: int) -> bool:
    """Whether the worker finished the campaign."""
    return await campaign_status(harness, campaign_id) == CampaignStatus.DONE


async def add_members(harness: Harness, links: dict[str, str | None]) -> dict[str, Person]:
    """Sandbox people with user rows, each linked to the named organisation (or none)."""
    people: dict[str, Person] = {}
    async with harness.db.session() as session:
        for name, org_name in links.items():
            person = await Person.create(harness.client, name)
            org_id = await session.scalar(
                select(Organisation.id).where(Organisation.name == org_name)
            )
            status = LinkStatus.APPROVED if org_id else LinkStatus.NONE
            session.add(
                User(
                    telegram_id=person.user_id,
                    display_name=name,
                    organisation_id=org_id,
                    link_status=status,
                )
            )
            people[name] = person
        await session.commit()
    return people


async def inject(harness: Harness, user_id: int, **content: Any) -> int:
    """A message from a user with content the control API cannot type (entities, a photo)."""
    cursor = await harness.client.cursor()
    person = {"id": user_id, "is_bot": False, "first_name": "Admin"}
    message = {
        "message_id": next(_message_ids),
        "date": int(time.time()),
        "chat": {"id": user_id, "type": "private", "first_name": "Admin"},
        "from": person,
        **content,
    }
    await harness.client.inject_update({"message": message})
    return cursor


FORMATTED = {
    "text": "Dialogmöte i maj – anmäl dig",
    "entities": [
        {"type": "bold", "offset": 0, "length": 10},
        {"type": "italic", "offset": 13, "length": 3},
    ],
}


async def compose(harness: Harness, **content: Any) -> tuple[Person, JSON]:
    """The admin starts /broadcast and sends the message; returns the audience question."""
    admin = Person(harness.client, harness.admin_id)
    assert "Skriv meddelandet" in (await admin.say("/broadcast"))["text"]
    cursor = await inject(harness, admin.user_id, **(content or FORMATTED))
    question = await admin.next_message(after=cursor, predicate=has("Vem ska få utskicket?"))
    return admin, question


async def preview_and_summary(admin: Person, message: JSON, button: str) -> tuple[JSON, JSON]:
    """Press the audience button; return the preview and the summary under it."""
    _, cursor = await admin.press(message, button)
    # Not the pressed question, which is edited to show the choice.
    pressed = message["message_id"]
    preview = await admin.next_message(after=cursor, predicate=lambda m: m["message_id"] != pressed)
    summary = await admin.next_message(
        after=preview["revision"], predicate=has("Mottagare just nu")
    )
    return preview, summary


async def newest_campaign(harness: Harness) -> int:
    """The id of the campaign made last (staff are never shown it)."""
    async with harness.db.session() as session:
        found = await session.scalar(select(func.max(Campaign.id)))
    assert found is not None
    return int(found)


async def send_now(harness: Harness, admin: Person, summary: JSON) -> int:
    """Press Skicka nu; the id of the campaign it recorded."""
    queued = await admin.press_and_wait(summary, "Skicka nu", predicate=has("skickas nu"))
    assert "#" not in queued["text"]  # no internal number in what staff read
    return await newest_campaign(harness)


async def test_everyone_gets_exactly_the_preview_and_campaigns_shows_it_sent(
    harness: Harness,
) -> None:
    people = await add_members(harness, {"Anna": None, "Bo": "PRO Skaraborg"})
    admin, question = await compose(harness)

    preview, summary = await preview_and_summary(admin, question, "Alla")

    assert preview["html"] == "<b>Dialogmöte</b> i <i>maj</i> – anmäl dig"
    # Anna and Bo: the admin, staff and no organisation's contact, only sees the preview
    assert "Till:</b> alla" in summary["html"] and "Mottagare just nu:</b> 2" in summary["html"]
    assert {"Skicka nu", "Schemalägg", "Avbryt"} <= {
        b["text"] for row in summary["reply_markup"]["inline_keyboard"] for b in row
    }
    campaign_id = await send_now(harness, admin, summary)
    for person in people.values():
        got = await harness.client.wait_for_bot_message(person.user_id, after=0, timeout=10)
        assert (got["text"], got["entities"], got["html"]) == (
            preview["text"],
            preview["entities"],
            preview["html"],
        )
    await eventually(lambda: is_done(harness, campaign_id))
    listing = await admin.next_message(
        after=await admin.send("/campaigns"), predicate=has("Senaste utskick")
    )
    assert "<b>1.</b> 📣 ”Dialogmöte i maj – anmäl dig”" in listing["html"]
    assert "till alla" in listing["text"] and "2 skickade · 0 väntar" in listing["text"]
    async with harness.db.session() as session:
        created = await session.scalar(
            select(AuditEntry.detail).where(AuditEntry.action == "campaign_created")
        )
    assert created is not None and "2 recipients" in created and "to all" in created
    assert await _own_messages(harness) == 0  # only the preview, the summary and /campaigns


async def _own_messages(harness: Harness) -> int:
    """How many copies of the broadcast itself reached the admin (not the preview)."""
    chat = await harness.client.messages(harness.admin_id)
    from_bot = [m for m in chat if m.get("from", {}).get("is_bot")]
    return sum(1 for m in from_bot if m.get("text") == FORMATTED["text"]) - 1  # not the preview


async def _quiet(harness: Harness, people: list[Person]) -> None:
    for person in people:
        assert await harness.client.messages(person.user_id) == [], person.user_id


async def test_a_subregion_and_one_organisation_reach_only_their_people(harness: Harness) -> None:
    people = await add_members(
        harness,
        {"Sk": "PRO Skaraborg", "Sj": "Viskadalens folkhögskola", "Sz": "Suicide Zero", "No": None},
    )
    admin, question = await compose(harness, text="Till Skaraborg")
    sub = await admin.press_and_wait(question, "delregion", predicate=has("Vilken delregion?"))
    _, summary = await preview_and_summary(admin, sub, "Skaraborg")
    assert "organisationer i Skaraborg" in summary["text"] and "just nu: 1" in summary["text"]
    first = await send_now(harness, admin, summary)

    admin, question = await compose(harness, text="Till Suicide Zero")
    await admin.press_and_wait(question, "En organisation", predicate=has("del av organisationens"))
    found = await admin.say("suicide")
    assert "Välj organisation" in found["text"]
    _, summary = await preview_and_summary(admin, found, "Suicide Zero")
    assert "Till: Suicide Zero" in summary["text"] and "just nu: 1" in summary["text"]
    second = await send_now(harness, admin, summary)

    await eventually(lambda: is_done(harness, first))
    await eventually(lambda: is_done(harness, second))
    [to_skaraborg] = await harness.client.messages(people["Sk"].user_id)
    [to_org] = await harness.client.messages(people["Sz"].user_id)
    assert (to_skaraborg["text"], to_org["text"]) == ("Till Skaraborg", "Till Suicide Zero")
    await _quiet(harness, [people["Sj"], people["No"]])


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


async def test_a_photo_with_a_caption_goes_out_as_previewed(harness: Harness) -> None:
    people = await add_members(harness, {"Cia": None})
    stored = await harness.client.upload_file(
        _png(), file_name="affisch.png", mime_type="image/png", kind="photos"
    )
    photo = [
        {
            "file_id": stored["file_id"],
            "file_unique_id": stored["file_unique_id"],
            "width": 1,
            "height": 1,
        }
    ]
    caption = {
        "caption": "Affisch för mötet",
        "caption_entities": [{"type": "bold", "offset": 0, "length": 7}],
    }
    admin, question = await compose(harness, photo=photo, **caption)

    preview, summary = await preview_and_summary(admin, question, "Alla")
    assert preview["photo"] and preview["html"] == "<b>Affisch</b> för mötet"
    campaign_id = await send_now(harness, admin, summary)
    got = await harness.client.wait_for_bot_message(people["Cia"].user_id, after=0, timeout=10)
    assert got["photo"][-1]["file_id"] == preview["photo"][-1]["file_id"]
    assert (got["text"], got["entities"]) == (preview["text"], preview["entities"])
    await eventually(
        lambda: is_done(harness, campaign_id)
    )  # a bot stopped mid-send is slow to stop
    async with harness.db.session() as session:
        campaign = await session.scalar(select(Campaign))
    assert campaign is not None and (campaign.media_kind, campaign.media_file_id) == (
        "photo",
        stored["file_id"],
    )


async def due_now(harness: Harness, campaign_id: int) -> None:
    """Move a scheduled campaign's time into the past, as if the day had come."""
    async with harness.db.session() as session:
        past = (await session.get_one(Campaign, campaign_id)).created_at
        await session.execute(
            update(Campaign).where(Campaign.id == campaign_id).values(due_at=past)
        )
        await session.commit()
