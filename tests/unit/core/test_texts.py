"""The message catalogue: both languages complete, placeholders consistent, escaping."""

from __future__ import annotations

import pkgutil
import string
from collections import Counter

import bot.texts.catalogue as catalogue_package
from bot.texts import CATALOGUE, LANGUAGES, Html, normalise_language, t
from bot.texts.catalogue import CATALOGUE_MODULES


def _placeholders(template: str) -> set[str]:
    # "{count|plats|platser}" chooses a word by the count parameter.
    return {name.split("|")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


def test_swedish_and_english_have_every_key() -> None:
    assert set(CATALOGUE["sv"]) == set(CATALOGUE["en"])


def test_every_catalogue_module_is_merged_and_has_a_docstring() -> None:
    names = {info.name for info in pkgutil.iter_modules(catalogue_package.__path__)}
    assert {module.__name__.rsplit(".", 1)[-1] for module in CATALOGUE_MODULES} == names
    for module in CATALOGUE_MODULES:
        assert module.__doc__ and "\n" not in module.__doc__.strip(), module.__name__


def test_no_key_is_defined_in_two_catalogue_modules() -> None:
    for language in LANGUAGES:
        counts = Counter(
            key for module in CATALOGUE_MODULES for key in getattr(module, language.upper())
        )
        assert [key for key, count in counts.items() if count > 1] == [], language


def test_both_languages_use_the_same_placeholders() -> None:
    for key, swedish in CATALOGUE["sv"].items():
        assert _placeholders(swedish) == _placeholders(CATALOGUE["en"][key]), key


def test_no_text_is_empty() -> None:
    for language, table in CATALOGUE.items():
        for key, text in table.items():
            assert text.strip(), f"{language}:{key}"


def test_parameters_are_escaped_unless_marked_html() -> None:
    assert t("answer", "sv", text="<b>x</b> & y", source="A") == (
        "&lt;b&gt;x&lt;/b&gt; &amp; y\n\n<i>Källa: A</i>"
    )
    assert t("answer", "en", text=Html("<b>x</b>"), source="A").startswith("<b>x</b>")


def test_unknown_languages_fall_back_to_swedish() -> None:
    assert normalise_language("de") == "sv"
    assert normalise_language("en-GB") == "en"
    assert normalise_language(None) == "sv"


def test_every_domain_error_key_has_a_text() -> None:
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    pattern = re.compile(r"DomainError\(\s*\"([a-z_]+)\"")
    raised = {
        key
        for folder in ("bot", "handlers")
        for path in (root / folder).rglob("*.py")
        for key in pattern.findall(path.read_text(encoding="utf-8"))
    }
    assert raised, "the scan found no DomainError at all"
    assert raised - set(CATALOGUE["sv"]) == set()
