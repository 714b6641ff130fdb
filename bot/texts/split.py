"""Splitting long Telegram-HTML texts at paragraph boundaries."""

from __future__ import annotations

import re

TELEGRAM_TEXT_LIMIT = 4096
_TAG = re.compile(r"<[^>]+>")


def visible_length(html_text: str) -> int:
    """The length Telegram counts: the text without tags, entities unescaped (roughly)."""
    plain = _TAG.sub("", html_text)
    plain = re.sub(r"&(lt|gt|amp|quot|#\d+);", "x", plain)
    return len(plain.encode("utf-16-le")) // 2


def split_message(html_text: str, limit: int = TELEGRAM_TEXT_LIMIT) -> list[str]:
    """Split at paragraph breaks, then line breaks, then spaces, so each part fits the limit.

    The bot's texts keep each tag inside one paragraph, so a paragraph boundary never splits a tag.
    """
    if visible_length(html_text) <= limit:
        return [html_text]
    parts: list[str] = []
    current = ""
    for piece in _pieces(html_text, limit):
        candidate = f"{current}\n\n{piece}" if current else piece
        if visible_length(candidate) <= limit:
            current = candidate
        else:
            parts.append(current)
            current = piece
    if current:
        parts.append(current)
    return parts


def _pieces(text: str, limit: int) -> list[str]:
    pieces: list[str] = []
    for paragraph in text.split("\n\n"):
        if visible_length(paragraph) <= limit:
            pieces.append(paragraph)
            continue
        pieces.extend(_hard_split(paragraph, limit))
    return pieces


def _hard_split(paragraph: str, limit: int) -> list[str]:
    chunks: list[str] = []
    current = ""
    for word in re.split(r"(?<=\s)", paragraph):
        if visible_length(current + word) > limit and current:
            chunks.append(current.rstrip())
            current = ""
        while visible_length(word) > limit:
            chunks.append(word[:limit])
            word = word[limit:]
        current += word
    if current.strip():
        chunks.append(current.rstrip())
    return chunks
