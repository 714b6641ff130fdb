"""When editions are due: cron slots in the local time zone, and creating what is due.

APScheduler's cron triggers compute the slots (wall-clock times in ``tz``, so 08:00 stays
08:00 across daylight-saving changes); the database says which slots already have an
edition. A slot missed while the bot was down is still created within the grace window,
later never, and the unique (kind, slot) key makes sure it happens once. A slot that fell
before the schedule first ran on this database was never missed: it is passed over quietly.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.combining import OrTrigger
from apscheduler.triggers.cron import CronTrigger
from sqlalchemy import exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.models import AppSetting, DigestEdition, EditionKind
from bot.services.digest.editions import create_edition
from bot.timeutil import STOCKHOLM, Clock, as_utc

log = logging.getLogger(__name__)

SCHEDULED_KINDS = (EditionKind.WEEKLY, EditionKind.MONTHLY)
# How far back the latest slot can lie: a week, or a month and its first weekdays.
LOOKBACK = {EditionKind.WEEKLY: timedelta(days=8), EditionKind.MONTHLY: timedelta(days=35)}
# The job wakes every 30 s: a shorter grace would let it step over a slot on a normal day.
MIN_GRACE = timedelta(minutes=1)
TINY = timedelta(microseconds=1)

SkipMemo = set[tuple[EditionKind, datetime]]
# The moment the schedule first ran on this database (ISO 8601, UTC), kept in app_settings.
SINCE_KEY = "digest_schedule_since"


@dataclass(frozen=True)
class DigestOptions:
    """When scheduled editions fall: weekday and local time, grace window, time zone."""

    weekday: str = "mon"
    time: time = time(8, 0)
    grace: timedelta = timedelta(hours=12)
    tz: ZoneInfo = STOCKHOLM

    @classmethod
    def from_settings(cls, settings: Settings) -> DigestOptions:
        """The options configured in the environment (SIGNBOT_DIGEST_*)."""
        hour, _, minute = settings.digest_time.partition(":")
        return cls(
            weekday=settings.digest_weekday,
            time=time(int(hour), int(minute)),
            grace=timedelta(hours=settings.digest_grace_hours),
            tz=settings.tz,
        )


def trigger(kind: EditionKind, options: DigestOptions) -> BaseTrigger:
    """The cron trigger of a scheduled kind (weekly or monthly)."""
    at = {"hour": options.time.hour, "minute": options.time.minute, "timezone": options.tz}
    if kind == EditionKind.WEEKLY:
        return CronTrigger(day_of_week=options.weekday, **at)
    if kind == EditionKind.MONTHLY:
        # The first weekday is the 1st if that is Mon-Fri, else Monday the 2nd or 3rd.
        return OrTrigger(
            [
                CronTrigger(day=1, day_of_week="mon-fri", **at),
                CronTrigger(day="2-3", day_of_week="mon", **at),
            ]
        )
    raise ValueError(f"{kind.value} editions have no schedule")


def next_slot(kind: EditionKind, after: datetime, options: DigestOptions) -> datetime:
    """The first slot of a scheduled kind strictly after ``after`` (UTC)."""
    start = as_utc(after) + TINY
    fire = trigger(kind, options).get_next_fire_time(None, start.astimezone(options.tz))
    if fire is None:  # a cron trigger without an end date always fires again
        raise ValueError(f"no {kind.value} slot after {after.isoformat()}")
    return as_utc(fire)


def latest_slot(kind: EditionKind, now: datetime, options: DigestOptions) -> datetime | None:
    """The latest slot of a scheduled kind at or before ``now`` (UTC), None if none is near."""
    moment = as_utc(now)
    latest: datetime | None = None
    slot = next_slot(kind, moment - LOOKBACK[kind], options)
    while slot <= moment:
        latest = slot
        slot = next_slot(kind, slot, options)
    return latest


async def _exists(session: AsyncSession, kind: EditionKind, slot: datetime) -> bool:
    query = select(exists().where(DigestEdition.kind == kind, DigestEdition.scheduled_for == slot))
    return bool(await session.scalar(query))


async def schedule_since(session: AsyncSession, *, clock: Clock) -> datetime:
    """When the schedule first ran on this database; the first call records the clock's now."""
    stored = await session.get(AppSetting, SINCE_KEY)
    if stored is not None:
        try:
            return as_utc(datetime.fromisoformat(stored.value))
        except ValueError:
            log.warning(
                "unreadable %s %r in app_settings: starting it again", SINCE_KEY, stored.value
            )
            await session.delete(stored)
            await session.flush()
    now = clock()
    session.add(AppSetting(key=SINCE_KEY, value=now.isoformat(), changed_by=None, changed_at=now))
    await session.flush()
    return now


async def ensure_due_editions(
    session: AsyncSession,
    *,
    clock: Clock,
    options: DigestOptions,
    skipped: SkipMemo | None = None,
) -> list[DigestEdition]:
    """Create the weekly and monthly editions whose slot has come (flushed; caller commits).

    A slot is due from its time until the grace window has passed; its campaign is due at
    once, so the delivery worker sends it. A slot missed by more than the grace is logged
    (once per ``skipped`` memo, which the caller keeps between runs) and never sent; one
    that fell before the schedule first ran (a new database) is skipped without a warning.
    """
    now = clock()
    since = await schedule_since(session, clock=clock)
    grace = max(options.grace, MIN_GRACE)
    created: list[DigestEdition] = []
    for kind in SCHEDULED_KINDS:
        slot = latest_slot(kind, now, options)
        if slot is None:
            continue
        if now - slot > grace:
            if (
                slot >= since
                and (skipped is None or (kind, slot) not in skipped)
                and not await _exists(session, kind, slot)
            ):
                log.warning(
                    "the %s digest of %s was missed by more than %s: skipped",
                    kind.value,
                    f"{slot:%Y-%m-%d %H:%M}Z",
                    grace,
                )
            if skipped is not None:
                skipped.add((kind, slot))
            continue
        if await _exists(session, kind, slot):  # the usual case; spares a sequence number
            continue
        edition = await create_edition(
            session, kind=kind, scheduled_for=slot, created_by=None, clock=clock, tz=options.tz
        )
        if edition is not None:
            log.info("created the %s digest edition %d for %s", kind.value, edition.id, slot)
            created.append(edition)
    return created
