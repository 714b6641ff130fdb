"""Helpers for the delivery tests: users, a scripted fake Sender, a sleep that moves the clock."""

from __future__ import annotations

import asyncio
import random
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import Database
from bot.models import LinkStatus, Organisation, SubRegion, User, UserStatus
from bot.services.delivery import (
    Buttons,
    DeliveryWorker,
    LocalLimiter,
    Personaliser,
    Rates,
    SendOutcome,
    Sent,
    WorkerOptions,
)
from tests.conftest import FakeClock

AUTHOR_ID = 900001


class FakeSleep:
    """A sleep that advances the fake clock instead of waiting."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.slept = 0.0

    async def __call__(self, seconds: float) -> None:
        self.clock.advance(seconds=seconds)
        self.slept += seconds
        await asyncio.sleep(0)


@dataclass
class FakeSender:
    """Answers Sent unless a chat has scripted outcomes; remembers every send."""

    script: dict[int, list[SendOutcome]] = field(default_factory=dict)
    always: dict[int, SendOutcome] = field(default_factory=dict)
    sent: list[tuple[int, str, Buttons]] = field(default_factory=list)
    photos: list[tuple[int, bytes]] = field(default_factory=list)
    calls: Counter[int] = field(default_factory=Counter)
    _next_id: int = 100

    async def send(
        self,
        chat_id: int,
        text_html: str,
        media_kind: str | None,
        media_file_id: str | None,
        buttons: Buttons,
        *,
        photo: bytes | None = None,
    ) -> SendOutcome:
        """Record the call and answer from the script (a photo among ``photos``)."""
        self.calls[chat_id] += 1
        await asyncio.sleep(0)
        if chat_id in self.always:
            return self.always[chat_id]
        if self.script.get(chat_id):
            return self.script[chat_id].pop(0)
        self._next_id += 1
        self.sent.append((chat_id, text_html, buttons))
        if photo is not None:
            self.photos.append((chat_id, photo))
        return Sent(self._next_id)

    def texts_to(self, chat_id: int) -> list[str]:
        """The texts sent to one chat."""
        return [text for chat, text, _ in self.sent if chat == chat_id]


async def add_org(
    session: AsyncSession,
    name: str,
    *,
    subregion: SubRegion | None = None,
    umbrella: bool = False,
) -> Organisation:
    """An organisation (flushed)."""
    org = Organisation(name=name, subregion=subregion, umbrella=umbrella)
    session.add(org)
    await session.flush()
    return org


async def add_user(
    session: AsyncSession,
    telegram_id: int,
    *,
    org: Organisation | None = None,
    link: LinkStatus = LinkStatus.APPROVED,
    status: UserStatus = UserStatus.ACTIVE,
) -> User:
    """A user, linked to org if given (flushed)."""
    user = User(
        telegram_id=telegram_id,
        display_name=f"u{telegram_id}",
        organisation_id=org.id if org else None,
        link_status=link if org else LinkStatus.NONE,
        status=status,
    )
    session.add(user)
    await session.flush()
    return user


async def add_users(db: Database, telegram_ids: range | list[int]) -> None:
    """Plain active users (committed)."""
    async with db.session() as session:
        for telegram_id in telegram_ids:
            await add_user(session, telegram_id)
        await session.commit()


def make_worker(
    db: Database,
    sender: FakeSender,
    clock: FakeClock,
    *,
    rates: Rates | None = None,
    worker_id: str = "w1",
    personaliser: Personaliser | None = None,
    **options: float,
) -> DeliveryWorker:
    """A worker on the fake clock, with fast limits unless rates are given."""
    sleep = FakeSleep(clock)
    limiter = LocalLimiter(rates or Rates(global_per_second=1000.0), clock=clock, sleep=sleep)
    return DeliveryWorker(
        db,
        sender,
        limiter,
        options=WorkerOptions(**options),  # type: ignore[arg-type]
        clock=clock,
        sleep=sleep,
        worker_id=worker_id,
        rng=random.Random(1),
        personaliser=personaliser,
    )


async def drain(worker: DeliveryWorker, *, rounds: int = 50) -> int:
    """Run rounds until nothing is claimed; the number of deliveries handled."""
    handled = 0
    for _ in range(rounds):
        done = await worker.run_once()
        if not done:
            break
        handled += done
    return handled
