"""The names of the profile's sub-regions, areas and umbrella answers in a language."""

from __future__ import annotations

from bot.services.forms.profile import PROFILE_KEY, SUBJECT_AREAS, SUBREGION, UMBRELLA
from bot.texts import t


def subregion_label(code: str, lang: str) -> str:
    """E.g. "Fyrbodal", or "Hela Västra Götaland" for the whole region."""
    return t(f"form_{PROFILE_KEY}_{SUBREGION}_{code}", lang)


def area_label(code: str, lang: str) -> str:
    """E.g. "Social välfärd"."""
    return t(f"form_{PROFILE_KEY}_{SUBJECT_AREAS}_{code}", lang)


def umbrella_label(umbrella: bool, lang: str) -> str:
    """ "Ja" or "Nej"."""
    return t(f"form_{PROFILE_KEY}_{UMBRELLA}_{'yes' if umbrella else 'no'}", lang)
