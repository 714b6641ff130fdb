"""Each reader's window: (previous edition's end, this edition's end], from stored times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import Delivery, DeliveryStatus, DigestEdition, EditionKind
from bot.services import digest
from bot.services.digest.window import MAX_LOOKBACK
from tests.unit.test_digest_compose_support import (
    SLOT,
    composed,
    edition,
    feed,
    news,
    plain,
    reader,
)

DAY = timedelta(days=1)
SENT = (DeliveryStatus.SENT, None)


async def _news_seen(session: AsyncSession, issue: DigestEdition, user_id: int) -> list[str]:
    now = issue.window_end + timedelta(minutes=1)
    found = (await composed(session, issue, [user_id], now=now, poll_key=None))[user_id]
    if found is None:
        return []
    lines = plain(found.text_html).splitlines()
    return [line.removeprefix("• ") for line in lines if line.startswith("• ")]


async def test_an_item_at_a_window_end_belongs_to_that_edition_and_not_the_next(
    session: AsyncSession,
) -> None:
    user = await reader(session)
    source = await feed(session, "news")
    await news(session, source, "Precis vid slutet", SLOT)
    await news(session, source, "Strax efter", SLOT + timedelta(microseconds=1))
    first = await edition(session, SLOT, delivered={user: SENT})
    assert await _news_seen(session, first, user) == ["Precis vid slutet"]
    second = await edition(session, SLOT + 7 * DAY)
    assert await _news_seen(session, second, user) == ["Strax efter"]


async def test_consecutive_editions_neither_repeat_nor_drop_an_item(
    session: AsyncSession,
) -> None:
    user = await reader(session)
    source = await feed(session, "news")
    ends = [SLOT + k * 7 * DAY for k in range(4)]
    titles = []
    hours_seen = range(-160, 3 * 7 * 24 + 1, 19)  # every 19 hours: under ten items a week
    for hours in hours_seen:
        title = f"Nyhet {hours}"
        await news(session, source, title, SLOT + timedelta(hours=hours))
        titles.append(title)
    seen: list[str] = []
    for end in ends:
        issue = await edition(session, end)
        seen += reversed(await _news_seen(session, issue, user))  # newest first in a digest
        session.add(_delivery(issue, user))
        await session.flush()
    assert seen == titles  # each once, in order


def _delivery(issue: DigestEdition, user_id: int) -> Delivery:
    assert issue.campaign_id is not None
    return Delivery(
        campaign_id=issue.campaign_id, user_id=user_id, chat_id=user_id, status=DeliveryStatus.SENT
    )


async def test_a_window_starts_where_the_readers_previous_edition_ended(
    session: AsyncSession,
) -> None:
    weekly, monthly, never, dropped, cancelled = [await reader(session) for _ in range(5)]
    special = await edition(
        session,
        SLOT - 3 * DAY,
        kind=EditionKind.SPECIAL,
        delivered={
            weekly: SENT,
            dropped: (DeliveryStatus.SKIPPED, "no longer relevant"),
            cancelled: (DeliveryStatus.SKIPPED, "cancelled"),
        },
    )
    await edition(session, SLOT - 7 * DAY, delivered={weekly: SENT})
    await edition(session, SLOT - 20 * DAY, kind=EditionKind.MONTHLY, delivered={monthly: SENT})
    await edition(session, SLOT - 14 * DAY, delivered={cancelled: (DeliveryStatus.FAILED, "x")})
    later = await edition(session, SLOT + 7 * DAY, delivered={weekly: SENT})
    issue = await edition(session, SLOT)
    spans = await digest.windows(session, issue, [weekly, monthly, never, dropped, cancelled])
    assert spans[weekly] == (special.window_end, SLOT)  # a later edition does not count
    assert spans[monthly] == (SLOT - 20 * DAY, SLOT)
    assert spans[never] == (SLOT - 7 * DAY, SLOT)
    assert spans[dropped] == (special.window_end, SLOT)  # an empty digest still covered it
    assert spans[cancelled] == (SLOT - 7 * DAY, SLOT)  # a cancelled send carries over
    assert later.window_end > SLOT


async def test_fallback_periods_count_local_time_across_daylight_saving(
    session: AsyncSession,
) -> None:
    # Monday 26 October 2026 08:00 CET: the clocks went back on the 25th.
    monday = datetime(2026, 10, 26, 7, 0, tzinfo=UTC)
    weekly = DigestEdition(kind=EditionKind.WEEKLY, window_end=monday)
    assert digest.fallback_start(weekly) == datetime(2026, 10, 19, 6, 0, tzinfo=UTC)
    # Monday 30 March 2026 08:00 CEST: the clocks went forward on the 29th.
    spring = DigestEdition(
        kind=EditionKind.SPECIAL, window_end=datetime(2026, 3, 30, 6, 0, tzinfo=UTC)
    )
    assert digest.fallback_start(spring) == datetime(2026, 3, 23, 7, 0, tzinfo=UTC)
    # Monthly: the previous month's length (February 2026 has 28 days).
    march = DigestEdition(
        kind=EditionKind.MONTHLY, window_end=datetime(2026, 3, 2, 7, 0, tzinfo=UTC)
    )
    assert digest.fallback_start(march) == datetime(2026, 2, 2, 7, 0, tzinfo=UTC)
    october = DigestEdition(
        kind=EditionKind.MONTHLY, window_end=datetime(2026, 10, 1, 6, 0, tzinfo=UTC)
    )
    assert digest.fallback_start(october) == datetime(2026, 9, 1, 6, 0, tzinfo=UTC)


async def test_a_long_absence_is_limited_and_an_unsaved_preview_works(
    session: AsyncSession,
) -> None:
    user = await reader(session)
    await edition(session, SLOT - 200 * DAY, delivered={user: SENT})
    stored = await edition(session, SLOT)
    spans = await digest.windows(session, stored, [user])
    assert spans[user] == (SLOT - MAX_LOOKBACK, SLOT)
    await edition(session, SLOT - DAY, delivered={user: SENT})
    preview = DigestEdition(kind=EditionKind.WEEKLY, window_end=SLOT + 7 * DAY, note="")
    assert (await digest.windows(session, preview, [user]))[user] == (SLOT - DAY, SLOT + 7 * DAY)
