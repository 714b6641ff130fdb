"""The step registry: what typed text means at each step of a conversation.

A step either takes typed text (``on_text``) or waits for a button (``on_text`` is None):
typed text at a button step gets the step's one-line hint, never the question-and-answer
fallback. A text step may let a question through (its handler returns False): the question
is answered, the step stays live, and ``remind`` asks for the step again.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass

from telegram import Update

from handlers.core.common import Context

# The text handler's answer: False lets the text through as a question; None or True took it.
TextHandler = Callable[[Update, Context, str], Awaitable[bool | None]]
Reminder = Callable[[Update, Context, str], Awaitable[None]]  # (update, context, language)

USE_BUTTONS = "step_use_buttons"


@dataclass(frozen=True)
class Step:
    """One or more step names with what typed text means there."""

    names: tuple[str, ...]
    on_text: TextHandler | None = None  # None: the step waits for a button
    hint: str = USE_BUTTONS  # catalogue key answered to text at a button step
    remind: Reminder | None = None  # asks for the step again after a question it let through
    questions: bool = False  # at a button step, a question is still answered (the step stays)

    @property
    def waits_for_button(self) -> bool:
        return self.on_text is None


def registry(steps: Iterable[Step]) -> dict[str, Step]:
    """Step name -> its Step; a name declared twice is a programming error."""
    found: dict[str, Step] = {}
    for step in steps:
        for name in step.names:
            if name in found:
                raise ValueError(f"step {name!r} is declared twice")
            found[name] = step
    return found


# The first words of a question typed without its question mark ("vad är IOP").
QUESTION_WORDS = frozenset(
    [
        "vad",
        "vem",
        "vems",
        "vilka",
        "vilken",
        "vilket",
        "hur",
        "när",
        "var",
        "varför",
        "vart",
        "finns",
        "kan",
        "får",
        "what",
        "who",
        "whose",
        "which",
        "how",
        "when",
        "where",
        "why",
    ]
)


def looks_like_question(text: str) -> bool:
    """A question mark at the end, a question word first, or a sentence too long to be a name
    or a short answer."""
    words = text.split()
    if not words:
        return False
    first = words[0].lower().strip(",.!:;")
    return text.rstrip().endswith("?") or first in QUESTION_WORDS or len(words) > 5
