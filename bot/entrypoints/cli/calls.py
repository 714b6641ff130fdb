"""`signbot calls ...`: add, list and withdraw funding calls from the shell."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from bot.entrypoints.cli.support import EX_ISO, with_services
from bot.ids import MAX_ID

if TYPE_CHECKING:
    from bot.services.container import Services

calls_app = typer.Typer(help="Funding calls (utlysningar).", no_args_is_help=True)


@calls_app.command("add")
def calls_add(
    title: Annotated[str, typer.Option(help="The call's title.")],
    funder: Annotated[str, typer.Option(help="Who gives the money.")] = "",
    description: Annotated[str, typer.Option(help="A short description (plain text).")] = "",
    link: Annotated[str | None, typer.Option(help="A web page with more (https://…).")] = None,
    deadline: Annotated[
        str | None,
        typer.Option(
            help=f"The last day, Stockholm time: {EX_ISO} (until 23:59) or {EX_ISO} 12:00."
        ),
    ] = None,
    tags: Annotated[str, typer.Option(help='Subject areas, e.g. "kultur,idrott".')] = "",
    announce: Annotated[
        bool, typer.Option(help="Send the card to subscribers of funding calls.")
    ] = True,
) -> None:
    """Add a funding call; announced to the funding-calls topic unless --no-announce."""
    from bot.services import calls
    from bot.services.delivery import schedule

    async def body(services: Services) -> str:
        tz = services.settings.tz
        due = calls.parse_deadline(deadline, now=services.clock(), tz=tz) if deadline else None
        draft = calls.CallDraft(
            title=title,
            funder=funder,
            description_html=calls.plain_to_html(description),
            link=link,
            deadline=due,
            tags=calls.parse_tags(tags),
        )
        async with services.db.session() as session:
            call = await calls.create(
                session, draft, created_by=None, clock=services.clock, announce=announce
            )
            await session.commit()
            closes = "no deadline" if due is None else f"deadline {schedule.show(due, tz)}"
            sent = "; `signbot run` announces it" if announce else "; not announced"
            return f"Funding call {call.id} added ({closes}){sent}."

    typer.echo(with_services(body))


@calls_app.command("list")
def calls_list(
    limit: Annotated[int, typer.Option(min=1, help="How many to show.")] = 20,
) -> None:
    """List open funding calls, nearest deadline first."""
    from bot.services import calls
    from bot.services.delivery import schedule

    async def body(services: Services) -> list[str]:
        tz = services.settings.tz
        async with services.db.session() as session:
            found = await calls.open_calls(session, clock=services.clock, limit=limit)
        return [
            f"{c.id:>4}  {'-' if c.deadline is None else schedule.show(c.deadline, tz):<20}  "
            f"{c.title}" + (f"  ({c.funder})" if c.funder else "")
            for c in found
        ]

    lines = with_services(body)
    typer.echo("\n".join(lines) if lines else "No open funding calls.")


@calls_app.command("withdraw")
def calls_withdraw(
    call_id: Annotated[int, typer.Argument(help="The call's id.", min=1, max=MAX_ID)],
) -> None:
    """Withdraw a funding call: its card and reminders no longer go out."""
    from bot.services import calls

    async def body(services: Services) -> None:
        async with services.db.session() as session:
            await calls.withdraw(session, call_id, actor=None, clock=services.clock)
            await session.commit()

    with_services(body)
    typer.echo(f"Funding call {call_id} withdrawn.")
