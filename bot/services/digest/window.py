"""Each reader's window: what is new for them since the previous digest they got.

A window is (start, end]: an item stamped exactly at an edition's end belongs to that
edition, and the reader's next window starts there, so two consecutive digests never
repeat or drop an item. Every boundary is a stored ``window_end``, never "now".
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import Delivery, DeliveryStatus, DigestEdition, EditionKind
from bot.timeutil import STOCKHOLM, as_utc, local

Window = tuple[datetime, datetime]  # (start, end], UTC

WEEK = timedelta(days=7)
# A reader who had digests off for months should not get months of news at once.
MAX_LOOKBACK = timedelta(days=62)
# A campaign staff cancelled never reached the reader: its items carry over to the next one.
CANCELLED_ERROR = "cancelled"


def fallback_start(edition: DigestEdition, tz: ZoneInfo = STOCKHOLM) -> datetime:
    """The start for a reader who never had a digest: the edition's period before its end.

    Counted in local wall-clock time, so a week across a daylight-saving change still
    starts at the same hour on the same weekday.
    """
    end = local(edition.window_end, tz)
    if edition.kind == EditionKind.MONTHLY:
        previous = end.replace(day=1) - timedelta(days=1)
        days = calendar.monthrange(previous.year, previous.month)[1]
        return as_utc(end - timedelta(days=days))
    return as_utc(end - WEEK)


def _earlier(edition: DigestEdition, end: datetime) -> ColumnElement[bool]:
    if edition.id is None:  # a preview of an edition that is not stored
        return DigestEdition.window_end < end
    return or_(
        DigestEdition.window_end < end,
        and_(DigestEdition.window_end == end, DigestEdition.id < edition.id),
    )


async def previous_ends(
    session: AsyncSession, edition: DigestEdition, user_ids: Sequence[int]
) -> dict[int, datetime]:
    """For each reader, the end of the latest earlier edition that reached them (one query).

    Reached: sent, or skipped for another reason than a cancellation (e.g. it was empty
    for them, or they had switched digests off at the time).
    """
    if not user_ids:
        return {}
    end = as_utc(edition.window_end)
    query = (
        select(Delivery.user_id, func.max(DigestEdition.window_end))
        .join(DigestEdition, DigestEdition.campaign_id == Delivery.campaign_id)
        .where(
            Delivery.user_id.in_(user_ids),
            or_(
                Delivery.status == DeliveryStatus.SENT,
                and_(
                    Delivery.status == DeliveryStatus.SKIPPED,
                    or_(Delivery.error.is_(None), Delivery.error != CANCELLED_ERROR),
                ),
            ),
            _earlier(edition, end),
        )
        .group_by(Delivery.user_id)
    )
    found = await session.execute(query)
    # Filtered by user ids: never a delivery to a chat that is no user's.
    return {int(user_id): as_utc(ended) for user_id, ended in found if user_id is not None}


async def windows(
    session: AsyncSession,
    edition: DigestEdition,
    user_ids: Sequence[int],
    *,
    tz: ZoneInfo = STOCKHOLM,
) -> dict[int, Window]:
    """Each reader's (start, end] for this edition, in one query for the whole batch."""
    end = as_utc(edition.window_end)
    earliest = end - MAX_LOOKBACK
    fallback = fallback_start(edition, tz)
    previous = await previous_ends(session, edition, user_ids)
    result: dict[int, Window] = {}
    for user_id in user_ids:
        start = previous.get(user_id, fallback)
        result[user_id] = (max(start, earliest), end)
    return result
