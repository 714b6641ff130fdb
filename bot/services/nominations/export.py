"""A round's nominations as CSV for staff; every export is recorded in the audit log."""

from __future__ import annotations

import csv
import io
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import Organisation, User
from bot.services import audit
from bot.services.nominations.entries import list_nominations
from bot.services.spreadsheet import safe_cell
from bot.texts import DEFAULT_LANGUAGE, t
from bot.timeutil import Clock, local, utc_now

COLUMNS = (
    "submitted",
    "organisation",
    "nominated_by",
    "candidate_name",
    "candidate_organisation",
    "candidate_contact",
    "motivation",
)


async def export_csv(
    session: AsyncSession,
    round_id: int,
    *,
    tz: ZoneInfo,
    actor: int | None = None,
    clock: Clock = utc_now,
    lang: str = DEFAULT_LANGUAGE,
) -> str:
    """One row per nomination, oldest first, times in local time (audited: it is personal data)."""
    entries = await list_nominations(session, round_id)
    organisations = {
        org.id: org.name
        for org in await session.scalars(
            select(Organisation).where(
                Organisation.id.in_({e.organisation_id for e in entries if e.organisation_id})
            )
        )
    }
    people = {
        user.id: user.display_name
        for user in await session.scalars(
            select(User).where(User.id.in_({e.nominated_by for e in entries if e.nominated_by}))
        )
    }
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow([t(f"nomination_csv_{column}", lang) for column in COLUMNS])
    for entry in entries:
        writer.writerow(
            [
                f"{local(entry.created_at, tz):%Y-%m-%d %H:%M}",
                safe_cell(organisations.get(entry.organisation_id or 0, "")),
                safe_cell(people.get(entry.nominated_by or 0, "")),
                safe_cell(entry.candidate_name),
                safe_cell(entry.candidate_organisation),
                safe_cell(entry.candidate_contact),
                safe_cell(entry.motivation),
            ]
        )
    await audit.record(
        session,
        actor_telegram_id=actor,
        action="export_nominations",
        detail=f"round {round_id}: {len(entries)} nomination(s) exported",
        clock=clock,
    )
    return output.getvalue()
