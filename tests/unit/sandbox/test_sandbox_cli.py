"""`signbot sandbox` passes its flood-limit options to the sandbox."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.entrypoints.cli import app
from bot.sandbox import server
from bot.sandbox.limits import LimitSettings

runner = CliRunner()


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[tuple[str, int, object]]:
    monkeypatch.chdir(tmp_path)  # no .env
    monkeypatch.delenv("SIGNBOT_SANDBOX_HOST", raising=False)
    calls: list[tuple[str, int, object]] = []

    async def fake_serve_forever(host: str, port: int, *, limits: LimitSettings) -> None:
        calls.append((host, port, limits))

    monkeypatch.setattr(server, "serve_forever", fake_serve_forever)
    return calls


def test_limits_are_off_unless_asked_for(served: list[tuple[str, int, object]]) -> None:
    result = runner.invoke(app, ["sandbox", "--port", "9999"])

    assert result.exit_code == 0, result.output
    assert served == [("127.0.0.1", 9999, LimitSettings())]


def test_limit_options_reach_the_sandbox(served: list[tuple[str, int, object]]) -> None:
    options = ["--limits", "--chat-burst", "5", "--group-per-minute", "10"]
    options += ["--global-per-second", "25", "--chat-per-second", "0.5"]

    result = runner.invoke(app, ["sandbox", *options])

    assert result.exit_code == 0, result.output
    [(_, _, limits)] = served
    assert limits == LimitSettings(
        enabled=True,
        global_per_second=25,
        chat_per_second=0.5,
        chat_burst=5,
        group_per_minute=10,
    )


def test_a_burst_below_one_is_refused(served: list[tuple[str, int, object]]) -> None:
    result = runner.invoke(app, ["sandbox", "--limits", "--chat-burst", "0"])

    assert result.exit_code == 2
    assert served == []
