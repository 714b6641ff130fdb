"""Texts: common."""

SV: dict[str, str] = {}

EN: dict[str, str] = {}
