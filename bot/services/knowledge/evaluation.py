"""Scoring the bot's answers against a dev set of questions: hits per kind, misses, mistakes.

A dev set is a TSV file with the columns ``question``, ``expected`` and ``kind``. ``expected``
is a short text the right answer must contain, or several separated by `` | `` (any one will
do), or ``-`` when the bot must decline. In a question, ``\\n`` stands for a line break. A line
``# today: YYYY-MM-DD`` says which day the questions assume ("förra året", "nästa år").
An answer is scored as the chat shows it: its text and its source line (the section heading the
reader sees under it). Answers are compared case-insensitively, with runs of spaces (also non-breaking) as one space
and every dash as a hyphen; a figure matches only whole (80 000 is not in 180 000).

A "Menade du …?" offer (two or three topics to choose from) is neither an answer nor a
decline and is counted on its own: for an answerable question it is right when one of the
offered passages, as shown when pressed, holds the expected text. For a question to decline
it is acceptable (right): the bot claims nothing, and "Inget av dessa" hands the question to a
person; the offers column shows how often that happens, so a bot offering everything shows.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import TYPE_CHECKING, Literal

from bot.timeutil import STOCKHOLM, Clock

if TYPE_CHECKING:
    from bot.services.knowledge.index import Match
    from bot.services.knowledge.service import KnowledgeService

DECLINE = "-"
ALTERNATIVES = " | "
HEADER = ("question", "expected", "kind")
REFUSE_PREFIX = "refuse_"  # kinds whose questions the documents cannot answer
KIND = re.compile(r"[a-z][a-z0-9_]*")
TODAY = re.compile(r"#\s*today\s*:\s*(\S+)", re.I)
DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"))

Verdict = Literal["hit", "wrong_answer", "false_answer", "false_decline", "offer", "wrong_offer"]


@dataclass(frozen=True)
class DevCase:
    """One question of the dev set and what a right answer looks like."""

    line: int
    question: str
    expected: tuple[str, ...]  # empty: the bot must decline
    kind: str

    @property
    def must_decline(self) -> bool:
        return not self.expected


@dataclass(frozen=True)
class BadLine:
    """A line of the file that could not be read as a question, and why."""

    line: int
    reason: str


@dataclass(frozen=True)
class DevSet:
    cases: list[DevCase]
    bad_lines: list[BadLine]
    today: date | None = None  # the day the questions assume, if the file says


@dataclass(frozen=True)
class Reply:
    """What the bot said: an answer with its source, or that it does not know."""

    answered: bool
    text: str | None
    source: str | None
    score: float
    match: Match | None = None  # what answered, for rendering (its language, kind)
    offers: tuple[Match, ...] = ()  # the topics of a "Menade du …?" (then answered is False)


Ask = Callable[[str], Reply]


@dataclass(frozen=True)
class Outcome:
    case: DevCase
    reply: Reply
    verdict: Verdict

    @property
    def right(self) -> bool:
        return self.verdict in ("hit", "offer")

    @property
    def offered(self) -> bool:
        return self.verdict in ("offer", "wrong_offer")


@dataclass(frozen=True)
class KindScore:
    kind: str
    hits: int  # right answers, right declines and right offers
    total: int
    offers: int = 0  # "Menade du …?" offers, right or not

    @property
    def percent(self) -> float:
        return 100.0 * self.hits / self.total if self.total else 0.0


@dataclass(frozen=True)
class Report:
    """The result of a run: hits per kind (in the file's order) and every miss."""

    kinds: list[KindScore]
    overall: KindScore
    false_answers: int  # questions that must be declined, answered
    false_declines: int  # answerable questions, declined
    wrong_answers: int  # answerable questions, answered without the expected text
    offers: int  # "Menade du …?" offers made, right or not
    wrong_offers: int  # answerable questions offered topics none of which holds the answer
    misses: list[Outcome]
    bad_lines: list[BadLine]


def parse_devset(text: str) -> DevSet:
    """Read a dev set; a malformed line is kept as a BadLine (with its number) and skipped."""
    cases: list[DevCase] = []
    bad: list[BadLine] = []
    today: date | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r")
        directive = TODAY.match(line.strip())
        if directive:
            try:
                today = date.fromisoformat(directive.group(1))
            except ValueError:
                bad.append(BadLine(number, "the day after 'today:' is not a date like 2025-11-20"))
            continue
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [field.strip() for field in line.split("\t")]
        if not cases and not bad and tuple(f.casefold() for f in fields) == HEADER:
            continue
        case_or_reason = _case(number, fields)
        if isinstance(case_or_reason, DevCase):
            cases.append(case_or_reason)
        else:
            bad.append(BadLine(number, case_or_reason))
    return DevSet(cases, bad, today)


def _case(number: int, fields: list[str]) -> DevCase | str:
    """The case a line holds, or why it holds none."""
    if len(fields) != len(HEADER):
        return f"expected 3 tab-separated columns (question, expected, kind), found {len(fields)}"
    question, expected, kind = fields
    if not question:
        return "the question is empty"
    if not KIND.fullmatch(kind):
        return f"the kind {kind!r} is not a lower-case word such as direct or refuse_near"
    alternatives = tuple(a.strip() for a in expected.split(ALTERNATIVES.strip()) if a.strip())
    if not alternatives:
        return "the expected column is empty (use - for a question the bot must decline)"
    declines = alternatives == (DECLINE,)
    if DECLINE in alternatives and not declines:
        return "- (decline) cannot be one alternative among others"
    if declines != kind.startswith(REFUSE_PREFIX):
        return f"expected - goes with a {REFUSE_PREFIX}* kind and only with one"
    question = question.replace("\\n", "\n")
    return DevCase(number, question, () if declines else alternatives, kind)


def clock_on(day: date) -> Clock:
    """A clock stopped at noon (Stockholm) on a day: the "today" a dev set assumes."""
    moment = datetime.combine(day, time(12), tzinfo=STOCKHOLM).astimezone(UTC)
    return lambda: moment


def normalise(text: str) -> str:
    """Case-folded, with every dash a hyphen and every run of (non-breaking) spaces one space."""
    folded = unicodedata.normalize("NFKC", text).translate(DASHES).casefold()
    return " ".join(folded.split())


def verdict(case: DevCase, reply: Reply) -> Verdict:
    """A hit is a decline where one is due, or an answer containing an expected text."""
    if reply.offers and not reply.answered:
        if case.must_decline:
            return "offer"
        offered = [normalise(f"{m.text}\n{m.title} – {m.section}") for m in reply.offers]
        found = any(contains(said, e) for said in offered for e in case.expected)
        return "offer" if found else "wrong_offer"
    if case.must_decline:
        return "false_answer" if reply.answered else "hit"
    if not reply.answered:
        return "false_decline"
    said = normalise(f"{reply.text or ''}\n{reply.source or ''}")
    return "hit" if any(contains(said, e) for e in case.expected) else "wrong_answer"


def contains(said: str, expected: str) -> bool:
    """Whether the (normalised) answer holds the expected text; a number only as a whole number.

    So 80 000 is not found in 180 000, nor 10 in 2010: a figure is either said or not.
    """
    wanted = normalise(expected)
    before = r"(?<!\d)" if wanted[:1].isdigit() else ""
    after = r"(?!\d)" if wanted[-1:].isdigit() else ""
    return re.search(before + re.escape(wanted) + after, said) is not None


def evaluate(devset: DevSet, ask: Ask) -> Report:
    """Ask every question of the dev set and score the replies."""
    outcomes = [Outcome(case, reply, verdict(case, reply)) for case, reply in _asked(devset, ask)]
    return summarise(outcomes, devset.bad_lines)


def _asked(devset: DevSet, ask: Ask) -> Iterable[tuple[DevCase, Reply]]:
    for case in devset.cases:
        yield case, ask(case.question)


def summarise(outcomes: list[Outcome], bad_lines: list[BadLine]) -> Report:
    """Hits per kind in the order kinds first appear, overall, and the misses in file order."""
    by_kind: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        by_kind.setdefault(outcome.case.kind, []).append(outcome)
    kinds = [
        KindScore(kind, sum(o.right for o in group), len(group), sum(o.offered for o in group))
        for kind, group in by_kind.items()
    ]
    counts = {
        v: sum(o.verdict == v for o in outcomes)
        for v in ("hit", "false_answer", "false_decline", "wrong_answer", "offer", "wrong_offer")
    }
    return Report(
        kinds=kinds,
        overall=KindScore(
            "overall",
            sum(o.right for o in outcomes),
            len(outcomes),
            counts["offer"] + counts["wrong_offer"],
        ),
        false_answers=counts["false_answer"],
        false_declines=counts["false_decline"],
        wrong_answers=counts["wrong_answer"],
        offers=counts["offer"] + counts["wrong_offer"],
        wrong_offers=counts["wrong_offer"],
        misses=[o for o in outcomes if not o.right],
        bad_lines=list(bad_lines),
    )


def replier(knowledge: KnowledgeService, label: Callable[[Match], str], *, lang: str = "sv") -> Ask:
    """Answer as the chat does to a reader of lang, the source named by label."""

    def ask(question: str) -> Reply:
        decision = knowledge.decide(question, lang=lang)
        answered, match = decision.answered, decision.match
        if decision.offers:
            score = match.confidence if match is not None else 0.0
            return Reply(False, None, None, score, match=match, offers=decision.offers)
        if not answered or match is None:
            score = match.confidence if match is not None else 0.0
            return Reply(answered=False, text=None, source=None, score=score)
        return Reply(
            answered=True,
            text=match.text,
            source=label(match),
            score=match.confidence,
            match=match,
        )

    return ask
