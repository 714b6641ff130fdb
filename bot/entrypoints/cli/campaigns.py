"""`signbot broadcast ...` and `signbot campaigns ...`: campaigns from the shell."""

from __future__ import annotations

import html
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from bot.entrypoints.cli.support import CLI_LANGUAGE, fail, with_services
from bot.ids import MAX_ID

if TYPE_CHECKING:
    from datetime import datetime

    from bot.models import Topic
    from bot.services.container import Services

campaigns_app = typer.Typer(
    help="Recent campaigns; pause, resume or cancel one.", invoke_without_command=True
)


def _topic(name: str | None, spec: str) -> Topic:
    from bot.errors import DomainError
    from bot.models import Topic
    from bot.services.delivery import staff

    if name is None:
        return staff.topic_for(spec)
    if name.lower() not in {t.value for t in Topic}:
        raise DomainError("audience_topic_unknown", topic=name)
    return Topic(name.lower())


def broadcast(
    text: Annotated[str, typer.Option(help="The message, in Telegram HTML.")],
    audience_spec: Annotated[
        str,
        typer.Option("--audience", help="all, subregion:NAME, umbrella, topic:TOPIC or org:ID."),
    ] = "all",
    topic: Annotated[
        str | None, typer.Option(help="The push topic (default: announcements).")
    ] = None,
    at: Annotated[
        str | None,
        typer.Option(help="When to send, ISO 8601; Stockholm time unless it has an offset."),
    ] = None,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
) -> None:
    """Send a campaign to an audience now or at a time; prints its id."""
    from bot.services.delivery import audience, schedule, staff

    async def check(services: Services) -> tuple[str, Topic, datetime | None, int]:
        spec = audience.parse(audience_spec).spec
        chosen = _topic(topic, spec)
        tz = services.settings.tz
        due = schedule.parse_iso(at, now=services.clock(), tz=tz) if at else None
        async with services.db.session() as session:
            count = await staff.recipients(session, spec, topic=chosen)
        return spec, chosen, due, count

    spec, chosen, due, count = with_services(check)

    async def when(services: Services) -> str:
        return "now" if due is None else schedule.show(due, services.settings.tz)

    typer.echo(f"{count} recipients ({spec}, topic {chosen.value}); sends {with_services(when)}.")
    if not yes:
        if not sys.stdin.isatty():
            fail("Not sent: confirm at a terminal, or add --yes.")
        typer.confirm("Send it?", abort=True)

    async def create(services: Services) -> int:
        async with services.db.session() as session:
            campaign = await staff.record(
                session,
                staff.Draft(text),
                audience_spec=spec,
                created_by=None,
                clock=services.clock,
                due_at=due,
                topic=chosen,
            )
            await session.commit()
            return campaign.id

    typer.echo(f"Campaign {with_services(create)} recorded; `signbot run` delivers it.")


@campaigns_app.callback()
def campaigns_list(
    context: typer.Context,
    limit: Annotated[int, typer.Option(min=1, help="How many to show.")] = 10,
) -> None:
    """List recent campaigns with their counts (newest first), each named by what it is."""
    if context.invoked_subcommand is not None:
        return
    from bot.services import campaign_labels
    from bot.services.delivery import campaigns, schedule

    async def body(services: Services) -> list[str]:
        tz = services.settings.tz
        lines = []
        async with services.db.session() as session:
            found = await campaigns.recent(session, limit=limit)
            for c, n in found:
                # Labels are Telegram HTML; the terminal gets them as plain text.
                title = html.unescape(await campaign_labels.title(session, c, CLI_LANGUAGE, tz))
                to = html.unescape(
                    await campaign_labels.audience_label(session, c.audience, CLI_LANGUAGE)
                )
                lines.append(
                    f"{c.id:>4}  {c.status.value:<9}  {schedule.show(c.due_at, tz)}  "
                    f"{title} -> {to} ({c.audience})  "
                    f"sent {n.sent}, pending {n.pending}, failed {n.failed}, skipped {n.skipped}"
                )
        return lines

    lines = with_services(body)
    typer.echo("\n".join(lines) if lines else "No campaigns yet.")


def _act(campaign_id: int, action: str) -> None:
    from bot.errors import DomainError
    from bot.services.delivery import staff
    from bot.texts import t

    async def body(services: Services) -> None:
        async with services.db.session() as session:
            try:
                if action == "paused":
                    await staff.pause(session, campaign_id, actor=None, clock=services.clock)
                elif action == "resumed":
                    await staff.resume(session, campaign_id, actor=None, clock=services.clock)
                else:
                    await staff.cancel(session, campaign_id, actor=None, clock=services.clock)
            except DomainError as error:
                # The chat's wording names no id (staff there see titles); the shell's does.
                fail(f"Campaign {campaign_id}: {t(error.key, CLI_LANGUAGE, **error.params)}")
            await session.commit()

    with_services(body)
    typer.echo(f"Campaign {campaign_id} {action}.")


@campaigns_app.command("pause")
def campaigns_pause(
    campaign_id: Annotated[int, typer.Argument(help="The campaign id.", min=1, max=MAX_ID)],
) -> None:
    """Pause a scheduled or running campaign."""
    _act(campaign_id, "paused")


@campaigns_app.command("resume")
def campaigns_resume(
    campaign_id: Annotated[int, typer.Argument(help="The campaign id.", min=1, max=MAX_ID)],
) -> None:
    """Resume a paused campaign where it stopped."""
    _act(campaign_id, "resumed")


@campaigns_app.command("cancel")
def campaigns_cancel(
    campaign_id: Annotated[int, typer.Argument(help="The campaign id.", min=1, max=MAX_ID)],
) -> None:
    """Cancel a campaign: whoever has not got it yet never will."""
    _act(campaign_id, "cancelled")
