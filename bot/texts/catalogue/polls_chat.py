"""Texts: feedback polls in the chat (cards, /newpoll, /results, /export)."""

SV: dict[str, str] = {}

EN: dict[str, str] = {}
