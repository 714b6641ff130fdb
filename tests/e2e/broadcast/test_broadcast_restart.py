"""A broadcast being composed survives a restart of the bot: its draft is in the database."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy import func, select

from bot.models import BroadcastDraft, Campaign, CampaignStatus
from bot.sandbox.server import RunningSandbox, start_sandbox
from tests.e2e.broadcast.test_broadcast import (
    add_members,
    compose,
    eventually,
    is_done,
    preview_and_summary,
    send_now,
)
from tests.e2e.chat import Person, has
from tests.e2e.conftest import restarted_harness, start_harness


@pytest.fixture
async def sandbox() -> AsyncIterator[RunningSandbox]:
    running = await start_sandbox(port=0)
    try:
        yield running
    finally:
        await running.stop()


async def test_a_button_of_a_draft_composed_before_a_restart_finishes_it(
    db_url: str, sandbox: RunningSandbox
) -> None:
    async with start_harness(db_url, sandbox=sandbox) as first:
        [anna] = (await add_members(first, {"Anna": None})).values()
        _, question = await compose(first, text="Efter omstarten")
    async with restarted_harness(db_url, sandbox) as second:
        admin = Person(second.client, second.admin_id)
        preview, summary = await preview_and_summary(admin, question, "Alla")
        assert preview["text"] == "Efter omstarten" and "just nu: 1" in summary["text"]
        campaign_id = await send_now(second, admin, summary)
        await eventually(lambda: is_done(second, campaign_id))
        [got] = await second.client.messages(anna.user_id)
        assert got["text"] == "Efter omstarten"
        async with second.db.session() as session:
            assert await session.scalar(select(func.count(BroadcastDraft.id))) == 0


async def test_a_typed_step_continues_after_a_restart(db_url: str, sandbox: RunningSandbox) -> None:
    async with start_harness(db_url, sandbox=sandbox) as first:
        admin, question = await compose(first, text="Schemalagt före omstarten")
        _, summary = await preview_and_summary(admin, question, "Alla")
        await admin.press_and_wait(summary, "Schemalägg", predicate=has("När ska det skickas?"))
    async with restarted_harness(db_url, sandbox) as second:
        admin = Person(second.client, second.admin_id)
        confirm = await admin.say("2030-10-27 09:00")  # the chat forgot the step; the draft not
        assert "27 oktober 2030 kl. 09.00" in confirm["text"]
        await admin.press_and_wait(confirm, "Ja, schemalägg", predicate=has("Utskicket skickas"))
        async with second.db.session() as session:
            campaign = await session.scalar(select(Campaign))
            assert campaign is not None and campaign.text_html == "Schemalagt före omstarten"
            assert campaign.status == CampaignStatus.SCHEDULED


async def test_cancel_forgets_the_stored_draft(db_url: str, sandbox: RunningSandbox) -> None:
    async with start_harness(db_url, sandbox=sandbox) as first:
        admin, question = await compose(first, text="Glöm mig")
        assert "avbrutet" in (await admin.say("/cancel"))["text"]
    async with restarted_harness(db_url, sandbox) as second:
        admin = Person(second.client, second.admin_id)
        query_id, _ = await admin.press(question, "Alla")
        assert "gäller inte längre" in await admin.answer_text(query_id)
