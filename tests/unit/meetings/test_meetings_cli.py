"""`signbot meetings ...` from a shell: add, list, edit, move, announce, export, cancel."""

from __future__ import annotations

import asyncio
import csv
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from bot.db import Database
from bot.entrypoints.cli import app
from bot.models import AuditEntry, Campaign, CampaignStatus, Meeting, MeetingStatus
from bot.services import meetings
from bot.services.meetings import MeetingOptions
from tests.unit.test_meetings_support import add_members

runner = CliRunner()
ADD = [
    "meetings",
    "add",
    "--title",
    "Dialogmöte i Skövde",
    "--start",
    "2030-10-27 09:00",
    "--end",
    "11:30",
    "--place",
    "Stadshuset, Skövde",
    "--capacity",
    "1",
]


async def _state(url: str) -> tuple[list[Meeting], list[Campaign], list[str]]:
    db = Database(url)
    async with db.session() as session:
        found = list(await session.scalars(select(Meeting).order_by(Meeting.id)))
        sent = list(await session.scalars(select(Campaign).order_by(Campaign.id)))
        query = select(AuditEntry.action).where(AuditEntry.action.startswith("meeting"))
        actions = list(await session.scalars(query.order_by(AuditEntry.id)))
    await db.dispose()
    return found, sent, actions


async def _sign_up(url: str, meeting_id: int, count: int) -> None:
    db = Database(url)
    async with db.session() as session:
        for user_id in await add_members(session, count):
            await meetings.answer(
                session,
                meeting_id,
                user_id,
                going=True,
                clock=lambda: datetime.now(UTC),
                options=MeetingOptions(),
            )
        await session.commit()
    await db.dispose()


def test_add_list_and_export(database: str, tmp_path: Path) -> None:
    added = runner.invoke(app, ADD)
    assert added.exit_code == 0, added.output
    assert added.output.strip() == (
        "Meeting 1 created for 2030-10-27 09:00 CET; the invitation goes to subscribers of meetings."
    )
    [meeting], sent, actions = asyncio.run(_state(database))
    assert (meeting.starts_at, meeting.ends_at) == (
        datetime(2030, 10, 27, 8, 0, tzinfo=UTC),
        datetime(2030, 10, 27, 10, 30, tzinfo=UTC),
    )
    assert [c.subject for c in sent] == [
        "meeting_reminder:1:1:1440",
        "meeting_reminder:1:1:60",
        "meeting:1",
    ]
    assert actions == ["meeting_created", "meeting_announced"]
    asyncio.run(_sign_up(database, 1, 2))
    listing = runner.invoke(app, ["meetings", "list"])
    assert listing.output.strip() == (
        "1  2030-10-27 09:00 CET  Dialogmöte i Skövde  going 1/1, waiting 1"
    )
    shown = runner.invoke(app, ["meetings", "export", "1"])
    rows = list(csv.reader(io.StringIO(shown.output)))
    assert [row[3] for row in rows] == ["Status", "Kommer", "Väntelista"]
    target = tmp_path / "deltagare.csv"
    written = runner.invoke(app, ["meetings", "export", "1", "--output", str(target)])
    assert written.output.strip() == f"Wrote 2 attendee(s) to {target}."
    assert target.read_text(encoding="utf-8-sig") == shown.output


def test_add_without_announcing_then_announce_once(database: str) -> None:
    added = runner.invoke(app, [*ADD, "--no-announce", "--link", "https://teams.example/m/1"])
    assert "not announced: `signbot meetings announce 1`" in added.output
    announced = runner.invoke(app, ["meetings", "announce", "1"])
    assert announced.exit_code == 0 and "Meeting 1 announced (campaign 3)" in announced.output
    again = runner.invoke(app, ["meetings", "announce", "1"])
    assert (again.exit_code, again.output.strip()) == (
        2,
        "The invitation to “Dialogmöte i Skövde” has already been sent.",
    )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (["--end", "08:00"], "The meeting must end after it starts."),
        (["--end", "25:00"], "I do not understand the time “2030-10-27 25:00”."),
        (["--start", "2030-10-27 9"], "I do not understand the time “2030-10-27 9”."),
        (["--start", "2020-10-27 09:00"], "27 October 2020 at 09:00 has already passed."),
        (["--place", ""], "Give a place, a link to the meeting, or both."),
        (["--link", "teams.example"], "The link teams.example does not work."),
        (["--capacity", "-3"], "The number of seats should be from 0 (unlimited) to 10000."),
        (["--deadline", "2030-10-28 09:00"], "The sign-up deadline cannot be after"),
    ],
)
def test_bad_input_is_one_line_and_nothing_is_stored(
    database: str, changes: list[str], message: str
) -> None:
    arguments = list(ADD)
    for option, value in zip(changes[::2], changes[1::2], strict=True):
        if option in arguments:
            arguments[arguments.index(option) + 1] = value
        else:
            arguments += [option, value]
    result = runner.invoke(app, arguments)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]
    assert asyncio.run(_state(database)) == ([], [], [])


def test_edit_move_and_cancel(database: str) -> None:
    assert runner.invoke(app, ADD).exit_code == 0
    asyncio.run(_sign_up(database, 1, 2))
    edited = runner.invoke(
        app, ["meetings", "edit", "1", "--capacity", "2", "--link", "https://teams.example/m/1"]
    )
    assert edited.output.strip() == (
        "Meeting 1 updated. Those who answered are told. 1 got a seat from the waiting list."
    )
    moved = runner.invoke(
        app, ["meetings", "move", "1", "--start", "2030-10-26 09:00", "--end", "2030-10-26 10:00"]
    )
    assert moved.output.strip() == "Meeting 1 moved to 2030-10-26 09:00 CEST."
    unconfirmed = runner.invoke(app, ["meetings", "cancel", "1"])
    assert unconfirmed.exit_code == 2
    assert "confirm at a terminal, or add --yes" in unconfirmed.output
    cancelled = runner.invoke(app, ["meetings", "cancel", "1", "--yes"])
    assert cancelled.output.strip() == "Meeting 1 (Dialogmöte i Skövde) cancelled."
    missing = runner.invoke(
        app, ["meetings", "move", "7", "--start", "1/1 10:00", "--end", "11:00"]
    )
    assert (missing.exit_code, missing.output.strip()) == (2, "There is no meeting number 7.")
    [meeting], sent, actions = asyncio.run(_state(database))
    assert (meeting.status, meeting.version, meeting.online_url) == (
        MeetingStatus.CANCELLED,
        3,
        "https://teams.example/m/1",
    )
    open_reminders = [
        c
        for c in sent
        if c.subject and "reminder" in c.subject and c.status == CampaignStatus.SCHEDULED
    ]
    assert open_reminders == []
    assert [c.subject for c in sent if c.subject and "reminder" not in c.subject] == [
        "meeting:1",
        "meeting_changed:1:2",
        "meeting_promoted:1",
        "meeting_changed:1:3",
        "meeting_cancelled:1",
    ]
    assert actions == [
        "meeting_created",
        "meeting_announced",
        "meeting_edited:online_url,capacity",
        "meeting_moved",
        "meeting_cancelled",
    ]
    assert "No upcoming meetings." in runner.invoke(app, ["meetings", "list"]).output
