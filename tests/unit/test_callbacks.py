"""The callback-data registry: round trips, the 64-byte limit, forged data refused."""

from __future__ import annotations

import pytest

from handlers.callbacks import (
    ACTIONS,
    AskStaff,
    BadCallback,
    ChooseLanguage,
    DecideLink,
    FeedAdd,
    Feedback,
    SettingsMenu,
    SkipOrganisation,
    parse,
)


@pytest.mark.parametrize(
    "action",
    [
        ChooseLanguage("en"),
        DecideLink(2**40, 2**31, True),
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


def test_too_long_data_cannot_be_built() -> None:
    with pytest.raises(ValueError, match="too long"):
        DecideLink(10**30, 10**30, True).encode()
