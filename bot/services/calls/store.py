"""Funding calls: create (by hand or from a feed item), announce once, list, withdraw."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlsplit

from sqlalchemy import nulls_last, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.models import CallStatus, Campaign, Feed, FeedItem, FundingCall, Topic
from bot.services import audit
from bot.services.calls import subjects
from bot.services.calls.deadline import find_deadline
from bot.services.calls.drafts import (
    DESCRIPTION_MAX,
    TITLE_MAX,
    CallDraft,
    check_link,
    checked,
    excerpt_html,
)
from bot.services.calls.upsert import insert_once
from bot.services.delivery import campaigns
from bot.texts import DEFAULT_LANGUAGE, plain_text, t
from bot.timeutil import STOCKHOLM, Clock, as_utc


def is_open(call: FundingCall, now: datetime) -> bool:
    """Whether the call still takes applications: not withdrawn, deadline not passed."""
    return call.status == CallStatus.OPEN and (
        call.deadline is None or as_utc(call.deadline) > as_utc(now)
    )


async def create(
    session: AsyncSession,
    draft: CallDraft,
    *,
    created_by: int | None,
    clock: Clock,
    announce: bool = True,
) -> FundingCall:
    """Check and store a call (flushed, committed by the caller), then announce it once."""
    good = checked(draft, now=clock())
    call = FundingCall(
        title=good.title,
        funder=good.funder,
        description_html=good.description_html,
        link=good.link,
        deadline=good.deadline,
        tags=",".join(good.tags),
        status=CallStatus.OPEN,
        created_by=created_by,
        created_at=clock(),
    )
    session.add(call)
    await session.flush()
    await audit.record(
        session,
        actor_telegram_id=created_by,
        action="call_created",
        detail=f"call {call.id}: {call.title}",
        clock=clock,
    )
    if announce:
        await announce_once(session, call, clock=clock)
    return call


async def announce_once(session: AsyncSession, call: FundingCall, *, clock: Clock) -> bool:
    """Record the announcement to the funding-calls topic unless it was made; True if now."""
    if call.announced_at is not None or not is_open(call, clock()):
        return False
    call.announced_at = clock()
    await campaigns.create(
        session,
        text_html=t("call_campaign_summary", DEFAULT_LANGUAGE, title=call.title),
        audience_spec="all",
        created_by=call.created_by,
        clock=clock,
        topic=Topic.FUNDING_CALLS,
        subject=subjects.card(call.id),
    )
    return True


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _host(url: str) -> str:
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


async def create_from_feed_item(
    session: AsyncSession, item: FeedItem, *, feed: Feed, clock: Clock
) -> FundingCall | None:
    """The call for a funding feed's new item, stored and announced once, ever (flushed).

    Linked to the item by its unique feed_item_id, so a second call for the same item,
    even from a racing process, returns None; marks the item announced.
    """
    if item.announced or await session.scalar(
        select(FundingCall.id).where(FundingCall.feed_item_id == item.id)
    ):
        return None
    try:
        link = check_link(item.link)
    except DomainError:
        link = None
    text = plain_text(item.title)  # a feed's title may be HTML
    title = _shorten(" ".join(text.split()) or link or _host(feed.url), TITLE_MAX)
    now = clock()
    values = {
        "title": title,
        "funder": _host(feed.url),
        "description_html": excerpt_html(item.summary_html.strip(), DESCRIPTION_MAX),
        "link": link,
        "deadline": find_deadline(f"{item.title}\n{item.summary_html}", now=now, tz=STOCKHOLM),
        "tags": "",
        "status": CallStatus.OPEN,
        "feed_item_id": item.id,
        "created_by": None,
        "created_at": now,
    }
    call_id = await insert_once(session, FundingCall, values, unique=["feed_item_id"])
    item.announced = True
    await session.flush()
    if call_id is None:
        return None
    call = await session.get_one(FundingCall, call_id)
    await audit.record(
        session,
        actor_telegram_id=None,
        action="call_created",
        detail=f"call {call.id} from feed {feed.id} item {item.id}: {call.title}",
        clock=clock,
    )
    await announce_once(session, call, clock=clock)
    return call


async def get(session: AsyncSession, call_id: int) -> FundingCall:
    """The call with this id; DomainError("call_not_found") if there is none."""
    call = await session.get(FundingCall, call_id)
    if call is None:
        raise DomainError("call_not_found", call_id=call_id)
    return call


async def open_calls(session: AsyncSession, *, clock: Clock, limit: int = 20) -> list[FundingCall]:
    """Calls that take applications, the nearest deadline first (no deadline last)."""
    query = (
        select(FundingCall)
        .where(
            FundingCall.status == CallStatus.OPEN,
            or_(FundingCall.deadline.is_(None), FundingCall.deadline > clock()),
        )
        .order_by(nulls_last(FundingCall.deadline.asc()), FundingCall.id)
        .limit(limit)
    )
    return list(await session.scalars(query))


async def withdraw(
    session: AsyncSession, call_id: int, *, actor: int | None, clock: Clock
) -> FundingCall:
    """Withdraw a call: no card or reminder of it goes out any more (flushed)."""
    call = await get(session, call_id)
    if call.status == CallStatus.WITHDRAWN:
        raise DomainError("call_already_withdrawn", call_id=call_id)
    call.status = CallStatus.WITHDRAWN
    pending = await session.scalars(
        select(Campaign.id).where(
            Campaign.subject.in_([subjects.card(call_id), subjects.reminder(call_id)]),
            Campaign.status.in_(campaigns.OPEN),
        )
    )
    for campaign_id in list(pending):
        await campaigns.cancel(session, campaign_id, clock=clock)
    await audit.record(
        session,
        actor_telegram_id=actor,
        action="call_withdrawn",
        detail=f"call {call_id}: {call.title}",
        clock=clock,
    )
    await session.flush()
    return call
