"""Thanks, greetings and acknowledgements are told apart from questions."""

from __future__ import annotations

import pytest

from bot.services.smalltalk import SmallTalk, recognise


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("tack", SmallTalk.THANKS),
        ("Tusen tack för hjälpen!", SmallTalk.THANKS),
        ("hej och tack!", SmallTalk.THANKS),
        ("thank you so much", SmallTalk.THANKS),
        ("Hej!", SmallTalk.GREETING),
        ("god morgon", SmallTalk.GREETING),
        ("hello", SmallTalk.GREETING),
        ("ok", SmallTalk.ACKNOWLEDGED),
        ("👍", SmallTalk.ACKNOWLEDGED),
        (":)", SmallTalk.ACKNOWLEDGED),
        ("tack, men när är nästa möte", None),
        ("tack?", None),
        ("så mycket", None),
        ("Hej Erica", None),
        ("IOP", None),
        ("", None),
    ],
)
def test_small_talk_is_told_apart_from_questions(message: str, kind: SmallTalk | None) -> None:
    assert recognise(message) is kind
