"""/settings for a linked member: Hoppa över at the organisation question keeps the link and
says so, and Ta bort kopplingen asks first (relinking needs staff approval again)."""

from __future__ import annotations

from sqlalchemy import select

from bot.models import LinkStatus, User
from tests.e2e.broadcast.test_broadcast import add_members
from tests.e2e.chat import Person, buttons, has
from tests.e2e.conftest import Harness
from tests.e2e.core.test_replaced_prompts import current

ORG = "PRO Skaraborg"


async def _link(harness: Harness, person: Person) -> tuple[LinkStatus, int | None]:
    async with harness.db.session() as session:
        user = await session.scalar(select(User).where(User.telegram_id == person.user_id))
        assert user is not None
        return user.link_status, user.organisation_id


async def test_skipping_the_organisation_keeps_the_link_and_says_so(harness: Harness) -> None:
    bo = (await add_members(harness, {"Bo": ORG}))["Bo"]
    before = await _link(harness, bo)
    menu = await bo.say("/settings")
    asked = await bo.press_and_wait(menu, "Organisation", predicate=has("organisation"))
    cursor = await harness.client.cursor()
    await bo.press(asked, "Hoppa över")
    said = await bo.next_message(
        after=cursor, predicate=lambda m: m["message_id"] > asked["message_id"]
    )
    assert said["text"] == f"Okej! Din organisation är oförändrad: {ORG}."
    assert "senare" not in said["text"]
    assert (await current(bo, asked["message_id"]))["text"].endswith("Organisation: oförändrad")
    assert await _link(harness, bo) == before


async def test_ta_bort_kopplingen_asks_before_unlinking(harness: Harness) -> None:
    bo = (await add_members(harness, {"Bo": ORG}))["Bo"]
    before = await _link(harness, bo)
    menu = await bo.say("/settings")
    assert "Ta bort kopplingen" in buttons(menu)
    asking = await bo.press_and_wait(menu, "Ta bort kopplingen", predicate=has("Vill du ta bort"))
    assert ORG in asking["text"] and "godkänna" in asking["text"]
    assert buttons(asking) == ["Ja, ta bort kopplingen", "◀ Tillbaka"]
    assert await _link(harness, bo) == before  # nothing yet

    back = await bo.press_and_wait(asking, "Tillbaka", predicate=has("Inställningar"))
    assert await _link(harness, bo) == before and ORG in back["text"]

    asking = await bo.press_and_wait(back, "Ta bort kopplingen", predicate=has("Vill du ta bort"))
    query_id, _ = await bo.press(asking, "Ja, ta bort kopplingen")
    assert await bo.answer_text(query_id) == "Kopplingen till organisationen är borttagen."
    assert (await _link(harness, bo))[0] == LinkStatus.NONE
    menu_now = await current(bo, asking["message_id"])
    assert "ingen vald" in menu_now["text"] and "Ta bort kopplingen" not in buttons(menu_now)
