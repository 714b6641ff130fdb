"""What every reader of an edition may see: loaded once per batch, in a few queries.

Per-reader data (language, window, own answers, announcement audiences) lives in compose.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Integer, cast, func, literal, or_, select, union_all
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
    Poll,
    PollStatus,
    PollVote,
    Topic,
    User,
)
from bot.services.calls.drafts import excerpt_html
from bot.services.delivery import audience
from bot.services.digest.window import MAX_LOOKBACK
from bot.services.polls import voter_key
from bot.timeutil import as_utc

AHEAD = timedelta(days=30)  # meetings starting, and call deadlines falling, this soon
ANNOUNCEMENT_EXCERPT = 300  # characters of a broadcast shown in the digest
NEWS_KIND = "news"
MAX_NEWS = 200  # a runaway feed cannot make the batch load unbounded
MAX_POLLS = 20


@dataclass(frozen=True)
class MeetingItem:
    """An upcoming meeting and what decides the reader's options."""

    id: int
    title: str
    starts_at: datetime
    place: str | None
    online: bool
    deadline: datetime | None  # of sign-up; without one, sign-up closes at the start
    closes_at: datetime
    full: bool
    waiting: dict[int, int]  # user id -> 1-based place in the waiting line


@dataclass(frozen=True)
class CallItem:
    id: int
    title: str
    funder: str
    link: str | None
    deadline: datetime | None
    created_at: datetime


@dataclass(frozen=True)
class NewsItem:
    id: int
    title: str
    link: str | None
    seen_at: datetime


@dataclass(frozen=True)
class AnnouncementItem:
    """A staff broadcast; ``audience`` is its spec, checked per reader."""

    id: int
    text_html: str
    sent_at: datetime
    audience: str


@dataclass(frozen=True)
class PollItem:
    """An open poll; shown to the readers it was delivered to who have not answered."""

    id: int
    question: str
    closes_at: datetime
    campaign_id: int


@dataclass(frozen=True)
class DigestContent:
    """Everything shared by the readers of one edition, from ``since`` to its window end."""

    kind: EditionKind
    note: str
    window_end: datetime
    since: datetime
    meetings: tuple[MeetingItem, ...]
    calls: tuple[CallItem, ...]
    news: tuple[NewsItem, ...]
    announcements: tuple[AnnouncementItem, ...]
    polls: tuple[PollItem, ...] = ()


async def _meetings(session: AsyncSession, now: datetime) -> tuple[MeetingItem, ...]:
    query = (
        select(Meeting)
        .where(
            Meeting.status == MeetingStatus.SCHEDULED,
            Meeting.starts_at > now,
            Meeting.starts_at <= now + AHEAD,
        )
        .order_by(Meeting.starts_at, Meeting.id)
    )
    found = list(await session.scalars(query))
    ids = [m.id for m in found]
    going: dict[int, int] = {}
    waiting: dict[int, dict[int, int]] = {i: {} for i in ids}
    if ids:
        counted = select(Attendance.meeting_id, func.count(Attendance.id)).where(
            Attendance.meeting_id.in_(ids), Attendance.status == AttendanceStatus.GOING
        )
        going = {
            i: int(n) for i, n in await session.execute(counted.group_by(Attendance.meeting_id))
        }
        line = (
            select(Attendance.meeting_id, Attendance.user_id)
            .where(Attendance.meeting_id.in_(ids), Attendance.status == AttendanceStatus.WAITING)
            .order_by(Attendance.meeting_id, Attendance.joined_at, Attendance.id)
        )
        for meeting_id, user_id in await session.execute(line):
            waiting[meeting_id][user_id] = len(waiting[meeting_id]) + 1
    return tuple(
        MeetingItem(
            m.id,
            m.title,
            as_utc(m.starts_at),
            m.place,
            bool(m.online_url),
            as_utc(m.signup_deadline) if m.signup_deadline else None,
            as_utc(m.signup_deadline or m.starts_at),
            m.capacity > 0 and going.get(m.id, 0) >= m.capacity,
            waiting[m.id],
        )
        for m in found
    )


async def _calls(session: AsyncSession, now: datetime, since: datetime) -> tuple[CallItem, ...]:
    """Open calls closing within 30 days, and open calls added since ``since``."""
    query = (
        select(FundingCall)
        .where(
            FundingCall.status == CallStatus.OPEN,
            or_(FundingCall.deadline.is_(None), FundingCall.deadline > now),
            or_(FundingCall.deadline <= now + AHEAD, FundingCall.created_at > since),
        )
        .order_by(FundingCall.deadline.is_(None), FundingCall.deadline, FundingCall.id)
    )
    return tuple(
        CallItem(c.id, c.title, c.funder, c.link, c.deadline, as_utc(c.created_at))
        for c in await session.scalars(query)
    )


async def _news(session: AsyncSession, since: datetime, end: datetime) -> tuple[NewsItem, ...]:
    query = (
        select(FeedItem.id, FeedItem.title, FeedItem.link, FeedItem.seen_at)
        .join(Feed, Feed.id == FeedItem.feed_id)
        .where(
            Feed.kind == NEWS_KIND,
            FeedItem.quiet.is_(False),  # over a fetch's cap: kept, never shown
            FeedItem.seen_at > since,
            FeedItem.seen_at <= end,
        )
        .order_by(FeedItem.seen_at.desc(), FeedItem.id.desc())
        .limit(MAX_NEWS)
    )
    rows = await session.execute(query)
    return tuple(NewsItem(i, title, link, as_utc(seen)) for i, title, link, seen in rows)


