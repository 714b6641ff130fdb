"""Numbers past the database's range, in commands and buttons, get the ordinary answers."""

from __future__ import annotations

import dataclasses
import enum
import logging

import pytest

from bot.ids import MAX_ID
from bot.texts import t
from handlers.core.callbacks import ACTIONS, Callback
from tests.e2e.chat import Person
from tests.e2e.conftest import Harness

HUGE = "99999999999999999999"  # SQLite raised OverflowError past 2**63 - 1
APOLOGY = t("error_apology", "sv")

# Every staff command that takes an id, with the argument before the id if any.
ID_COMMANDS = ["/attendees", "/results", "/export", "/digest preview"]


def _data(cls: type[Callback], number: str) -> str:
    values = []
    for field in dataclasses.fields(cls):
        if field.type in (int, "int"):
            values.append(number)
        elif field.type in (bool, "bool"):
            values.append("1")
        elif isinstance(field.type, type) and issubclass(field.type, enum.Enum):
            values.append(next(iter(field.type)).value)
        else:
            values.append("x")
    return ":".join([cls.prefix, *values])


WITH_NUMBERS = [
    cls
    for cls in ACTIONS.values()
    if any(field.type in (int, "int") for field in dataclasses.fields(cls))
]


def _failures(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


async def test_every_button_with_a_huge_number_is_refused_as_not_working(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    admin = Person(harness.client, harness.admin_id)
    message = await admin.say("/help")
    refused = t("callback_invalid", "sv")
    with caplog.at_level(logging.ERROR):
        for cls in WITH_NUMBERS:
            query_id = await harness.client.press_data(
                admin.user_id, message["message_id"], _data(cls, HUGE)
            )
            assert await admin.answer_text(query_id) == refused, cls.prefix
    assert _failures(caplog) == []


async def test_every_id_command_answers_a_huge_or_unknown_id_plainly(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    admin = Person(harness.client, harness.admin_id)
    with caplog.at_level(logging.ERROR):
        for command in ID_COMMANDS:
            for number in (HUGE, str(MAX_ID), "²"):
                answer = await admin.say(f"{command} {number}")
                assert answer["text"] and answer["text"] != APOLOGY, (command, number)
    assert _failures(caplog) == []
