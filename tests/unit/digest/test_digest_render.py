"""The digest as the delivery engine sends it: per reader, with buttons; empty ones skipped."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import Database
from bot.models import Delivery, DeliveryStatus, EditionKind
from bot.services.delivery import Button, Personal
from bot.services.digest import editions, subject
from bot.timeutil import STOCKHOLM
from handlers.core.callbacks import parse
from handlers.delivery.personalise import build_personaliser
from handlers.digest.actions import DigestSettings
from handlers.meetings.actions import MeetingAnswer
from tests.conftest import FakeClock
from tests.unit.test_delivery_support import FakeSender, drain, make_worker
from tests.unit.test_digest_compose_support import (
    NOW,
    SLOT,
    call,
    edition,
    feed,
    meeting,
    news,
    plain,
    reader,
)

DAY = timedelta(days=1)


async def _render(
    session: AsyncSession, subject_: str, user_ids: list[int]
) -> dict[int, Personal | None]:
    return await build_personaliser(STOCKHOLM, poll_key=None).personalise(
        session, subject_, user_ids, now=NOW
    )


async def test_the_digest_has_sign_up_link_and_settings_buttons(session: AsyncSession) -> None:
    swede, english = await reader(session), await reader(session, language="en")
    held = await meeting(session, "Dialogmöte om bidrag", SLOT + 3 * DAY)
    await call(session, "Kultur och hälsa", deadline=SLOT + 8 * DAY)
    issue = await edition(session, SLOT)
    rendered = await _render(session, subject(issue.id), [swede, english])
    sv, en = rendered[swede], rendered[english]
    assert sv is not None and en is not None
    assert "Dialogmöte om bidrag" in plain(sv.text_html)
    assert sv.buttons == (
        (
            Button(
                "Anmäl mig: Dialogmöte om bidrag", callback=MeetingAnswer(held.id, True).encode()
            ),
        ),
        (Button("Läs mer: Kultur och hälsa", url="https://example.org/utlysning"),),
        (Button("⚙️ Nyhetsbrevsinställningar", callback="dgs"),),
    )
    assert parse(sv.buttons[0][0].callback) == MeetingAnswer(held.id, True)
    assert parse(sv.buttons[2][0].callback) == DigestSettings()
    assert [row[0].text for row in en.buttons] == [
        "Sign me up: Dialogmöte om bidrag",
        "Read more: Kultur och hälsa",
        "⚙️ Newsletter settings",
    ]


async def test_malformed_or_unknown_editions_render_nothing(session: AsyncSession) -> None:
    user = await reader(session)
    assert await _render(session, "digest:x", [user]) == {}
    assert await _render(session, "digest:4711", [user]) == {}


async def test_through_the_engine_empty_digests_are_skipped_and_windows_follow(
    db: Database,
) -> None:
    clock = FakeClock(SLOT - DAY)
    async with db.session() as session:
        old_reader = await reader(session)
        new_reader = await reader(session)
        source = await feed(session, "news")
        await news(session, source, "Förra veckans nyhet", SLOT - 5 * DAY)
        # The old reader already had a special edition that covered it.
        await edition(
            session,
            SLOT - 3 * DAY,
            kind=EditionKind.SPECIAL,
            delivered={old_reader: (DeliveryStatus.SENT, None)},
        )
        await session.commit()
    clock.now = SLOT
    async with db.session() as session:
        first = await editions.create_edition(
            session, kind=EditionKind.WEEKLY, scheduled_for=SLOT, created_by=None, clock=clock
        )
        assert first is not None
        await session.commit()
    sender = FakeSender()
    personaliser = build_personaliser(STOCKHOLM, poll_key=None)
    await drain(make_worker(db, sender, clock, personaliser=personaliser))
    chats = {chat for chat, _, _ in sender.sent}
    async with db.session() as session:
        rows = {
            d.user_id: d
            for d in await session.scalars(
                select(Delivery).where(Delivery.campaign_id == first.campaign_id)
            )
        }
        new_chat = (await session.get_one(Delivery, rows[new_reader].id)).chat_id
    assert rows[old_reader].status == DeliveryStatus.SKIPPED
    assert rows[old_reader].error == "no longer relevant"
    assert chats == {new_chat}
    assert "Förra veckans nyhet" in plain(sender.sent[0][1])
    assert sender.sent[0][2][-1] == (Button("⚙️ Nyhetsbrevsinställningar", callback="dgs"),)
    # A week later: the new item reaches both; the one already sent reaches nobody again.
    async with db.session() as session:
        await news(session, await feed(session, "news"), "Veckans nyhet", SLOT + 2 * DAY)
        await session.commit()
    clock.now = SLOT + 7 * DAY
    async with db.session() as session:
        second = await editions.create_edition(
            session,
            kind=EditionKind.WEEKLY,
            scheduled_for=SLOT + 7 * DAY,
            created_by=None,
            clock=clock,
        )
        assert second is not None
        await session.commit()
    sender.sent.clear()
    await drain(make_worker(db, sender, clock, personaliser=personaliser))
    texts = [plain(text) for _, text, _ in sender.sent]
    assert len(texts) == 2
    for text in texts:
        assert "Veckans nyhet" in text and "Förra veckans nyhet" not in text
