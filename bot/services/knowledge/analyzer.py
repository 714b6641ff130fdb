"""Swedish text analysis: tokens, numbers, stop words, stemming and compound splitting."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Set
from functools import lru_cache

import simplemma
import Stemmer


def word_list(text: str) -> tuple[str, ...]:
    """The whitespace-separated words of a literal, in order."""
    return tuple(text.split())


def _words(text: str) -> frozenset[str]:
    return frozenset(word_list(text))


_MONTHS = word_list(
    "januari februari mars april maj juni juli augusti september oktober november december"
)

# Question words and function words carry no content. Quantity words are removed here but
# noticed separately (see QUANTITY_WORDS) so trimming can prefer sentences with numbers.
STOP_WORDS: frozenset[str] = _words(
    """
    vad vem vems vilken vilket vilka varför hur när var vart varifrån många mycket
    finns fanns funnits kan kunna kunde ska skall skulle vill ville får få fick gör göra gjorde
    gjort är var vara varit blir bli blev blivit har hade haft ha kommer komma går gå gick
    jag mig min mitt mina du dig din ditt dina vi oss vår vårt våra ni er era man en ett
    han hon hen honom henne de dem deras den det denna detta dessa dess sig sin sitt sina
    och eller men samt utan så som att om i på för till med av från hos vid mot över under
    efter före inför genom mellan kring inom ut upp in än då nu här där även också ju bara
    inte ej alla allt någon något några ingen inget inga annan annat sådan sådant sådana
    vars mer mest per the ca cirka bl ex etc mm osv kr kronor sek tack hej
    berätta berättar veta vet undrar undra fråga frågar hitta hittar hittade läsa läser
    står stod säger säga sa ge ger gav finnas egentligen ungefär just idag mkt
    hända händer hände hänt hålla håller hölls höll hålls
    """
)
# Everyday fillers, greetings and spoken forms ("har ni nåt dialogmöte nån gång i vår då?"):
# they say nothing about the subject, so they must not count against a well-matched question.
FILLER_WORDS: frozenset[str] = _words(
    """
    nåt nån nåra nånting nånstans nånsin sånt sån såna dom dem va iaf ba
    typ liksom ju väl asså alltså egentligen förresten kanske lixom ändå nog visst
    hej hejsan hejhej tjena tjenare hallå halloj hallåj morsning god morgon kväll godkväll
    goddag tack tackar snälla vänligen gärna ok okej oki jaha aha haha hehe lol
    mvh hälsningar hälsn vänliga bästa ursäkta förlåt sorry hi hello thanks please
    lite snabbt bara sen också dessutom nyss precis gång igår
    """
)
# English function words: an English question's content words are what it asks about (the
# shipped synonym groups read many of them as the Swedish words the documents hold).
ENGLISH_WORDS: frozenset[str] = _words(
    """
    what what's which who whom whose when where why how many much does do did is are was were
    be been being has have had will would can could should shall might there their they
    them it its this that these those the an of for to in on at with from about into during
    you your yours we our ours us my me he she his her any some all each every or and but not
    no yes if than then so also just only very more most many much ever
    tell know want wonder please hi hello thanks thank
    """
)
STOP_WORDS = STOP_WORDS | FILLER_WORDS | ENGLISH_WORDS

# Words only English uses (not Swedish ones too: "in", "man", "var"), telling the language apart.
_ENGLISH_ONLY = _words(
    """
    the what what's which who whom whose when where why how does do did is are was were
    been has have had will would could should there their they this that these those of to
    with about you your we our my any some every and but not if than
    """
)
_SWEDISH_ONLY = _words(
    """
    vad vem vilken vilket vilka varför hur när är och det som att på för med har hade ni vi
    jag ett den till av om finns kan ska blir inte eller också från vår våra nästa nåt
    """
)


def looks_english(text: str) -> bool:
    """Whether a question is written in English (Swedish with a few English words is not)."""
    tokens = _TOKEN.findall(text.lower())
    english = sum(token in _ENGLISH_ONLY for token in tokens)
    swedish = sum(token in _SWEDISH_ONLY for token in tokens)
    return english >= 2 and english > 2 * swedish


QUANTITY_WORDS: frozenset[str] = _words(
    "många mycket mkt antal antalet belopp beloppet kostar kostade summa summan totalt ofta"
)
# After "hur" these ask for a measure and carry no content of their own (hur stor andel …).
_MEASURES = _words("stor stora stort ofta länge långt lång gammal gamla dyr dyrt")

_SPACE = "[ \u00a0\u202f]"
_THOUSANDS = re.compile(rf"(?<![\d,.])(\d{{1,3}})((?:{_SPACE}\d{{3}})+|(?:\.\d{{3}})+)(?![\d,])")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DECIMAL = re.compile(r"(?<=\d)\.(?=\d{1,2}\b)")
_GENITIVE_COLON = re.compile(r"(?<=\w):(?:e|a|s|er|erna|ar|arna|or|n|en|et|t)\b")
# Hyphenated words (RÖS-gruppen, IOP-samarbetet) stay one token: a compound with known parts.
# Possessive quantifiers: the engine keeps no backtracking state per "-part" (6 MB of "ord-ord-…"
# took 200 MB with a plain `*`).
_TOKEN = re.compile(r"\d+(?:,\d+)?|%|[^\W\d_]++(?:-[^\W\d_]++)*+", re.UNICODE)
# Longer "words" are not Swedish (the longest compounds in the documents are ~35 letters): a PDF
# whose text lost its spaces, or a hostile file. Their prefixes and suffixes would each be stemmed
# and cached (quadratic memory), so they are left out of the index and of questions.
MAX_TOKEN = 48

Rewrite = Callable[[list[str]], list[str]]


def _join_thousands(match: re.Match[str]) -> str:
    return match.group(1) + re.sub(r"\D", "", match.group(2))


def _iso_date(match: re.Match[str]) -> str:
    year, month, day = match.groups()
    month_index = int(month) - 1
    if not 0 <= month_index < 12:
        return match.group(0)
    return f"{int(day)} {_MONTHS[month_index]} {year}"


_FOLD = str.maketrans("åäöé", "aaoe")


def fold(token: str) -> str:
    """A token without Swedish diacritics (överenskommelsen → overenskommelsen)."""
    return token.translate(_FOLD)


def normalize(text: str) -> str:
    """Lower-case text with numbers, dates and genitive colons in one canonical form."""
    text = unicodedata.normalize("NFC", text).lower()
    text = _ISO_DATE.sub(_iso_date, text)
    text = _THOUSANDS.sub(_join_thousands, text)
    text = _DECIMAL.sub(",", text)
    return _GENITIVE_COLON.sub("", text)


def raw_tokens(text: str) -> list[str]:
    """All tokens of a text (stop words included): words, numbers and "procent"."""
    tokens = []
    for token in _TOKEN.findall(normalize(text)):
        if token == "%":
            tokens.append("procent")
        elif (len(token) > 1 or token.isdigit()) and len(token) <= MAX_TOKEN:
            tokens.append(token)
    return tokens


def content_tokens(text: str, rewrite: Rewrite | None = None) -> list[str]:
    """The tokens of a text that carry content (no stop words, no "hur stor", "hur ofta" …).

    `rewrite` may first replace phrases of the raw tokens (see synonyms.Synonyms.rewrite).
    """
    tokens = raw_tokens(text)
    if rewrite is not None:
        tokens = rewrite(tokens)
    return [
        token
        for index, token in enumerate(tokens)
        if token not in STOP_WORDS
        and not (token in _MEASURES and index and tokens[index - 1] == "hur")
    ]


_stemmer = Stemmer.Stemmer("swedish")


@lru_cache(maxsize=200_000)
def stem(token: str) -> str:
    """A Swedish stem: Snowball twice, then a definite "-et" ending (samhället, året) removed."""
    if token[0].isdigit():
        return token
    if "-" in token:
        return stem(token.replace("-", ""))
    result = _stemmer.stemWord(_stemmer.stemWord(token))
    if result.endswith("et") and len(result) >= 4:
        result = result[:-2]
    elif result.endswith("eum"):
        result = result[:-2]  # jubileum / jubileet, museum / museet
    return result


@lru_cache(maxsize=200_000)
def lemma_stem(token: str) -> str:
    """The stem of a word's dictionary form, for irregular forms Snowball leaves apart.

    "stämman" stems to itself but is a form of "stämma"; "deltog" is a form of "delta".
    """
    if token[0].isdigit() or "-" in token:
        return stem(token)
    return stem(simplemma.lemmatize(token, lang="sv").lower())


_LINKS = ("s", "e", "a", "u", "o")
MIN_PART = 3
HEAD_NOUN = 5  # the shortest known head noun that stands for an unknown compound
# Candidate cuts tried per token: a real compound needs a few dozen; "ordordord…" against a
# vocabulary holding "ord" would otherwise try every cut at every depth.
MAX_CUTS = 400


MIN_ENDING = 5  # an unknown word this long may be a known compound's first or last part
MAX_CONTAINING = 8  # … unless it begins or ends this many compounds (then it says little)


def _starting(ordered: list[str], prefix: str) -> list[str]:
    start = bisect.bisect_left(ordered, prefix)
    found = []
    for word in ordered[start : start + MAX_CONTAINING + 1]:
        if not word.startswith(prefix):
            break
        found.append(word)
    return found


class Decompounder:
    """Splits compounds into parts known to a vocabulary of stems (dialogmötet → dialog + möt)."""

    def __init__(self, vocabulary: Set[str]) -> None:
        self.vocabulary = vocabulary
        self._cache: dict[str, tuple[str, ...]] = {}
        self._cuts_left = MAX_CUTS
        self._sorted = sorted(vocabulary)
        self._reversed = sorted(word[::-1] for word in vocabulary)
        self._containing: dict[str, frozenset[str]] = {}

    def containing(self, word: str) -> frozenset[str]:
        """Known compounds that begin or end with an unknown word (pensionär → pensionärsråd).

        A question's word the documents never use alone may still be a part of their
        compounds: "pensionärer" is asked, "pensionärsråd" is written.
        """
        if len(word) < MIN_ENDING or word in self.vocabulary:
            return frozenset()
        cached = self._containing.get(word)
        if cached is None:
            found = _starting(self._sorted, word)
            found += [w[::-1] for w in _starting(self._reversed, word[::-1])]
            found = [w for w in found if len(w) >= len(word) + MIN_PART]
            cached = frozenset(found) if len(found) <= MAX_CONTAINING else frozenset()
            self._containing[word] = cached
        return cached

    def parts(self, token: str) -> tuple[str, ...]:
        """The part stems of a compound token, or () when it is not a known compound."""
        cached = self._cache.get(token)
        if cached is None and "-" in token:
            pieces = [p for p in token.split("-") if p not in STOP_WORDS]
            cached = tuple(
                dict.fromkeys(part for p in pieces for part in self.parts(p) or [stem(p)])
            )
        if cached is None:
            self._cuts_left = MAX_CUTS
            cached = self._split(token, depth=0) if len(token) >= 2 * MIN_PART else ()
            cached = cached if len(cached) > 1 else cached or self._head_noun(token)
            self._cache[token] = cached
        return cached

    def _known_head(self, head: str) -> str | None:
        for candidate in (head, head[:-1] if head[-1:] in _LINKS else ""):
            if len(candidate) >= MIN_PART and candidate not in STOP_WORDS:
                stemmed = stem(candidate)
                if stemmed in self.vocabulary and len(stemmed) >= MIN_PART:
                    return stemmed
        return None

    def _head_noun(self, token: str) -> tuple[str, ...]:
        # An unknown modifier before a known head noun: tioårsjubileum → jubile.
        for cut in range(MIN_PART, len(token) - HEAD_NOUN + 1):
            tail = token[cut:]
            tail_stem = stem(tail)
            if tail_stem in self.vocabulary and tail not in STOP_WORDS:
                return (tail_stem,)
        return ()

    def _split(self, token: str, depth: int) -> tuple[str, ...]:
        best: tuple[str, ...] = ()
        best_score = 0
        # Prefer few, long parts: the score is the sum of squared part lengths.
        for cut in range(len(token) - MIN_PART, MIN_PART - 1, -1):
            if self._cuts_left <= 0:
                break
            self._cuts_left -= 1
            head = self._known_head(token[:cut])
            if head is None:
                continue
            tail = token[cut:]
            tail_stem = stem(tail)
            if tail_stem in self.vocabulary and tail not in STOP_WORDS:
                tails: tuple[str, ...] = (tail_stem,)
            elif depth < 2 and len(tail) >= 2 * MIN_PART:
                tails = self._split(tail, depth + 1)
                if not tails:
                    continue
            else:
                continue
            score = cut * cut + sum(len(part) ** 2 for part in tails)
            if score > best_score:
                best, best_score = (head, *tails), score
        return best


_QUANTITY_STEMS = _words("budget kost kostn peng belopp summ antal")


def is_quantity_question(text: str) -> bool:
    """Whether a question asks for a number (hur många, hur mycket, antal, kostar, budget …)."""
    tokens = raw_tokens(text)
    return any(t in QUANTITY_WORDS or stem(t) in _QUANTITY_STEMS for t in tokens)


def question_type(text: str) -> str | None:
    """The kind of answer a question wants (number, time, person, reason, manner), if clear."""
    tokens = raw_tokens(text)
    for index, token in enumerate(tokens):
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if token in QUANTITY_WORDS - {"mycket"} or following in ("många", "mycket", "stor"):
            return "number"
        if token in _TYPES:
            return _TYPES[token]
    return None


_TYPES = {"när": "time", "vem": "person", "varför": "reason", "hur": "manner"}
