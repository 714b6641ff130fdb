"""Questions the bot answers best from its own live data, recognised in Swedish and English.

"När är nästa dialogmöte?" is about the meetings in the bot, not about the 2026 plan in the
documents. A few intents are recognised by data-driven patterns on a normalised question
(lower case, no diacritics, common typos of the key words corrected); anything that looks
like a question about the documents' content (a year, "hur många", "handlade", ...) is left
to the knowledge base. Conservative by design: when unsure, the documents answer.
"""

from __future__ import annotations

import difflib
import enum
import re
import unicodedata
from dataclasses import dataclass

MAX_WORDS = 16  # a longer message is a question about something else that mentions a meeting
TYPO_MIN_LENGTH = 6  # shorter words are too easily mistaken for one another
TYPO_CUTOFF = 0.88  # difflib ratio: "utlysnigar" and "dialogmot" pass, "formulera" does not


class Intent(enum.StrEnum):
    """What the asker wants to know from the bot's own data."""

    NEXT_MEETING = "next_meeting"
    OPEN_CALLS = "open_calls"
    MY_SIGNUPS = "my_signups"
    PENDING_FORMS = "pending_forms"
    BOT_HELP = "bot_help"  # how to use the bot itself: leave, stop messages, language, data


@dataclass(frozen=True)
class Rule:
    """An intent and the patterns (on normalised text) of which any one recognises it."""

    intent: Intent
    patterns: tuple[str, ...]


# The key words whose misspellings are corrected before matching. Near neighbours that mean
# something else ("anmaler", "enkaten") are listed too, so that they stay what they are.
VOCABULARY = (
    "dialogmote",
    "dialogmoten",
    "dialogmotet",
    "dialogmotena",
    "utlysning",
    "utlysningar",
    "utlysningen",
    "utlysningarna",
    "anmalt",
    "anmald",
    "anmalde",
    "anmaler",
    "anmalningar",
    "registrerat",
    "vantelistan",
    "inplanerat",
    "inplanerade",
    "enkater",
    "enkaten",
    "enkaterna",
    "formular",
    "formularet",
    "formularen",
    "dialogue",
    "meeting",
    "meetings",
    "funding",
    "registered",
    "surveys",
    "questionnaire",
)

MEETING = r"(?:dialogmote\w*|moten?|motet|traff\w*)"
EN_MEETING = r"(?:dialog(?:ue)? )?meetings?"
CALL = r"utlysning\w*"
MONEY = r"(?:pengar|bidrag|medel|stod|finansiering)"
FORM = r"(?:enkat\w*|formular\w*)"
EN_FORM = r"(?:forms?|polls?|surveys?|questionnaires?)"

MESSAGES = r"(?:utskick\w*|meddelanden\w*|notiser\w*|notifikation\w*|aviseringar\w*|nyhetsbrev\w*)"
EN_MESSAGES = r"(?:messages|notifications|newsletters?|updates|emails)"

# Questions about using the bot itself, never about the documents ("hur slutar jag få
# utskick?", "how do I change the language?"): checked before anything else.
BOT_HELP = (
    r"\b(?:avregistrera|avsluta|avanmala|radera|ta bort) (?:mig|mitt konto|min profil)\b",
    r"\b(?:radera|raderar|ta bort|tar bort) (?:jag |man )?(?:mina|alla mina) (?:uppgifter|data)\b",
    rf"\b(?:sluta|slutar|slippa|slipper)\b.*\b{MESSAGES}",
    rf"\b(?:stanga|stanger|stang|satta|satter) (?:jag |man )?av\b.*\b{MESSAGES}",
    rf"\b{MESSAGES}\b.*\b(?:stanga|stang|stanger) av\b",
    r"\b(?:byta|byter|andra|andrar|stalla om|staller om) (?:jag |man )?(?:till )?"
    r"(?:sprak\w*|engelska|svenska)\b",
    r"\b(?:vad kan (?:du|boten)|hur (?:funkar|fungerar|anvander (?:jag|man)) (?:boten|dig))\b",
    r"\b(?:unsubscribe|opt out)\b",
    rf"\b(?:stop|turn off|mute)\b.*\b{EN_MESSAGES}\b",
    r"\bchange (?:the )?(?:language|to english|to swedish)\b",
    r"\bdelete (?:my|all my) (?:data|account|details|profile)\b",
    r"\bwhat can (?:you|this bot|the bot) do\b",
    r"\bwhat is (?:this|the) bot (?:for|about)\b|\bwhat are you for\b",
    r"\bvad (?:ar det har for (?:en )?bot|ar (?:du|boten) till for|gor (?:den har )?boten)\b",
)

