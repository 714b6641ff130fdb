"""The message catalogue: every user-facing string, in Swedish (default) and English."""

from __future__ import annotations

import html
from types import ModuleType

import nh3

from bot.texts.catalogue import CATALOGUE_MODULES
from bot.texts.moments import derived_params

LANGUAGES = ("sv", "en")
DEFAULT_LANGUAGE = "sv"


class Html(str):
    """Text that is already Telegram HTML and must not be escaped again."""

    def __html__(self) -> str:
        # The markupsafe protocol: Jinja templates (the digest) take it as it is too.
        return str(self)


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
    """The text for key in lang, with params HTML-escaped unless they are already HTML.

    The result is an Html (typed as str, so callers may mix it with plain strings): a text
    built from other catalogue texts escapes none of them twice.
    """
    table = CATALOGUE[normalise_language(lang)]
    params = _derived(table, key, params)  # example dates, words by count, times in words
    template = table.get(key) or CATALOGUE[DEFAULT_LANGUAGE][key]
    safe = {name: as_html(value) for name, value in params.items()}
    return Html(template.format(**safe) if safe else template)


def label(key: str, lang: str | None = None, **params: object) -> str:
    """The text for key as plain text, for a button: Telegram shows button labels as typed."""
    return html.unescape(t(key, lang, **params))


def plain_text(fragment: str) -> str:
    """An HTML fragment (a feed's title) as the text it shows: tags dropped, entities read.

    Plain text comes back unchanged, so a title of either kind can be escaped as plain text.
    """
    return html.unescape(nh3.clean(fragment, tags=set()))


def as_html(value: object) -> str:
    """Plain text escaped; Html and markupsafe Markup (anything with __html__) kept as is."""
    markup = getattr(value, "__html__", None)
    if callable(markup):
        return str(markup())
    return html.escape(str(value), quote=False)
