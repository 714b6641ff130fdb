"""Texts: onboarding."""

SV: dict[str, str] = {}

EN: dict[str, str] = {}
