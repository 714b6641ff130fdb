"""`signbot review`: the review queue (declined questions and answers marked 👎), newest first."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated, Any

import typer

from bot.entrypoints.cli.support import with_services

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from bot.services.container import Services
    from bot.services.review_queue import ReviewItem, ReviewPage

KIND_LABELS = {"declined": "declined", "disliked": "thumbs down"}


def item_data(item: ReviewItem) -> dict[str, Any]:
    """One item as JSON-ready data (UTC times, ISO 8601)."""
    source = item.source
    return {
        "question_id": item.question_id,
        "kind": item.kind,
        "asked_at": item.asked_at.isoformat(),
        "asker": item.asker,
        "question": item.question,
        "handed_over": item.handed_over,
        "source": None
        if source is None
        else {"kind": source.kind, "title": source.title, "section": source.section},
    }


def _source_text(item: ReviewItem) -> str:
    source = item.source
    if source is None:
        return "(source removed)"
    if source.kind == "faq":
        return f"FAQ entry{': ' + source.title if source.title else ''}"
    return " – ".join(part for part in (source.title, source.section) if part)


def report(page: ReviewPage, tz: ZoneInfo) -> str:
    """The queue as plain text for the terminal."""
    from bot.services.delivery import schedule

    if not page.items:
        return "Nothing to review."
    lines = [f"To review: {page.total} question(s), newest first."]
    for item in page.items:
        asker = item.asker if item.asker is not None else "(deleted user)"
        handed = ", sent to staff" if item.handed_over else ""
        lines.append(
            f"#{item.question_id}  {schedule.show(item.asked_at, tz)}  "
            f"{KIND_LABELS[item.kind]}{handed}  {asker}: {item.question}"
        )
        if item.kind == "disliked":
            lines.append(f"    answered from: {_source_text(item)}")
    if page.has_more:
        lines.append(f"… and {page.total - len(page.items)} more (see --limit)")
    return "\n".join(lines)


def review(
    limit: Annotated[int, typer.Option(min=1, help="Show at most this many items.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="The queue as one JSON object.")] = False,
) -> None:
    """The review queue: questions the bot declined and answers marked 👎, newest first."""
    from bot.services import review_queue

    async def body(services: Services) -> tuple[ReviewPage, ZoneInfo]:
        async with services.db.session() as session:
            return await review_queue.review_queue(session, limit=limit), services.settings.tz

    page, tz = with_services(body)
    if as_json:
        data = {"total": page.total, "items": [item_data(item) for item in page.items]}
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    typer.echo(report(page, tz))
