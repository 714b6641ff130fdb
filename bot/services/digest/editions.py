"""Newsletter editions: the staff default, and creating an edition once per (kind, slot).

An edition is a row with a unique (kind, scheduled_for) and one campaign that the delivery
engine sends; each reader's digest is rendered at send time from the subject "digest:<id>".
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.models import AppSetting, DigestEdition, DigestFrequency, EditionKind, Topic
from bot.services import audit
from bot.services.delivery import campaigns
from bot.services.delivery.schedule import show
from bot.services.digest.subjects import subject
from bot.texts import DEFAULT_LANGUAGE, t
from bot.timeutil import STOCKHOLM, Clock, as_utc

log = logging.getLogger(__name__)

DEFAULT_KEY = "digest_default_frequency"
DEFAULT_FREQUENCY = DigestFrequency.WEEKLY
NOTE_LIMIT = 1000  # leaves most of Telegram's 4096 characters to the digest itself
# Which readers each kind reaches (see bot.services.delivery.audience: digest:<value>).
AUDIENCE_VALUE = {
    EditionKind.WEEKLY: DigestFrequency.WEEKLY,
    EditionKind.MONTHLY: DigestFrequency.MONTHLY,
    EditionKind.SPECIAL: None,  # any reader who has not switched the digest off
}


async def get_default_frequency(session: AsyncSession) -> DigestFrequency:
    """The frequency for readers who never chose one (weekly unless staff changed it)."""
    value = await session.scalar(select(AppSetting.value).where(AppSetting.key == DEFAULT_KEY))
    if value is None:
        return DEFAULT_FREQUENCY
    try:
        return DigestFrequency(value)
    except ValueError:
        log.warning(
            "unknown %s %r in app_settings: using %s", DEFAULT_KEY, value, DEFAULT_FREQUENCY
        )
        return DEFAULT_FREQUENCY


async def set_default_frequency(
    session: AsyncSession, frequency: DigestFrequency, *, actor: int | None, clock: Clock
) -> None:
    """Set the default frequency (flushed, committed by the caller); audited."""
    now = clock()
    setting = await session.get(AppSetting, DEFAULT_KEY)
    if setting is None:
        session.add(
            AppSetting(key=DEFAULT_KEY, value=frequency.value, changed_by=actor, changed_at=now)
        )
    else:
        setting.value, setting.changed_by, setting.changed_at = frequency.value, actor, now
    await session.flush()
    await audit.record(
        session,
        actor_telegram_id=actor,
        action="digest_default_set",
        detail=f"default digest frequency: {frequency.value}",
        clock=clock,
    )


def audience_for(kind: EditionKind, default: DigestFrequency) -> str:
    """The audience spec of an edition: its readers, plus those who never chose when that
    is what the default gives them."""
    frequency = AUDIENCE_VALUE[kind]
    if frequency is None:
        return "digest:any+" if default != DigestFrequency.OFF else "digest:any"
    return f"digest:{frequency.value}+" if default == frequency else f"digest:{frequency.value}"


def _insert(session: AsyncSession) -> Any:
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(DigestEdition)
    return sqlite.insert(DigestEdition)


def check_note(note: str) -> str:
    """The note, stripped; DomainError("digest_note_too_long") beyond NOTE_LIMIT."""
    cleaned = note.strip()
    if len(cleaned) > NOTE_LIMIT:
        raise DomainError("digest_note_too_long", limit=NOTE_LIMIT)
    return cleaned


async def create_edition(
    session: AsyncSession,
    *,
    kind: EditionKind,
    scheduled_for: datetime,
    note: str = "",
    created_by: int | None,
    clock: Clock,
    window_end: datetime | None = None,
    tz: ZoneInfo = STOCKHOLM,
) -> DigestEdition | None:
    """Record an edition and its campaign (flushed); None if (kind, slot) already has one.

    The insert ignores the unique clash instead of checking first, so two processes (or a
    restart) racing for the same slot get one edition: on PostgreSQL the second insert
    waits for the first transaction and then does nothing. Only the inserter adds the
    campaign, due at the slot.
    """
    slot = as_utc(scheduled_for)
    cleaned = check_note(note)
    statement = (
        _insert(session)
        .values(
            kind=kind,
            scheduled_for=slot,
            window_end=as_utc(window_end) if window_end is not None else slot,
            note=cleaned,
            created_by=created_by,
            created_at=clock(),
        )
        .on_conflict_do_nothing(index_elements=["kind", "scheduled_for"])
        .returning(DigestEdition.id)
    )
    edition_id = await session.scalar(statement)
    if edition_id is None:
        return None
    edition = await session.get_one(DigestEdition, edition_id)
    spec = audience_for(kind, await get_default_frequency(session))
    campaign = await campaigns.create(
        session,
        text_html=t(f"digest_summary_{kind.value}", DEFAULT_LANGUAGE, when=show(slot, tz)),
        audience_spec=spec,
        created_by=created_by,
        clock=clock,
        topic=Topic.DIGEST,
        subject=subject(edition.id),
        due_at=slot,
    )
    edition.campaign_id = campaign.id
    await session.flush()
    await audit.record(
        session,
        actor_telegram_id=created_by,
        action="digest_edition_created",
        detail=f"{kind.value} edition {edition.id} for {slot:%Y-%m-%d %H:%M}Z to {spec}"
        f" (campaign {campaign.id})",
        clock=clock,
    )
    return edition


async def send_now(
    session: AsyncSession,
    *,
    note: str,
    created_by: int | None,
    clock: Clock,
    tz: ZoneInfo = STOCKHOLM,
) -> DigestEdition:
    """A special edition sent at once, its window ending now (flushed; caller commits)."""
    now = clock()
    edition = await create_edition(
        session,
        kind=EditionKind.SPECIAL,
        scheduled_for=now,
        note=note,
        created_by=created_by,
        clock=clock,
        window_end=now,
        tz=tz,
    )
    if edition is None:
        raise DomainError("digest_edition_exists", time=show(now, tz))
    return edition


async def schedule_special(
    session: AsyncSession,
    *,
    at: datetime,
    note: str,
    created_by: int | None,
    clock: Clock,
    tz: ZoneInfo = STOCKHOLM,
) -> DigestEdition:
    """A special edition for a future time (flushed; caller commits)."""
    moment = as_utc(at)
    if moment <= clock():
        raise DomainError("digest_special_in_past", time=show(moment, tz))
    edition = await create_edition(
        session,
        kind=EditionKind.SPECIAL,
        scheduled_for=moment,
        note=note,
        created_by=created_by,
        clock=clock,
        tz=tz,
    )
    if edition is None:
        raise DomainError("digest_edition_exists", time=show(moment, tz))
    return edition
