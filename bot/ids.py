"""Ids typed by people or carried in buttons: digits only, within the database's range.

Every table's id is a 32-bit integer on PostgreSQL; SQLite refuses anything past 64 bits with
OverflowError. "/attendees 99999999999999999999" or a forged button must get the ordinary
"not found" answer instead, so ids are checked where they are parsed.
"""

from __future__ import annotations

MAX_ID = 2**31 - 1  # PostgreSQL integer: every primary key
MAX_KEY = 2**63 - 1  # PostgreSQL bigint: question keys, Telegram ids


def parse_id(text: str, *, maximum: int = MAX_ID, minimum: int = 1) -> int | None:
    """The id a text spells (ASCII digits, minimum..maximum), or None."""
    # isdigit() alone accepts "²" and "٣", which int() then refuses or reads unexpectedly.
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(maximum)):
        return None
    number = int(text)
    return number if minimum <= number <= maximum else None
