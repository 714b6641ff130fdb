"""Texts: dialogue meetings in the chat (cards, /meetings, /newmeeting, staff controls)."""

SV: dict[str, str] = {}

EN: dict[str, str] = {}
