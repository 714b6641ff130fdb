"""`signbot nominations ...`: steering-group nomination rounds from the shell (Stockholm time)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from bot.entrypoints.cli.support import EX_DM, EX_ISO, CsvOutput, emit_csv, with_services
from bot.ids import MAX_ID

if TYPE_CHECKING:
    from bot.services.container import Services

nominations_app = typer.Typer(
    help="Nominations to the steering group: open a round, list, export, close.",
    no_args_is_help=True,
)
RoundId = Annotated[
    int, typer.Argument(help="The round id (see `signbot nominations list`).", min=1, max=MAX_ID)
]
MOMENT_HELP = f'Stockholm time: "{EX_ISO}", "{EX_ISO} 09:00" or "{EX_DM} 9:00"'


@nominations_app.command("open")
def nominations_open(
    title: Annotated[str, typer.Option(help="The round's title.")],
    opens: Annotated[str, typer.Option("--from", help=f'When it opens ({MOMENT_HELP}, or "now").')],
    closes: Annotated[
        str, typer.Option("--to", help=f"When it closes ({MOMENT_HELP}; a date: its end).")
    ],
    announce: Annotated[
        bool, typer.Option("--announce/--no-announce", help="Tell members when it opens.")
    ] = True,
) -> None:
    """Open a round (one at a time); it closes by itself at its end. Prints its id."""
    from bot.services import nominations
    from bot.services.delivery import schedule

    async def body(services: Services) -> str:
        tz = services.settings.tz
        opens_at, closes_at = nominations.parse_period(opens, closes, now=services.clock(), tz=tz)
        async with services.db.session() as session:
            found = await nominations.open_round(
                session,
                title=title,
                opens_at=opens_at,
                closes_at=closes_at,
                created_by=None,
                clock=services.clock,
                announce=announce,
                tz=tz,
            )
            await session.commit()
        told = "members are told when it opens" if announce else "not announced"
        return (
            f"Round {found.id} “{found.title}” is open {schedule.show(found.opens_at, tz)} – "
            f"{schedule.show(found.closes_at, tz)}; {told}."
        )

    typer.echo(with_services(body))


@nominations_app.command("list")
def nominations_list(
    round_id: Annotated[
        int | None,
        typer.Argument(
            help="Show this round's nominations instead of the rounds.", min=1, max=MAX_ID
        ),
    ] = None,
) -> None:
    """The rounds with their counts, or one round's nominations."""
    from bot.services import nominations
    from bot.services.delivery import schedule

    async def rounds(services: Services) -> list[str]:
        tz = services.settings.tz
        lines = []
        async with services.db.session() as session:
            for found in await nominations.recent_rounds(session):
                count = await nominations.count(session, found.id)
                lines.append(
                    f"{found.id:>4}  {found.status.value:<6}  {schedule.show(found.opens_at, tz)}"
                    f" – {schedule.show(found.closes_at, tz)}  {count:>3} nomination(s)  "
                    f"{found.title}"
                )
        return lines

    async def entries(services: Services) -> list[str]:
        assert round_id is not None
        tz = services.settings.tz
        async with services.db.session() as session:
            return [
                f"{entry.id:>4}  {schedule.show(entry.created_at, tz)}  {entry.candidate_name} "
                f"({entry.candidate_organisation}), {entry.candidate_contact}"
                for entry in await nominations.list_nominations(session, round_id)
            ]

    if round_id is None:
        lines = with_services(rounds)
        typer.echo("\n".join(lines) if lines else "No nomination rounds yet.")
        return
    lines = with_services(entries)
    typer.echo("\n".join(lines) if lines else f"Round {round_id} has no nominations yet.")


@nominations_app.command("export")
def nominations_export(
    round_id: RoundId,
    output: CsvOutput = None,
) -> None:
    """The round's nominations as CSV (recorded in the audit log)."""
    from bot.services import nominations

    async def body(services: Services) -> str:
        async with services.db.session() as session:
            text = await nominations.export_csv(
                session, round_id, tz=services.settings.tz, clock=services.clock
            )
            await session.commit()
        return text

    emit_csv(with_services(body), output, rows_are="nomination(s)")


@nominations_app.command("close")
def nominations_close(round_id: RoundId) -> None:
    """Close a round now."""
    from bot.services import nominations

    async def body(services: Services) -> str:
        async with services.db.session() as session:
            found = await nominations.close(session, round_id, actor=None, clock=services.clock)
            count = await nominations.count(session, round_id)
            await session.commit()
        return f"Round {found.id} is closed with {count} nomination(s)."

    typer.echo(with_services(body))
