"""Domain errors that carry a user-facing message key, translated in one place."""

from __future__ import annotations


class DomainError(Exception):
    """A rule of the domain was broken; key names the catalogue text shown to the user."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params
