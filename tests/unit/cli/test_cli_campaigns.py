"""Campaigns from the shell, and the send times staff type (Stockholm time, DST weeks)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from bot.db import Database
from bot.entrypoints.cli import app
from bot.errors import DomainError
from bot.models import (
    AuditEntry,
    Campaign,
    CampaignStatus,
    LinkStatus,
    Meeting,
    Organisation,
    Topic,
    User,
)
from bot.services.delivery import campaigns, schedule
from bot.services.meetings import subjects as meeting_subjects
from bot.timeutil import STOCKHOLM
from tests.unit.conftest import prepare_cli_database

runner = CliRunner()
NOW = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)  # 13:00 in Stockholm (CET)


@pytest.mark.parametrize(
    ("typed", "expected_utc"),
    [
        ("2026-12-01 09:30", datetime(2026, 12, 1, 8, 30, tzinfo=UTC)),  # CET, +1
        ("1/12 9:30", datetime(2026, 12, 1, 8, 30, tzinfo=UTC)),
        ("2026-03-28 09:00", datetime(2026, 3, 28, 8, 0, tzinfo=UTC)),  # the Saturday before: CET
        ("2026-03-29 09:00", datetime(2026, 3, 29, 7, 0, tzinfo=UTC)),  # the change day: CEST
        ("29/3 03:00", datetime(2026, 3, 29, 1, 0, tzinfo=UTC)),  # just after the change
        ("2026-10-24 09:00", datetime(2026, 10, 24, 7, 0, tzinfo=UTC)),  # still CEST
        ("2026-10-25 09:00", datetime(2026, 10, 25, 8, 0, tzinfo=UTC)),  # back to CET
        ("2026-10-25 02:30", datetime(2026, 10, 25, 0, 30, tzinfo=UTC)),  # twice: the first
        ("i morgon 09:00", datetime(2026, 3, 21, 8, 0, tzinfo=UTC)),
        ("20/3 kl 14.15", datetime(2026, 3, 20, 13, 15, tzinfo=UTC)),
        ("1/2 10:00", datetime(2027, 2, 1, 9, 0, tzinfo=UTC)),  # already past this year
    ],
)
def test_typed_times_are_stockholm_time_across_dst(typed: str, expected_utc: datetime) -> None:
    assert schedule.parse_local(typed, now=NOW, tz=STOCKHOLM) == expected_utc


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("2026-03-29 02:30", "schedule_time_skipped"),  # the hour the clocks skip
        ("2026-03-20 12:59", "schedule_past"),
        ("idag 08:00", "schedule_past"),
        ("31/2 10:00", "schedule_invalid"),
        ("nästa vecka", "schedule_invalid"),
        ("2026-12-01 25:00", "schedule_invalid"),
    ],
)
def test_impossible_or_past_times_are_refused(typed: str, key: str) -> None:
    with pytest.raises(DomainError) as raised:
        schedule.parse_local(typed, now=NOW, tz=STOCKHOLM)
    assert raised.value.key == key


def test_shown_times_name_the_zone_and_iso_offsets_are_kept() -> None:
    winter = schedule.parse_iso("2026-10-25T09:00", now=NOW, tz=STOCKHOLM)
    assert schedule.show(winter, STOCKHOLM) == "2026-10-25 09:00 CET"
    summer = schedule.parse_iso("2026-10-24T09:00+02:00", now=NOW, tz=STOCKHOLM)
    assert schedule.show(summer, STOCKHOLM) == "2026-10-24 09:00 CEST"


@pytest.fixture
def database(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    url = prepare_cli_database(monkeypatch, tmp_path)
    asyncio.run(_seed(url))
    return url


async def _seed(url: str) -> None:
    """Three people: two in Skaraborg organisations, one not linked."""
    db = Database(url)
    async with db.session() as session:
        org = Organisation(name="PRO Skaraborg", subregion="Skaraborg")
        session.add(org)
        await session.flush()
        for telegram_id in (11, 12):
            session.add(
                User(
                    telegram_id=telegram_id,
                    organisation_id=org.id,
                    link_status=LinkStatus.APPROVED,
                )
            )
        session.add(User(telegram_id=13))
        await session.commit()
    await db.dispose()


async def _rows(url: str) -> tuple[list[Campaign], list[str]]:
    db = Database(url)
    async with db.session() as session:
        found = list(await session.scalars(select(Campaign).order_by(Campaign.id)))
        actions = list(await session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    await db.dispose()
    return found, actions


def test_broadcast_with_yes_records_a_campaign_for_its_audience(database: str) -> None:
    result = runner.invoke(
        app,
        ["broadcast", "--text", "<b>Hej</b>", "--audience", "subregion:skaraborg", "--yes"],
    )
    assert result.exit_code == 0, result.output
    assert "2 recipients (subregion:Skaraborg, topic announcements); sends now." in result.output
    assert "Campaign 1 recorded" in result.output
    [campaign], actions = asyncio.run(_rows(database))
    assert (campaign.audience, campaign.created_by, campaign.topic) == (
        "subregion:Skaraborg",
        None,
        Topic.ANNOUNCEMENTS,
    )
    assert actions == ["campaign_created"]


def test_broadcast_at_a_time_and_to_a_topic(database: str) -> None:
    result = runner.invoke(
        app,
        [
            "broadcast",
            "--text",
            "Möte",
            "--audience",
            "topic:meetings",
            "--at",
            "2030-10-27 09:00",
            "--yes",
        ],
    )
    assert result.exit_code == 0, result.output
    assert (
        "3 recipients (topic:meetings, topic meetings); sends 2030-10-27 09:00 CET."
        in result.output
    )
    [campaign], _ = asyncio.run(_rows(database))
    assert campaign.due_at == datetime(2030, 10, 27, 8, 0, tzinfo=UTC)
    assert campaign.topic == Topic.MEETINGS


def test_bad_audience_or_no_terminal_is_one_line_and_nothing_is_recorded(database: str) -> None:
    bad = runner.invoke(app, ["broadcast", "--text", "x", "--audience", "planet:mars", "--yes"])
    assert bad.exit_code == 2
    assert bad.output.strip().splitlines() == [
        "Unknown audience: planet:mars. Use all, contacts, subregion:NAME, umbrella, topic:TOPIC or org:ID."
    ]
    unconfirmed = runner.invoke(app, ["broadcast", "--text", "x"])
    assert unconfirmed.exit_code == 2
    assert unconfirmed.output.strip().splitlines()[-1] == (
        "Not sent: confirm at a terminal, or add --yes."
    )
    assert asyncio.run(_rows(database)) == ([], [])


def test_campaigns_list_pause_resume_cancel(database: str) -> None:
    for text in ("Första", "Andra"):
        assert runner.invoke(app, ["broadcast", "--text", text, "--yes"]).exit_code == 0
    listing = runner.invoke(app, ["campaigns", "--limit", "1"]).output.strip().splitlines()
    assert len(listing) == 1 and listing[0].split()[:2] == ["2", "scheduled"]
    assert "Campaign 2 paused." in runner.invoke(app, ["campaigns", "pause", "2"]).output
    assert "Campaign 2 resumed." in runner.invoke(app, ["campaigns", "resume", "2"]).output
    assert "Campaign 2 cancelled." in runner.invoke(app, ["campaigns", "cancel", "2"]).output
    again = runner.invoke(app, ["campaigns", "resume", "2"])
    assert (again.exit_code, again.output.strip()) == (
        2,
        "Campaign 2: The campaign is not paused.",
    )
    missing = runner.invoke(app, ["campaigns", "pause", "99"])
    assert (missing.exit_code, missing.output.strip()) == (
        2,
        "Campaign 99: That campaign does not exist.",
    )
    campaigns, actions = asyncio.run(_rows(database))
    assert [c.status for c in campaigns] == [CampaignStatus.SCHEDULED, CampaignStatus.CANCELLED]
    assert actions[2:] == ["campaign_paused", "campaign_resumed", "campaign_cancelled"]
    assert "   1  scheduled" in runner.invoke(app, ["campaigns"]).output


async def _meeting_with_reminder(url: str) -> None:
    """A meeting made in the chat: its reminder to those with a seat, and a poll."""
    db = Database(url)
    async with db.session() as session:
        starts = datetime(2030, 12, 3, 12, 0, tzinfo=UTC)
        meeting = Meeting(title="Dialogmöte om bidrag", starts_at=starts, ends_at=starts)
        session.add(meeting)
        await session.flush()
        await campaigns.create(
            session,
            text_html="⏰ Påminnelse",
            audience_spec=f"attendees:{meeting.id}",
            created_by=None,
            clock=lambda: NOW,
            topic=None,
            subject=meeting_subjects.reminder(meeting.id, 1, 24 * 60),
            due_at=starts - timedelta(days=1),
        )
        await session.commit()
    await db.dispose()


def test_campaigns_list_names_automatic_campaigns_and_their_audience(database: str) -> None:
    asyncio.run(_meeting_with_reminder(database))
    listing = runner.invoke(app, ["campaigns"])
    assert listing.exit_code == 0, listing.output
    assert (
        "   1  scheduled  2030-12-02 13:00 CET  ⏰ Reminder 1 day before: Dialogmöte om bidrag, "
        "3 December 2030 at 13:00 -> those with a seat at Dialogmöte om bidrag (attendees:1)"
    ) in listing.output
