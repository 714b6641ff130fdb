"""Messages that are not questions: thanks, a greeting, an "ok" or a thumbs-up.

"tack för hjälpen!" answered with "Det vet jag tyvärr inte … Vill du att jag skickar frågan
till en handläggare?" is a dead end, and fills the review queue with thanks. A message made
only of such words (and emoji) gets a short friendly reply instead; anything else in it
("tack, men när är nästa möte?") makes it a question.
"""

from __future__ import annotations

import enum
import re
import unicodedata

from bot.services.knowledge.analyzer import word_list


class SmallTalk(enum.StrEnum):
    THANKS = "thanks"
    GREETING = "greeting"
    ACKNOWLEDGED = "acknowledged"


_WORDS: dict[SmallTalk, frozenset[str]] = {
    SmallTalk.THANKS: frozenset(
        word_list(
            "tack tacka tackar tusen så mycket jättemycket hjälpen svaret snälla vänligt för det"
            " thanks thank you very much so lot a for the help thx tnx"
        )
    ),
    SmallTalk.GREETING: frozenset(
        word_list(
            "hej hejsan hallå tjena tja hallåj god morgon middag kväll dag"
            " hi hello hey good morning afternoon evening there"
        )
    ),
    SmallTalk.ACKNOWLEDGED: frozenset(
        word_list(
            "ok okej okey okay oki japp ja jaha aha precis bra toppen perfekt fint kanon super"
            " great fine cool nice alright yes got it uppfattat förstår förstått"
        )
    ),
}
# The word that must be there for each kind ("så mycket" alone thanks nobody).
_KEYS: dict[SmallTalk, frozenset[str]] = {
    SmallTalk.THANKS: frozenset(word_list("tack tacka tackar thanks thank thx tnx")),
    SmallTalk.GREETING: frozenset(
        word_list("hej hejsan hallå tjena tja hallåj hi hello hey morgon")
    ),
    SmallTalk.ACKNOWLEDGED: _WORDS[SmallTalk.ACKNOWLEDGED],
}
# What may stand beside the key word: its kind's words, a greeting, and a few small ones.
_ALLOWED: dict[SmallTalk, frozenset[str]] = {
    kind: words | _WORDS[SmallTalk.GREETING] | {"och", "and", "så", "du", "ni"}
    for kind, words in _WORDS.items()
}
_WORD = re.compile(r"[^\W\d_]+")
MAX_WORDS = 8  # longer than this, a message says something


def recognise(message: str) -> SmallTalk | None:
    """What kind of small talk a message is, or None when it may ask something."""
    if "?" in message:
        return None
    words = _WORD.findall(message.casefold())
    if len(words) > MAX_WORDS:
        return None
    if not words:
        return SmallTalk.ACKNOWLEDGED if _only_symbols(message) else None
    for kind in SmallTalk:  # thanks first: "hej och tack!" thanks
        if set(words) <= _ALLOWED[kind] and not _KEYS[kind].isdisjoint(words):
            return kind
    return None


def _only_symbols(message: str) -> bool:
    """👍, 🙏, :) — emoji and punctuation only, at least one of them."""
    kept = [char for char in message if not char.isspace()]
    return bool(kept) and all(unicodedata.category(char)[0] in "SP" for char in kept)
