"""The message catalogue: every user-facing string, in Swedish (default) and English."""

from __future__ import annotations

import html
from types import ModuleType

from bot.texts.catalogue import CATALOGUE_MODULES
from bot.texts.moments import derived_params

LANGUAGES = ("sv", "en")
DEFAULT_LANGUAGE = "sv"


class Html(str):
    """Text that is already Telegram HTML and must not be escaped again."""


def _merge(modules: tuple[ModuleType, ...]) -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
    for module in modules:
        for lang in LANGUAGES:
            table: dict[str, str] = getattr(module, lang.upper())
            clash = merged[lang].keys() & table.keys()
            if clash:
                raise RuntimeError(
                    f"duplicate catalogue keys in {module.__name__}: {sorted(clash)}"
                )
            merged[lang].update(table)
    return merged


CATALOGUE = _merge(CATALOGUE_MODULES)


def normalise_language(code: str | None) -> str:
    """A supported language for a Telegram language code (Swedish when unsure)."""
    if code and code.split("-")[0].lower() in LANGUAGES:
        return code.split("-")[0].lower()
    return DEFAULT_LANGUAGE


def _derived(table: dict[str, str], key: str, params: dict[str, object]) -> dict[str, object]:
    return derived_params(table.get(key) or CATALOGUE[DEFAULT_LANGUAGE][key], table, params)


def t(key: str, lang: str | None = None, **params: object) -> str:
    """The text for key in lang, with params HTML-escaped unless they are Html."""
    table = CATALOGUE[normalise_language(lang)]
    params = _derived(table, key, params)  # example dates, words by count, times in words
    template = table.get(key) or CATALOGUE[DEFAULT_LANGUAGE][key]
    safe = {name: _escape(value) for name, value in params.items()}
    return template.format(**safe) if safe else template


def _escape(value: object) -> str:
    if isinstance(value, Html):
        return str(value)
    return html.escape(str(value), quote=False)
