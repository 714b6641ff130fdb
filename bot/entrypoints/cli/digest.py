"""`signbot digest ...`: newsletter digests from the shell (times in Stockholm time)."""

from __future__ import annotations

import enum
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from bot.entrypoints.cli.support import EX_ISO, fail, with_services
from bot.ids import MAX_KEY

if TYPE_CHECKING:
    from bot.services.container import Services
    from bot.views.digest import Action


class Frequency(enum.StrEnum):
    """The values of bot.models.DigestFrequency (kept equal by a test), so that --help needs
    no database models."""

    WEEKLY = "weekly"
    MONTHLY = "monthly"
    OFF = "off"


digest_app = typer.Typer(
    help="Newsletter digests: preview, create what is due, send an edition, defaults.",
    no_args_is_help=True,
)


def _describe(action: Action) -> str:
    """A button as a line of text: what it says and what it does."""
    from bot.views.digest import OpenLink, SignUp

    if isinstance(action, SignUp):
        return f"[{action.text}] signs the reader up for meeting {action.meeting_id}"
    if isinstance(action, OpenLink):
        return f"[{action.text}] opens {action.url}"
    return f"[{action.text}] opens the reader's digest settings"


@digest_app.command("preview")
def digest_preview(
    user: Annotated[
        int, typer.Option("--user", help="The reader's Telegram id.", min=1, max=MAX_KEY)
    ],
) -> None:
    """Print a reader's next digest as it would be sent (Telegram HTML), then its buttons."""
    from bot.models import DigestFrequency
    from bot.services.delivery import schedule
    from bot.services.digest import readers
    from bot.services.digest.compose import compose
    from bot.services.digest.schedule import DigestOptions
    from bot.views.digest import render_all

    async def body(services: Services) -> str:
        tz, now = services.settings.tz, services.clock()
        options = DigestOptions.from_settings(services.settings)
        async with services.db.session() as session:
            reader = await readers.find_reader(session, str(user))
            choice = await readers.choice_of(session, reader)
            edition = readers.preview_edition(choice, now=now, options=options)
            key = services.settings.poll_key
            composed = await compose(session, edition, [reader.id], now=now, tz=tz, poll_key=key)
            digest = render_all(composed).get(reader.id)
        how = choice.frequency.value + ("" if choice.explicit else ", the default")
        if choice.frequency == DigestFrequency.OFF:
            how = "off: they get no digest; shown as a weekly edition"
        head = f"Next digest for {reader.display_name or reader.telegram_id} ({how}), "
        head += f"edition of {schedule.show(edition.window_end, tz)}:"
        if digest is None:
            return f"{head}\nIt would be empty, so it is not sent."
        lines = [head, "", digest.text_html, ""]
        lines += [_describe(action) for action in digest.actions]
        return "\n".join(lines).rstrip()

    typer.echo(with_services(body))


@digest_app.command("run")
def digest_run() -> None:
    """Create the weekly and monthly editions that are due now (as the bot's leader would)."""
    from bot.services.delivery import schedule
    from bot.services.digest.schedule import DigestOptions, ensure_due_editions

    async def body(services: Services) -> list[str]:
        options = DigestOptions.from_settings(services.settings)
        async with services.db.session() as session:
            created = await ensure_due_editions(session, clock=services.clock, options=options)
            await session.commit()
        tz = services.settings.tz
        return [
            f"Created the {e.kind.value} edition {e.id} for {schedule.show(e.scheduled_for, tz)}"
            f" (campaign {e.campaign_id}); the running bot delivers it."
            for e in created
        ]

    lines = with_services(body)
    typer.echo("\n".join(lines) if lines else "Nothing due.")


@digest_app.command("send")
def digest_send(
    note: Annotated[str, typer.Option(help="A greeting at the top of the digest.")] = "",
    at: Annotated[
        str | None,
        typer.Option(help=f'Send later, as a special edition: e.g. "{EX_ISO} 09:00".'),
    ] = None,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
) -> None:
    """Send a special edition to every reader now, or schedule it with --at."""
    if not yes and not sys.stdin.isatty():
        fail("Not sent: confirm at a terminal, or add --yes.")
    from bot.models import EditionKind, Topic
    from bot.services.delivery import audience, schedule
    from bot.services.digest import editions

    async def body(services: Services) -> str:
        tz, clock = services.settings.tz, services.clock
        moment = schedule.parse_local(at, now=clock(), tz=tz) if at else None
        async with services.db.session() as session:
            default = await editions.get_default_frequency(session)
            spec = editions.audience_for(EditionKind.SPECIAL, default)
            count = await audience.count(session, spec, Topic.DIGEST)
            when = schedule.show(moment, tz) if moment else "now"
            if not yes:
                typer.confirm(f"Send a digest edition {when} to {count} reader(s)?", abort=True)
            if moment is None:
                edition = await editions.send_now(session, note=note, created_by=None, clock=clock)
            else:
                edition = await editions.schedule_special(
                    session, at=moment, note=note, created_by=None, clock=clock, tz=tz
                )
            await session.commit()
        return (
            f"Special edition {edition.id} (campaign {edition.campaign_id}) goes to {count} "
            f"reader(s) {when}; the running bot delivers it."
        )

    typer.echo(with_services(body))


@digest_app.command("defaults")
def digest_defaults(
    frequency: Annotated[
        Frequency | None,
        typer.Option(help="Set the default for readers who have not chosen."),
    ] = None,
) -> None:
    """Show the default digest frequency and the next editions, or set the default."""
    from bot.models import DigestFrequency
    from bot.services.delivery import schedule
    from bot.services.digest import editions, readers
    from bot.services.digest.schedule import DigestOptions

    async def body(services: Services) -> list[str]:
        options = DigestOptions.from_settings(services.settings)
        tz = services.settings.tz
        async with services.db.session() as session:
            if frequency is not None:
                await editions.set_default_frequency(
                    session, DigestFrequency(frequency), actor=None, clock=services.clock
                )
                await session.commit()
            default = await editions.get_default_frequency(session)
            coming = await readers.planned(session, now=services.clock(), options=options)
        verb = "is now" if frequency is not None else "is"
        lines = [f"The default digest frequency {verb} {default.value}.", "Next editions:"]
        for item in coming:
            number = f" (edition {item.edition_id})" if item.edition_id else ""
            lines.append(
                f"  {item.kind.value:<8} {schedule.show(item.at, tz)}  "
                f"{item.readers} reader(s){number}"
            )
        return lines

    typer.echo("\n".join(with_services(body)))
