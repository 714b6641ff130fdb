"""Dependencies run one way: handlers and scheduler use bot; bot's services never use Telegram;
scheduled jobs never use Telegram or the handlers.

Only bot/entrypoints (the composition root, the runner and the command line) wires Telegram, the
handlers and the jobs to the domain; the message catalogue sits below the services.
"""

from __future__ import annotations

import ast
from pathlib import Path

from handlers.features import FEATURES

ROOT = Path(__file__).resolve().parents[3]
BOT = ROOT / "bot"
ENTRY_POINTS = BOT / "entrypoints"


def _imports(path: Path) -> set[str]:
    """Every absolute module a file imports, with each of its parents ("a.b.c", "a.b", "a")."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.append(node.module)
            # `from handlers import onboarding` imports a package, not a name.
            modules.extend(f"{node.module}.{alias.name}" for alias in node.names)
    return {".".join(name.split(".")[:depth]) for name in modules for depth in (1, 2)} | set(
        modules
    )


def _offenders(files: list[Path], forbidden: set[str]) -> list[str]:
    return [str(path.relative_to(ROOT)) for path in files if _imports(path) & forbidden]


def test_bot_does_not_import_telegram_handlers_or_scheduler() -> None:
    domain = [path for path in BOT.rglob("*.py") if ENTRY_POINTS not in path.parents]
    assert _offenders(domain, {"telegram", "handlers", "scheduler"}) == []


def test_the_scan_finds_imports_inside_functions() -> None:
    # The entry points import PTB inside functions (to start fast): the scan must see them.
    bootstrap = ENTRY_POINTS / "bootstrap.py"
    assert _offenders([bootstrap], {"telegram", "handlers", "scheduler"}) == [
        "bot/entrypoints/bootstrap.py"
    ]


def test_texts_do_not_import_services() -> None:
    texts = list((BOT / "texts").rglob("*.py"))
    assert _offenders(texts, {"bot.services", "bot.entrypoints"}) == []


def test_nothing_below_the_entry_points_imports_them() -> None:
    outside = [
        path
        for root in (BOT, ROOT / "handlers", ROOT / "scheduler")
        for path in root.rglob("*.py")
        # `python -m bot` runs bot/__main__.py: an entry point by Python's own rule.
        if ENTRY_POINTS not in path.parents and path.name != "__main__.py"
    ]
    assert _offenders(outside, {"bot.entrypoints"}) == []


def test_scheduled_jobs_call_services_only_never_telegram_or_handlers() -> None:
    jobs = list((ROOT / "scheduler").rglob("*.py"))
    assert _offenders(jobs, {"telegram", "handlers"}) == []


def test_the_core_handlers_import_no_feature_package() -> None:
    # Features plug into the core through their routes (handlers.features), never the reverse.
    core = list((ROOT / "handlers" / "core").rglob("*.py"))
    assert _offenders(core, {f"handlers.{name}" for name in FEATURES}) == []


def test_the_feature_scan_sees_a_package_imported_by_name() -> None:
    routes = ROOT / "handlers" / "onboarding" / "routes.py"
    assert _offenders([routes], {"handlers.onboarding"}) == ["handlers/onboarding/routes.py"]
