"""`signbot stats` through typer's CliRunner on a real (SQLite) database."""

from __future__ import annotations

import asyncio
import csv
import io
from pathlib import Path

from typer.testing import CliRunner

from bot.db import Database
from bot.entrypoints.cli import app
from tests.conftest import FakeClock
from tests.unit.stats.test_followup_support import signatories
from tests.unit.test_delivery_support import add_org

runner = CliRunner()


async def _fill(url: str, *, profiles: bool) -> None:
    db = Database(url)
    async with db.session() as session:
        if profiles:
            await signatories(session, FakeClock())
        else:
            await add_org(session, "Alfa")
        await session.commit()
    await db.dispose()


def test_the_figures_are_printed_and_written(database: str, tmp_path: Path) -> None:
    asyncio.run(_fill(database, profiles=True))
    orgs, table, chart = tmp_path / "orgs.csv", tmp_path / "figures.csv", tmp_path / "chart.png"

    result = runner.invoke(
        app, ["stats", "--output", str(orgs), "--figures", str(table), "--chart", str(chart)]
    )

    assert result.exit_code == 0, result.output
    lines = [" ".join(line.split()) for line in result.output.splitlines()]  # columns aside
    assert lines[0] == "Signatories: 4; with a profile: 3 (75 %); missing: 1."
    assert lines[1] == "Profiles sent 2026-10-21 – 2026-11-19."
    assert "Fyrbodal 1" in lines
    assert "All of Västra Götaland 1" in lines
    assert "Members in all: 1170" in lines
    assert "Human rights 1000" in lines
    assert "Umbrella bodies: 2 of 3 profiles (67 %)" in lines
    assert "Uddevalla 2" in lines
    assert "Active in all of Västra Götaland: 1" in lines
    assert "No profile yet (1): Delta" in lines
    assert f"Wrote 4 organisation(s) to {orgs}." in lines
    assert f"Wrote the chart to {chart}." in lines
    rows = list(csv.reader(io.StringIO(orgs.read_text(encoding="utf-8-sig"))))
    assert rows[0][0:2] == ["organisation", "sub-region"]
    assert rows[3] == ["Delta", "", "", "", "", "", "missing"]
    figures = list(csv.reader(io.StringIO(table.read_text(encoding="utf-8-sig"))))
    assert ["members", "total", "1170"] in figures
    assert chart.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_without_profiles_the_command_says_so(database: str) -> None:
    asyncio.run(_fill(database, profiles=False))

    result = runner.invoke(app, ["stats"])

    assert result.exit_code == 0, result.output
    assert result.output.startswith("Signatories: 1; with a profile: 0 (0 %); missing: 1.\n")
    assert "No profiles yet." in result.output
    assert "No profile yet (1): Alfa" in result.output


def test_an_unwritable_chart_is_one_line(database: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["stats", "--chart", str(tmp_path / "no" / "such" / "c.png")])

    assert result.exit_code == 2
    assert "Cannot write" in result.output
