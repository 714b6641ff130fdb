"""Texts: dialogue meetings (cards, sign-up, waiting list, reminders, staff tools)."""

SV: dict[str, str] = {}

EN: dict[str, str] = {}
