"""Helpers for the command line: settings errors and failures as one clear line."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import NoReturn, TypeVar

import typer

from bot import migrate
from bot.config import ConfigError, Settings, load_settings
from bot.errors import DomainError
from bot.logging_setup import setup_logging
from bot.services.container import Services, build_services
from bot.texts import t

T = TypeVar("T")
CLI_LANGUAGE = "en"


def fail(message: str) -> NoReturn:
    """Stop the command with a one-line message on stderr and exit status 2."""
    typer.echo(message, err=True)
    raise typer.Exit(2)


def settings_or_exit() -> Settings:
    """Load settings or exit with the one-line reason."""
    try:
        return load_settings()
    except ConfigError as error:
        fail(str(error))


def with_services(body: Callable[[Services], Awaitable[T]]) -> T:
    """Load settings, migrate, run body with the services; domain errors become one line."""
    settings = settings_or_exit()
    setup_logging("WARNING", secrets=[])
    migrate.upgrade(settings.database_url)

    async def runner() -> T:
        services = build_services(settings)
        try:
            return await body(services)
        finally:
            await services.db.dispose()

    try:
        return asyncio.run(runner())
    except DomainError as error:
        fail(t(error.key, CLI_LANGUAGE, **error.params))
