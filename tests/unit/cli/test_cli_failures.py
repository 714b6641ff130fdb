"""A database or Bot API that cannot be used: every `signbot` command, and `signbot run`,
says so in one line naming the setting and the target (never the password or the token) and
exits with status 2, instead of a traceback."""

from __future__ import annotations

import os
import re
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from bot.entrypoints.cli import app
from bot.entrypoints.cli.failures import _without_secrets
from tests.dbutil import PG_ENV

runner = CliRunner()
PASSWORD = "hemligt-lösen-42"
TOKEN = "123456:AAHsecretsecretsecretsecretsecret12"
UNUSED_PORT = f"postgresql://signbot:{PASSWORD}@127.0.0.1:1/signbot"
# Commands that run until stopped are tried below with settings that fail at once.
LONG_RUNNING = {"run", "worker", "sandbox"}
# Commands that only read and write files (the synonym groups): no database to fail on.
OFFLINE = {("kb", "synonyms")}
START_LOG = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ INFO alembic\.")


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("TELEGRAM_BOT_TOKEN", "TELEGRAM_API_BASE_URL", "SIGNBOT_ADMINS"):
        monkeypatch.delenv(name, raising=False)


def _commands() -> list[list[str]]:
    """Every command that needs no argument, from the command tree (so new ones are tried)."""
    found: list[list[str]] = []

    def walk(command: object, path: list[str]) -> None:
        children = getattr(command, "commands", None)
        if children:
            for name, child in children.items():
                walk(child, [*path, name])
            return
        params = getattr(command, "params", [])
        if path[0] not in LONG_RUNNING and not any(p.required for p in params):
            # Past a confirmation asked before anything is read.
            yes = ["--yes"] if any(p.name == "yes" for p in params) else []
            found.append([*path, *yes])

    walk(typer.main.get_command(app), [])
    return found


def _one_line(args: list[str], **env: str) -> str:
    result = runner.invoke(app, args, env=env)
    assert result.exit_code == 2, (args, result.output, result.exception)
    # `run` logs its start at INFO (the migrations); apart from those, one line.
    lines = [line for line in result.output.strip().splitlines() if not START_LOG.match(line)]
    assert len(lines) == 1 and "Traceback" not in result.output, (args, result.output)
    assert PASSWORD not in lines[0] and TOKEN not in lines[0]
    return lines[0]


def test_there_are_many_commands_to_try() -> None:
    assert {("orgs", "list"), ("stats",), ("faq", "list")} <= {tuple(c) for c in _commands()}


@pytest.mark.parametrize("args", [c for c in _commands() if tuple(c) not in OFFLINE], ids=" ".join)
def test_every_command_on_a_database_that_is_not_there(args: list[str]) -> None:
    line = _one_line(args, DATABASE_URL=UNUSED_PORT)
    assert "DATABASE_URL" in line and "127.0.0.1:1/signbot" in line and "refused" in line


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://::::@@@/", "DATABASE_URL"),
        (UNUSED_PORT, "refused"),
    ],
)
def test_run_with_a_database_that_cannot_be_used(url: str, shown: str) -> None:
    line = _one_line(["run"], DATABASE_URL=url)
    assert "DATABASE_URL" in line and shown in line


def test_a_database_that_does_not_exist() -> None:
    server = os.environ.get(PG_ENV)
    if not server:
        pytest.skip(f"{PG_ENV} is not set")
    url = server.rsplit("/", 1)[0] + "/signbot_no_such_database"
    line = _one_line(["orgs", "list"], DATABASE_URL=url)
    assert "DATABASE_URL" in line and "does not exist" in line


def test_an_sqlite_file_that_cannot_be_written(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    line = _one_line(["orgs", "list"], DATABASE_URL=f"sqlite:///{blocker}/bot.db")
    assert "DATABASE_URL" in line and str(blocker) in line


@pytest.fixture
def answering_501() -> Iterator[str]:
    """A web server that answers every request 501 Not Implemented, as some proxies do."""

    class Refusing(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.send_error(501)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Refusing)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/bot"
    finally:
        server.shutdown()
        server.server_close()


def test_run_with_a_bot_api_answering_501(answering_501: str, tmp_path: Path) -> None:
    line = _one_line(
        ["run"],
        DATABASE_URL=f"sqlite:///{tmp_path / 'bot.db'}",
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_API_BASE_URL=answering_501,
    )
    assert "TELEGRAM_API_BASE_URL" in line and answering_501 in line and "501" in line


def test_run_with_a_bot_api_that_is_not_there(tmp_path: Path) -> None:
    line = _one_line(
        ["run"],
        DATABASE_URL=f"sqlite:///{tmp_path / 'bot.db'}",
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_API_BASE_URL="http://127.0.0.1:1/bot",
    )
    assert "TELEGRAM_API_BASE_URL" in line and "http://127.0.0.1:1/bot" in line


def test_run_and_sandbox_on_a_port_in_use(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'bot.db'}", "SIGNBOT_SANDBOX_PORT": port}
        for args in (["sandbox"], ["run"]):
            line = _one_line(args, **env)
            assert f"127.0.0.1:{port}" in line and "SIGNBOT_SANDBOX_PORT" in line, line


@pytest.mark.parametrize(
    ("password", "message", "cleaned"),
    [
        # A short password is hidden where a driver quotes it, not in every word it is part of.
        (
            "o",
            "connection failed: port 1: user u:o@host",
            "connection failed: port 1: user u:***@host",
        ),
        ("o", "bad conninfo password=o dbname=x", "bad conninfo password=*** dbname=x"),
        # A long one is hidden wherever it stands.
        ("hemligt42", "auth failed for hemligt42 here", "auth failed for *** here"),
    ],
)
def test_a_database_password_is_hidden_without_mangling_the_message(
    password: str, message: str, cleaned: str
) -> None:
    url = f"postgresql://u:{password}@127.0.0.1:1/db"
    assert _without_secrets(message, url) == cleaned
