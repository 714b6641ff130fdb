"""`signbot nominations ...` through typer's CliRunner on a real (SQLite) database."""

from __future__ import annotations

import asyncio
import csv
import io
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from typer.testing import CliRunner

from bot.db import Database
from bot.entrypoints.cli import app
from bot.models import AuditEntry, Campaign, NominationRound, RoundStatus
from bot.services import nominations
from tests.unit.nominations.test_nominations_support import candidate
from tests.unit.test_delivery_support import add_org, add_user

runner = CliRunner()
OPEN = ["nominations", "open", "--title", "Styrgruppen 2027–2030", "--from", "now"]


async def _state(url: str) -> tuple[list[NominationRound], list[Campaign], list[str]]:
    db = Database(url)
    async with db.session() as session:
        rounds = list(await session.scalars(select(NominationRound).order_by(NominationRound.id)))
        sent = list(await session.scalars(select(Campaign).order_by(Campaign.id)))
        actions = list(await session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    await db.dispose()
    return rounds, sent, actions


async def _nominate(url: str, round_id: int) -> None:
    """An approved contact nominates Anna (committed)."""
    db = Database(url)
    clock = lambda: datetime.now(UTC)  # noqa: E731 - the CLI runs on the real clock too
    async with db.session() as session:
        user = await add_user(session, 1, org=await add_org(session, "Föreningen"))
        await nominations.nominate(session, round_id, user, candidate=candidate(), clock=clock)
        await session.commit()
    await db.dispose()


def test_open_list_export_close(database: str, tmp_path: Path) -> None:
    opened = runner.invoke(app, [*OPEN, "--to", "2099-12-15"])
    assert opened.exit_code == 0, opened.output
    assert opened.output.startswith("Round 1 “Styrgruppen 2027–2030” is open ")
    assert opened.output.strip().endswith("2099-12-15 23:59 CET; members are told when it opens.")
    [found], [campaign], _ = asyncio.run(_state(database))
    assert found.campaign_id == campaign.id and "/nominate" in campaign.text_html
    asyncio.run(_nominate(database, 1))
    listing = runner.invoke(app, ["nominations", "list"])
    assert listing.output.strip().startswith("1  open  ")
    assert listing.output.strip().endswith("1 nomination(s)  Styrgruppen 2027–2030")
    entries = runner.invoke(app, ["nominations", "list", "1"])
    assert entries.output.strip().endswith(
        "Anna Andersson (Röda Korset Västra Götaland), anna@example.se"
    )
    exported = runner.invoke(app, ["nominations", "export", "1"])
    rows = list(csv.reader(io.StringIO(exported.output)))
    assert len(rows) == 2 and rows[1][1:4] == ["Föreningen", "u1", "Anna Andersson"]
    target = tmp_path / "nomineringar.csv"
    written = runner.invoke(app, ["nominations", "export", "1", "--output", str(target)])
    assert written.output.strip() == f"Wrote 1 nomination(s) to {target}."
    assert target.read_text(encoding="utf-8-sig") == exported.output
    closed = runner.invoke(app, ["nominations", "close", "1"])
    assert closed.output.strip() == "Round 1 is closed with 1 nomination(s)."
    [found], _, actions = asyncio.run(_state(database))
    assert found.status == RoundStatus.CLOSED
    assert actions.count("export_nominations") == 2 and "nomination_round_closed" in actions


def test_bad_input_is_one_line_and_nothing_is_stored(database: str) -> None:
    past = runner.invoke(app, [*OPEN, "--to", "2020-01-01 10:00"])
    assert past.exit_code == 2
    assert past.output.strip() == "1 January 2020 at 10:00 has already passed. Choose a time ahead."
    garbled = runner.invoke(app, [*OPEN, "--to", "snart"])
    assert garbled.exit_code == 2 and "snart" in garbled.output
    missing = runner.invoke(app, ["nominations", "close", "7"])
    assert missing.output.strip() == "I cannot find nomination round #7."
    assert asyncio.run(_state(database)) == ([], [], [])
    assert runner.invoke(app, ["nominations", "list"]).output.strip() == "No nomination rounds yet."


def test_no_announce_and_one_round_at_a_time(database: str) -> None:
    quiet = runner.invoke(app, [*OPEN, "--to", "2099-12-15", "--no-announce"])
    assert quiet.output.strip().endswith("; not announced.")
    again = runner.invoke(app, [*OPEN, "--to", "2099-12-16"])
    assert again.exit_code == 2
    assert "Round #1 “Styrgruppen 2027–2030” is already open" in again.output
    rounds, sent, _ = asyncio.run(_state(database))
    assert len(rounds) == 1 and sent == []
