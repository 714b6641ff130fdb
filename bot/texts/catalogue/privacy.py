"""Texts: privacy."""

SV: dict[str, str] = {}

EN: dict[str, str] = {}
