"""The campaign subjects of funding calls: what the service schedules and the renderers draw.

Each is "<kind>:<call id>"; the renderer of a kind (handlers/) turns it into each
recipient's own message at send time, or into nothing when it is no longer true.
"""

from __future__ import annotations

CARD = "call"  # the announcement card to the funding-calls topic: call:<id>
REMINDER = "call_reminder"  # "Påminn mig" to one user: call_reminder:<id>

KINDS = (CARD, REMINDER)


def card(call_id: int) -> str:
    """The subject of a call's announcement."""
    return f"{CARD}:{call_id}"


def reminder(call_id: int) -> str:
    """The subject of every reminder of a call (each goes to one user)."""
    return f"{REMINDER}:{call_id}"


def parse_call_id(arguments: str) -> int | None:
    """The call id in a subject's arguments (the part after "<kind>:"), or None if malformed."""
    return int(arguments) if arguments.isdigit() else None
