"""Every staff command and every staff button, taken from the registries, refuses a member.

Buttons are pressed end to end too: the sandbox lets a test press any callback data, so each
staff action gets a valid sample built from its fields (the parser is the judge of valid).
"""

from __future__ import annotations

import dataclasses
import enum
import itertools
import sys
from collections.abc import Sequence

from handlers import features
from handlers.core.callbacks import DRAFT_TOKEN_LENGTH, BadCallback, Callback, parse
from handlers.core.staff_guard import STAFF_COMMANDS
from tests.e2e.chat import Person
from tests.e2e.conftest import Harness

REFUSAL = "Det här är bara för handläggare."


ROUTES = features.load().actions()


def _words() -> list[str]:
    """Every string the actions modules name in their constants (the values buttons carry)."""
    found: set[str] = {"m15"}
    for module in {sys.modules[cls.__module__] for cls in ROUTES}:
        for value in vars(module).values():
            if isinstance(value, frozenset | set | tuple) and all(
                isinstance(v, str) for v in value
            ):
                found.update(value)
    return sorted(found)


def _options(field: dataclasses.Field[object], words: list[str]) -> Sequence[object]:
    kind = field.type
    if kind in (int, "int"):
        return [1]
    if kind in (bool, "bool"):
        return [True]
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return [next(iter(kind))]
    if field.name == "draft":
        return ["a1" * (DRAFT_TOKEN_LENGTH // 2)]
    return words


def sample(cls: type[Callback]) -> str:
    """Callback data for this action that the parser accepts."""
    words = _words()
    options = [_options(field, words) for field in dataclasses.fields(cls)]
    for values in itertools.product(*options):
        try:
            data = cls(*values).encode()
            parse(data)
        except (BadCallback, ValueError):
            continue
        return data
    raise AssertionError(f"no valid sample for {cls.__name__}")


def staff_actions() -> list[type[Callback]]:
    return [cls for cls in ROUTES if cls.staff]


def test_the_registries_name_the_staff_actions() -> None:
    assert len(staff_actions()) >= 20
    assert not any(cls.staff for cls in ROUTES if cls.__name__ in ("Feedback", "MeetingAnswer"))


async def test_a_member_is_refused_every_staff_command_and_button(harness: Harness) -> None:
    member = await Person.create(harness.client, "Maja")
    greeting = await member.say("Hej")
    # Registered when the application was built, by each feature's own register().
    # The staff menu's commands are all guarded; no member command is.
    registry = features.load()
    assert set(registry.menu(staff=True)) <= STAFF_COMMANDS
    assert not STAFF_COMMANDS & set(registry.menu(staff=False))
    assert {n for c in registry.commands() if c.staff for n in c.names} == STAFF_COMMANDS
    for command in sorted(STAFF_COMMANDS):
        assert (await member.say(f"/{command}"))["text"] == REFUSAL, command
    for cls in staff_actions():
        data = sample(cls)
        query_id = await harness.client.press_data(member.user_id, greeting["message_id"], data)
        assert await member.answer_text(query_id) == REFUSAL, data
