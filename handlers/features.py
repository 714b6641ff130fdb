"""The feature packages, in the order their handlers are registered.

Adding a feature: a package under handlers/ with a ``routes`` module declaring ``FEATURE``,
and one line here.
"""

from __future__ import annotations

import importlib
from functools import cache

from handlers.core.registry import Feature, Registry

FEATURES = (
    "onboarding",
    "settings",
    "questions",
    "staff",
    "broadcast",
    "feeds",
    "calls",
    "meetings",
    "digest",
    "polls",
    "nominations",
    "stats",
    "forms",
    "privacy",
)


@cache
def load() -> Registry:
    """Every feature's declarations (importing a feature registers its callback actions)."""
    features: list[Feature] = []
    for name in FEATURES:
        module = importlib.import_module(f"handlers.{name}.routes")
        features.append(module.FEATURE)
    return Registry(tuple(features))


def menu(*, staff: bool) -> tuple[str, ...]:
    """The command menu's names: the member entries, then for staff the staff entries."""
    registry = load()
    members = registry.menu(staff=False)
    return members + registry.menu(staff=True) if staff else members
