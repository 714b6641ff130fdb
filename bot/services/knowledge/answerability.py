"""Whether a passage can answer a question: the kind of fact asked for, and the names asked about.

A question that asks for a number, a date, a place, a person, a political party or a phone
number / e-mail is answerable from a passage only when one of its sentences or list lines holds
that kind of fact, next to a name the question asks about when it names something ("Hur många
anställda har Suicide Zero?" is not answered by a list that merely names Suicide Zero). Names and figures of
the question (Suicide Zero, RÖS, 2019) must appear in the passage. These features rerank the
best few candidates and scale their confidence.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, Protocol

from bot.services.knowledge.analyzer import STOP_WORDS, lemma_stem, raw_tokens, stem
from bot.services.knowledge.trimming import units

FactKind = Literal["amount", "number", "date", "time", "place", "person", "contact", "party"]

MISSING_FACT = 0.35  # confidence kept when no sentence holds the kind of fact asked for
MISSING_NAME = 0.6  # confidence lost when none of the question's names is in the passage
FACT_BONUS = 0.15  # confidence added when a sentence holds the asked fact about the thing asked
HEADING_BONUS = 0.1  # confidence added when the section title names the question's words
STEMS_CACHED = 20_000  # sentences and headings whose word stems are kept

_ITEM = re.compile(r"^\s*(?:[-*•–]|\d+[.)])\s+")
_WORD = re.compile(r"[^\W_]+(?:[-:][^\W_]+)*", re.UNICODE)
_MONTHS = (
    "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
    "|january|february|march|may|june|july|august|october"
)
_NUMBER_WORDS = (
    # "en", "ett" and "flera" are no answer to "hur många": nearly every sentence has them.
    "två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|tjugo\\w*|trettio|fyrtio|femtio"
    "|hundra\\w*|tusen\\w*|miljon\\w*|tredjedel\\w*|hälften|dussin"
    "|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|hundred\\w*"
    "|thousand\\w*|million\\w*|third|half"
)


class _Finder(Protocol):
    def search(self, text: str) -> object | None: ...


class _PersonName:
    """A first and a last name: two capitalised words in a row, not three or more ("Regional
    Executive Board", "Folk High School Administration" name bodies), and not "Marie
    Cederschiöld högskola" (a college named after a person)."""

    _RUN = re.compile(
        r"\b[A-ZÅÄÖ][a-zåäöé]+(?:\s+[A-ZÅÄÖ][a-zåäöé]+)+\b(?!\s+(?:högskola|universitet"
        r"|institut|stiftelse|folkhögskola|skola|gymnasium|sjukhus)\b)"
    )

    def search(self, text: str) -> object | None:
        return next(
            (run for run in self._RUN.finditer(text) if len(run.group().split()) == 2), None
        )


_FACTS: dict[FactKind, _Finder] = {
    "amount": re.compile(
        r"\d\s*(?:kr\b|kronor|sek\b|msek|mkr|miljon|miljard|tusen|%|procent"
        r"|million|billion|thousand|percent)|\bsek\s*\d|\bkostnadsfri\w*|\bfree\s+of\s+charge"
        r"|\bgratis\b|\bavgift\w*",
        re.I,
    ),
    "number": re.compile(rf"\d|%|\b(?:{_NUMBER_WORDS})\b", re.I),
    "date": re.compile(
        rf"\b\d{{1,2}}(?::e|:a)?\s+(?:{_MONTHS})\b|\b(?:{_MONTHS})\s+\d{{1,2}}\b"
        r"|\b\d{1,2}[./]\d{1,2}\b|\b\d{4}-\d{2}-\d{2}\b",
        re.I,
    ),
    "time": re.compile(
        rf"\b(?:1[89]|20)\d\d\b|\b(?:{_MONTHS})\b|\b\d{{1,2}}[./]\d{{1,2}}\b|\bkl\.?\s*\d"
        r"|\b(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag|våren|hösten|sommaren"
        r"|vintern|varje|gång|gånger|årligen|månad\w*|vecka|veckor|kvartal\w*|sedan)\b",
        re.I,
    ),
    "place": re.compile(
        r"\b(?:i|på|vid|hos|in|at|från)\s+(?:[A-ZÅÄÖ]|\d)|^\s*[-*•–]\s+[A-ZÅÄÖ]|(?<=[a-zåäö,] )[A-ZÅÄÖ]|\b(?:digitalt|digital\w*|lokal\w*|adress\w*"
        r"|plats\w*|online|webb\w*|konserthus\w*|sal\w*|sidan|kanal\w*)\b|\.se\b|www\.",
    ),
    "person": _PersonName(),
    "party": re.compile(
        r"\((?:S|M|V|C|L|KD|MP|SD)\)|\b(?:socialdemokrat\w*|moderat(?:er|erna|na)\b"
        r"|vänsterpartie\w*|centerpartie\w*|liberalerna|kristdemokrat\w*|miljöpartie\w*"
        r"|sverigedemokrat\w*|social\s+democrat\w*|conservative\s+party|green\s+party)",
        re.I,
    ),
    "contact": re.compile(
        r"[\w.+-]+@[\w-]+\.[\w.]+|(?:\+46|\b0)\d[\d \-]{5,}\d"
        r"|\b(?:telefon|tel\.?|e-post|mejl)\s*:?\s*(?:\+|\d)"
        r"|\b[A-ZÅÄÖ]\w*(?:gatan|vägen|gränd|torget|backen|leden|allén)\s+\d+|\b\d{3}\s?\d{2}\s+[A-ZÅÄÖ]",
        re.I,
    ),
}
# The question words that ask for each kind of fact, in Swedish and English.
_ASKS: tuple[tuple[re.Pattern[str], FactKind], ...] = (
    (
        re.compile(
            r"\b(?:telefon\w*|tel|nummer|e-post\w*|epost\w*|mejl\w*|mail\w*|e-mail"
            r"|phone|adress\w*|address\w*|postadress\w*)\b",
            re.I,
        ),
        "contact",
    ),
    (
        re.compile(
            r"\b(?:vilk(?:et|a)\s+parti(?:er)?|parti(?:tillhörighet|färg)\w*"
            r"|(?:which|what)\s+(?:political\s+)?part(?:y|ies))\b",
            re.I,
        ),
        "party",
    ),
    (
        re.compile(
            r"\b(?:hur\s+(?:mycket|mkt|myket|mycke)|va\w?\s+kostar|kostar\s+det"
            r"|va\w?\s+går\s+(?:\S+\s+){0,3}?på(?=\s*\??\s*$)"  # "vad går RÖS-mötena på?"
            r"|va\w?\s+lägger\s+(?:ni|man|regionen|dom)\s+på"
            r"|hur\s+stort?\s+(?:bidrag|belopp|summa)|how\s+much"
            r"|what\s+does\s+\w+(?:\s+\w+)?\s+cost)\b",
            re.I,
        ),
        "amount",
    ),
    (
        re.compile(r"\b(?:hur\s+(?:många|stor[at]?|manga)|antal\w*|how\s+many)\b", re.I),
        "number",
    ),
    (
        re.compile(
            r"\b(?:datum\w*|vilken\s+dag|sista\s+(?:dag|ansökningsdag\w*)|deadline\w*"
            r"|dates?|on\s+which\s+day)\b",
            re.I,
        ),
        "date",
    ),
    (
        re.compile(
            r"\b(?:när|nar|vilket\s+år|vilka\s+år(?:tal)?|vilken\s+månad|vilket\s+datum|vilken\s+dag"
            r"|when|what\s+year|which\s+year)\b",
            re.I,
        ),
        "time",
    ),
    (
        re.compile(
            r"^\s*(?:var|vart|where)\b|\b(?:var\s+(?:hölls|hålls|ligger|finns|sker|äger)"
            r"|i\s+vilken\s+(?:lokal|stad|kommun)|where)\b",
            re.I | re.M,  # "^": where any asking sentence starts
        ),
        "place",
    ),
    (
        re.compile(
            r"^\s*(?:vem|vilka\s+personer|who)\b|\bvem\s+(?:är|var|blir|har|tog|ersatte)"
            r"|\bwho\b",
            re.I | re.M,
        ),
        "person",
    ),
)
# Capitalised words that open or glue a question rather than name something.
_NOT_NAMES = frozenset(
    [
        "vad",
        "vem",
        "vilken",
        "vilket",
        "vilka",
        "varför",
        "hur",
        "när",
        "var",
        "vart",
        "finns",
        "kan",
        "ska",
        "är",
        "har",
        "hade",
        "blir",
        "jag",
        "vi",
        "ni",
        "du",
        "hej",
        "tack",
        "hejsan",
        "what",
        "who",
        "which",
        "when",
        "where",
        "why",
        "how",
        "is",
        "are",
        "do",
        "does",
        "did",
        "can",
        "the",
        "in",
        "on",
        "for",
        "of",
        "a",
        "an",
        "i",
        "it",
        "you",
        "we",
        "and",
        "or",
        "to",
        "at",
        "my",
        "our",
        "your",
    ]
)


@dataclass(frozen=True)
class Asked:
    """What a question asks for: a kind of fact (if any) and the names and figures it names."""

    kind: FactKind | None
    names: tuple[str, ...]  # stems of names, acronyms and figures, in question order
    counts_time: bool = False  # "hur många gånger …": a count of times or years is the answer
    counted: tuple[str, ...] = ()  # stems of what "hur många …" counts (nya, underskrivare)
    counts_noun: bool = False  # what is counted is a noun ("mottagare"), not "deltog"
    compared: tuple[str, ...] = ()  # stems of what a comparison sets side by side
    activity: bool = False  # "vad gör ni med …?": what is done, not what a thing is
    roles: tuple[str, ...] = ()  # stems of the roles a who-question names ("ordförande")
    lists: bool = False  # asks which ones, or whether one is among them: a list answers it
    typed: tuple[str, ...] = ()  # stems of names typed without their capital ("uddevalla")


@dataclass(frozen=True)
class Features:
    """How well one passage answers one question."""

    kind: FactKind | None  # the kind of fact asked for
    fact: bool  # a sentence holds that kind of fact (next to a name asked about, if any)
    names: float  # share of the question's names and figures found in the passage (1 if none)
    heading: float  # share of the question's content words the section title names
    counted: bool = True  # a figure stands right before what the question counts (or none named)
    compared: bool = (
        True  # the passage names everything the question compares (or it compares none)
    )
    listed: bool = False  # the names asked about are only items of a list of names there

    @property
    def answers(self) -> bool:
        """Whether the passage holds the kind of fact asked for and every name asked about."""
        return self.fact and self.names >= 1.0 and self.compared and not self.listed

    def adjust(self, confidence: float) -> float:
        """The confidence these features leave, 0 .. 1.1."""
        value = confidence
        if self.kind is not None:
            value = value + FACT_BONUS if self.fact else value * MISSING_FACT
        if self.listed:
            value *= MISSING_FACT
        value *= 1.0 - MISSING_NAME * (1.0 - self.names)
        value += HEADING_BONUS * self.heading
        return max(0.0, min(1.1, value))


def asked(question: str) -> Asked:
    """The kind of fact a question asks for and the names and figures in it."""
    # The question word that comes first asks: "var kan jag se hur stort …?" asks where.
    kind: FactKind | None = None
    first = len(question) + 1
    for pattern, candidate in _ASKS:
        found = pattern.search(question)
        if found and found.start() < first:
            kind, first = candidate, found.start()
    if kind == "time" and _DATE_ASKED.search(question):
        kind = "date"  # "när är sista dag att söka?" wants a day, not "under hösten"
    named_as = _NAME_OF.search(question) if kind is None else None
    if named_as:
        kind, first = "person", named_as.start()  # "Vad hette föreläsaren?" asks who lectured
    if kind == "person" and _WHO_IS.match(question):
        kind = None  # "Vem är Erica Sjölin?" asks what she does, not for another person
    names: list[str] = []
    for line in question.splitlines():
        words = _WORD.findall(line)
        for place, word in enumerate(words):
            if word.casefold() in _NOT_NAMES:
                continue
            # A year (2019) or an amount's leading digits ("180 000 kr"): a figure asked about.
            leading = not (place and words[place - 1].isdigit())  # not the 000 of "180 000"
            figure = word.isdigit() and (
                len(word) == 4 or (leading and len(word) >= 2 and _amount_after(line, word))
            )
            acronym = len(word) >= 2 and word.split("-")[0].split(":")[0].isupper()
            capital = place > 0 and word[:1].isupper() and not word.isupper()
            if figure or acronym or capital:
                # RÖS-gruppen, IOP-utbildningarna: the name is the first part
                names.append(_stem(word.split("-")[0] if acronym else word))
    counts_time = bool(_TIME_WORDS.search(question))
    counted_words = _counted(question) if kind == "number" and not counts_time else ()
    counted = tuple(_stem(word) for word in counted_words)
    counts_noun = any(is_plural(word) for word in counted_words)
    activity = _ACTIVITY.search(question) is not None
    return Asked(
        kind,
        tuple(dict.fromkeys(names)),
        counts_time,
        counted,
        counts_noun,
        _compared(question),
        activity,
        # The roles after the question word: "jag är ordförande, vem ska jag ringa?" names none.
        _roles(re.split(r"[.!?\n]", question[first:])[0]) if kind == "person" else (),
        _LISTS.search(question) is not None,
    )


def defines(section: str) -> bool:
    """Whether a section heading asks what something is ("Vad är IOP?")."""
    return _DEFINES.match(section) is not None


def _compared(question: str) -> tuple[str, ...]:
    """What a comparison sets side by side: "störst av utbildning och kommunikation"."""
    if not _COMPARING.search(question):
        return ()
    words = _WORD.findall(question)
    items: list[str] = []
    for place, word in enumerate(words):
        if word.casefold() not in _JOINS:
            continue
        before = [w for w in words[:place] if _comparable(w)][-1:]
        after = [w for w in words[place + 1 :] if _comparable(w)][:1]
        if before and after:
            items.extend(_stem(w) for w in before + after)
    return tuple(dict.fromkeys(items))


def _comparable(word: str) -> bool:
    folded = word.casefold()
    return len(folded) >= 3 and folded not in STOP_WORDS and not _COMPARING.fullmatch(folded)


def _amount_after(line: str, figure: str) -> bool:
    """Whether a figure in the question opens an amount ("180 000 kr", "595 000")."""
    return (
        re.search(
            rf"(?<!\d){figure}(?:\s\d{{3}})+(?!\d)|(?<!\d){figure}\s*(?:kr|sek)\b", line, re.I
        )
        is not None
    )


def _counted(question: str) -> tuple[str, ...]:
    """The words "hur många" counts: "hur många nya underskrivare" → nya, underskrivare."""
    found = _COUNTED.search(question)
    if not found:
        return ()
    words = _WORD.findall(found.group(1))
    if not words or words[0].casefold() in STOP_WORDS | _NOT_COUNTED:
        return ()  # "hur många är med?" names nothing it counts
    return tuple(w for w in words[:2] if w.casefold() not in STOP_WORDS | _NOT_COUNTED)


def features(
    question: Asked,
    text: str,
    section: str,
    title: str,
    content: Sequence[str] = (),
    aliases: str = "",
    synonyms: Mapping[str, frozenset[str]] | None = None,
) -> Features:
    """The answerability features of a passage (its text, section and document title).

    `aliases` holds other names of what the passage names (an acronym's expansion);
    `synonyms` the other words (stems) a question's word may be written as.
    """
    whole = _stems(f"{title}\n{section}\n{text}\n{aliases}")
    headed = _stems(f"{title}\n{section}")
    pieces = units(text)
    found = [name for name in question.names if name in whole]
    names = len(found) / len(question.names) if question.names else 1.0
    fact = True
    if question.kind is not None:
        pattern = _FACTS[question.kind]
        # Words only: a year in the question is a name, not the fact asked for.
        named = [n for n in found if not n.isdigit()]
        if not headed.isdisjoint(named):
            named = []  # the heading names it: the whole passage is about it
        if not named and question.kind in ("date", "time"):
            named = _subject(content, section, synonyms or {})
        about = [not named or not _stems(unit).isdisjoint(named) for unit in pieces]
        if question.roles and headed.isdisjoint(question.roles):
            # "Vad hette föreläsaren?": a person named as the lecturer, not anyone named
            about = [_holds_role(unit, question.roles) for unit in pieces]
        fact = any(
            pattern.search(_without(unit, question)) and (about[i] or _near(pieces, about, i))
            for i, unit in enumerate(pieces)
        )
    heading_words = _stems(section)
    asked_words = {_stem(w) for w in content}
    heading = len(asked_words & heading_words) / len(asked_words) if asked_words else 0.0
    counted = not question.counted or any(_figure_before(u, question.counted) for u in pieces)
    if fact and question.kind == "number" and question.counts_noun and not counted:
        fact = False  # "Hur många mottagare har nyhetsbrevet?" is not answered by "4 gånger"
    compared = all(item in whole for item in question.compared)
    subjects = [n for n in (*found, *question.typed) if not n.isdigit() and n in whole]
    listed = (
        not question.lists
        and bool(subjects)
        and headed.isdisjoint(subjects)
        and all(_listed_only(pieces, name) for name in subjects)
    )
    return Features(question.kind, fact, names, heading, counted, compared, listed)


def _listed_only(pieces: Sequence[str], name: str) -> bool:
    """Whether a passage names something only as one of a list of names.

    "… möten med Göteborg, Ulricehamn, Härryda och Uddevalla kommuner" says nothing about
    Uddevalla's own agreement: a question about one of them is not answered by the list.
    """
    holding = [unit for unit in pieces if name in _stems(unit)]
    return bool(holding) and all(_in_enumeration(unit, name) for unit in holding)


def _in_enumeration(unit: str, name: str) -> bool:
    if _ITEM.match(unit):
        return len(_WORD.findall(_ITEM.sub("", unit))) <= _LISTED_WORDS  # "- Suicide Zero"
    items = [_WORD.findall(item) for item in _ENUMERATION.split(unit) if item.strip()]
    # The first item carries the sentence before the list, the last one the words after.
    edges = [words[-1] if place == 0 else words[0] for place, words in enumerate(items) if words]
    if sum(edge[:1].isupper() for edge in edges) < _LISTED_ITEMS:
        return False
    for place, words in enumerate(items):
        near = words[-_LISTED_WORDS:] if place == 0 else words[:_LISTED_WORDS]
        if name in {_stem(word) for word in near}:
            return place == 0 or place == len(items) - 1 or len(words) <= _LISTED_WORDS
    return False


def _roles(question: str) -> tuple[str, ...]:
    """The stems of the roles a who-question asks about ("föreläsaren", "ordförande")."""
    words = (word.casefold() for word in _WORD.findall(question))
    return tuple(
        dict.fromkeys(
            _stem(word)
            for word in words
            if (len(word) > 5 and word.endswith(_ROLE_ENDINGS) and word not in _NOT_ROLES)
            or word in _ROLES
            or word.removesuffix("s") in _ROLES  # "who chairs", "the speakers"
        )
    )


def _holds_role(unit: str, roles: Sequence[str]) -> bool:
    """Whether a sentence names one of the roles (or a compound ending in one)."""
    return any(word == role or word.endswith(role) for word in _stems(unit) for role in roles)


def counting_words(question: str) -> list[str]:
    """The words after "hur många", without adverbs: "hur många är redan med?" → är, med."""
    found = _COUNTING.search(question)
    if not found:
        return []
    return [token for token in raw_tokens(question[found.end() :]) if token not in _ADVERBS]


def is_plural(word: str) -> bool:
    """Whether a word looks like a counted noun: "underskrivare", "organisationer"."""
    return word.casefold().endswith(_PLURALS)


def _figure_before(unit: str, counted: Sequence[str]) -> bool:
    """Whether a figure (not a year or a date) stands just before a word of what is counted."""
    words = _WORD.findall(_TIMES.sub(" ", _DATE.sub(" ", unit)))
    for place, word in enumerate(words):
        stemmed = _stem(word)
        if not any(stemmed.startswith(c) or stemmed.endswith(c) for c in counted):
            continue
        if _FIGURE.search(" ".join(words[max(0, place - 3) : place])):
            return True
    return False


_OPINION = re.compile(
    r"\b(?:tycker|anser|tror|gillar|tänker)\s+du\b|\bdin\s+(?:åsikt|uppfattning|personliga)"
    r"|\b(?:do|would)\s+you\s+(?:think|like|prefer|agree)\b|\byour\s+(?:opinion|view)\b"
    r"|\bwhat\s+do\s+you\s+(?:think|feel)\b",
    re.I,
)


# "Vilken dag är det idag?", "Vad är klockan?": small talk about today, which no document tells.
_CLOCK = re.compile(
    r"^\W*(?:(?:vilke[nt]|vad)\s+(?:dag|datum|veckodag|vecka)\s+(?:är|har)\s+(?:det|vi)"
    r"|vad\s+är\s+det\s+för\s+(?:dag|datum|veckodag|vecka)|(?:vad|hur\s+mycket)\s+är\s+klockan"
    r"|what\s+(?:time|day|date)\s+is\s+it|what(?:'s|\s+is)\s+the\s+(?:time|date))"
    r"(?:\s+(?:idag|i\s+dag|nu|today|now))?\W*$",
    re.I,
)


def asks_the_clock(question: str) -> bool:
    """Whether a question asks what day or time it is now: small talk, no document answers."""
    return _CLOCK.match(question.strip()) is not None


def asks_opinion(question: str) -> bool:
    """Whether a question asks for the bot's own opinion ("Vad tycker du om …?").

    The documents report facts and decisions; no passage is the bot's view, so such a
    question is declined (and may go to a person) rather than answered with a related fact.
    """
    return _OPINION.search(question) is not None


def _subject(
    content: Sequence[str], heading: str, synonyms: Mapping[str, frozenset[str]]
) -> list[str]:
    """What a date or time is asked for ("Vilka datum hålls dialogmötena?", "När ska nästa
    RÖS-möte vara?"), unless the heading names it.

    A passage headed by none of the question's words answers with a date only in a sentence
    naming one of them: the date of another event (a consultation on 18 May) is no answer.
    The section's heading counts, not the document's title ("Dialogmöten" titles them all).
    """
    words = {_stem(word) for word in content if not word.isdigit()}
    # The heading may name it in other words ("Årsmöte" for "stämman"); a sentence must use
    # the question's own ("samlar" is a synonym of "möte", but no meeting).
    forms = words | {lemma_stem(word) for word in content if not word.isdigit()}
    named = words | {other for form in forms for other in synonyms.get(form, ())}
    return [] if not named.isdisjoint(_stems(heading)) else sorted(words)


def holds_fact(question: Asked, unit: str) -> bool:
    """Whether a sentence holds the kind of fact asked for (not the question's own figures)."""
    if question.kind is None:
        return False
    cleaned = _without(unit, question)
    return _FACTS[question.kind].search(cleaned) is not None


def _near(pieces: Sequence[str], about: Sequence[bool], i: int) -> bool:
    """Whether a sentence next to this one names the thing asked about (not in a list)."""
    if _ITEM.match(pieces[i]):
        return False
    return any(
        0 <= j < len(pieces) and about[j] and not _ITEM.match(pieces[j]) for j in (i - 1, i + 1)
    )


def _without(unit: str, question: Asked) -> str:
    """A sentence without the question's own figures (2024 asked about is no answer), and
    for a person asked for, without the people the question names (typed in any case).

    An amount is not a year or a date either: "hur mycket …" is not answered by "i maj 2024".
    """
    figures = [name for name in question.names if name.isdigit()]
    for figure in figures:
        unit = re.sub(rf"(?<!\d){figure}(?!\d)", " ", unit)
    if question.kind == "person":
        # "Vem var processledare innan erica sjölin?" is not answered by Erica Sjölin.
        named = {name for name in (*question.names, *question.typed) if not name.isdigit()}
        unit = _WORD.sub(lambda word: "_" if _stem(word.group()) in named else word.group(), unit)
    if question.kind == "number":
        unit = _DATE.sub(" ", unit)
        if not question.counts_time:
            unit = _TIMES.sub(" ", unit)
    return unit


# "4 gånger per år", "tio år": how often or how long, no answer to "hur många underskrivare".
_TIMES = re.compile(
    rf"(?:\d+|\b(?:{_NUMBER_WORDS}|en|ett))\s+(?:gång\w*|år(?:en|et)?|månad\w*|veck\w*|dag\w*"
    r"|timm\w*|minut\w*|times?|years?|months?|weeks?|days?|hours?)\b",
    re.I,
)
_HOW_MANY = r"(?:hur\s+m[aå]nga|how\s+many)"
_TIME_WORDS = re.compile(
    rf"\b{_HOW_MANY}\s+(?:gång\w*|år|månad\w*|veck\w*|dag\w*|timm\w*"
    r"|times|years|months|weeks|days|hours)\b"
    # "hur många utbildningar per år": how often, answered by "två gånger per år"
    rf"|\b{_HOW_MANY}\b[^?.!]{{0,40}}?\b(?:per|om|a|each|every)\s+"
    r"(?:år|året|månad|vecka|year|month|week)\b",
    re.I,
)


# "Vilka kommuner …?", "Är Borås med?", "Which …?": a list of names is the answer.
_LISTS = re.compile(
    r"^\s*(?:är|finns|har|hade|ingår|deltar|deltog|var|fanns|is|are|was|were|does|do|did|has"
    r"|have)\b|\b(?:vilka|vilken|which|någon|några|nån|nåt|any)\b",
    re.I | re.M,
)
_ENUMERATION = re.compile(r",\s*|\s+(?:och|samt|eller|and|or)\s+")
_LISTED_ITEMS = 3  # names in a row: a list
_LISTED_WORDS = 4  # words an item of a list has at most
_NAME_OF = re.compile(
    r"\bva\w?\s+(?:heter|hette|hete)\s+(?:den\s+|det\s+)?(?:\w+\s+)?\w+(?:aren|anden|ören|anten"
    r"|isten|chefen)\b|\bwhat\s+(?:is|was|'s)\s+the\s+name\s+of\s+the\s+(?:\w+\s+)?"
    r"(?:chair\w*|leader|lecturer|speaker|host|moderator|head|representative|coordinator"
    r"|director|manager)\b",
    re.I,
)
_WHO_IS = re.compile(
    r"\s*(?:[Vv]em|[Ww]ho)\s+(?:är|var|is|was)\s+[A-ZÅÄÖ][^\W\d_]+(?:\s+[A-ZÅÄÖ][^\W\d_]+)?\s*\??\s*$"
)
_DATE_ASKED = next(pattern for pattern, kind in _ASKS if kind == "date")
_ACTIVITY = re.compile(
    r"\bva\w?\s+(?:gör|görs|gjorde|gjordes|händer|hände|hänt)\b|\bvad\s+har\s+\S+\s+gjort\b"
    r"|\bwhat\s+(?:do|does|did|has|have)(?:\s+\S+){1,3}?\s+(?:do|done)\b"
    r"|\bwhat\s+(?:happens|happened)\b",
    re.I,
)
_DEFINES = re.compile(r"\s*(?:vad\s+(?:är|betyder|innebär)|what\s+(?:is|are|does))\b", re.I)
_COMPARING = re.compile(
    r"\b(?:störst\w*|minst\w*|flest|färre|färrest|fler|mest|mer|mindre|större|högst\w*"
    r"|lägst\w*|dyrast\w*|billigast\w*|först\w*|tidigast|senast|före|efter|than|more|most"
    r"|fewer|larger|largest|smaller|smallest|first|earlier|later|bigger|biggest)\b",
    re.I,
)
_JOINS = frozenset(["och", "eller", "än", "or", "and", "than"])
_COUNTED = re.compile(rf"\b(?:{_HOW_MANY}|antal(?:et)?)\s+((?:\S+\s*){{1,3}})", re.I)
_COUNTING = re.compile(rf"\b{_HOW_MANY}\b", re.I)
# Words after "hur många" that say nothing about what is counted.
# Plural endings: "hur många mottagare/organisationer/möten" counts a noun; "hur många deltog"
# or "hur många kom" counts people doing something, said in other words by the answer.
_PLURALS = ("er", "ar", "or", "are", "en", "na", "people", "s")
_ADVERBS = frozenset(["redan", "ungefär", "totalt", "cirka", "ca", "nu", "idag", "egentligen"])
_NOT_COUNTED = _ADVERBS | frozenset(["olika", "st", "stycken", "fler"])
# Words naming a role a person has: "föreläsaren", "ordförande", "the chair".
_ROLE_ENDINGS = ("are", "aren", "ande", "anden", "ör", "ören", "ant", "anten", "ist", "isten")
_NOT_ROLES = frozenset(
    ["nuvarande", "kommande", "gällande", "följande", "tidigare", "senare", "andra", "bara"]
)
_ROLES = frozenset(
    [
        "chef",
        "chefen",
        "chair",
        "chairman",
        "chairperson",
        "leader",
        "lecturer",
        "speaker",
        "host",
        "moderator",
        "head",
        "representative",
        "coordinator",
        "director",
        "manager",
    ]
)
_FIGURE = re.compile(rf"\d|\b(?:{_NUMBER_WORDS})\b", re.I)

_DATE = re.compile(
    rf"\b(?:den\s+)?\d{{1,2}}(?:\s*[–-]\s*\d{{1,2}})?\s+(?:{_MONTHS})\b"
    r"|(?<!\d)(?<!\d )(?:19|20)\d\d(?:\s*[–-]\s*(?:19|20)\d\d)?(?!\d)(?! \d{3}\b)",
    re.I,
)


def _stem(word: str) -> str:
    word = word.casefold().split(":")[0]
    return word if word.isdigit() else stem(word)


@lru_cache(maxsize=STEMS_CACHED)
def _stems(text: str) -> frozenset[str]:
    # Cached: the same passages' sentences and headings are read for question after question.
    found: set[str] = set()
    for word in _WORD.findall(text):
        found.add(_stem(word))
        for part in re.split(r"[-:]", word):
            if part:
                found.add(_stem(part))
    return frozenset(found)
