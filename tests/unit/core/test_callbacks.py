"""The callback-data registry: round trips, the 64-byte limit, forged data refused."""

from __future__ import annotations

import dataclasses
import enum

import pytest

from bot.ids import MAX_ID, MAX_KEY, parse_id
from handlers import features
from handlers.core import callbacks
from handlers.core.callbacks import ACTIONS, BadCallback, Callback, parse
from handlers.feeds.actions import FeedAdd
from handlers.onboarding.actions import ChooseLanguage, SkipOrganisation
from handlers.questions.actions import AskStaff, Feedback
from handlers.settings.actions import SettingsMenu
from handlers.staff.actions import DecideLink

features.load()  # every feature's actions registered


@pytest.mark.parametrize(
    "action",
    [
        ChooseLanguage("en"),
        DecideLink(2**31 - 1, 2**31 - 1, True),
        Feedback(2**62, True),
        Feedback(7, False),
        AskStaff(123456789),
        SettingsMenu("unlink"),
        SkipOrganisation(),
        FeedAdd("0a1b2c3d", "news"),
        FeedAdd("0a1b2c3d", "m1440"),
    ],
)
def test_round_trip(action: object) -> None:
    data = action.encode()  # type: ignore[attr-defined]
    assert len(data.encode()) <= 64
    assert parse(data) == action


@pytest.mark.parametrize(
    "data",
    [
        None,
        "",
        "nope",
        "lang:de",
        "fb:1",
        "fb:x:1",
        "fb:1:2",
        "set:admin",
        "link:1:2:1:9",
        "fda:0a1b2c3d:weather",
        "fda:0a1b2c3d:m0",
        "fda:0a1b2c3d:m10081",
        "fda:0a1b2c3d:m²",
        "fda:0a1b2c3d:m-5",
        "fda:short:add",
        "x" * 65,
    ],
)
def test_forged_or_malformed_data_is_refused(data: str | None) -> None:
    with pytest.raises(BadCallback):
        parse(data)


def test_prefixes_are_unique_and_short() -> None:
    assert len(ACTIONS) == len({cls.prefix for cls in ACTIONS.values()})
    assert all(len(prefix) <= 8 for prefix in ACTIONS)


# The wire format: buttons already sent keep working only while these prefixes stay.
PREFIXES = [
    "lang",
    "org",
    "orgskip",
    "inv",
    "link",
    "fb",
    "dym",
    "dymx",
    "ask",
    "set",
    "una",
    "rvd",
    "rvm",
    "faq",
    "tpc",
    "tpall",
    "tpon",
    "bca",
    "bcd",
    "cmp",
    "mtg",
    "ics",
    "mst",
    "mnew",
    "crm",
    "cwd",
    "ncl",
    "fd",
    "fda",
    "dgs",
    "dgf",
    "dgm",
    "dgd",
    "dgn",
    "pch",
    "pcm",
    "pop",
    "prs",
    "pnw",
    "era",
    "nom",
    "nst",
    "fop",
    "fst",
    "fan",
    "fmu",
    "fnv",
    "fss",
]


def test_the_features_declare_every_prefix_and_route_every_action() -> None:
    assert sorted(ACTIONS) == sorted(PREFIXES)
    assert set(features.load().actions()) == set(ACTIONS.values())


def test_too_long_data_cannot_be_built() -> None:
    with pytest.raises(ValueError, match="too long"):
        DecideLink(10**30, 10**30, True).encode()


HUGE = ["99999999999999999999", str(MAX_KEY + 1), "-1", "+1", "1_0", "²", "٣", " 1"]


def _raw(cls: type[Callback], number_field: str, number: str) -> str:
    values = []
    for field in dataclasses.fields(cls):
        if field.name == number_field:
            values.append(number)
        elif field.type in (int, "int", bool, "bool"):
            values.append("1")
        elif isinstance(field.type, type) and issubclass(field.type, enum.Enum):
            values.append(next(iter(field.type)).value)
        else:
            values.append("x")
    return ":".join([cls.prefix, *values])


NUMBER_FIELDS = [
    (cls, field.name)
    for cls in ACTIONS.values()
    for field in dataclasses.fields(cls)
    if field.type in (int, "int")
]


@pytest.mark.parametrize(
    ("cls", "field"), NUMBER_FIELDS, ids=[f"{c.prefix}-{f}" for c, f in NUMBER_FIELDS]
)
def test_every_number_in_every_action_is_checked_against_the_database_range(
    cls: type[Callback], field: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Only the numbers are under test here: the other fields' own checks are switched off.
    monkeypatch.setattr(callbacks, "_validate", lambda action: None)
    limit = MAX_KEY if field in callbacks.BIG_FIELDS else MAX_ID
    assert getattr(parse(_raw(cls, field, str(limit))), field) == limit
    for number in [*HUGE, str(limit + 1)]:
        with pytest.raises(BadCallback):
            parse(_raw(cls, field, number))


def test_every_action_with_numbers_is_covered() -> None:
    assert {cls for cls, _ in NUMBER_FIELDS} >= {
        cls
        for cls in ACTIONS.values()
        if any(f.type in (int, "int") for f in dataclasses.fields(cls))
    }
    assert len(NUMBER_FIELDS) > 20


@pytest.mark.parametrize(
    ("text", "expected"),
    [("7", 7), ("012", 12), (str(MAX_ID), MAX_ID), (str(MAX_ID + 1), None), ("0", None)]
    + [(text, None) for text in HUGE],
)
def test_parse_id(text: str, expected: int | None) -> None:
    assert parse_id(text) == expected