# Checked in this order: the more specific intents first.
RULES: tuple[Rule, ...] = (
    Rule(
        Intent.MY_SIGNUPS,
        (
            r"\bjag (?:anmalt|anmald|anmalde|registrerat|skrivit upp|skrev upp|bokat)\b",
            r"\bmina (?:anmalningar|bokningar|dialogmoten|moten)\b",
            r"\b(?:star|ar) jag (?:pa|i) (?:vantelista\w*|kon)\b",
            rf"\bvilka {MEETING} (?:ska|kommer) jag\b",
            r"\b(?:have|did) i (?:signed|sign|registered|register|booked)\b",
            r"\bam i (?:registered|signed|attending|going|booked|on the wait\w*)\b",
            r"\bmy (?:sign ?ups?|registrations?|bookings?)\b",
        ),
    ),
    Rule(
        Intent.PENDING_FORMS,
        (
            rf"\b{FORM}\b.*\b(?:vantar|vanta|kvar|att svara|att fylla)\b",
            rf"\bmina {FORM}\b",
            rf"\b(?:har jag|finns det) (?:nagon|nagot|nagra) {FORM}\b",
            rf"\b{FORM} (?:som )?jag (?:inte )?(?:har )?(?:svarat|fyllt)\b",
            r"\bvad (?:behover|ska|maste) jag fylla i\b",
            rf"\bobesvarade {FORM}\b",
            rf"\b{EN_FORM}\b.*\b(?:to fill|to answer|to complete|waiting|pending|for me|left)\b",
            rf"\b(?:pending|unanswered|outstanding|open) {EN_FORM}\b",
            rf"\b{EN_FORM}\b.*\b(?:not|haven t|havent) (?:yet )?(?:answered|filled)\b",
            rf"\bmy {EN_FORM}\b",
            r"\bwhat do i (?:need|have) to fill in\b",
        ),
    ),
    Rule(
        Intent.OPEN_CALLS,
        (
            rf"\b(?:oppna|aktuella|pagaende|lediga) {CALL}\b",
            rf"\b{CALL} (?:som )?(?:ar )?(?:oppna|oppen|just nu|nu|aktuella)\b",
            rf"\bvilka {CALL}\b",
            rf"\bfinns det (?:nagra |nagon |nagot )?{CALL}\b",
            rf"\bsoka {MONEY}\b.*\b(?:nu|nanstans|nagonstans)\b",
            rf"\b{MONEY}\b.*\bsoka\b.*\b(?:nu|nanstans|nagonstans)\b",
            rf"\b{MONEY} att soka\b",
            r"\bopen (?:funding )?calls?\b",
            r"\b(?:funding|grant) calls?\b.*\b(?:open|now|current|available)\b",
            r"\bapply for (?:funding|grants?|money)\b.*\b(?:now|anywhere|currently)\b",
            r"\b(?:funding|grants?|money)\b.*\bapply\b.*\b(?:now|anywhere|currently)\b",
            r"\b(?:which|what|any) (?:funding )?calls\b",
            r"\bgrants? (?:we|i) can apply for\b",
        ),
    ),
    Rule(
        Intent.NEXT_MEETING,
        (
            rf"\bnasta {MEETING}",
            r"\bnar ses vi\b",
            rf"\b(?:kommande|inplanerade?|planerade?) {MEETING}",
            rf"\b{MEETING}\b.*\b(?:pa gang|inplanerat|inplanerade|planerat|snart)\b",
            rf"\bnar (?:ar|blir|halls|har vi) (?:det )?(?:nasta |kommande )?{MEETING}",
            rf"\bnext {EN_MEETING}\b",
            rf"\b(?:upcoming|planned|scheduled) {EN_MEETING}\b",
            rf"\b{EN_MEETING}\b.*\b(?:soon|coming up|planned|scheduled)\b",
            r"\bwhen (?:do|will|shall|can) we meet\b",
        ),
    ),
)

# A question that matches one of these is about the documents' content, whatever else it says.
DOCUMENT_QUESTIONS = (
    r"\b(?:19|20)\d\d\b",  # a year: the plan, the annual report
    r"\bhur (?:manga|mycket|anmaler|soker|fungerar|gar|ofta)\b",
    r"\b(?:how|what) (?:many|much)\b",
    r"\bhow (?:do|does|can|to|are|is|often)\b",
    r"\b(?:vad|what) (?:ar|is) (?:en|ett|a|an)\b",
    r"\b(?:handlade|handlar|sades|holls|blev|fanns|deltog|visade|gjordes|kostar|kostade)\b",
    r"\b(?:varfor|syfte\w*|forra|forsta|enligt)\b",
    r"\b(?:was|were|held|about|why|purpose|cost|costs|showed?|results?|last|previous|first)\b",
    r"\b(?:overenskommelse\w*|budget\w*|handlingsplan\w*|verksamhetsplan\w*|ros|styrgrupp\w*)\b",
    r"\b(?:agreement|according)\b",
)

_RULES = tuple((rule.intent, tuple(re.compile(p) for p in rule.patterns)) for rule in RULES)
_BOT_HELP = tuple(re.compile(pattern) for pattern in BOT_HELP)
_DOCUMENT = tuple(re.compile(pattern) for pattern in DOCUMENT_QUESTIONS)


def normalise(text: str) -> str:
    """Lower case, without diacritics or punctuation, "dialog möte" as one word."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    words = re.sub(r"[^a-z0-9]+", " ", plain).split()
    joined = " ".join(words)
    return re.sub(r"\bdialog (mot\w*)", r"dialog\1", joined)


def _corrected(word: str) -> str:
    if len(word) < TYPO_MIN_LENGTH or word in VOCABULARY:
        return word
    close = difflib.get_close_matches(word, VOCABULARY, n=1, cutoff=TYPO_CUTOFF)
    return close[0] if close else word


def recognise(question: str) -> Intent | None:
    """The live-data intent of a question, or None when the documents should answer it."""
    words = normalise(question).split()
    if not words or len(words) > MAX_WORDS:
        return None
    text = " ".join(_corrected(word) for word in words)
    if any(pattern.search(text) for pattern in _BOT_HELP):
        return Intent.BOT_HELP
    if any(pattern.search(text) for pattern in _DOCUMENT):
        return None
    for intent, patterns in _RULES:
        if any(pattern.search(text) for pattern in patterns):
            return intent
    return None
