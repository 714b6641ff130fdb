"""A prompt replaced by a newer one of the same step loses its buttons, and a press on an
older confirmation never acts with the newer answer."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select

from bot.models import Campaign
from bot.texts import t
from tests.e2e.chat import JSON, Person, buttons, has
from tests.e2e.conftest import Harness
from tests.e2e.test_broadcast import add_members, compose, preview_and_summary


async def current(person: Person, message_id: int) -> JSON:
    """The message as it stands now in the chat (after every edit)."""
    for message in await person.client.messages(person.user_id):
        if message["message_id"] == message_id:
            return message
    raise AssertionError(f"message {message_id} not in the chat")


async def test_an_older_time_confirmation_loses_its_buttons_and_a_press_on_it_is_refused(
    harness: Harness,
) -> None:
    await add_members(harness, {"Eva": None})
    admin, question = await compose(harness, text="Välkommen till årsmötet")
    _, summary = await preview_and_summary(admin, question, "Alla")
    await admin.press_and_wait(summary, "Schemalägg", predicate=has("När ska det skickas?"))
    first = await admin.say("2030-12-09 09:00")
    assert "9 december 2030" in first["text"] and "Ja, schemalägg" in buttons(first)
    second = await admin.say("2030-12-10 09:00")
    assert "10 december 2030" in second["text"] and "Ja, schemalägg" in buttons(second)
    assert buttons(await current(admin, first["message_id"])) == []

    # A press on the old one (its data kept from before) is refused and schedules nothing.
    query_id, _ = await admin.press(first, "Ja, schemalägg")
    assert await admin.answer_text(query_id) == t("broadcast_time_replaced", "sv")
    assert "✓" not in (await current(admin, first["message_id"]))["text"]
    async with harness.db.session() as session:
        assert await session.scalar(select(func.count(Campaign.id))) == 0

    # The newest one schedules for its own time.
    await admin.press_and_wait(second, "Ja, schemalägg", predicate=has("Utskicket skickas"))
    async with harness.db.session() as session:
        due = await session.scalar(select(Campaign.due_at))
    assert due == datetime(2030, 12, 10, 8, 0, tzinfo=UTC)
