"""`signbot stats`: the follow-up figures from the organisation profiles, with CSVs and chart."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from bot.entrypoints.cli.support import CLI_LANGUAGE, emit_csv, fail, with_services
from bot.timeutil import local

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from bot.services import followup
    from bot.services.container import Services

MUNICIPALITIES_SHOWN = 15


def _date(found: followup.FollowUp, tz: ZoneInfo) -> str:
    if found.oldest is None or found.newest is None:
        return "No profiles yet."
    return f"Profiles sent {local(found.oldest, tz):%Y-%m-%d} – {local(found.newest, tz):%Y-%m-%d}."


def _table(rows: list[tuple[str, int]]) -> list[str]:
    width = max((len(label) for label, _ in rows), default=0)
    return [f"  {label:<{width}}  {count:>7}" for label, count in rows]


def report(found: followup.FollowUp, tz: ZoneInfo) -> str:
    """The figures as plain English text for the terminal."""
    from bot.services import followup

    lang = CLI_LANGUAGE
    share = f"{100 * found.profile_share:.0f}"
    lines = [
        f"Signatories: {found.organisations}; with a profile: {found.profiles} ({share} %); "
        f"missing: {len(found.missing)}.",
        _date(found, tz),
        "",
        "Organisations per sub-region:",
        *_table([(followup.subregion_label(c, lang), n) for c, n in found.by_subregion.items()]),
        "Organisations per area:",
        *_table([(followup.area_label(a, lang), n) for a, n in found.by_area.items()]),
        f"Members in all: {found.members}",
        "Members per area (an organisation counts its members in every area it names):",
        *_table([(followup.area_label(a, lang), n) for a, n in found.members_by_area.items()]),
        f"Umbrella bodies: {found.umbrella} of {found.profiles} profiles "
        f"({100 * found.umbrella_share:.0f} %)",
        "Organisations per municipality (most first):",
        *_table(list(found.by_municipality.items())[:MUNICIPALITIES_SHOWN]),
    ]
    hidden = len(found.by_municipality) - MUNICIPALITIES_SHOWN
    if hidden > 0:
        lines.append(f"  … and {hidden} more (see --figures)")
    lines.append(f"Active in all of Västra Götaland: {found.whole_region}")
    if found.missing:
        lines += [f"No profile yet ({len(found.missing)}): " + ", ".join(found.missing)]
    return "\n".join(lines)


def stats(
    output: Annotated[
        Path | None, typer.Option(help="Write the CSV with one row per organisation here.")
    ] = None,
    figures: Annotated[
        Path | None, typer.Option(help="Write the figures as a CSV table here.")
    ] = None,
    chart: Annotated[Path | None, typer.Option(help="Draw the chart into this PNG file.")] = None,
) -> None:
    """Follow-up figures from the organisation profiles; optionally CSVs and the chart."""
    from bot.services import followup

    async def body(services: Services) -> tuple[followup.FollowUp, ZoneInfo]:
        async with services.db.session() as session:
            return await followup.follow_up(session), services.settings.tz

    found, tz = with_services(body)
    typer.echo(report(found, tz))
    if output is not None:
        text = followup.organisations_csv(found, tz=tz, lang=CLI_LANGUAGE)
        emit_csv(text, output, rows_are="organisation(s)")
    if figures is not None:
        emit_csv(
            followup.figures_csv(found, tz=tz, lang=CLI_LANGUAGE), figures, rows_are="figure(s)"
        )
    if chart is not None:
        png = followup.chart_png(found, labels=followup.chart_labels(found, CLI_LANGUAGE))
        try:
            chart.write_bytes(png)
        except OSError as error:
            fail(f"Cannot write {chart}: {error.__class__.__name__}")
        typer.echo(f"Wrote the chart to {chart}.")
