"""Results (counts, percentages, response rate), the chart, and the CSV export."""

from __future__ import annotations

import csv
import io

from matplotlib.image import imread
from sqlalchemy import select

from bot.db import Database
from bot.models import Organisation, User
from bot.services import polls
from bot.timeutil import STOCKHOLM
from tests.conftest import FakeClock
from tests.unit.polls.test_polls_support import KEY, NOW, mark_sent, new_poll, option_ids
from tests.unit.test_meetings_support import add_members


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


async def test_counts_percentages_and_response_rate(db: Database) -> None:
    clock = FakeClock(NOW)
    poll = await new_poll(db, clock, multiple=True, allow_comment=True)
    async with db.session() as session:
        users = await add_members(session, 5)
        await mark_sent(session, poll, users[:4], clock)
        a, b, c = await option_ids(session, poll.id)
        for user, option in [(users[0], a), (users[0], b), (users[1], a), (users[2], c)]:
            await polls.choose(session, poll.id, user, option, key=KEY, clock=clock)
        await polls.comment(session, poll.id, users[1], "öppet", key=KEY, clock=clock)
        await polls.comment(session, poll.id, users[3], "Alla", key=KEY, clock=clock)
        result = await polls.results(session, poll.id)
    assert [(option.text, n) for option, n in result.counts] == [
        ("På plats", 2),
        ("Digitalt", 1),
        ("Båda", 1),
    ]
    assert (result.voters, result.recipients) == (4, 4)  # a comment alone is an answer too
    assert [result.percent(n) for _, n in result.counts] == [50.0, 25.0, 25.0]
    assert result.response_rate == 1.0
    assert result.comments == ["Alla", "öppet"]


async def test_no_answers_and_no_recipients(db: Database) -> None:
    clock = FakeClock(NOW)
    poll = await new_poll(db, clock)
    async with db.session() as session:
        result = await polls.results(session, poll.id)
        users = await add_members(session, 4)
        await mark_sent(session, poll, users, clock)
        [a, *_] = await option_ids(session, poll.id)
        await polls.choose(session, poll.id, users[0], a, key=KEY, clock=clock)
        after = await polls.results(session, poll.id)
    assert [n for _, n in result.counts] == [0, 0, 0]
    assert (result.voters, result.recipients, result.response_rate) == (0, 0, 0.0)
    assert result.percent(0) == 0.0
    assert (after.voters, after.recipients, after.response_rate) == (1, 4, 0.25)


async def test_chart_is_a_png_for_zero_and_some_answers(db: Database) -> None:
    clock = FakeClock(NOW)
    poll = await new_poll(db, clock, options=("Kostar $5 $", "Gratis"))
    async with db.session() as session:
        empty = await polls.results(session, poll.id)
        [alice] = await add_members(session, 1)
        [a, _] = await option_ids(session, poll.id)
        await polls.choose(session, poll.id, alice, a, key=KEY, clock=clock)
        answered = await polls.results(session, poll.id)
    for result in (empty, answered):
        labels = polls.chart_labels(result, "sv")
        png = polls.chart_png(result, title=result.poll.question, labels=labels)
        assert png.startswith(b"\x89PNG\r\n\x1a\n")
        height, width, _ = imread(io.BytesIO(png)).shape
        assert width > 400 and height > 100
    assert polls.chart_labels(answered, "en").footer == "1 of 0 answered (0 %)"
    assert polls.chart_labels(empty, "sv").axis == "Antal svar"


async def test_named_export_has_who_when_and_what(db: Database) -> None:
    clock = FakeClock(NOW)
    poll = await new_poll(db, clock, multiple=True, allow_comment=True)
    async with db.session() as session:
        alice, bob = await add_members(session, 2)
        a, b, c = await option_ids(session, poll.id)
        await polls.choose(session, poll.id, bob, c, key=KEY, clock=clock)
        await polls.choose(session, poll.id, bob, a, key=KEY, clock=clock)
        clock.advance(minutes=30)
        await polls.comment(session, poll.id, alice, "=SUM(A1)", key=KEY, clock=clock)
        text = await polls.export_csv(session, poll.id, tz=STOCKHOLM)
        english = await polls.export_csv(session, poll.id, tz=STOCKHOLM, lang="en")
    assert _rows(text) == [
        ["Svarade", "Namn", "Organisation", "Svar", "Kommentar"],
        ["2026-10-01 12:00", "u2", "Förening 1", "På plats; Båda", ""],
        ["2026-10-01 12:30", "u1", "Förening 1", "", "'=SUM(A1)"],
    ]
    assert _rows(english)[0] == ["Answered", "Name", "Organisation", "Answers", "Comment"]
    assert b not in (a, c)


async def test_anonymous_export_holds_nothing_about_people(db: Database) -> None:
    clock = FakeClock(NOW)
    poll = await new_poll(db, clock, anonymous=True, allow_comment=True)
    async with db.session() as session:
        users = await add_members(session, 3)
        a, b, _ = await option_ids(session, poll.id)
        # Answer in an order that differs from the export's order.
        await polls.choose(session, poll.id, users[0], b, key=KEY, clock=clock)
        clock.advance(minutes=1)
        await polls.choose(session, poll.id, users[1], a, key=KEY, clock=clock)
        await polls.comment(session, poll.id, users[1], "Tack", key=KEY, clock=clock)
        clock.advance(minutes=1)
        await polls.choose(session, poll.id, users[2], b, key=KEY, clock=clock)
        text = await polls.export_csv(session, poll.id, tz=STOCKHOLM)
        people = list(await session.scalars(select(User).where(User.id.in_(users))))
        [org] = await session.scalars(select(Organisation.name))
    assert _rows(text) == [
        ["Svar", "Kommentar"],
        ["Digitalt", ""],
        ["Digitalt", ""],
        ["På plats", "Tack"],
    ]
    assert len(people) == 3
    for person in people:
        assert person.display_name not in text and str(person.telegram_id) not in text
    assert org not in text
    assert "2026" not in text and "12:0" not in text
