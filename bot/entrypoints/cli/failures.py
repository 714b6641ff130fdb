"""The failures a shell command or `signbot run` can meet, each as one clear line.

A wrong DATABASE_URL, a server that is down, a folder that cannot be written, a refused token or
a port in use are not bugs: the person starting the bot needs the setting and the target named,
not a traceback. The password and the token are never shown (the target is rendered with the
password hidden, and the driver's or Bot API's message is cleaned of them too).

The database and Telegram libraries are imported only once a command has failed.
"""

from __future__ import annotations

import errno
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from typer.core import TyperGroup
from typer.exceptions import TyperException

if TYPE_CHECKING:
    from telegram.error import TelegramError

    from bot.config import Settings

TELEGRAM_API = "https://api.telegram.org/bot"
REASON_MAX = 200


def _api_failure(error: TelegramError, settings: Settings) -> str:
    """One line naming the Bot API the bot tried (the token left out) and what went wrong."""
    from telegram.error import InvalidToken

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
    from telegram.error import TelegramError

    from bot.config import ConfigError, load_settings

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


def _target(database_url: str) -> str:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(database_url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(unreadable address)"


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[0] if lines else ""


# A password this long is replaced wherever it stands; a shorter one only where a driver
# would quote it (a URL, a conninfo "password=", quotes), so that "o" does not mask every o.
ANYWHERE = 6


def _without_secrets(text: str, database_url: str) -> str:
    from sqlalchemy.exc import ArgumentError

    from bot.db import sync_url

    try:
        password = sync_url(database_url).password
    except ArgumentError:
        return text
    if not password:
        return text
    secret = str(password)
    if len(secret) >= ANYWHERE:
        return text.replace(secret, "***")
    for before, after in ((":", "@"), ("password=", ""), ("'", "'"), ('"', '"')):
        text = text.replace(f"{before}{secret}{after}", f"{before}***{after}")
    return text


def _about_sqlite_file(error: OSError, database_url: str) -> bool:
    """Whether the OS refused the SQLite file itself or a folder on its path."""
    from sqlalchemy.exc import ArgumentError

    from bot.db import sync_url

    try:
        url = sync_url(database_url)
    except ArgumentError:
        return False
    if url.get_backend_name() != "sqlite" or not url.database or error.filename is None:
        return False
    database = Path(url.database).absolute()
    refused = Path(str(error.filename)).absolute()
    return refused == database or refused in database.parents


def database_failure(error: BaseException, database_url: str) -> str | None:
    """One line naming DATABASE_URL and the target for a failure to use the database, else None."""
    from alembic.util import CommandError
    from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError

    where = f"the database {_target(database_url)} (DATABASE_URL)"
    if isinstance(error, ArgumentError):
        return (
            "DATABASE_URL is not a database address: "
            "expected sqlite:///path/bot.db or postgresql://user@host/db"
        )
    if isinstance(error, DBAPIError):
        reason = _first_line(str(error.orig))
    elif isinstance(error, SQLAlchemyError | CommandError):
        reason = _first_line(str(error))
    elif isinstance(error, OSError) and _about_sqlite_file(error, database_url):
        # Creating the folder of an SQLite file, or opening the file.
        reason = f"{error.strerror or type(error).__name__}: {error.filename}"
    else:
        return None
    reason = _without_secrets(reason, database_url) or type(error).__name__
    return f"Cannot use {where}: {reason}"
