"""Helpers for the command line: settings errors and failures as one clear line.

Everything heavy (the database, the services, the catalogue) is imported when a command runs,
never when the command line starts, so `signbot --help` answers at once.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Awaitable, Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TypeVar

import typer

from bot.timeutil import EXAMPLE_DAYS_AHEAD

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.services.container import Services

T = TypeVar("T")
CLI_LANGUAGE = "en"

CsvOutput = Annotated[
    Path | None, typer.Option(help="Write the CSV to this file instead of the screen.")
]


def fail(message: str) -> NoReturn:
    """Stop the command with a one-line message on stderr and exit status 2."""
    typer.echo(message, err=True)
    raise typer.Exit(2)


# Example dates in `--help`: always ahead of today, so an example never shows a past date.
EXAMPLE_DAY = date.today() + timedelta(days=EXAMPLE_DAYS_AHEAD)
EX_ISO = EXAMPLE_DAY.isoformat()
EX_DM = f"{EXAMPLE_DAY.day}/{EXAMPLE_DAY.month}"


def settings_or_exit() -> Settings:
    """Load settings or exit with the one-line reason."""
    from bot.config import ConfigError, load_settings

    try:
        return load_settings()
    except ConfigError as error:
        fail(str(error))


def with_services(body: Callable[[Services], Awaitable[T]]) -> T:
    """Load settings, migrate, run body with the services; domain errors become one line."""
    import asyncio

    from bot import migrate
    from bot.entrypoints import bootstrap
    from bot.errors import DomainError
    from bot.logging_setup import setup_logging
    from bot.texts import t

    settings = settings_or_exit()
    setup_logging("WARNING", secrets=[])
    migrate.upgrade(settings.database_url)

    async def runner() -> T:
        services = bootstrap.build_services(settings)
        try:
            return await body(services)
        finally:
            await services.db.dispose()

    try:
        return asyncio.run(runner())
    except DomainError as error:
        fail(t(error.key, CLI_LANGUAGE, **error.params))


def emit_csv(text: str, output: Path | None, *, rows_are: str) -> None:
    """Print a CSV export, or write it to ``output`` and say how many rows it holds."""
    if output is None:
        typer.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8-sig")  # the BOM makes Excel read UTF-8
    except OSError as error:
        fail(f"Cannot write {output}: {error.__class__.__name__}")
    rows = len(list(csv.reader(io.StringIO(text)))) - 1  # without the header
    typer.echo(f"Wrote {rows} {rows_are} to {output}.")
