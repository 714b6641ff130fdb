"""Texts: feedback polls (service errors, results, CSV, the meeting feedback template)."""

SV: dict[str, str] = {}

EN: dict[str, str] = {}
