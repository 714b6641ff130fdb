"""Broadcast drafts: one per staff member, stage by stage, finished into a campaign."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.models import BroadcastDraft, Campaign, Role, User
from bot.services import privacy
from bot.services.delivery import drafts, staff
from bot.services.delivery.drafts import Stage
from bot.timeutil import STOCKHOLM
from tests.conftest import FakeClock

NOW = datetime(2030, 3, 4, 9, 0, tzinfo=UTC)


async def _staff(session: AsyncSession) -> User:
    user = User(telegram_id=4242, display_name="Sara", role=Role.STAFF)
    session.add_all([user, User(telegram_id=5151, display_name="Ove")])
    await session.flush()
    return user


async def _count(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count(BroadcastDraft.id))) or 0)


async def _error(call: object) -> str:
    with pytest.raises(DomainError) as raised:
        await call  # type: ignore[misc]
    return raised.value.key


async def test_a_draft_walks_its_stages_and_becomes_a_campaign(session: AsyncSession) -> None:
    clock = FakeClock(NOW)
    user = await _staff(session)
    draft = await drafts.start(session, user.id, clock=clock)
    assert (draft.stage, draft.message, len(draft.token)) == (Stage.COMPOSE, None, 8)
    message = staff.Draft("<b>Hej</b>", "photo", "file-1")
    draft = await drafts.set_message(session, user.id, draft.token, message, clock=clock)
    assert (draft.stage, draft.message) == (Stage.AUDIENCE, message)
    draft = await drafts.set_audience(session, user.id, draft.token, "all", clock=clock)
    assert (draft.stage, draft.audience) == (Stage.DECIDE, "all")
    found = await staff.describe(session, "all", "sv")
    assert (found.label, found.recipients) == ("alla", 1)  # Ove; staff are not recipients

    recorded = await drafts.finish(session, user, draft.token, clock=clock)

    campaign = await session.get_one(Campaign, recorded.campaign_id)
    assert (campaign.text_html, campaign.media_file_id, campaign.created_by) == (
        "<b>Hej</b>",
        "file-1",
        4242,
    )
    assert (recorded.recipients, recorded.due_at, await _count(session)) == (1, None, 0)
    assert await _error(drafts.finish(session, user, draft.token, clock=clock)) == (
        "broadcast_stale"
    )


async def test_a_new_draft_replaces_the_older_and_its_token_goes_stale(
    session: AsyncSession,
) -> None:
    clock = FakeClock(NOW)
    user = await _staff(session)
    older = await drafts.start(session, user.id, clock=clock)
    newer = await drafts.start(session, user.id, clock=clock)
    assert await _count(session) == 1 and older.token != newer.token
    message = staff.Draft("Hej")
    stale = drafts.set_message(session, user.id, older.token, message, clock=clock)
    assert await _error(stale) == "broadcast_stale"
    wrong_stage = drafts.set_audience(session, user.id, newer.token, "all", clock=clock)
    assert await _error(wrong_stage) == "broadcast_stale"
    assert await drafts.current_of(session, 4242) == newer
    assert await drafts.current_of(session, 5151) is None
    user.role = Role.MEMBER  # demoted: the draft is no longer resumed
    await session.flush()
    assert await drafts.current_of(session, 4242) is None


async def test_a_confirmed_time_schedules_the_campaign(session: AsyncSession) -> None:
    clock = FakeClock(NOW)
    user = await _staff(session)
    draft = await drafts.start(session, user.id, clock=clock)
    await drafts.set_message(session, user.id, draft.token, staff.Draft("Sen"), clock=clock)
    await drafts.set_audience(session, user.id, draft.token, "umbrella", clock=clock)
    await drafts.move(session, user.id, draft.token, Stage.TIME, clock=clock)
    due = datetime(2030, 3, 5, 8, 0, tzinfo=UTC)
    draft = await drafts.set_time(session, user.id, draft.token, due, clock=clock)
    assert (draft.stage, draft.due_at) == (Stage.AT, due)

    recorded = await drafts.finish(session, user, draft.token, clock=clock, due_at=due)

    assert (await session.get_one(Campaign, recorded.campaign_id)).due_at == due


async def test_a_message_over_the_limit_is_refused_and_kept_at_compose(
    session: AsyncSession,
) -> None:
    clock = FakeClock(NOW)
    user = await _staff(session)
    draft = await drafts.start(session, user.id, clock=clock)
    too_long = staff.Draft("x" * 5000)
    refused = drafts.set_message(session, user.id, draft.token, too_long, clock=clock)
    assert await _error(refused) == "campaign_too_long"
    assert (await drafts.expect(session, user.id, draft.token, (Stage.COMPOSE,))).message is None


async def test_the_draft_is_exported_and_erased_with_its_author(session: AsyncSession) -> None:
    clock = FakeClock(NOW)
    user = await _staff(session)
    draft = await drafts.start(session, user.id, clock=clock)
    await drafts.set_message(session, user.id, draft.token, staff.Draft("Utkast"), clock=clock)

    exported = await privacy.export_user(session, user.id, tz=STOCKHOLM)
    assert exported["broadcast_draft"]["text_html"] == "Utkast"
    await privacy.erase_user(session, user.id, clock=clock, tz=STOCKHOLM)

    assert await _count(session) == 0
