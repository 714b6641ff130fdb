"""Dependencies run one way: handlers and scheduler use bot; bot's services never use Telegram,
and scheduled jobs never use Telegram or the handlers."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# The composition root, the runner and the command line wire Telegram to the services.
ENTRY_POINTS = {"app.py", "runner.py", "cli.py"}
FORBIDDEN = ("telegram", "handlers", "scheduler")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_bot_does_not_import_telegram_handlers_or_scheduler() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "bot").rglob("*.py")
        if path.name not in ENTRY_POINTS and _imports(path) & set(FORBIDDEN)
    ]
    assert offenders == []


def test_scheduled_jobs_call_services_only_never_telegram_or_handlers() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "scheduler").rglob("*.py")
        if _imports(path) & {"telegram", "handlers"}
    ]
    assert offenders == []
