"""The nominations CSV: columns, local times, formula-guarded cells, and the audit entry."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import AuditEntry
from bot.services import nominations
from bot.timeutil import STOCKHOLM
from tests.conftest import FakeClock
from tests.unit.nominations.test_nominations_support import NOW, STAFF_ID, candidate, open_round
from tests.unit.test_delivery_support import add_org, add_user


async def test_the_csv_lists_every_nomination_and_the_export_is_audited(
    session: AsyncSession,
) -> None:
    clock = FakeClock(NOW)
    org = await add_org(session, "=Föreningen")
    user = await add_user(session, 1, org=org)
    found = await open_round(session, clock)
    await nominations.nominate(session, found.id, user, candidate=candidate(), clock=clock)
    clock.advance(hours=1)
    await nominations.nominate(
        session,
        found.id,
        user,
        candidate=candidate(name="Bo Berg", contact="+46 70 123 45 67", motivation="-Bra\nKlok"),
        clock=clock,
    )

    text = await nominations.export_csv(
        session, found.id, tz=STOCKHOLM, actor=STAFF_ID, clock=clock
    )

    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == [
        "Inskickad",
        "Nominerande organisation",
        "Inskickad av",
        "Kandidat",
        "Kandidatens organisation",
        "Kontakt",
        "Motivering",
    ]
    assert rows[1] == [
        "2026-10-20 10:00",
        "'=Föreningen",
        "u1",
        "Anna Andersson",
        "Röda Korset Västra Götaland",
        "anna@example.se",
        "Lång erfarenhet av samverkan.",
    ]
    assert rows[2][0] == "2026-10-20 11:00" and rows[2][3] == "Bo Berg"
    assert rows[2][5] == "'+46 70 123 45 67" and rows[2][6] == "'-Bra\nKlok"
    audit = await session.scalar(
        select(AuditEntry).where(AuditEntry.action == "export_nominations")
    )
    assert audit is not None and audit.actor_telegram_id == STAFF_ID
    assert audit.detail == f"round {found.id}: 2 nomination(s) exported"


async def test_an_empty_round_exports_the_header_only(session: AsyncSession) -> None:
    clock = FakeClock(NOW)
    found = await open_round(session, clock, opens_at=NOW + timedelta(days=1))
    text = await nominations.export_csv(session, found.id, tz=STOCKHOLM, clock=clock)
    assert len(list(csv.reader(io.StringIO(text)))) == 1
