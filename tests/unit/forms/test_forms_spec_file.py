"""Forms written by staff as TOML: parsed into a FormSpec, or one clear error naming the place."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.models import QuestionKind
from bot.services import forms
from bot.services.forms.spec_file import parse
from bot.texts import t
from bot.timeutil import STOCKHOLM
from tests.conftest import FakeClock

EXAMPLE = """
title = "Hur når vi er?"
intro = "Tre snabba frågor."
audience = "contacts"
per_organisation = true
closes = 2026-11-30

[[questions]]
key = "channel"
kind = "choice"
text = "Var läser ni oftast?"
options = ["E-post", "Chatt"]

[[questions]]
key = "staff"
kind = "number"
text = "Hur många anställda?"
min = 0
max = 5000

[[questions]]
key = "wish"
kind = "text"
text = "Något mer?"
required = false
max_length = 200
"""


def _error(text: str) -> str:
    with pytest.raises(DomainError) as caught:
        parse(text, tz=STOCKHOLM)
    return t(caught.value.key, "sv", **caught.value.params)


def test_example_becomes_a_spec() -> None:
    spec = parse(EXAMPLE, tz=STOCKHOLM)
    assert (spec.title, spec.intro, spec.audience) == (
        "Hur når vi er?",
        "Tre snabba frågor.",
        "contacts",
    )
    assert spec.per_organisation is True
    assert spec.closes_at == datetime(2026, 11, 30, 22, 59, tzinfo=UTC)  # 23:59 CET
    channel, staff, wish = spec.questions
    assert (channel.kind, channel.options, channel.required) == (
        QuestionKind.CHOICE,
        ("E-post", "Chatt"),
        True,
    )
    assert (staff.min_value, staff.max_value, staff.prompt) == (0, 5000, "Hur många anställda?")
    assert (wish.required, wish.max_length) == (False, 200)


def test_defaults_and_local_time() -> None:
    text = 'title = "T"\ncloses = 2026-06-01T17:00:00\n[[questions]]\nkey = "a"\nkind = "text"\ntext = "?"\n'
    spec = parse(text, tz=STOCKHOLM)
    assert (spec.audience, spec.per_organisation, spec.intro) == ("all", False, "")
    assert spec.closes_at == datetime(2026, 6, 1, 15, 0, tzinfo=UTC)  # 17:00 CEST
    assert parse(
        text.replace("2026-06-01T17:00:00", '"2026-06-01T17:00+00:00"'), tz=STOCKHOLM
    ).closes_at == datetime(2026, 6, 1, 17, 0, tzinfo=UTC)


def test_errors_name_the_place() -> None:
    assert _error(EXAMPLE.replace('kind = "number"', 'kind = "dropdown"')) == (
        "Fråga 2: okänd typ ”dropdown” – välj en av: choice, choices, number, text, "
        "municipality, municipalities."
    )
    assert _error(EXAMPLE.replace("min = 0", "min 0")) == (
        "Filen går inte att läsa som TOML: fel på rad 18."
    )
    assert (
        _error(EXAMPLE.replace("max = 5000", 'max = "many"'))
        == "questions #2 max: skriv ett heltal."
    )
    assert _error(EXAMPLE.replace("max_length", "maxlen")).startswith(
        "Fråga 3: okänt fält ”maxlen”"
    )
    assert _error(EXAMPLE.replace("audience", "publik")).startswith("Okänt fält ”publik”")
    assert _error(EXAMPLE.replace("closes = 2026-11-30", 'closes = "snart"')).startswith("closes:")
    assert _error(EXAMPLE.replace('options = ["E-post", "Chatt"]', 'options = ["E-post"]')) == (
        "Fråga 1: ange mellan 2 och 20 alternativ."
    )
    assert _error('title = "T"') == "Formuläret behöver minst en fråga."


async def test_closes_at_is_stored(session: AsyncSession, clock: FakeClock) -> None:
    form = await forms.create(session, parse(EXAMPLE, tz=STOCKHOLM), created_by=None, clock=clock)
    assert form.closes_at is not None
    assert form.closes_at.replace(tzinfo=UTC) == datetime(2026, 11, 30, 22, 59, tzinfo=UTC)
    assert [q.key for q in form.questions] == ["channel", "staff", "wish"]
