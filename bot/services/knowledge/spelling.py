"""Question words the index does not know, read as the index word they most likely mean.

Two steps, both against the words of the knowledge base (and the stop words): missing
diacritics are restored (overenskommelsen → överenskommelsen, manga → många), then a word
that is still unknown and is no real Swedish word is corrected to the most frequent index
word within one or two edits (kommunikatoinen → kommunikationen). Real words are left alone.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Set

import simplemma
from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.services.knowledge.analyzer import QUANTITY_WORDS, STOP_WORDS, fold

MIN_FUZZY = 4  # shorter words are too easily another word
LONG_WORD = 8  # words this long may have two edits
MAX_CORRECTED = 20  # unknown words looked up per question (a pasted text is not corrected)
NEAREST_CACHED = 10_000  # words looked up and remembered, then forgotten all at once
_WORD = re.compile(r"[^\W\d_]+")


class Speller:
    """Restores diacritics and corrects typos of question tokens against an index vocabulary."""

    def __init__(
        self,
        counts: Counter[str],
        *,
        known: Callable[[str], bool] = lambda token: False,
        keep: Set[str] = frozenset(),
    ) -> None:
        # `counts`: how often each token occurs in the knowledge base (stop words included);
        # `known`: whether the index knows a token otherwise (its stem, a compound of its words).
        self.counts = counts
        self.known = known
        self.keep = keep
        words = Counter(counts)
        for word in STOP_WORDS | QUANTITY_WORDS:
            words[word] += 1
        self.words = frozenset(words)
        best: dict[str, tuple[int, str]] = {}
        for word, count in words.items():
            if word.isalpha():
                key = fold(word)
                if best.get(key, (-1, ""))[0] < count:
                    best[key] = (count, word)
        self.folded = {key: word for key, (_, word) in best.items()}
        self.choices = list(self.folded)
        self.frequency = [best[key][0] for key in self.choices]
        self._nearest_found: dict[str, str | None] = {}
        # simplemma loads its Swedish dictionary (~100 MB, ~1 s) on first use: here, while the
        # index is built in a worker thread, rather than on the first question.
        if counts:
            simplemma.is_known("och", lang="sv")

    def correct(self, tokens: Iterable[str]) -> list[str]:
        """The tokens with unknown words replaced by the index words they most likely mean."""
        result = []
        budget = MAX_CORRECTED
        for token in tokens:
            if token in self.words or token in self.keep or not token.isalpha():
                result.append(token)
                continue
            restored = self.folded.get(fold(token))
            if restored is not None:
                result.append(restored)
            elif budget > 0 and not self.real(token):
                budget -= 1
                result.append(self._nearest(token) or token)
            else:
                result.append(token)
        return result

    def corrected(self, text: str) -> str:
        """The text with its misspelt words corrected in place, its case and punctuation kept
        ("hur manga ganger traffades …?" → "hur många gånger träffades …?")."""
        budget = [MAX_CORRECTED]

        def one(found: re.Match[str]) -> str:
            word = found.group()
            if budget[0] <= 0 or not word.isalpha():
                return word
            lower = word.lower()
            fixed = self.correct([lower])[0]
            if fixed == lower:
                return word
            budget[0] -= 1
            return fixed[:1].upper() + fixed[1:] if word[:1].isupper() else fixed

        return _WORD.sub(one, text)

    def real(self, token: str) -> bool:
        """Whether a word is one of the index or of Swedish (and so not to be corrected)."""
        return self.known(token) or simplemma.is_known(token, lang="sv")

    def _nearest(self, token: str) -> str | None:
        # A question is read several times (its readings, what it asks): look a word up once.
        if token in self._nearest_found:
            return self._nearest_found[token]
        if len(self._nearest_found) >= NEAREST_CACHED:
            self._nearest_found.clear()
        found = self._nearest_uncached(token)
        self._nearest_found[token] = found
        return found

    def _nearest_uncached(self, token: str) -> str | None:
        if len(token) < MIN_FUZZY:
            return None
        edits = 2 if len(token) >= LONG_WORD else 1
        found = process.extract(
            fold(token), self.choices, scorer=OSA.distance, score_cutoff=edits, limit=None
        )
        if not found:
            return None
        _, _, index = min(found, key=lambda item: (item[1], -self.frequency[item[2]]))
        return self.folded[self.choices[index]]
