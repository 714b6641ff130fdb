"""The `signbot` command: run the bot, the sandbox, and the staff's shell tools."""

from __future__ import annotations

import asyncio
import errno
from typing import Annotated, Any

import typer
from pydantic import SecretStr
from telegram.error import InvalidToken, TelegramError
from typer.core import TyperGroup
from typer.exceptions import TyperException

from bot import migrate
from bot.cli_calls import calls_app
from bot.cli_campaigns import broadcast, campaigns_app
from bot.cli_digest import digest_app
from bot.cli_failures import database_failure
from bot.cli_feeds import feeds_app
from bot.cli_forms import forms_app
from bot.cli_knowledge import ask, faq_app, kb_app
from bot.cli_meetings import meetings_app
from bot.cli_nominations import nominations_app
from bot.cli_polls import polls_app
from bot.cli_register import orgs_app, staff_app
from bot.cli_review import review
from bot.cli_stats import stats
from bot.cli_support import settings_or_exit
from bot.config import ConfigError, Settings, load_settings
from bot.logging_setup import setup_logging

TELEGRAM_API = "https://api.telegram.org/bot"
REASON_MAX = 200


def _api_failure(error: TelegramError, settings: Settings) -> str:
    """One line naming the Bot API the bot tried (the token left out) and what went wrong."""
    where = f"the Bot API at {settings.telegram_api_base_url or TELEGRAM_API}"
    if isinstance(error, InvalidToken):
        return f"TELEGRAM_BOT_TOKEN was refused by {where}."
    # PTB's message may go on with the whole answer ("Parsing the server response b'<html>…"):
    # its first sentence says what happened.
    reason = str(error.message).split(". Parsing the server response", 1)[0].splitlines()[0]
    if settings.telegram_bot_token is not None:
        reason = reason.replace(settings.telegram_bot_token.get_secret_value(), "***")
    reason = reason[:REASON_MAX]
    setting = "TELEGRAM_API_BASE_URL" if settings.telegram_api_base_url else "the network"
    return f"Cannot use {where} ({setting}): {type(error).__name__}: {reason}"


def one_line_failure(error: BaseException) -> str | None:
    """The one line for a database or Bot API failure; None for anything else (a bug)."""
    try:
        settings = load_settings()
    except ConfigError:
        return None
    if isinstance(error, TelegramError):
        return _api_failure(error, settings)
    if isinstance(error, OSError) and error.errno == errno.EADDRINUSE:
        return _port_in_use(settings)
    return database_failure(error, settings.database_url)


def _port_in_use(settings: Settings) -> str:
    """A second bot or sandbox on the same port (the only ports the bot listens on)."""
    if settings.webhook_url and settings.telegram_bot_token is not None:
        where, setting = (
            f"{settings.webhook_listen}:{settings.webhook_port}",
            "SIGNBOT_WEBHOOK_PORT",
        )
    else:
        where, setting = f"{settings.sandbox_host}:{settings.sandbox_port}", "SIGNBOT_SANDBOX_PORT"
    return f"Cannot listen on {where} ({setting}): the address is already in use."


class OneLineFailures(TyperGroup):
    """Every command: a database or Bot API that cannot be used is one line and exit status 2."""

    def invoke(self, ctx: Any) -> Any:  # typer's vendored click.Context
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, TyperException):
            raise
        except Exception as error:
            message = one_line_failure(error)
            if message is None:
                raise
            typer.echo(message, err=True)
            raise typer.Exit(2) from None


app = typer.Typer(
    cls=OneLineFailures,
    help="signbot: the Telegram bot for the signatories of Överenskommelsen.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(help="The database.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(orgs_app, name="orgs")
app.add_typer(staff_app, name="staff")
app.add_typer(kb_app, name="kb")
app.add_typer(faq_app, name="faq")
app.command()(ask)
app.command()(broadcast)
app.command()(stats)
app.command()(review)
app.add_typer(campaigns_app, name="campaigns")
app.add_typer(meetings_app, name="meetings")
app.add_typer(calls_app, name="calls")
app.add_typer(feeds_app, name="feeds")
app.add_typer(digest_app, name="digest")
app.add_typer(polls_app, name="polls")
app.add_typer(nominations_app, name="nominations")
app.add_typer(forms_app, name="forms")


def secret_values(settings: Settings) -> list[str]:
    """The values of every secret setting, for the log filter to redact."""
    values = (getattr(settings, name) for name in type(settings).model_fields)
    return [value.get_secret_value() for value in values if isinstance(value, SecretStr)]


@app.command()
def run() -> None:
    """Run the bot (against the local sandbox when TELEGRAM_BOT_TOKEN is not set)."""
    from bot.runner import run_until_stopped

    settings = settings_or_exit()
    setup_logging(settings.log_level, secrets=secret_values(settings))
    asyncio.run(run_until_stopped(settings))


@app.command()
def worker() -> None:
    """Only deliver campaigns (no updates); several may run at once with PostgreSQL."""
    from bot.runner import run_worker_until_stopped

    settings = settings_or_exit()
    setup_logging(settings.log_level, secrets=secret_values(settings))
    asyncio.run(run_worker_until_stopped(settings))


@app.command()
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


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply all database migrations."""
    settings = settings_or_exit()
    migrate.upgrade(settings.database_url)
    typer.echo("The database is up to date.")


def main() -> None:
    """Entry point of the console script."""
    app()
