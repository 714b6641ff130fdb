"""A digest stays within one Telegram message, cut cleanly; a batch costs a fixed few queries."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import Database
from bot.models import AttendanceStatus, DeliveryStatus
from bot.services import digest
from bot.views.digest import TEXT_LIMIT, OpenLink, SignUp
from tests.unit.test_digest_compose_support import (
    NOW,
    SLOT,
    answer,
    broadcast,
    call,
    composed,
    edition,
    feed,
    meeting,
    news,
    plain,
    reader,
)

DAY = timedelta(days=1)
SENT = (DeliveryStatus.SENT, None)
LONG = "Ett långt meddelande om föreningslivet i Västra Götaland. " * 3


async def _crowded(session: AsyncSession) -> None:
    """Far more than fits: 12 meetings, 14 calls, 30 news items, 6 long announcements."""
    for k in range(12):
        await meeting(
            session, f"Dialogmöte nummer {k} om civilsamhällets villkor", SLOT + (k + 1) * DAY
        )
    for k in range(14):
        await call(
            session, f"Utlysning {k} för föreningar & studieförbund", deadline=SLOT + (k + 2) * DAY
        )
    source = await feed(session, "news")
    for k in range(30):
        await news(
            session,
            source,
            f"Nyhet {k}: regionen <satsar> på kultur & idrott",
            SLOT - k * timedelta(hours=5),
        )
    for k in range(6):
        await broadcast(
            session, f"<b>Meddelande {k}</b> {LONG}", SLOT - (k + 1) * timedelta(hours=20)
        )


async def test_a_crowded_digest_is_cut_from_the_tail_with_pointers_to_the_rest(
    session: AsyncSession,
) -> None:
    user = await reader(session)
    await _crowded(session)
    issue = await edition(session, SLOT, note="Hej! " * 190)
    found = (await composed(session, issue, [user], now=NOW, poll_key=None))[user]
    assert found is not None
    assert len(found.text_html) <= TEXT_LIMIT
    text = plain(found.text_html)  # parses as Telegram does: no tag left open
    lines = text.splitlines()
    assert lines[0] == "📰 Veckans nyhetsbrev"
    assert "Meddelande 5" in text  # the head of the digest survives
    assert "…och 20 nyheter till." not in text  # news is cut further than its own cap
    assert any(line.startswith("…och") and line.endswith("nyheter till.") for line in lines)
    assert "Nyhet 29" not in text
    shown_meetings = [line for line in lines if line.startswith("Dialogmöte nummer")]
    signups = [a for a in found.actions if isinstance(a, SignUp)]
    assert len(signups) == 3 and len(shown_meetings) >= 3
    links = [a for a in found.actions if isinstance(a, OpenLink)]
    assert len(links) <= 2
    for action in links:
        assert action.text.removeprefix("Läs mer: ").rstrip("…") in text


async def test_each_section_shows_ten_at_most_and_says_how_many_more(
    session: AsyncSession,
) -> None:
    user = await reader(session)
    for k in range(12):
        await meeting(session, f"M{k}", SLOT + (k + 1) * DAY)
    found = (await composed(session, await edition(session, SLOT), [user], now=NOW, poll_key=None))[
        user
    ]
    assert found is not None
    text = plain(found.text_html)
    assert "M9" in text and "M10" not in text
    assert text.endswith("…och 2 till: /meetings")


@contextmanager
def _counting(db: Database) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(args[2])

    event.listen(db.engine.sync_engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(db.engine.sync_engine, "before_cursor_execute", count)


async def test_a_batch_costs_the_same_few_queries_whatever_its_size(db: Database) -> None:
    async with db.session() as session:
        users = [await reader(session, language="en" if k % 3 else "sv") for k in range(60)]
        await _crowded(session)
        meetings = [await meeting(session, f"Möte {k}", SLOT + k * DAY + DAY / 2) for k in range(3)]
        for k, user in enumerate(users):
            await answer(session, meetings[k % 3].id, user, list(AttendanceStatus)[k % 3])
        await edition(session, SLOT - 7 * DAY, delivered={u: SENT for u in users[:20]})
        issue = await edition(session, SLOT)
        await session.commit()
        edition_id = issue.id
    counts = []
    for size in (5, 60):
        async with db.session() as session:
            with _counting(db) as statements:
                found = await digest.compose_for(
                    session, edition_id, users[:size], now=NOW, poll_key=None
                )
            assert len(found) == size
            counts.append(len(statements))
    # Languages, edition, windows, 3 for meetings, calls, news, announcements, open polls,
    # answers and the announcements' audiences.
    assert counts[0] == counts[1] <= 12
