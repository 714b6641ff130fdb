"""The `signbot` command: run the bot, the sandbox, and the staff's shell tools.

One module per command group; each imports what its commands need when they run.
"""

from __future__ import annotations

import typer

from bot.entrypoints.cli.calls import calls_app
from bot.entrypoints.cli.campaigns import broadcast, campaigns_app
from bot.entrypoints.cli.database import db_app
from bot.entrypoints.cli.digest import digest_app
from bot.entrypoints.cli.failures import OneLineFailures
from bot.entrypoints.cli.feeds import feeds_app
from bot.entrypoints.cli.forms import forms_app
from bot.entrypoints.cli.knowledge import ask, faq_app, kb_app
from bot.entrypoints.cli.meetings import meetings_app
from bot.entrypoints.cli.nominations import nominations_app
from bot.entrypoints.cli.polls import polls_app
from bot.entrypoints.cli.register import orgs_app, staff_app
from bot.entrypoints.cli.review import review
from bot.entrypoints.cli.serve import run, sandbox, worker
from bot.entrypoints.cli.stats import stats

app = typer.Typer(
    cls=OneLineFailures,
    help="signbot: the Telegram bot for the signatories of Överenskommelsen.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
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
app.command()(run)
app.command()(worker)
app.command()(sandbox)


def main() -> None:
    """Entry point of the console script."""
    app()
