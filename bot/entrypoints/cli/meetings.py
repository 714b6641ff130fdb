"""`signbot meetings ...`: dialogue meetings from the shell (times in Stockholm time)."""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from bot.entrypoints.cli.support import EX_DM, EX_ISO, CsvOutput, emit_csv, fail, with_services
from bot.ids import MAX_ID
from bot.timeutil import local

if TYPE_CHECKING:
    from datetime import datetime

    from bot.services.container import Services
    from bot.services.meetings import Unset

meetings_app = typer.Typer(
    help="Dialogue meetings: add, list, edit, move, cancel, announce, export.",
    no_args_is_help=True,
)
CLOCK_ONLY = re.compile(r"^\s*\d{1,2}[:.]\d{2}\s*$")
TIME_HELP = f'Stockholm time, e.g. "{EX_ISO} 13:00" or "{EX_DM} 13:00".'

MeetingId = Annotated[
    int, typer.Argument(help="The meeting id (see `signbot meetings list`).", min=1, max=MAX_ID)
]
Start = Annotated[str, typer.Option(help=f"When it starts: {TIME_HELP}")]
End = Annotated[str, typer.Option(help='When it ends: "15:00" (the same day) or a full time.')]


def _times(services: Services, start: str, end: str) -> tuple[datetime, datetime]:
    from bot.services.delivery import schedule

    tz, now = services.settings.tz, services.clock()
    starts_at = schedule.parse_local(start, now=now, tz=tz)
    if CLOCK_ONLY.match(end):  # "15:00": on the day it starts
        end = f"{local(starts_at, tz):%Y-%m-%d} {end.strip()}"
    return starts_at, schedule.parse_local(end, now=now, tz=tz)


def _when(services: Services, moment: datetime) -> str:
    from bot.services.delivery import schedule

    return schedule.show(moment, services.settings.tz)


@meetings_app.command("add")
def meetings_add(
    title: Annotated[str, typer.Option(help="The meeting's title.")],
    start: Start,
    end: End,
    place: Annotated[str | None, typer.Option(help="Where it is held.")] = None,
    link: Annotated[str | None, typer.Option(help="A link to join online (https://...).")] = None,
    description: Annotated[str, typer.Option(help="What the meeting is about.")] = "",
    deadline: Annotated[
        str | None, typer.Option(help=f"Last time to sign up (default: the start). {TIME_HELP}")
    ] = None,
    capacity: Annotated[int, typer.Option(help="Seats; 0 = unlimited.")] = 0,
    announce: Annotated[
        bool, typer.Option("--announce/--no-announce", help="Invite subscribers at once.")
    ] = True,
) -> None:
    """Create a meeting (with reminders) and invite the subscribers of meetings; prints its id."""
    from bot.services import meetings
    from bot.services.delivery import schedule
    from bot.services.meetings import MeetingDraft, MeetingOptions

    async def body(services: Services) -> str:
        starts_at, ends_at = _times(services, start, end)
        tz = services.settings.tz
        closes = schedule.parse_local(deadline, now=services.clock(), tz=tz) if deadline else None
        draft = MeetingDraft(
            title=title,
            starts_at=starts_at,
            ends_at=ends_at,
            place=place,
            online_url=link,
            description=description,
            signup_deadline=closes,
            capacity=capacity,
        )
        async with services.db.session() as session:
            meeting = await meetings.create(
                session,
                draft,
                created_by=None,
                clock=services.clock,
                options=MeetingOptions.from_settings(services.settings),
                announce=announce,
            )
            await session.commit()
        sent = (
            "the invitation goes to subscribers of meetings"
            if announce
            else f"not announced: `signbot meetings announce {meeting.id}` sends the invitation"
        )
        return f"Meeting {meeting.id} created for {_when(services, meeting.starts_at)}; {sent}."

    typer.echo(with_services(body))


@meetings_app.command("list")
def meetings_list(
    limit: Annotated[int, typer.Option(min=1, help="How many to show.")] = 20,
) -> None:
    """List upcoming meetings with how many are going and waiting."""
    from bot.services import meetings

    async def body(services: Services) -> list[str]:
        async with services.db.session() as session:
            found = await meetings.upcoming(session, clock=services.clock, limit=limit)
            numbers = await meetings.counts(session, [m.id for m in found])
        lines = []
        for meeting in found:
            n = numbers[meeting.id]
            seats = str(meeting.capacity) if meeting.capacity else "unlimited"
            lines.append(
                f"{meeting.id:>4}  {_when(services, meeting.starts_at)}  {meeting.title}  "
                f"going {n.going}/{seats}, waiting {n.waiting}"
            )
        return lines

    lines = with_services(body)
    typer.echo("\n".join(lines) if lines else "No upcoming meetings.")


