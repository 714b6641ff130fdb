"""Texts: knowledge."""

SV: dict[str, str] = {}

EN: dict[str, str] = {}
