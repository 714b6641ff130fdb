"""Splitting long messages, and log records that never carry the token."""

from __future__ import annotations

import logging

import pytest

from bot.logging_setup import RedactSecrets
from bot.texts.split import split_message, visible_length

TOKEN = "123456:SECRET"


def test_short_text_is_one_part() -> None:
    assert split_message("hej") == ["hej"]


def test_long_text_splits_at_paragraphs_within_the_limit() -> None:
    paragraphs = [f"<b>Stycke {i}</b> " + "ord " * 300 for i in range(6)]
    parts = split_message("\n\n".join(paragraphs))
    assert len(parts) > 1
    assert all(visible_length(part) <= 4096 for part in parts)
    assert all(part.count("<b>") == part.count("</b>") for part in parts)
    assert "".join(parts).replace("\n", "") == "".join(paragraphs).replace("\n", "")


def test_a_single_huge_paragraph_is_still_split() -> None:
    parts = split_message("a " * 5000)
    assert len(parts) == 3
    assert all(visible_length(part) <= 4096 for part in parts)


def test_visible_length_counts_utf16_and_ignores_tags() -> None:
    assert visible_length("<b>😀</b> &amp;") == 4


def test_the_token_is_redacted_from_messages_and_tracebacks(
    caplog: pytest.LogCaptureFixture,
) -> None:
    logger = logging.getLogger("test-redaction")
    caplog.handler.addFilter(RedactSecrets([TOKEN]))
    try:
        raise RuntimeError(f"POST https://api.telegram.org/bot{TOKEN}/getUpdates failed")
    except RuntimeError:
        logger.exception("request to %s failed", f"/bot{TOKEN}/getMe")
    assert TOKEN not in caplog.text
    assert "***" in caplog.text
