"""The campaign subjects of meetings: what the service schedules and the renderers draw.

Each is "<kind>:<arguments>"; the renderer of a kind (handlers/) turns it into each
recipient's own message at send time, or into nothing when it is no longer true.
"""

from __future__ import annotations

from dataclasses import dataclass

CARD = "meeting"  # the announcement card: meeting:<id>
REMINDER = "meeting_reminder"  # meeting_reminder:<id>:<version>:<minutes before>
CHANGED = "meeting_changed"  # meeting_changed:<id>:<version>
CANCELLED = "meeting_cancelled"  # meeting_cancelled:<id>
PROMOTED = "meeting_promoted"  # meeting_promoted:<id>  (to the promoted user only)

KINDS = (CARD, REMINDER, CHANGED, CANCELLED, PROMOTED)


def card(meeting_id: int) -> str:
    return f"{CARD}:{meeting_id}"


def reminder(meeting_id: int, version: int, minutes: int) -> str:
    return f"{REMINDER}:{meeting_id}:{version}:{minutes}"


def reminder_prefix(meeting_id: int) -> str:
    """What every reminder subject of this meeting starts with (to find and cancel them)."""
    return f"{REMINDER}:{meeting_id}:"


def changed(meeting_id: int, version: int) -> str:
    return f"{CHANGED}:{meeting_id}:{version}"


def cancelled(meeting_id: int) -> str:
    return f"{CANCELLED}:{meeting_id}"


def promoted(meeting_id: int) -> str:
    return f"{PROMOTED}:{meeting_id}"


@dataclass(frozen=True)
class SubjectArgs:
    """The numbers after the kind: the meeting id, then version and minutes where present."""

    meeting_id: int
    version: int | None = None
    minutes: int | None = None


def parse_arguments(arguments: str) -> SubjectArgs | None:
    """The arguments of a meeting subject (the part after "<kind>:"), or None if malformed."""
    parts = arguments.split(":")
    if not parts or not all(p.isdigit() for p in parts) or len(parts) > 3:
        return None
    numbers = [int(p) for p in parts]
    return SubjectArgs(
        numbers[0],
        numbers[1] if len(numbers) > 1 else None,
        numbers[2] if len(numbers) > 2 else None,
    )
