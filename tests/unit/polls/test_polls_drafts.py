"""The rules of a poll draft."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from bot.errors import DomainError
from bot.services.polls import validate
from tests.unit.polls.test_polls_support import NOW, draft


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"question": "   "}, "poll_question_missing"),
        ({"question": "x" * 301}, "poll_question_too_long"),
        ({"options": ("Ja",)}, "poll_options_count"),
        ({"options": ("Ja", "  ", "")}, "poll_options_count"),
        ({"options": tuple(str(n) for n in range(11))}, "poll_options_count"),
        ({"options": ("Ja", "x" * 101)}, "poll_option_too_long"),
        ({"options": ("Ja", "ja ")}, "poll_options_duplicate"),
        ({"closes_at": NOW}, "poll_closes_in_past"),
        ({"closes_at": NOW - timedelta(hours=1)}, "poll_closes_in_past"),
    ],
)
def test_a_broken_rule_is_named(changes: dict[str, Any], key: str) -> None:
    with pytest.raises(DomainError) as raised:
        validate(draft(**changes), now=NOW)
    assert raised.value.key == key


def test_valid_drafts_pass() -> None:
    validate(draft(), now=NOW)
    validate(draft(options=tuple(str(n) for n in range(10))), now=NOW)
    validate(draft(options=("Ja", "x" * 100), closes_at=NOW + timedelta(minutes=1)), now=NOW)
