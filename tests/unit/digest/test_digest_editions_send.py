"""An edition's campaign through the delivery worker: a restart mid-send sends only the rest."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import Database
from bot.models import Delivery, DeliveryStatus
from bot.services.delivery import Personal
from bot.services.digest.schedule import DigestOptions, ensure_due_editions
from bot.services.digest.subjects import subject
from tests.conftest import FakeClock
from tests.unit.test_delivery_support import FakeSender, add_users, drain, make_worker

SLOT = datetime(2026, 10, 26, 7, tzinfo=UTC)
READERS = range(1, 31)


class FixedDigest:
    """A personaliser giving every reader the same digest, remembering what it rendered."""

    def __init__(self) -> None:
        self.subjects: list[str] = []

    async def personalise(
        self, session: AsyncSession, subject: str, user_ids: Sequence[int], *, now: datetime
    ) -> dict[int, Personal | None]:
        self.subjects.append(subject)
        return {user_id: Personal(f"<b>Veckans nyheter</b> ({subject})") for user_id in user_ids}


async def test_a_restart_mid_send_sends_each_reader_the_edition_exactly_once(
    db: Database,
) -> None:
    await add_users(db, READERS)
    clock = FakeClock(SLOT)
    async with db.session() as session:
        [edition] = await ensure_due_editions(session, clock=clock, options=DigestOptions())
        await session.commit()
    sender, personaliser = FakeSender(), FixedDigest()
    first = make_worker(db, sender, clock, personaliser=personaliser, concurrency=4)
    assert await first.run_once() + await first.run_once() == 8
    assert len(await first.claim(4)) == 4  # claimed, then the process dies before sending

    clock.advance(seconds=120)  # after the restart the dead worker's lease has lapsed
    async with db.session() as session:  # the schedule runs again on start-up
        assert await ensure_due_editions(session, clock=clock, options=DigestOptions()) == []
    second = make_worker(db, sender, clock, worker_id="w2", personaliser=personaliser)
    assert await drain(second) == 22
    assert sender.calls == Counter(dict.fromkeys(READERS, 1))
    assert set(personaliser.subjects) == {subject(edition.id)}
    async with db.session() as session:
        statuses = await session.scalars(
            select(Delivery.status).where(Delivery.campaign_id == edition.campaign_id)
        )
        assert Counter(statuses) == Counter({DeliveryStatus.SENT: len(READERS)})
