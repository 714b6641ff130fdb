"""`signbot run`, `signbot worker` and `signbot sandbox`: the long-running processes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from bot.entrypoints.cli.support import settings_or_exit

if TYPE_CHECKING:
    from bot.config import Settings


def secret_values(settings: Settings) -> list[str]:
    """The values of every secret setting, for the log filter to redact."""
    from pydantic import SecretStr

    values = (getattr(settings, name) for name in type(settings).model_fields)
    return [value.get_secret_value() for value in values if isinstance(value, SecretStr)]


def run() -> None:
    """Run the bot (against the local sandbox when TELEGRAM_BOT_TOKEN is not set)."""
    import asyncio

    from bot.entrypoints.runner import run_until_stopped
    from bot.logging_setup import setup_logging

    settings = settings_or_exit()
    setup_logging(settings.log_level, secrets=secret_values(settings))
    asyncio.run(run_until_stopped(settings))


def worker() -> None:
    """Only deliver campaigns (no updates); several may run at once with PostgreSQL."""
    import asyncio

    from bot.entrypoints.runner import run_worker_until_stopped
    from bot.logging_setup import setup_logging

    settings = settings_or_exit()
    setup_logging(settings.log_level, secrets=secret_values(settings))
    asyncio.run(run_worker_until_stopped(settings))


def sandbox(
    host: Annotated[str | None, typer.Option(help="Address to listen on.")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on.")] = None,
    limits: Annotated[
        bool, typer.Option("--limits", help="Enforce Telegram's flood limits (429 retry_after).")
    ] = False,
    global_per_second: Annotated[
        float, typer.Option(min=0.001, help="Messages per second for the whole bot.")
    ] = 30.0,
    chat_per_second: Annotated[
        float, typer.Option(min=0.001, help="Messages per second to one private chat.")
    ] = 1.0,
    chat_burst: Annotated[
        int, typer.Option(min=1, help="Messages a private chat may get at once.")
    ] = 3,
    group_per_minute: Annotated[
        float, typer.Option(min=0.001, help="Messages per minute to one group.")
    ] = 20.0,
) -> None:
    """Run only the local Bot API sandbox, for a bot started with TELEGRAM_API_BASE_URL."""
    import asyncio

    from bot.logging_setup import setup_logging
    from bot.sandbox.limits import LimitSettings
    from bot.sandbox.server import serve_forever

    settings = settings_or_exit()
    setup_logging(settings.log_level, secrets=[])
    chosen_port = port if port is not None else settings.sandbox_port
    flood_limits = LimitSettings(
        enabled=limits,
        global_per_second=global_per_second,
        chat_per_second=chat_per_second,
        chat_burst=chat_burst,
        group_per_minute=group_per_minute,
    )
    asyncio.run(serve_forever(host or settings.sandbox_host, chosen_port, limits=flood_limits))
