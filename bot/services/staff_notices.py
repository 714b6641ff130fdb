"""Notices for staff from scheduled work (a form or a nomination round closed, a feed
disabled, working again or with more new items than were announced, a closed poll's
result for its author) and from members' answers (a link waiting for approval, a meeting's
seats running low): pushes like any other, sent by the one delivery engine.

A notice is a campaign to the staff chat, else to every admin, recorded in the same
transaction as what it tells of (so it is never lost or sent twice after a restart). Its
subject holds the plain facts, e.g. "staff_form_closed:3:5:12"; the text is rendered at
send time in each reader's language (the staff chat reads the staff language).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import Campaign, CampaignStatus, Delivery, DeliveryStatus, User
from bot.services import handover
from bot.services.delivery import campaigns
from bot.services.delivery.personal import NO_USER
from bot.texts import DEFAULT_LANGUAGE
from bot.timeutil import Clock

AUDIENCE = "staff"
STAFF_LANGUAGE = DEFAULT_LANGUAGE  # the staff chat reads Swedish, as forwarded questions do


@dataclass(frozen=True)
class StaffChats:
    """Where staff notices go: the staff chat, else every admin (settings and promoted)."""

    staff_chat_id: int | None
    admins: Collection[int]


@dataclass(frozen=True)
class Subject:
    """A notice's kind and its facts, e.g. ("staff_form_closed", (3, 5, 12)); a fact is a
    number or a word without ":"."""

    kind: str
    facts: tuple[int | str, ...]

    def encode(self) -> str:
        """The campaign subject: "<kind>:<fact>:<fact>..."."""
        return ":".join([self.kind, *map(str, self.facts)])


def parse_facts(arguments: str) -> tuple[str, ...]:
    """The facts of a subject's arguments ("3:5:12" -> ("3", "5", "12"))."""
    return tuple(arguments.split(":"))


def first_id(arguments: str) -> int | None:
    """The id of what a notice is about (its first fact), or None if garbled."""
    head = parse_facts(arguments)[0]
    return int(head) if head.isdigit() else None


async def destinations(session: AsyncSession, chats: StaffChats) -> list[tuple[int | None, int]]:
    """(users.id, or None for a chat that is no user's; chat id) of each destination."""
    found = await handover.staff_destinations(
        session, staff_chat_id=chats.staff_chat_id, admins=chats.admins
    )
    query = select(User.telegram_id, User.id).where(User.telegram_id.in_(found))
    users = {telegram_id: user_id for telegram_id, user_id in await session.execute(query)}
    return [(users.get(chat_id), chat_id) for chat_id in found]


async def notify(
    session: AsyncSession,
    subject: Subject,
    *,
    summary: str,
    chats: StaffChats,
    clock: Clock,
    to: Sequence[tuple[int | None, int]] | None = None,
) -> Campaign | None:
    """Record a notice for staff, ready to send (flushed, committed by the caller).

    It goes to ``to`` (users.id or None, chat id) when given (a poll's author), else to
    ``chats``. ``summary`` (Swedish) names it in /campaigns. None when there is nobody to tell.
    """
    targets = list(to) if to is not None else await destinations(session, chats)
    if not targets:
        return None
    campaign = await campaigns.create(
        session,
        text_html=summary,
        audience_spec=AUDIENCE,
        created_by=None,
        clock=clock,
        topic=None,
        subject=subject.encode(),
    )
    # Addressed now, not expanded from an audience later: the destinations are known.
    now = clock()
    campaign.status, campaign.expanded_at = CampaignStatus.RUNNING, now
    session.add_all(
        Delivery(
            campaign_id=campaign.id,
            user_id=user_id,
            chat_id=chat_id,
            status=DeliveryStatus.PENDING,
            attempts=0,
            next_attempt_at=now,
        )
        for user_id, chat_id in targets
    )
    await session.flush()
    return campaign


async def languages(session: AsyncSession, user_ids: Sequence[int]) -> dict[int, str]:
    """Each recipient's language; NO_USER (the staff chat) reads the staff language."""
    found = await session.execute(select(User.id, User.language).where(User.id.in_(user_ids)))
    known = {user_id: lang or DEFAULT_LANGUAGE for user_id, lang in found}
    return {
        user_id: STAFF_LANGUAGE if user_id == NO_USER else known.get(user_id, DEFAULT_LANGUAGE)
        for user_id in user_ids
    }


# The kinds of staff notice (the subject's "<kind>:"), each with its facts.
FORM_CLOSED = "staff_form_closed"  # form id, answered, reached
NOMINATION_CLOSED = "staff_nomination_closed"  # round id, nominations
FEED_DISABLED = "staff_feed_disabled"  # feed id, failures in a row, error kind, HTTP status or 0
FEED_RECOVERED = "staff_feed_recovered"  # feed id
FEED_CAPPED = "staff_feed_capped"  # feed id, new items, of which kept quiet
POLL_RESULT = "staff_poll_result"  # poll id (the result is read when it is sent)
LINK_REQUEST = "staff_link_request"  # user id, organisation id (approve/deny buttons)
MEETING_CAPACITY = "staff_meeting_capacity"  # meeting id, percent reached, going, seats
KINDS = (
    FORM_CLOSED,
    NOMINATION_CLOSED,
    FEED_DISABLED,
    FEED_RECOVERED,
    FEED_CAPPED,
    POLL_RESULT,
    LINK_REQUEST,
    MEETING_CAPACITY,
)
