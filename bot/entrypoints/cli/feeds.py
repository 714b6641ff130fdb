"""`signbot feeds ...`: RSS/Atom sources from the shell: add, list, remove, poll now."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from bot.entrypoints.cli.support import with_services
from bot.ids import MAX_ID

if TYPE_CHECKING:
    from bot.services.container import Services
    from bot.services.feeds import FeedOutcome

DETAILS = typer.Option("--details", help="Also print the technical detail of each error.")

feeds_app = typer.Typer(
    help="RSS/Atom feeds: funding feeds become calls, news is kept for the digest.",
    no_args_is_help=True,
)


@feeds_app.command("add")
def feeds_add(
    url: Annotated[str, typer.Argument(help="The feed's http(s) address.")],
    kind: Annotated[str, typer.Option(help="funding (become calls) or news (digest).")],
    include: Annotated[
        str, typer.Option(help="Comma-separated words; only items with one of them.")
    ] = "",
    exclude: Annotated[str, typer.Option(help="Comma-separated words; no items with them.")] = "",
    interval: Annotated[
        int | None,
        typer.Option(min=1, help="Minutes between polls (default SIGNBOT_FEED_INTERVAL_MINUTES)."),
    ] = None,
) -> None:
    """Add a feed; it is polled within a minute by the running bot (or `signbot feeds poll`)."""
    from bot.services.feeds import add_feed

    async def body(services: Services) -> int:
        minutes = interval or services.settings.feed_interval_minutes
        async with services.db.session() as session:
            feed = await add_feed(
                session,
                url,
                kind=kind.strip().lower(),
                include=include,
                exclude=exclude,
                interval_seconds=minutes * 60,
                clock=services.clock,
            )
            await session.commit()
            return feed.id

    typer.echo(f"Feed {with_services(body)} added.")


@feeds_app.command("list")
def feeds_list(details: Annotated[bool, DETAILS] = False) -> None:
    """List feeds: id, kind, status, next poll (Stockholm time), items, address, last error."""
    from bot.services.delivery.schedule import show
    from bot.services.feeds import feeds_with_counts
    from bot.services.feeds.words import problem_text

    async def body(services: Services) -> list[str]:
        tz = services.settings.tz
        async with services.db.session() as session:
            found = await feeds_with_counts(session)
        lines = []
        for feed, items in found:
            status = (
                "disabled"
                if feed.disabled
                else f"failing ({feed.failures})"
                if feed.failures
                else "not fetched yet"
                if feed.fetched_at is None
                else "ok"
            )
            line = (
                f"{feed.id:>4}  {feed.kind:<7}  {status:<15}  next {show(feed.next_poll_at, tz)}  "
                f"{items} items  {feed.url}"
            )
            if feed.include_words or feed.exclude_words:
                line += f"\n      include: {feed.include_words or '-'}"
                line += f"; exclude: {feed.exclude_words or '-'}"
            if feed.error_kind:
                problem = problem_text(feed.error_kind, feed.error_status, "en")
                line += f"\n      last error: the feed {problem}"
                if details and feed.last_error:
                    line += f"\n      detail: {feed.last_error}"
            lines.append(line)
        return lines

    lines = with_services(body)
    typer.echo("\n".join(lines) if lines else "No feeds yet.")


@feeds_app.command("remove")
def feeds_remove(
    feed_id: Annotated[int, typer.Argument(help="The feed id.", min=1, max=MAX_ID)],
) -> None:
    """Remove a feed and the items fetched from it (calls made from it stay)."""
    from bot.services.feeds import remove_feed

    async def body(services: Services) -> None:
        async with services.db.session() as session:
            await remove_feed(session, feed_id)
            await session.commit()

    with_services(body)
    typer.echo(f"Feed {feed_id} removed.")


def describe(outcome: FeedOutcome, *, details: bool = False) -> str:
    """One line per polled feed for the terminal, in plain words (the detail on request)."""
    from bot.services.feeds.poller import FAILURES_BEFORE_DISABLE
    from bot.services.feeds.words import problem_text

    head = f"Feed {outcome.feed_id} ({outcome.url}): "
    if outcome.removed:
        return head + "removed meanwhile."
    if outcome.problem:
        state = "disabled" if outcome.failures >= FAILURES_BEFORE_DISABLE else "failing"
        problem = problem_text(outcome.problem.kind, outcome.problem.status, "en")
        line = head + f"the feed {problem} ({state}, {outcome.failures} in a row)."
        if details and outcome.problem.detail:
            line += f"\n      detail: {outcome.problem.detail}"
        return line
    parts = ["not modified"] if outcome.not_modified else [f"{outcome.new_items} new item(s)"]
    if outcome.quiet:
        parts.append(f"{outcome.quiet} kept quiet (over the cap)")
    if outcome.kind == "funding" and not outcome.not_modified:
        parts.append(f"{outcome.calls} new call(s)")
    if outcome.recovered:
        parts.append("works again")
    parts += [f"warning: {warning}" for warning in outcome.warnings]
    return head + "; ".join(parts) + "."


@feeds_app.command("poll")
def feeds_poll(
    feed_id: Annotated[
        int | None, typer.Argument(help="One feed; all feeds if left out.", min=1, max=MAX_ID)
    ] = None,
    details: Annotated[bool, DETAILS] = False,
) -> None:
    """Poll now (disabled feeds too); new funding items become calls and are announced."""
    import httpx

    from bot.services import calls
    from bot.services.feeds import FeedOptions, list_feeds, poll_now

    async def body(services: Services) -> list[FeedOutcome]:
        if feed_id is not None:
            ids = [feed_id]
        else:
            async with services.db.session() as session:
                ids = [feed.id for feed in await list_feeds(session)]
        outcomes = []
        async with httpx.AsyncClient() as client:
            for number in ids:
                outcome = await poll_now(
                    services.db,
                    client,
                    number,
                    convert=calls.create_from_feed_item,
                    clock=services.clock,
                    options=FeedOptions.from_settings(services.settings),
                )
                outcomes.append(outcome)
        return outcomes

    outcomes = with_services(body)
    lines = [describe(o, details=details) for o in outcomes]
    typer.echo("\n".join(lines) if lines else "No feeds yet.")