def _cleared(value: str | None) -> str | Unset | None:
    from bot.services.meetings import UNSET

    if value is None:
        return UNSET
    return value.strip() or None  # "" clears the field


@meetings_app.command("edit")
def meetings_edit(
    meeting_id: MeetingId,
    title: Annotated[str | None, typer.Option(help="A new title.")] = None,
    place: Annotated[str | None, typer.Option(help='A new place ("" removes it).')] = None,
    link: Annotated[str | None, typer.Option(help='A new link ("" removes it).')] = None,
    description: Annotated[str | None, typer.Option(help="A new description.")] = None,
    capacity: Annotated[int | None, typer.Option(help="Seats; 0 = unlimited.")] = None,
    deadline: Annotated[
        str | None, typer.Option(help=f'Last time to sign up ("" = until the start). {TIME_HELP}')
    ] = None,
) -> None:
    """Change a meeting; a new place or link is told to everyone who answered."""
    from bot.services import meetings
    from bot.services.delivery import schedule
    from bot.services.meetings import UNSET, MeetingOptions

    async def body(services: Services) -> str:
        closes: datetime | Unset | None = UNSET
        if deadline is not None:
            tz = services.settings.tz
            text = deadline.strip()
            closes = schedule.parse_local(text, now=services.clock(), tz=tz) if text else None
        async with services.db.session() as session:
            result = await meetings.edit(
                session,
                meeting_id,
                actor=None,
                clock=services.clock,
                options=MeetingOptions.from_settings(services.settings),
                title=UNSET if title is None else title,
                description=UNSET if description is None else description,
                place=_cleared(place),
                online_url=_cleared(link),
                capacity=UNSET if capacity is None else capacity,
                signup_deadline=closes,
            )
            await session.commit()
        told = " Those who answered are told." if result.notified else ""
        promoted = len(result.promoted_user_ids)
        seated = f" {promoted} got a seat from the waiting list." if promoted else ""
        return f"Meeting {meeting_id} updated.{told}{seated}"

    typer.echo(with_services(body))


@meetings_app.command("move")
def meetings_move(meeting_id: MeetingId, start: Start, end: End) -> None:
    """Give a meeting a new time: reminders follow and those who answered are told."""
    from bot.services import meetings
    from bot.services.meetings import MeetingOptions

    async def body(services: Services) -> str:
        starts_at, ends_at = _times(services, start, end)
        async with services.db.session() as session:
            meeting = await meetings.move(
                session,
                meeting_id,
                starts_at=starts_at,
                ends_at=ends_at,
                actor=None,
                clock=services.clock,
                options=MeetingOptions.from_settings(services.settings),
            )
            await session.commit()
        return f"Meeting {meeting_id} moved to {_when(services, meeting.starts_at)}."

    typer.echo(with_services(body))


@meetings_app.command("cancel")
def meetings_cancel(
    meeting_id: MeetingId,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
) -> None:
    """Cancel a meeting: no reminders, and those who answered are told."""
    if not yes:
        if not sys.stdin.isatty():
            fail("Not cancelled: confirm at a terminal, or add --yes.")
        typer.confirm(f"Cancel meeting {meeting_id}?", abort=True)
    from bot.services import meetings

    async def body(services: Services) -> str:
        async with services.db.session() as session:
            meeting = await meetings.cancel(
                session, meeting_id, actor=None, clock=services.clock, tz=services.settings.tz
            )
            await session.commit()
        return f"Meeting {meeting_id} ({meeting.title}) cancelled."

    typer.echo(with_services(body))


@meetings_app.command("announce")
def meetings_announce(meeting_id: MeetingId) -> None:
    """Send the invitation to the subscribers of meetings (once per meeting)."""
    from bot.services import meetings

    async def body(services: Services) -> str:
        async with services.db.session() as session:
            campaign = await meetings.announce(
                session, meeting_id, actor=None, clock=services.clock, tz=services.settings.tz
            )
            await session.commit()
        return (
            f"Meeting {meeting_id} announced (campaign {campaign.id}); `signbot run` delivers it."
        )

    typer.echo(with_services(body))


@meetings_app.command("export")
def meetings_export(
    meeting_id: MeetingId,
    output: CsvOutput = None,
) -> None:
    """The attendee list as CSV: going, then the waiting list in order, then declined."""
    from bot.services import audit, meetings

    async def body(services: Services) -> str:
        async with services.db.session() as session:
            text = await meetings.attendees_csv(session, meeting_id, tz=services.settings.tz)
            await audit.record(
                session,
                actor_telegram_id=None,
                action="export_attendees",
                detail=f"meeting {meeting_id} (shell)",
                clock=services.clock,
            )
            await session.commit()
            return text

    emit_csv(with_services(body), output, rows_are="attendee(s)")
