"""The 49 municipalities of Västra Götaland by sub-region, and finding one from typed text."""

from __future__ import annotations

import difflib
import unicodedata

from bot.models import SubRegion

MUNICIPALITIES: dict[SubRegion, tuple[str, ...]] = {
    SubRegion.FYRBODAL: (
        "Bengtsfors",
        "Dals-Ed",
        "Färgelanda",
        "Lysekil",
        "Mellerud",
        "Munkedal",
        "Orust",
        "Sotenäs",
        "Strömstad",
        "Tanum",
        "Trollhättan",
        "Uddevalla",
        "Vänersborg",
        "Åmål",
    ),
    SubRegion.GOTEBORGSREGIONEN: (
        "Ale",
        "Alingsås",
        "Göteborg",
        "Härryda",
        "Kungälv",
        "Lerum",
        "Lilla Edet",
        "Mölndal",
        "Partille",
        "Stenungsund",
        "Tjörn",
        "Öckerö",
    ),
    SubRegion.SJUHARAD: (
        "Bollebygd",
        "Borås",
        "Herrljunga",
        "Mark",
        "Svenljunga",
        "Tranemo",
        "Ulricehamn",
        "Vårgårda",
    ),
    SubRegion.SKARABORG: (
        "Essunga",
        "Falköping",
        "Grästorp",
        "Gullspång",
        "Götene",
        "Hjo",
        "Karlsborg",
        "Lidköping",
        "Mariestad",
        "Skara",
        "Skövde",
        "Tibro",
        "Tidaholm",
        "Töreboda",
        "Vara",
    ),
}
# Sorted the Swedish way is close enough to Python's for these names (å, ä, ö sort last).
ALL_MUNICIPALITIES: tuple[str, ...] = tuple(
    sorted((name for names in MUNICIPALITIES.values() for name in names), key=str.casefold)
)
# Stored instead of all 49 names when an organisation works in the whole region.
WHOLE_REGION = "*"
_SUBREGION_OF = {name: region for region, names in MUNICIPALITIES.items() for name in names}


def _fold(text: str) -> str:
    """Lower case without accents, so "Gote" finds Göteborg and "Boras" Borås."""
    decomposed = unicodedata.normalize("NFKD", " ".join(text.split()).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_FOLDED = {_fold(name): name for name in ALL_MUNICIPALITIES}


def subregion_of(municipality: str) -> SubRegion:
    """The sub-region a municipality belongs to."""
    return _SUBREGION_OF[municipality]


def find(text: str) -> list[str]:
    """Municipalities matching the typed text: the exact one, those it begins, or near misses."""
    folded = _fold(text).removesuffix(" kommun").removesuffix(" stad")
    if not folded:
        return []
    if folded in _FOLDED:
        return [_FOLDED[folded]]
    starting = [name for key, name in _FOLDED.items() if key.startswith(folded)]
    if starting:
        return starting
    close = difflib.get_close_matches(folded, list(_FOLDED), n=3, cutoff=0.75)
    return [_FOLDED[key] for key in close]
