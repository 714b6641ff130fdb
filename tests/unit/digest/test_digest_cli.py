"""`signbot digest ...` from a shell on a controlled clock: preview, run, send, defaults."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from bot.config import Settings
from bot.db import Database
from bot.entrypoints import bootstrap
from bot.entrypoints.bootstrap import build_services
from bot.entrypoints.cli import app
from bot.entrypoints.cli.digest import Frequency
from bot.models import AuditEntry, Campaign, DigestEdition, DigestFrequency, EditionKind
from bot.services import meetings
from bot.services.container import Services
from tests.conftest import FakeClock
from tests.unit.conftest import prepare_cli_database
from tests.unit.test_meetings_support import OPTIONS, add_members, draft

runner = CliRunner()
# Tuesday 24 November 2026, 10:00 in Stockholm.
TUESDAY = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(TUESDAY)


@pytest.fixture
def database(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, clock: FakeClock) -> str:
    """A migrated SQLite file, and the shell's services telling time by the fake clock."""
    url = prepare_cli_database(monkeypatch, tmp_path)

    def clocked(settings: Settings) -> Services:
        return build_services(settings, clock=clock)

    monkeypatch.setattr(bootstrap, "build_services", clocked)
    return url


async def _reader_with_a_meeting(url: str, clock: FakeClock) -> None:
    """Member 4711 of an organisation, and an upcoming meeting they have not answered."""
    db = Database(url)
    async with db.session() as session:
        await add_members(session, 1, first=4711)
        await meetings.create(
            session,
            draft(title="Dialogmöte i Borås"),
            created_by=None,
            clock=clock,
            options=OPTIONS,
            announce=False,
        )
        await session.commit()
    await db.dispose()


async def _stored(url: str) -> tuple[list[DigestEdition], list[Campaign], list[str]]:
    db = Database(url)
    async with db.session() as session:
        found = list(await session.scalars(select(DigestEdition).order_by(DigestEdition.id)))
        sent = list(
            await session.scalars(select(Campaign).where(Campaign.subject.like("digest:%")))
        )
        query = select(AuditEntry.action).where(AuditEntry.action.startswith("digest"))
        actions = list(await session.scalars(query.order_by(AuditEntry.id)))
    await db.dispose()
    return found, sent, actions


def test_preview_prints_the_text_and_the_buttons(database: str, clock: FakeClock) -> None:
    asyncio.run(_reader_with_a_meeting(database, clock))

    shown = runner.invoke(app, ["digest", "preview", "--user", "4711"])

    assert shown.exit_code == 0, shown.output
    lines = shown.output.strip().splitlines()
    assert lines[0] == (
        "Next digest for u4711 (weekly, the default), edition of 2026-11-30 08:00 CET:"
    )
    assert "<b>Veckans nyhetsbrev</b>" in shown.output
    assert "Dialogmöte i Borås" in shown.output
    assert lines[-2:] == [
        "[Anmäl mig: Dialogmöte i Borås] signs the reader up for meeting 1",
        "[⚙️ Nyhetsbrevsinställningar] opens the reader's digest settings",
    ]
    assert asyncio.run(_stored(database)) == ([], [], [])  # a preview stores nothing


def test_preview_of_an_empty_digest_and_of_an_unknown_user(database: str) -> None:
    asyncio.run(_reader_with_a_meeting(database, FakeClock(TUESDAY)))
    runner.invoke(app, ["meetings", "cancel", "1", "--yes"])

    empty = runner.invoke(app, ["digest", "preview", "--user", "4711"])
    assert empty.output.strip().splitlines()[-1] == "It would be empty, so it is not sent."

    unknown = runner.invoke(app, ["digest", "preview", "--user", "999"])
    assert (unknown.exit_code, unknown.output.strip()) == (2, "I cannot find a user 999.")


def test_run_creates_what_is_due_once(database: str, clock: FakeClock) -> None:
    # Monday's weekly slot (23 November, 08:00) fell before this new database's first run:
    # nothing was missed, so nothing is due and nothing is reported.
    first = runner.invoke(app, ["digest", "run"])
    assert first.stdout.strip() == "Nothing due."
    assert "missed" not in first.stderr

    clock.now = datetime(2026, 12, 1, 7, 30, tzinfo=UTC)  # Tuesday 1 December, 08:30 CET
    created = runner.invoke(app, ["digest", "run"])

    assert created.exit_code == 0, created.output
    assert created.stdout.strip() == (
        "Created the monthly edition 1 for 2026-12-01 08:00 CET (campaign 1); "
        "the running bot delivers it."
    )
    assert runner.invoke(app, ["digest", "run"]).stdout.strip() == "Nothing due."
    [edition], [campaign], _ = asyncio.run(_stored(database))
    assert (edition.kind, campaign.subject, campaign.audience) == (
        EditionKind.MONTHLY,
        "digest:1",
        "digest:monthly",
    )


def test_send_now_and_scheduled(database: str, clock: FakeClock) -> None:
    refused = runner.invoke(app, ["digest", "send", "--note", "Hej!"])
    assert (refused.exit_code, refused.output.strip()) == (
        2,
        "Not sent: confirm at a terminal, or add --yes.",
    )
    now = runner.invoke(app, ["digest", "send", "--note", "God jul!", "--yes"])
    assert now.exit_code == 0, now.output
    assert now.output.strip() == (
        "Special edition 1 (campaign 1) goes to 0 reader(s) now; the running bot delivers it."
    )
    later = runner.invoke(
        app, ["digest", "send", "--note", "Årets sista", "--at", "2026-12-18 09:00", "--yes"]
    )
    assert "Special edition 2 (campaign 2)" in later.output
    assert "2026-12-18 09:00 CET" in later.output
    past = runner.invoke(app, ["digest", "send", "--at", "2026-11-01 09:00", "--yes"])
    assert past.exit_code == 2 and "1 November at 09:00 has already passed" in past.output

    found, sent, actions = asyncio.run(_stored(database))
    assert [(e.kind, e.note, e.window_end) for e in found] == [
        (EditionKind.SPECIAL, "God jul!", TUESDAY),
        (EditionKind.SPECIAL, "Årets sista", datetime(2026, 12, 18, 8, 0, tzinfo=UTC)),
    ]
    assert [c.due_at for c in sent] == [TUESDAY, datetime(2026, 12, 18, 8, 0, tzinfo=UTC)]
    assert actions == ["digest_edition_created", "digest_edition_created"]


def test_defaults_show_and_set(database: str) -> None:
    shown = runner.invoke(app, ["digest", "defaults"])
    assert shown.output.strip().splitlines() == [
        "The default digest frequency is weekly.",
        "Next editions:",
        "  weekly   2026-11-30 08:00 CET  0 reader(s)",
        "  monthly  2026-12-01 08:00 CET  0 reader(s)",
    ]
    changed = runner.invoke(app, ["digest", "defaults", "--frequency", "monthly"])
    assert changed.output.startswith("The default digest frequency is now monthly.")
    assert "is monthly." in runner.invoke(app, ["digest", "defaults"]).output
    bad = runner.invoke(app, ["digest", "defaults", "--frequency", "daily"])
    assert bad.exit_code == 2
    assert asyncio.run(_stored(database))[2] == ["digest_default_set"]


def test_the_frequency_choices_are_the_models() -> None:
    # --frequency lists them without loading the models; they must stay the same values.
    assert [choice.value for choice in Frequency] == [choice.value for choice in DigestFrequency]
