"""Texts: funding calls (utlysningar): cards, /calls, reminders, staff tools."""

SV: dict[str, str] = {}

EN: dict[str, str] = {}
