"""Every shell command that takes an id refuses a number past the database's range in one line."""

from __future__ import annotations

import inspect
import typing
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from bot.entrypoints.cli import app
from bot.ids import MAX_ID, MAX_KEY

HUGE = "99999999999999999999"  # SQLite raised OverflowError (a traceback) past 2**63 - 1


def _id_commands(group: typer.Typer, path: list[str]) -> list[tuple[list[str], str, bool]]:
    """(command path, id parameter, whether it is an option) for every id-taking command."""
    found = []
    for sub in group.registered_groups:
        assert sub.typer_instance is not None and sub.name is not None
        found += _id_commands(sub.typer_instance, [*path, sub.name])
    for command in group.registered_commands:
        assert command.callback is not None
        name = command.name or command.callback.__name__.replace("_", "-")
        hints = typing.get_type_hints(command.callback, include_extras=True)
        for parameter in inspect.signature(command.callback).parameters:
            hint: Any = hints.get(parameter)
            metadata: tuple[Any, ...] = getattr(hint, "__metadata__", ())
            base = typing.get_args(hint)[0] if metadata else hint
            if base in (int, int | None) and (parameter.endswith("_id") or parameter == "user"):
                is_option = bool(metadata) and isinstance(metadata[0], typer.models.OptionInfo)
                found.append(([*path, name], parameter, is_option))
    return found


ID_COMMANDS = _id_commands(app, [])


def test_the_id_commands_are_found() -> None:
    assert len(ID_COMMANDS) > 20
    assert (["forms", "send"], "form_id", False) in ID_COMMANDS


@pytest.mark.parametrize(
    ("path", "parameter", "is_option"),
    ID_COMMANDS,
    ids=[" ".join(path) for path, _, _ in ID_COMMANDS],
)
def test_a_huge_id_is_refused_without_a_traceback(
    database: str, path: list[str], parameter: str, is_option: bool
) -> None:
    arguments = [*path, f"--{parameter}", HUGE] if is_option else [*path, HUGE]
    result = CliRunner().invoke(app, arguments)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "OverflowError" not in result.output
    assert str(MAX_KEY if "telegram" in parameter or parameter == "user" else MAX_ID) in (
        result.output
    )
