"""Texts: nominations."""

SV: dict[str, str] = {}

EN: dict[str, str] = {}
