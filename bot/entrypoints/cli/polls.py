"""`signbot polls ...`: feedback polls from the shell (times in Stockholm time)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from bot.entrypoints.cli.support import (
    CLI_LANGUAGE,
    EX_ISO,
    CsvOutput,
    emit_csv,
    fail,
    with_services,
)
from bot.ids import MAX_ID

if TYPE_CHECKING:
    from bot.services import polls
    from bot.services.container import Services
    from bot.services.polls import FeedbackTemplate

polls_app = typer.Typer(
    help="Feedback polls: add, list, results, export, close, the meeting feedback template.",
    no_args_is_help=True,
)
PollId = Annotated[
    int, typer.Argument(help="The poll id (see `signbot polls list`).", min=1, max=MAX_ID)
]
AUDIENCE_HELP = "all, subregion:NAME, umbrella, topic:TOPIC, org:ID or attendees:MEETING_ID."


@polls_app.command("add")
def polls_add(
    question: Annotated[str, typer.Option(help="The question.")],
    option: Annotated[list[str], typer.Option(help="An answer option (give 2–10).")],
    multiple: Annotated[
        bool, typer.Option("--multiple", help="Several options may be chosen.")
    ] = False,
    comment: Annotated[
        bool, typer.Option("--comment", help="Ask for a free-text comment.")
    ] = False,
    anonymous: Annotated[
        bool, typer.Option("--anonymous", help="Store no one's identity with the answers.")
    ] = False,
    closes: Annotated[
        str | None,
        typer.Option(
            help=f'When it closes, Stockholm time, e.g. "{EX_ISO} 12:00" (default: in SIGNBOT_POLL_DAYS days).'
        ),
    ] = None,
    audience: Annotated[str, typer.Option(help=f"Who gets it: {AUDIENCE_HELP}")] = "all",
) -> None:
    """Create a poll and send it to those in the audience who take polls; prints its id."""
    from bot.services import polls
    from bot.services.delivery import schedule
    from bot.services.polls import PollDraft

    async def body(services: Services) -> str:
        now, tz = services.clock(), services.settings.tz
        draft = PollDraft(
            question=question,
            options=tuple(option),
            multiple=multiple,
            allow_comment=comment,
            anonymous=anonymous,
            closes_at=schedule.parse_local(closes, now=now, tz=tz) if closes else None,
            audience=audience,
        )
        async with services.db.session() as session:
            poll = await polls.create(
                session,
                draft,
                created_by=None,
                clock=services.clock,
                poll_days=services.settings.poll_days,
            )
            await session.commit()
        return (
            f"Poll {poll.id} created, open until {schedule.show(poll.closes_at, tz)}; "
            f"it goes to {poll.audience} (those who take polls)."
        )

    typer.echo(with_services(body))


@polls_app.command("list")
def polls_list(limit: Annotated[int, typer.Option(min=1, help="How many to show.")] = 20) -> None:
    """List the newest polls with status, closing time and answers so far."""
    from bot.services import polls
    from bot.services.delivery import schedule

    async def body(services: Services) -> list[str]:
        lines = []
        async with services.db.session() as session:
            for poll in await polls.recent(session, limit=limit):
                result = await polls.results(session, poll.id)
                kind = "anonymous" if poll.anonymous else "named"
                lines.append(
                    f"{poll.id:>4}  {poll.status.value:<6}  "
                    f"{schedule.show(poll.closes_at, services.settings.tz)}  {kind:<9}  "
                    f"{result.voters}/{result.recipients} answered  {poll.question}"
                )
        return lines

    lines = with_services(body)
    typer.echo("\n".join(lines) if lines else "No polls yet.")


@polls_app.command("results")
def polls_results(
    poll_id: PollId,
    chart: Annotated[Path | None, typer.Option(help="Also write a bar chart (PNG) here.")] = None,
) -> None:
    """Counts and percentages per option, the response rate and the comments."""
    from bot.services import polls

    async def body(services: Services) -> polls.Results:
        async with services.db.session() as session:
            return await polls.results(session, poll_id)

    result = with_services(body)
    width = max(len(option.text) for option, _ in result.counts)
    lines = [result.poll.question, ""]
    for option, count in result.counts:
        lines.append(f"  {option.text:<{width}}  {count:>5}  {result.percent(count):5.1f} %")
    lines += [
        "",
        f"{result.voters} of {result.recipients} recipients answered "
        f"({100 * result.response_rate:.0f} %); the poll is {result.poll.status.value}.",
    ]
    if result.comments:
        lines += ["", "Comments:", *(f"  - {text}" for text in result.comments)]
    typer.echo("\n".join(lines))
    if chart is not None:
        labels = polls.chart_labels(result, CLI_LANGUAGE)
        png = polls.chart_png(result, title=result.poll.question, labels=labels)
        try:
            chart.write_bytes(png)
        except OSError as error:
            fail(f"Cannot write {chart}: {error.__class__.__name__}")
        typer.echo(f"Wrote the chart to {chart}.")


@polls_app.command("export")
def polls_export(
    poll_id: PollId,
    output: CsvOutput = None,
) -> None:
    """The answers as CSV (anonymous polls: answers and comments only)."""
    from bot.services import audit, polls

    async def body(services: Services) -> str:
        async with services.db.session() as session:
            text = await polls.export_csv(session, poll_id, tz=services.settings.tz)
            await audit.record(
                session,
                actor_telegram_id=None,
                action="export_poll_answers",
                detail=f"poll {poll_id} (shell)",
                clock=services.clock,
            )
            await session.commit()
            return text

    emit_csv(with_services(body), output, rows_are="answer(s)")


@polls_app.command("close")
def polls_close(poll_id: PollId) -> None:
    """Close a poll now; its author then gets the result."""
    from bot.services import polls

    async def body(services: Services) -> str:
        async with services.db.session() as session:
            poll = await polls.close(session, poll_id, clock=services.clock)
            await session.commit()
        return f"Poll {poll.id} is closed."

    typer.echo(with_services(body))


def _describe(template: FeedbackTemplate) -> str:
    return "\n".join(
        [
            f"Question:  {template.question}",
            f"Options:   {' | '.join(template.options)}",
            f"Comment:   {'yes' if template.allow_comment else 'no'}",
            f"Anonymous: {'yes' if template.anonymous else 'no'}",
            f"Open for:  {template.days} day(s)",
        ]
    )


@polls_app.command("feedback-template")
def polls_feedback_template(
    question: Annotated[
        str | None, typer.Option(help='The question; "{title}" becomes the meeting\'s title.')
    ] = None,
    option: Annotated[
        list[str] | None, typer.Option(help="An answer option (give 2–10 to replace them all).")
    ] = None,
    comment: Annotated[
        bool | None, typer.Option("--comment/--no-comment", help="Ask for a comment.")
    ] = None,
    anonymous: Annotated[
        bool | None, typer.Option("--anonymous/--not-anonymous", help="Anonymous answers.")
    ] = None,
    days: Annotated[int | None, typer.Option(help="Days the poll stays open.")] = None,
) -> None:
    """Show the poll sent after each meeting, or change it with the options given."""
    from bot.services import polls

    async def body(services: Services) -> str:
        async with services.db.session() as session:
            template = await polls.feedback_template(session)
            if (question, option, comment, anonymous, days) == (None, None, None, None, None):
                return _describe(template)
            changed = replace(
                template,
                question=template.question if question is None else question,
                options=tuple(option) if option else template.options,
                allow_comment=template.allow_comment if comment is None else comment,
                anonymous=template.anonymous if anonymous is None else anonymous,
                days=template.days if days is None else days,
            )
            await polls.set_feedback_template(session, changed, actor=None, clock=services.clock)
            await session.commit()
        return "The meeting feedback poll is now:\n" + _describe(changed)

    typer.echo(with_services(body))
