"""Exports of personal data from a shell are written to the audit log (ids only)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from typer.testing import CliRunner

from bot.db import Database
from bot.entrypoints.cli import app
from bot.models import AuditEntry
from bot.services import meetings, polls
from bot.services.meetings import MeetingDraft, MeetingOptions
from bot.services.polls import PollDraft

runner = CliRunner()


async def _seed(url: str) -> tuple[int, int]:
    db = Database(url)
    now = datetime.now(UTC)
    start = now + timedelta(days=10)
    async with db.session() as session:
        draft = MeetingDraft(
            title="Dialogmöte", starts_at=start, ends_at=start + timedelta(hours=1), place="Borås"
        )
        meeting = await meetings.create(
            session, draft, created_by=None, clock=lambda: now, options=MeetingOptions()
        )
        poll = await polls.create(
            session,
            PollDraft(question="Bra?", options=("Ja", "Nej")),
            created_by=None,
            clock=lambda: now,
        )
        ids = meeting.id, poll.id
        await session.commit()
    await db.dispose()
    return ids


async def _log(url: str) -> list[tuple[str, str, int | None]]:
    db = Database(url)
    async with db.session() as session:
        rows = await session.execute(
            select(AuditEntry.action, AuditEntry.detail, AuditEntry.actor_telegram_id)
            .where(AuditEntry.action.startswith("export"))
            .order_by(AuditEntry.id)
        )
        found = [(action, detail, actor) for action, detail, actor in rows]
    await db.dispose()
    return found


def test_shell_exports_are_audited(database: str) -> None:
    meeting_id, poll_id = asyncio.run(_seed(database))

    assert runner.invoke(app, ["meetings", "export", str(meeting_id)]).exit_code == 0
    assert runner.invoke(app, ["polls", "export", str(poll_id)]).exit_code == 0

    assert asyncio.run(_log(database)) == [
        ("export_attendees", f"meeting {meeting_id} (shell)", None),
        ("export_poll_answers", f"poll {poll_id} (shell)", None),
    ]
