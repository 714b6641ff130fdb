"""The message catalogue: every user-facing string, in Swedish (default) and English."""

from __future__ import annotations

import html
import re
import string
from types import ModuleType

from bot.texts.catalogue import CATALOGUE_MODULES
from bot.texts.moments import (
    Moment,
    WallClock,
    example_dates,
    render_moment,
    render_time,
    render_wall_clock,
    same_day_times,
)

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


def t(key: str, lang: str | None = None, **params: object) -> str:
    """The text for key in lang, with params HTML-escaped unless they are Html."""
    table = CATALOGUE[normalise_language(lang)]
    template = table.get(key) or CATALOGUE[DEFAULT_LANGUAGE][key]
    if "{ex_" in template:  # example dates in a prompt: always ahead of today
        params = {**example_dates(table), **params}
    if not params:
        return template
    if "|" in template:
        template = _PLURAL.sub(lambda match: _plural(match, params), template)
    order = [name for _, name, _, _ in _FORMATTER.parse(template) if name]
    times = same_day_times(order, params)
    safe = {
        name: render_time(value, table)
        if name in times and isinstance(value, Moment)
        else _escape(value, table)
        for name, value in params.items()
    }
    return template.format(**safe)


# "{count|plats|platser}": the singular when the parameter is 1, else the plural.
_PLURAL = re.compile(r"\{(\w+)\|([^|{}]*)\|([^|{}]*)\}")
_FORMATTER = string.Formatter()


def _plural(match: re.Match[str], params: dict[str, object]) -> str:
    name, singular, plural = match.groups()
    value = params[name]
    return singular if str(value).strip() in ("1", "-1") else plural


def _escape(value: object, table: dict[str, str]) -> str:
    if isinstance(value, Html):
        return str(value)
    if isinstance(value, Moment):
        return render_moment(value, table)
    if isinstance(value, WallClock):
        return render_wall_clock(value, table)
    return html.escape(str(value), quote=False)