async def _announcements(
    session: AsyncSession, since: datetime, end: datetime
) -> tuple[AnnouncementItem, ...]:
    """Staff broadcasts (topic announcements, no subject) that went out in (since, end]."""
    query = (
        select(Campaign)
        .where(
            Campaign.topic == Topic.ANNOUNCEMENTS,
            Campaign.subject.is_(None),
            Campaign.status != CampaignStatus.CANCELLED,
            Campaign.expanded_at > since,
            Campaign.expanded_at <= end,
        )
        .order_by(Campaign.expanded_at, Campaign.id)
    )
    return tuple(
        AnnouncementItem(
            c.id,
            excerpt_html(c.text_html, ANNOUNCEMENT_EXCERPT),
            as_utc(c.expanded_at or c.due_at),
            c.audience,
        )
        for c in await session.scalars(query)
    )


async def _polls(session: AsyncSession, now: datetime) -> tuple[PollItem, ...]:
    query = (
        select(Poll.id, Poll.question, Poll.closes_at, Poll.campaign_id)
        .where(Poll.status == PollStatus.OPEN, Poll.closes_at > now, Poll.campaign_id.is_not(None))
        .order_by(Poll.closes_at, Poll.id)
        .limit(MAX_POLLS)
    )
    return tuple(
        PollItem(i, question, as_utc(closes_at), campaign_id or 0)
        for i, question, closes_at, campaign_id in await session.execute(query)
    )


async def load_content(
    session: AsyncSession,
    edition: DigestEdition,
    *,
    now: datetime,
    since: datetime | None = None,
) -> DigestContent:
    """The edition's shared content; ``since`` is the earliest window start needed.

    Without ``since``, the widest window any reader can have (the lookback limit).
    """
    end = as_utc(edition.window_end)
    since = as_utc(since) if since is not None else end - MAX_LOOKBACK
    now = as_utc(now)
    return DigestContent(
        kind=EditionKind(edition.kind),
        note=edition.note or "",
        window_end=end,
        since=since,
        meetings=await _meetings(session, now),
        calls=await _calls(session, now, since),
        news=await _news(session, since, end),
        announcements=await _announcements(session, since, end),
        polls=await _polls(session, now),
    )


async def answers(
    session: AsyncSession, content: DigestContent, user_ids: Sequence[int]
) -> dict[tuple[int, int], AttendanceStatus]:
    """Each reader's answer to each upcoming meeting, keyed (user, meeting): one query."""
    if not content.meetings or not user_ids:
        return {}
    query = select(Attendance.user_id, Attendance.meeting_id, Attendance.status).where(
        Attendance.meeting_id.in_([m.id for m in content.meetings]),
        Attendance.user_id.in_(user_ids),
    )
    return {(u, m): AttendanceStatus(s) for u, m, s in await session.execute(query)}


async def announcement_readers(
    session: AsyncSession, content: DigestContent, user_ids: Sequence[int]
) -> set[tuple[int, int]]:
    """(user, announcement) pairs where the reader is in the broadcast's audience: one query.

    The audience alone counts, not the announcements topic: a reader who chose the digest
    over single pushes still hears of what was sent to them.
    """
    if not content.announcements or not user_ids:
        return set()
    parts = [
        select(User.id, cast(literal(item.id), Integer)).where(
            User.id.in_(user_ids), audience.condition(audience.parse(item.audience), None)
        )
        for item in content.announcements
    ]
    return {(u, a) for u, a in await session.execute(union_all(*parts))}


async def unanswered_polls(
    session: AsyncSession, content: DigestContent, user_ids: Sequence[int], *, key: bytes
) -> set[tuple[int, int]]:
    """(user, poll) pairs: the poll reached the reader and they have not answered: two queries.

    Votes are found by voter key (anonymous votes have no user id): the keys of the batch
    are computed here and looked up at once.
    """
    if not content.polls or not user_ids:
        return set()
    by_campaign = {item.campaign_id: item.id for item in content.polls}
    delivered = await session.execute(
        select(Delivery.user_id, Delivery.campaign_id).where(
            Delivery.campaign_id.in_(list(by_campaign)),
            Delivery.user_id.in_(user_ids),
            Delivery.status == DeliveryStatus.SENT,
        )
    )
    keys: dict[str, tuple[int, int]] = {}
    for user_id, campaign_id in delivered:
        if user_id is None:  # filtered by user ids: cannot happen
            continue
        poll_id = by_campaign[campaign_id]
        keys[await voter_key(session, poll_id, user_id, key=key)] = (user_id, poll_id)
    if not keys:
        return set()
    voted = await session.scalars(
        select(PollVote.voter_key).where(
            PollVote.poll_id.in_([item.id for item in content.polls]),
            PollVote.voter_key.in_(list(keys)),
        )
    )
    return set(keys.values()) - {keys[found] for found in voted}
