"""Texts: newsletter digests in the chat (/digest, digest settings)."""

SV: dict[str, str] = {}

EN: dict[str, str] = {}
