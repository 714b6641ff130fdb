"""`signbot polls ...` through typer's CliRunner on a real (SQLite) database."""

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
from bot.models import Campaign, Poll, PollStatus, Topic
from bot.services import polls
from tests.unit.test_meetings_support import add_members

runner = CliRunner()
ADD = [
    "polls",
    "add",
    "--question",
    "Hur vill ni träffas?",
    "--option",
    "På plats",
    "--option",
    "Digitalt",
    "--closes",
    "2030-10-27 09:00",
]
KEY = b"cli-test-key"


async def _state(url: str) -> tuple[list[Poll], list[Campaign]]:
    db = Database(url)
    async with db.session() as session:
        found = list(await session.scalars(select(Poll).order_by(Poll.id)))
        sent = list(await session.scalars(select(Campaign).order_by(Campaign.id)))
    await db.dispose()
    return found, sent


async def _answer(url: str, poll_id: int, picks: list[int], comment: str | None = None) -> None:
    """Members answer option index picks[i] each (committed)."""
    db = Database(url)
    clock = lambda: datetime.now(UTC)  # noqa: E731 - the CLI runs on the real clock too
    async with db.session() as session:
        poll = await polls.get(session, poll_id)
        users = await add_members(session, len(picks), first=10 * poll_id)
        for user, pick in zip(users, picks, strict=True):
            option = poll.options[pick].id
            await polls.choose(session, poll_id, user, option, key=KEY, clock=clock)
        if comment is not None:
            await polls.comment(session, poll_id, users[0], comment, key=KEY, clock=clock)
        await session.commit()
    await db.dispose()


def test_add_list_results_export_close(database: str, tmp_path: Path) -> None:
    added = runner.invoke(app, [*ADD, "--anonymous", "--comment", "--audience", "topic:meetings"])
    assert added.exit_code == 0, added.output
    assert added.output.strip() == (
        "Poll 1 created, open until 2030-10-27 09:00 CET; "
        "it goes to topic:meetings (those who take polls)."
    )
    [poll], [campaign] = asyncio.run(_state(database))
    assert (poll.anonymous, poll.allow_comment, poll.multiple) == (True, True, False)
    assert poll.closes_at == datetime(2030, 10, 27, 8, 0, tzinfo=UTC)
    assert (campaign.subject, campaign.topic) == ("poll:1", Topic.POLLS)
    asyncio.run(_answer(database, 1, [0, 1, 1], comment="Gärna kvällar"))
    listing = runner.invoke(app, ["polls", "list"])
    assert listing.output.strip() == (
        "1  open    2030-10-27 09:00 CET  anonymous  3/0 answered  Hur vill ni träffas?"
    )
    chart = tmp_path / "chart.png"
    shown = runner.invoke(app, ["polls", "results", "1", "--chart", str(chart)])
    assert shown.exit_code == 0, shown.output
    assert shown.output.splitlines() == [
        "Hur vill ni träffas?",
        "",
        "  På plats      1   33.3 %",
        "  Digitalt      2   66.7 %",
        "",
        "3 of 0 recipients answered (0 %); the poll is open.",  # none sent yet
        "",
        "Comments:",
        "  - Gärna kvällar",
        f"Wrote the chart to {chart}.",
    ]
    assert chart.read_bytes().startswith(b"\x89PNG")
    exported = runner.invoke(app, ["polls", "export", "1"])
    rows = list(csv.reader(io.StringIO(exported.output)))
    assert rows == [
        ["Svar", "Kommentar"],
        ["Digitalt", ""],
        ["Digitalt", ""],
        ["På plats", "Gärna kvällar"],
    ]
    target = tmp_path / "svar.csv"
    written = runner.invoke(app, ["polls", "export", "1", "--output", str(target)])
    assert written.output.strip() == f"Wrote 3 answer(s) to {target}."
    assert target.read_text(encoding="utf-8-sig") == exported.output
    closed = runner.invoke(app, ["polls", "close", "1"])
    assert closed.output.strip() == "Poll 1 is closed."
    [poll], _ = asyncio.run(_state(database))
    assert poll.status == PollStatus.CLOSED


def test_bad_input_is_one_line_and_nothing_is_stored(database: str) -> None:
    one = runner.invoke(app, ["polls", "add", "--question", "Ja?", "--option", "Ja"])
    assert one.exit_code == 2
    assert one.output.strip() == "A poll needs 2–10 options."
    past = runner.invoke(app, [*ADD[:-2], "--closes", "2020-01-01 10:00"])
    assert past.exit_code == 2
    assert past.output.strip() == "1 January 2020 at 10:00 has already passed. Choose a time ahead."
    nobody = runner.invoke(app, [*ADD, "--audience", "moon"])
    assert nobody.exit_code == 2
    missing = runner.invoke(app, ["polls", "results", "7"])
    assert missing.output.strip() == "There is no poll number 7."
    assert asyncio.run(_state(database)) == ([], [])
    assert runner.invoke(app, ["polls", "list"]).output.strip() == "No polls yet."


def test_feedback_template_show_and_set(database: str) -> None:
    shown = runner.invoke(app, ["polls", "feedback-template"])
    assert shown.exit_code == 0, shown.output
    assert "Options:   1 | 2 | 3 | 4 | 5" in shown.output
    assert "Anonymous: yes" in shown.output
    changed = runner.invoke(
        app,
        [
            "polls",
            "feedback-template",
            "--question",
            "Vad tyckte du om {title}?",
            "--option",
            "Bra",
            "--option",
            "Dåligt",
            "--no-comment",
            "--days",
            "2",
        ],
    )
    assert changed.exit_code == 0, changed.output
    assert changed.output.splitlines() == [
        "The meeting feedback poll is now:",
        "Question:  Vad tyckte du om {title}?",
        "Options:   Bra | Dåligt",
        "Comment:   no",
        "Anonymous: yes",
        "Open for:  2 day(s)",
    ]
    again = runner.invoke(app, ["polls", "feedback-template"])
    assert again.output == changed.output.split("\n", 1)[1]
    bad = runner.invoke(app, ["polls", "feedback-template", "--days", "0"])
    assert bad.exit_code == 2
    assert bad.output.strip() == "The poll must stay open 1–30 days."
