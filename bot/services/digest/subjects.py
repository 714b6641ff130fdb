"""The campaign subject of a digest edition: "digest:<edition id>", rendered per reader."""

from __future__ import annotations

SUBJECT = "digest"


def subject(edition_id: int) -> str:
    """The subject of an edition's campaign."""
    return f"{SUBJECT}:{edition_id}"


def parse_edition_id(arguments: str) -> int | None:
    """The edition id in a subject's arguments (the part after "digest:"), or None if malformed."""
    return int(arguments) if arguments.isdigit() else None
