"""Funding calls: checks, storing, announcing once (by hand and from feeds), listing, withdrawing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.models import (
    AuditEntry,
    CallStatus,
    Campaign,
    CampaignStatus,
    Feed,
    FeedItem,
    FundingCall,
    Topic,
)
from bot.services import calls
from bot.services.calls import CallDraft
from tests.conftest import FakeClock

NOW = datetime(2026, 4, 1, 10, 0, tzinfo=UTC)
STAFF = 4242


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


def draft(**changes: object) -> CallDraft:
    values: dict[str, object] = {
        "title": "Kulturstöd 2026",
        "funder": "Västra Götalandsregionen",
        "description_html": "Stöd till <b>kultur</b> för unga.",
        "link": "https://www.vgregion.se/kulturstod",
        "deadline": NOW + timedelta(days=30),
        "tags": ("Kultur", " idrott ", "kultur"),
    }
    values.update(changes)
    return CallDraft(**values)  # type: ignore[arg-type]


async def _campaigns(session: AsyncSession) -> list[Campaign]:
    return list(await session.scalars(select(Campaign).order_by(Campaign.id)))


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"title": "   "}, "call_title_missing"),
        ({"title": "x" * 301}, "call_title_too_long"),
        ({"funder": "f" * 201}, "call_funder_too_long"),
        ({"description_html": "d" * 2501}, "call_description_too_long"),
        ({"link": "ftp://example.org/x"}, "call_link_invalid"),
        ({"link": "www.example.org"}, "call_link_invalid"),
        ({"link": "https://exa mple.org"}, "call_link_invalid"),
        ({"deadline": NOW - timedelta(minutes=1)}, "call_deadline_past"),
        ({"tags": tuple(f"t{i}" for i in range(11))}, "call_tags_invalid"),
        ({"tags": ("x" * 41,)}, "call_tags_invalid"),
    ],
)
async def test_invalid_calls_are_refused_and_nothing_is_stored(
    session: AsyncSession, clock: FakeClock, changes: dict[str, object], key: str
) -> None:
    with pytest.raises(DomainError) as raised:
        await calls.create(session, draft(**changes), created_by=STAFF, clock=clock)
    assert raised.value.key == key
    assert await session.scalar(select(func.count(FundingCall.id))) == 0


async def test_create_stores_a_clean_call_audits_and_announces_it_to_the_topic(
    session: AsyncSession, clock: FakeClock
) -> None:
    call = await calls.create(
        session, draft(title="  Kulturstöd   2026 "), created_by=STAFF, clock=clock
    )
    await session.commit()
    assert (call.title, call.tags, call.status, call.announced_at) == (
        "Kulturstöd 2026",
        "kultur,idrott",
        CallStatus.OPEN,
        NOW,
    )
    [campaign] = await _campaigns(session)
    assert (campaign.subject, campaign.topic, campaign.audience, campaign.created_by) == (
        f"call:{call.id}",
        Topic.FUNDING_CALLS,
        "all",
        STAFF,
    )
    assert campaign.due_at == NOW
    actions = list(await session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    assert actions == ["call_created", "campaign_created"]
    assert await calls.announce_once(session, call, clock=clock) is False
    assert len(await _campaigns(session)) == 1


async def test_create_without_announcing_records_no_campaign(
    session: AsyncSession, clock: FakeClock
) -> None:
    call = await calls.create(session, draft(), created_by=None, clock=clock, announce=False)
    assert call.announced_at is None
    assert await _campaigns(session) == []


async def test_open_calls_are_ordered_by_deadline_without_closed_or_withdrawn_ones(
    session: AsyncSession, clock: FakeClock
) -> None:
    late = await calls.create(
        session, draft(title="Sen", deadline=NOW + timedelta(days=60)), created_by=None, clock=clock
    )
    none = await calls.create(
        session, draft(title="Löpande", deadline=None), created_by=None, clock=clock
    )
    soon = await calls.create(
        session,
        draft(title="Snart", deadline=NOW + timedelta(days=2)),
        created_by=None,
        clock=clock,
    )
    await calls.create(
        session,
        draft(title="Passerad", deadline=NOW + timedelta(hours=1)),
        created_by=None,
        clock=clock,
    )
    gone = await calls.create(
        session,
        draft(title="Borta", deadline=NOW + timedelta(days=5)),
        created_by=None,
        clock=clock,
    )
    await calls.withdraw(session, gone.id, actor=STAFF, clock=clock)
    clock.advance(hours=2)
    found = await calls.open_calls(session, clock=clock)
    assert [c.id for c in found] == [soon.id, late.id, none.id]
    assert [c.id for c in await calls.open_calls(session, clock=clock, limit=1)] == [soon.id]


async def _feed_item(session: AsyncSession, **values: object) -> tuple[Feed, FeedItem]:
    feed = Feed(url="https://www.stiftelse.se/utlysningar.rss", kind="funding")
    session.add(feed)
    await session.flush()
    fields: dict[str, object] = {
        "dedup_key": "id:1",
        "title": "Bidrag till föreningsliv",
        "link": "https://www.stiftelse.se/bidrag",
        "summary_html": "<p>Sista ansökningsdag: 15 maj 2026.</p>",
    }
    fields.update(values)
    item = FeedItem(feed_id=feed.id, **fields)
    session.add(item)
    await session.flush()
    return feed, item


async def test_a_feed_item_becomes_one_call_and_one_announcement_ever(
    session: AsyncSession, clock: FakeClock
) -> None:
    feed, item = await _feed_item(session)
    call = await calls.create_from_feed_item(session, item, feed=feed, clock=clock)
    assert call is not None
    assert (call.title, call.funder, call.link, call.feed_item_id) == (
        "Bidrag till föreningsliv",
        "stiftelse.se",
        "https://www.stiftelse.se/bidrag",
        item.id,
    )
    # 15 May, the end of that day in Stockholm (CEST, UTC+2)
    assert call.deadline == datetime(2026, 5, 15, 21, 59, tzinfo=UTC)
    assert item.announced is True
    await session.commit()
    item.announced = False  # even if the flag were lost, the unique link to the item holds
    assert await calls.create_from_feed_item(session, item, feed=feed, clock=clock) is None
    await session.commit()
    assert await session.scalar(select(func.count(FundingCall.id))) == 1
    [campaign] = await _campaigns(session)
    assert campaign.subject == f"call:{call.id}"


async def test_a_feed_item_with_a_bad_link_and_no_title_still_makes_a_readable_call(
    session: AsyncSession, clock: FakeClock
) -> None:
    long_summary = "<p>" + "Lång text &amp; mer. " * 300 + "</p>"
    feed, item = await _feed_item(
        session, title="", link="javascript:alert(1)", summary_html=long_summary
    )
    call = await calls.create_from_feed_item(session, item, feed=feed, clock=clock)
    assert call is not None
    assert (call.title, call.link, call.deadline) == ("stiftelse.se", None, None)
    assert len(call.description_html) <= 2500
    assert "<p>" not in call.description_html and "&amp;" in call.description_html


async def test_a_feed_item_whose_deadline_has_passed_is_stored_but_not_announced(
    session: AsyncSession, clock: FakeClock
) -> None:
    feed, item = await _feed_item(session, summary_html="Ansök senast 2026-03-01.")
    call = await calls.create_from_feed_item(session, item, feed=feed, clock=clock)
    assert call is not None and call.announced_at is None
    assert await _campaigns(session) == []
    assert await calls.open_calls(session, clock=clock) == []


async def test_withdraw_cancels_what_has_not_gone_out_and_is_audited(
    session: AsyncSession, clock: FakeClock
) -> None:
    call = await calls.create(session, draft(), created_by=STAFF, clock=clock)
    await calls.withdraw(session, call.id, actor=STAFF, clock=clock)
    assert call.status == CallStatus.WITHDRAWN
    [campaign] = await _campaigns(session)
    assert campaign.status == CampaignStatus.CANCELLED
    with pytest.raises(DomainError) as again:
        await calls.withdraw(session, call.id, actor=STAFF, clock=clock)
    assert again.value.key == "call_already_withdrawn"
    with pytest.raises(DomainError) as missing:
        await calls.get(session, 999)
    assert missing.value.key == "call_not_found"
    logged = await session.scalar(
        select(AuditEntry.detail).where(AuditEntry.action == "call_withdrawn")
    )
    assert logged == f"call {call.id}: Kulturstöd 2026"
