"""`signbot db ...`: the database."""

from __future__ import annotations

import typer

from bot.entrypoints.cli.support import settings_or_exit

db_app = typer.Typer(help="The database.", no_args_is_help=True)


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply all database migrations."""
    from bot import migrate

    settings = settings_or_exit()
    migrate.upgrade(settings.database_url)
    typer.echo("The database is up to date.")
