"""The database failures a shell command or `signbot run` can meet, each as one clear line.

A wrong DATABASE_URL, a server that is down or a folder that cannot be written are not bugs:
the person starting the bot needs the setting and the target named, not a traceback. The
password is never shown (the target is rendered with it hidden, and the driver's message is
cleaned of it too).
"""

from __future__ import annotations

from pathlib import Path

from alembic.util import CommandError
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError

from bot.db import sync_url


def _target(database_url: str) -> str:
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
