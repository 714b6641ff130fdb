"""`signbot calls add|list|withdraw`: funding calls from the shell."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from bot.db import Database
from bot.entrypoints.cli import app
from bot.models import CallStatus, Campaign, CampaignStatus, FundingCall, Topic

runner = CliRunner()


async def _rows(url: str) -> tuple[list[FundingCall], list[Campaign]]:
    db = Database(url)
    async with db.session() as session:
        found = list(await session.scalars(select(FundingCall).order_by(FundingCall.id)))
        sent = list(await session.scalars(select(Campaign).order_by(Campaign.id)))
    await db.dispose()
    return found, sent


def _add(*extra: str) -> list[str]:
    return ["calls", "add", "--title", "Kulturstöd", *extra]


def test_add_stores_the_call_and_announces_it(database: str) -> None:
    result = runner.invoke(
        app,
        _add(
            "--funder",
            "VGR",
            "--description",
            "För <unga> & gamla",
            "--link",
            "https://vgregion.se/k",
            "--deadline",
            "2030-05-15",
            "--tags",
            "kultur, Idrott",
        ),
    )
    assert result.exit_code == 0, result.output
    assert result.output.strip() == (
        "Funding call 1 added (deadline 2030-05-15 23:59 CEST); `signbot run` announces it."
    )
    [call], [campaign] = asyncio.run(_rows(database))
    assert (call.funder, call.description_html, call.link, call.tags) == (
        "VGR",
        "För &lt;unga&gt; &amp; gamla",
        "https://vgregion.se/k",
        "kultur,idrott",
    )
    assert call.deadline == datetime(2030, 5, 15, 21, 59, tzinfo=UTC)
    assert (campaign.subject, campaign.topic) == ("call:1", Topic.FUNDING_CALLS)


def test_no_announce_list_and_withdraw(database: str) -> None:
    quiet = runner.invoke(app, _add("--no-announce", "--deadline", "2030-12-01 12:00"))
    assert quiet.output.strip() == (
        "Funding call 1 added (deadline 2030-12-01 12:00 CET); not announced."
    )
    runner.invoke(app, ["calls", "add", "--title", "Löpande stöd", "--funder", "Stiftelsen"])
    listing = runner.invoke(app, ["calls", "list"]).output.strip().splitlines()
    assert [line.split(maxsplit=1)[0] for line in listing] == ["1", "2"]
    assert listing[1].endswith("Löpande stöd  (Stiftelsen)")
    assert runner.invoke(app, ["calls", "withdraw", "1"]).output.strip() == (
        "Funding call 1 withdrawn."
    )
    again = runner.invoke(app, ["calls", "withdraw", "1"])
    assert (again.exit_code, again.output.strip()) == (
        2,
        "That funding call is already withdrawn.",
    )
    remaining = runner.invoke(app, ["calls", "list"]).output.strip().splitlines()
    assert [line.split(maxsplit=1)[0] for line in remaining] == ["2"]
    found, sent = asyncio.run(_rows(database))
    assert [c.status for c in found] == [CallStatus.WITHDRAWN, CallStatus.OPEN]
    assert [c.status for c in sent] == [CampaignStatus.SCHEDULED]  # only the second announced


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--link", "vgregion.se"], "“vgregion.se” does not look like a web address."),
        (["--deadline", "2020-01-01"], "1 January 2020 at 23:59 has already passed."),
        (["--deadline", "snart"], "I do not understand the date “snart”."),
    ],
)
def test_bad_input_is_one_line_and_nothing_is_stored(
    database: str, extra: list[str], message: str
) -> None:
    result = runner.invoke(app, _add(*extra))
    assert result.exit_code == 2
    [line] = result.output.strip().splitlines()
    assert line.startswith(message)
    assert asyncio.run(_rows(database)) == ([], [])


def test_an_empty_list_says_so(database: str) -> None:
    assert runner.invoke(app, ["calls", "list"]).output.strip() == "No open funding calls."
