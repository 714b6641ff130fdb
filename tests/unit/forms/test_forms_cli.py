"""`signbot forms ...` through typer's CliRunner on a real (SQLite) database."""

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
from bot.models import AuditEntry, Campaign, Delivery, DeliveryStatus
from bot.services import forms
from tests.unit.test_delivery_support import add_org
from tests.unit.test_forms_support import contact

runner = CliRunner()
FORM_FILE = """
title = "Hur når vi er?"
audience = "contacts"
closes = 2099-11-30

[[questions]]
key = "channel"
kind = "choice"
text = "Var läser ni oftast?"
options = ["E-post", "Chatt"]
"""


async def _answer_and_reach(url: str, form_id: int) -> None:
    """Two contacts were reached by the card; the first answers (committed)."""
    db = Database(url)
    clock = lambda: datetime.now(UTC)  # noqa: E731 - the CLI runs on the real clock too
    async with db.session() as session:
        form = await forms.get(session, form_id)
        org = await add_org(session, "Föreningen")
        anna, bo = await contact(session, 1, org), await contact(session, 2)
        campaign = await session.scalar(
            select(Campaign).where(Campaign.subject == f"form:{form_id}")
        )
        assert campaign is not None
        for person in (anna, bo):
            session.add(
                Delivery(
                    campaign_id=campaign.id,
                    user_id=person.id,
                    chat_id=person.telegram_id,
                    status=DeliveryStatus.SENT,
                )
            )
        await forms.record(session, form, anna, {"channel": "Chatt"}, clock=clock)
        await session.commit()
    await db.dispose()


async def _actions(url: str) -> list[str]:
    db = Database(url)
    async with db.session() as session:
        found = list(await session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    await db.dispose()
    return found


def test_create_send_progress_remind_export_close(database: str, tmp_path: Path) -> None:
    source = tmp_path / "form.toml"
    source.write_text(FORM_FILE, encoding="utf-8")
    created = runner.invoke(app, ["forms", "create", str(source)])
    assert created.exit_code == 0, created.output
    form_id = int(created.output.split()[1])
    assert created.output.strip() == (
        f"Form {form_id} created: Hur når vi er? (1 question, to contacts, closes "
        f"2099-11-30 23:59 CET); send it with `signbot forms send {form_id}`."
    )
    sent = runner.invoke(app, ["forms", "send", str(form_id)])
    assert sent.output.strip().startswith(f"Form {form_id} goes out to 0 recipient(s)")
    asyncio.run(_answer_and_reach(database, form_id))
    listing = runner.invoke(app, ["forms", "list"]).output
    assert f"{form_id:>4}  open    1/2 reached  contacts closes 2099-11-30 23:59 CET" in listing
    assert "Organisation profile" in listing  # the built-in form is listed for sending too
    shown = runner.invoke(app, ["forms", "progress", str(form_id)])
    assert shown.output == (
        "1 of 2 reached answered, 0 in progress, 1 not started.\nNot answered yet:\n  u2\n"
    )
    reminded = runner.invoke(app, ["forms", "remind", str(form_id)])
    assert reminded.output.startswith(f"Reminder of form {form_id} goes out to 1 recipient(s)")
    exported = runner.invoke(app, ["forms", "export", str(form_id)])
    rows = list(csv.reader(io.StringIO(exported.output)))
    assert rows[0] == ["skickat", "organisation", "namn", "channel"]
    assert rows[1][1:] == ["Föreningen", "u1", "Chatt"]
    target = tmp_path / "svar.csv"
    written = runner.invoke(app, ["forms", "export", str(form_id), "--output", str(target)])
    assert written.output.strip() == f"Wrote 1 answer(s) to {target}."
    closed = runner.invoke(app, ["forms", "close", str(form_id)])
    assert closed.output.strip() == f"Form {form_id} is closed with 1 answer(s)."
    actions = asyncio.run(_actions(database))
    assert actions.count("export_form") == 2
    assert {"form_sent", "form_reminded", "form_closed"} <= set(actions)


def test_errors_are_one_line(database: str, tmp_path: Path) -> None:
    source = tmp_path / "form.toml"
    source.write_text(FORM_FILE.replace('"choice"', '"dropdown"'), encoding="utf-8")
    bad = runner.invoke(app, ["forms", "create", str(source)])
    assert bad.exit_code == 2
    assert bad.output.strip() == (
        "Question 1: unknown kind “dropdown” – choose one of: choice, choices, number, text, "
        "municipality, municipalities."
    )
    missing = runner.invoke(app, ["forms", "create", str(tmp_path / "none.toml")])
    assert missing.exit_code == 2 and "Cannot read" in missing.output
    unknown = runner.invoke(app, ["forms", "send", "99"])
    assert unknown.exit_code == 2 and unknown.output.strip() == "I cannot find form #99."


def test_a_missing_audience_and_a_past_closing_time_are_refused_in_one_line(
    database: str, tmp_path: Path
) -> None:
    source = tmp_path / "form.toml"
    for audience in ("org:99999", "meeting:5", "attendees:5", "user:7", "form:99"):
        source.write_text(FORM_FILE.replace('"contacts"', f'"{audience}"'), encoding="utf-8")
        refused = runner.invoke(app, ["forms", "create", str(source)])
        assert refused.exit_code == 2
        assert refused.output.strip() == (
            f"audience: {audience} names something that does not exist. Check the number."
        )
    source.write_text(FORM_FILE.replace("2099-11-30", "2020-01-31"), encoding="utf-8")
    past = runner.invoke(app, ["forms", "create", str(source)])
    assert past.exit_code == 2
    assert (
        past.output.strip() == "closes: 2020-01-31 23:59 has already passed. Choose a time ahead."
    )
    listing = runner.invoke(app, ["forms", "list"]).output
    assert "Hur når vi er?" not in listing  # nothing was stored
