"""Texts: newsletter digests (the digest itself and its sections)."""

SV: dict[str, str] = {}

EN: dict[str, str] = {}
