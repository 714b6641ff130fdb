"""Helpers for the digest tests: readers, meetings, calls, news, broadcasts and editions.

Rows are written directly (flushed), so each test states exactly the content it checks.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from itertools import count
from typing import Any

from pydantic import SecretStr
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import (
    Attendance,
    AttendanceStatus,
    CallStatus,
    Campaign,
    CampaignStatus,
    Delivery,
    DeliveryStatus,
    DigestEdition,
    EditionKind,
    Feed,
    FeedItem,
    FundingCall,
    Meeting,
    MeetingStatus,
    Organisation,
    Topic,
    User,
)
from bot.sandbox.html_entities import parse_html
from bot.services import digest
from bot.views.digest import Digest, render_all

# Monday 19 October 2026 08:00 in Stockholm (CEST): a weekly slot.
SLOT = datetime(2026, 10, 19, 6, 0, tzinfo=UTC)
NOW = SLOT + timedelta(minutes=1)
_numbers = count(1)


def plain(text_html: str) -> str:
    """The text Telegram shows, parsed as Telegram does (raises on broken HTML)."""
    return parse_html(text_html).text


async def reader(
    session: AsyncSession, *, language: str = "sv", org: Organisation | None = None
) -> int:
    """An active user; their users.id."""
    user = User(telegram_id=900_000 + next(_numbers), language=language, organisation=org)
    if org is not None:
        user.link_status = "approved"  # type: ignore[assignment]
    session.add(user)
    await session.flush()
    return user.id


async def meeting(
    session: AsyncSession, title: str, starts_at: datetime, **changes: Any
) -> Meeting:
    """A scheduled two-hour meeting in Vänersborg."""
    values: dict[str, Any] = {
        "title": title,
        "starts_at": starts_at,
        "ends_at": starts_at + timedelta(hours=2),
        "place": "Regionens hus, Vänersborg",
        "status": MeetingStatus.SCHEDULED,
        "created_at": SLOT - timedelta(days=20),
        "updated_at": SLOT - timedelta(days=20),
    }
    values.update(changes)
    row = Meeting(**values)
    session.add(row)
    await session.flush()
    return row


async def answer(
    session: AsyncSession,
    meeting_id: int,
    user_id: int,
    status: AttendanceStatus,
    *,
    joined_at: datetime = SLOT - timedelta(days=3),
) -> None:
    """A reader's answer to a meeting."""
    session.add(
        Attendance(
            meeting_id=meeting_id,
            user_id=user_id,
            status=status,
            joined_at=joined_at,
            changed_at=joined_at,
        )
    )
    await session.flush()


async def call(
    session: AsyncSession,
    title: str,
    *,
    deadline: datetime | None,
    created_at: datetime = SLOT - timedelta(days=30),
    link: str | None = "https://example.org/utlysning",
    status: CallStatus = CallStatus.OPEN,
) -> FundingCall:
    """A funding call."""
    row = FundingCall(
        title=title,
        funder="Västra Götalandsregionen",
        link=link,
        deadline=deadline,
        status=status,
        created_at=created_at,
    )
    session.add(row)
    await session.flush()
    return row


async def feed(session: AsyncSession, kind: str) -> Feed:
    """A news or funding feed."""
    row = Feed(url=f"https://example.org/{kind}/{next(_numbers)}.xml", kind=kind)
    session.add(row)
    await session.flush()
    return row


async def news(session: AsyncSession, source: Feed, title: str, seen_at: datetime) -> FeedItem:
    """An item seen in a feed at ``seen_at``."""
    row = FeedItem(
        feed_id=source.id,
        dedup_key=f"item-{next(_numbers)}",
        title=title,
        link=f"https://example.org/news/{next(_numbers)}?a=1&b=2",
        seen_at=seen_at,
    )
    session.add(row)
    await session.flush()
    return row


async def broadcast(
    session: AsyncSession,
    text_html: str,
    expanded_at: datetime | None,
    *,
    topic: Topic | None = Topic.ANNOUNCEMENTS,
    subject: str | None = None,
    audience: str = "all",
    status: CampaignStatus = CampaignStatus.DONE,
) -> Campaign:
    """A campaign that went out (was expanded) at ``expanded_at``."""
    row = Campaign(
        topic=topic,
        subject=subject,
        text_html=text_html,
        audience=audience,
        status=status,
        due_at=expanded_at or SLOT,
        created_at=(expanded_at or SLOT) - timedelta(minutes=5),
        expanded_at=expanded_at,
    )
    session.add(row)
    await session.flush()
    return row


async def edition(
    session: AsyncSession,
    end: datetime,
    *,
    kind: EditionKind = EditionKind.WEEKLY,
    note: str = "",
    delivered: dict[int, tuple[DeliveryStatus, str | None]] | None = None,
) -> DigestEdition:
    """An edition ending at ``end`` with its campaign; ``delivered`` gives each reader's
    delivery status (and error), as the delivery engine would have recorded it."""
    campaign = await broadcast(
        session, "Nyhetsbrev", end, topic=Topic.DIGEST, subject="digest:0", audience="digest:any+"
    )
    row = DigestEdition(
        kind=kind,
        scheduled_for=end,
        window_end=end,
        note=note,
        campaign_id=campaign.id,
        created_at=end,
    )
    session.add(row)
    await session.flush()
    campaign.subject = f"digest:{row.id}"
    for user_id, (status, error) in (delivered or {}).items():
        session.add(
            Delivery(
                campaign_id=campaign.id,
                user_id=user_id,
                chat_id=user_id,
                status=status,
                error=error,
            )
        )
    await session.flush()
    return row


async def composed(
    session: AsyncSession,
    issue: DigestEdition,
    user_ids: Sequence[int],
    *,
    now: datetime,
    poll_key: SecretStr | None,
) -> dict[int, Digest | None]:
    """Each reader's digest as sent: the service's selection rendered by the view."""
    return render_all(await digest.compose(session, issue, user_ids, now=now, poll_key=poll_key))
