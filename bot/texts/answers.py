"""Rendering an answer: its text, its source line and, when needed, a note on its language."""

from __future__ import annotations

from typing import Protocol

from bot.texts import t


class AnswerSource(Protocol):
    """What an answer is rendered from: a search match (the knowledge index's Match); read-only,
    so the catalogue needs nothing from the services."""

    @property
    def kind(self) -> str:  # "faq" or "passage"
        ...

    @property
    def text(self) -> str: ...

    @property
    def title(self) -> str: ...

    @property
    def section(self) -> str: ...

    @property
    def lang(self) -> str:  # the language of text, title and section
        ...


def source_label(match: AnswerSource, lang: str) -> str:
    """'Title – Section' for a passage; the FAQ's own source, or the FAQ label, otherwise."""
    if match.kind == "faq":
        return match.title or t("answer_faq_source", lang)
    if not match.section or match.section == match.title:
        return match.title
    return f"{match.title} – {match.section}"


def language_note(match: AnswerSource, lang: str) -> str | None:
    """A one-line note when a passage answers in another language than the reader's."""
    if match.kind == "passage" and match.lang != lang:
        return t("answer_source_in_swedish", lang)
    return None


def answer_text(match: AnswerSource, lang: str, *, phrased: str | None = None) -> str:
    """The chat's answer: the passage or FAQ text, its source, and any language note.

    With `phrased` (plain text a language model wrote from the passage) that text replaces the
    passage's, marked as summarised; the source line and the note stay as they are.
    """
    body: str = match.text if phrased is None else t("answer_phrased", lang, text=phrased)
    text = t("answer", lang, text=body, source=source_label(match, lang))
    note = language_note(match, lang)
    return f"{note}\n\n{text}" if note else text
