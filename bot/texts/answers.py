"""Rendering an answer's source line."""

from __future__ import annotations

from bot.services.knowledge.index import Match
from bot.texts import t


def source_label(match: Match, lang: str) -> str:
    """'Title – Section' for a passage; the FAQ's own source, or the FAQ label, otherwise."""
    if match.kind == "faq":
        return match.title or t("answer_faq_source", lang)
    if not match.section or match.section == match.title:
        return match.title
    return f"{match.title} – {match.section}"
