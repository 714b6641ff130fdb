"""Texts: staff."""

SV: dict[str, str] = {}

EN: dict[str, str] = {}
