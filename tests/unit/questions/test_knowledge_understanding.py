"""How people write: missing diacritics, typos, synonyms, fillers, long messages, relative time."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.services.knowledge import IndexedPassage, SearchIndex
from bot.services.knowledge.analyzer import raw_tokens
from bot.services.knowledge.focus import asking, segments, variants
from bot.services.knowledge.relative_time import resolve
from bot.services.knowledge.spelling import Speller
from bot.services.knowledge.synonyms import (
    SynonymError,
    Synonyms,
    append_group,
    load_groups,
    parse_groups,
)
from bot.timeutil import Clock

THRESHOLD = 0.55
PASSAGES = [
    IndexedPassage(
        1,
        "Om överenskommelsen",
        "Antal underskrivare",
        "Överenskommelsen hade 125 underskrivare i slutet av 2024.",
    ),
    IndexedPassage(
        2,
        "Budget 2026",
        "Kommunikation",
        "Kommunikationen har en budget på 80 000 kr. Kommunikationen sköts av en kommunikatör.",
    ),
    IndexedPassage(
        3,
        "Årsrapport 2024",
        "Dialogmöten 2024",
        "Vid dialogmötet i maj 2024 deltog 59 personer från 45 organisationer.",
    ),
    IndexedPassage(
        4,
        "Årsrapport 2025",
        "Dialogmöten 2025",
        "Vid dialogmötet i maj 2025 deltog 70 personer från 50 organisationer.",
    ),
    IndexedPassage(
        5,
        "Organisation",
        "Processledare",
        "Processledaren arbetar med att samordna civilsamhällets arbete i överenskommelsen.",
    ),
    IndexedPassage(
        6,
        "Årsrapport 2024",
        "Statistik om civilsamhället",
        "Statistik om civilsamhället i Västra Götaland finns i en rapport från 2023.",
    ),
]


def fixed(moment: datetime) -> Clock:
    return lambda: moment


def index(*, synonyms: Synonyms | None = None, clock: Clock | None = None) -> SearchIndex:
    if clock is None:
        clock = fixed(datetime(2025, 6, 1, 12, tzinfo=UTC))
    return SearchIndex.build(PASSAGES, [], synonyms=synonyms, clock=clock)


def answer(built: SearchIndex, question: str) -> tuple[int | None, float]:
    match = built.best(question)
    return (match.id, match.confidence) if match else (None, 0.0)


# --- Diacritics and typos ------------------------------------------------------------------


def speller(counts: dict[str, int]) -> Speller:
    return Speller(Counter(counts))


def test_missing_diacritics_are_restored_to_known_words() -> None:
    spell = speller({"överenskommelsen": 3, "kulturnämnden": 1})
    assert spell.correct(["hur", "manga", "overenskommelsen", "ar", "kulturnamden"]) == [
        "hur",
        "många",
        "överenskommelsen",
        "är",
        "kulturnämnden",
    ]


def test_typos_are_corrected_to_the_most_frequent_near_word() -> None:
    spell = speller({"kommunikationen": 5, "kommunikatören": 1, "budgeten": 4, "budgetar": 1})
    assert spell.correct(["kommunikatoinen"]) == ["kommunikationen"]  # a transposition
    assert spell.correct(["budgetn"]) == ["budgeten"]
    # Equally near, the more frequent index word wins.
    assert speller({"planer": 9, "planet": 1}).correct(["planeu"]) == ["planer"]


def test_real_words_short_words_and_numbers_are_not_corrected() -> None:
    spell = speller({"kanelbulle": 3, "budget": 3, "2026": 1})
    assert spell.correct(["kanelbullar", "budge", "2025"]) == ["kanelbullar", "budget", "2025"]
    assert spell.correct(["bud"]) == ["bud"]  # too short to guess at
    assert spell.correct(["zyxwvuts"]) == ["zyxwvuts"]  # nothing near: left as written


def test_an_index_answers_questions_without_diacritics_or_with_typos() -> None:
    built = index()
    expected = answer(built, "Vad är budgeten för kommunikationen?")
    assert expected[0] == 2 and expected[1] >= THRESHOLD
    for question in ("vad ar budgetn for kommunikatoinen", "va e budgeten for kommunikationn"):
        assert answer(built, question) == expected, question
    assert answer(built, "hur manga underskrivare har overenskommelsen")[0] == 1


def test_a_question_without_diacritics_asks_what_it_would_with_them() -> None:
    speller = Speller(Counter({"många": 5, "gånger": 3, "träffades": 2, "nätverket": 2}))
    fixed = speller.corrected("Hur manga ganger traffades CIVSAM natverket 2024?")
    assert fixed == "Hur många gånger träffades CIVSAM nätverket 2024?"
    passages = [
        IndexedPassage(1, "Om", "CIVSAM", "Nätverket CIVSAM samlar regionens tjänstepersoner."),
        IndexedPassage(2, "Om", "CIVSAM 2024", "Nätverket CIVSAM träffades två gånger under 2024."),
    ]
    best = SearchIndex.build(passages, []).best("hur manga ganger traffades civsam natverket 2024")
    assert best is not None and best.id == 2


# --- Synonyms as data ----------------------------------------------------------------------


def test_synonym_files_have_one_group_per_line_and_comments() -> None:
    text = "# comment\njobba, arbeta # trailing\n\nensam\n Siffror ,statistik, siffror\n"
    assert parse_groups(text) == [("jobba", "arbeta"), ("siffror", "statistik")]


def test_the_shipped_groups_load_and_the_operator_file_extends_them(tmp_path: Path) -> None:
    shipped = load_groups()
    assert ("jobba", "arbeta", "jobbar", "arbetar") in shipped
    operator = tmp_path / "synonyms.txt"
    assert load_groups(operator) == shipped  # a missing operator file adds nothing
    assert append_group(operator, " Fika, kaffe ") == ("fika", "kaffe")
    append_group(operator, "bulle, kanelbulle")
    assert load_groups(operator)[-2:] == [("fika", "kaffe"), ("bulle", "kanelbulle")]
    with pytest.raises(SynonymError):
        append_group(operator, "ensam")


def test_a_question_word_matches_its_synonyms_and_phrases_are_read_as_one_word() -> None:
    groups = Synonyms.of([("jobba", "arbeta"), ("siffror", "statistik"), ("delta", "var med")])
    plain, with_synonyms = index(synonyms=Synonyms()), index(synonyms=groups)
    assert answer(with_synonyms, "Vad jobbar processledaren med?")[1] >= THRESHOLD
    assert answer(with_synonyms, "Var finns siffror om civilsamhället?")[0] == 6
    assert (
        answer(with_synonyms, "Var finns siffror om civilsamhället?")[1]
        > answer(plain, "Var finns siffror om civilsamhället?")[1]
    )
    assert groups.rewrite(raw_tokens("hur många var med i maj")) == ["hur", "många", "delta", "maj"]
    # Phrases are matched word for word: "vara med" (belong) is not "var med" (took part).
    assert groups.rewrite(["vara", "med"]) == ["vara", "med"]
    # A document keeps the phrase's own words; a group of phrases only has a hyphenated word.
    assert groups.expand(["de", "var", "med"]) == ["de", "var", "med", "delta"]
    assert groups.phrase_at(["de", "var", "med"], 1) == ("delta", 2)
    assert groups.phrase_at(["de", "var", "med"]) is None
    # A sentence adverb between the verb and its particle is part of the phrase.
    assert groups.rewrite(raw_tokens("vi var också med")) == ["vi", "delta"]
    assert groups.phrase_at(["var", "inte", "med"]) is None
    phrases = Synonyms.of([("psykisk ohälsa", "mental hälsa")])
    assert phrases.rewrite(["om", "mental", "hälsa"]) == ["om", "psykisk-ohälsa"]
    health = [IndexedPassage(1, "Plan", "Hälsa", "Arbetet mot psykisk ohälsa fortsätter 2026.")]
    question = "Arbetar ni med mental hälsa?"
    found, confidence = answer(SearchIndex.build(health, [], synonyms=phrases), question)
    assert found == 1 and confidence >= THRESHOLD
    assert answer(SearchIndex.build(health, [], synonyms=Synonyms()), question)[1] < THRESHOLD


def test_english_function_words_are_ignored_and_shipped_groups_read_english_words() -> None:
    found, confidence = answer(index(), "How many signatories does the agreement have?")
    assert found == 1 and confidence >= THRESHOLD
    assert answer(index(), "What is your favourite colour?") == (None, 0.0)


# --- Filler words --------------------------------------------------------------------------


def test_filler_words_do_not_lower_the_confidence() -> None:
    built = index()
    plain = answer(built, "Hur många deltog på dialogmötet i maj 2024?")
    chatty = answer(built, "hej! asså hur många typ deltog på dialogmötet i maj 2024 då? tack")
    assert chatty == plain and plain[1] >= THRESHOLD
    assert answer(built, "haha tack hej då") == (None, 0.0)  # nothing but fillers: nothing asked


# --- Long messages -------------------------------------------------------------------------


def test_a_long_message_is_read_without_greetings_and_by_its_question() -> None:
    message = (
        "Hej!\nJag heter Anna och är ordförande i en hembygdsförening utanför Lidköping.\n"
        "Vi ska ha årsmöte snart.\nHur många underskrivare har överenskommelsen?\n"
        "Tack på förhand\nMvh Anna"
    )
    assert len(segments(message)) == 6
    readings = variants(message)
    assert all("Hej" not in r and "Mvh" not in r and "Tack" not in r for r in readings)
    assert readings[-1] == "Hur många underskrivare har överenskommelsen?"
    assert variants("Hur många underskrivare finns?") == ["Hur många underskrivare finns?"]
    found, confidence = answer(index(), message)
    assert found == 1 and confidence >= THRESHOLD
    # A question too short to stand alone keeps the sentence before it.
    short = "Hej!\nVår förra kontaktperson har slutat.\nHon sa att det finns en processledare.\nVad heter hon?\nTack"
    assert variants(short)[-1] == "Hon sa att det finns en processledare.\nVad heter hon?"
    # One sentence of context and a question: its clauses.
    situation = "Vi är en förening i Borås, hur många underskrivare har överenskommelsen?"
    assert variants(situation) == [
        "Vi är en förening i Borås\nhur många underskrivare har överenskommelsen?",
        "hur många underskrivare har överenskommelsen?",
    ]
    # A short question pointing back ("den") keeps the sentence it points at, however many
    # words the question has; a long one with a pronoun stands alone.
    pointing = (
        "Vi läser en kurs.\nDet finns en handlingsplan för överenskommelsen.\nVilka år gäller den?"
    )
    assert variants(pointing)[-1] == (
        "Det finns en handlingsplan för överenskommelsen.\nVilka år gäller den?"
    )
    long = "Min chef bad mig kolla.\nHon sa att jag undrar vilket år överenskommelsen skrevs under?"
    assert variants(long)[-1] == "Hon sa att jag undrar vilket år överenskommelsen skrevs under?"
    # A question of stop words only is still the question, not a greeting.
    research = "Jag forskar om civilsamhället i Västra Götaland. Var hittar jag den?"
    assert variants(research)[0].endswith("Var hittar jag den?")
    # A question word later in a sentence asks too.
    assert variants("Vi är nya.\nVi undrar för vilken period nomineringen gäller")[-1] == (
        "Vi undrar för vilken period nomineringen gäller"
    )
    # Beside a question mark, a told sentence does not ask, whatever words it holds.
    told = (
        "Vi skrev under för länge sedan men ingen minns hur det funkar.\n"
        "Vem är processledare för civilsamhället?\nTack på förhand och ha en riktigt fin dag!"
    )
    assert variants(told)[-1] == "Vem är processledare för civilsamhället?"
    assert asking(told) == "Vem är processledare för civilsamhället?"
    # A known phrase's words say something: "hur många är redan med?" stands alone.
    joining = "Vi i Skövde funderar på att skriva under. Hur många är redan med?"
    assert variants(joining) == [joining.replace(". ", ".\n")]
    assert set(index()._says("Hur många är redan med?")) == {"är", "redan", "med"}
    assert variants(joining, index()._says)[-1] == "Hur många är redan med?"
    found, confidence = answer(index(), joining)
    assert found == 1 and confidence >= THRESHOLD
    # Clauses of one question keep asking: only full sentences are told.
    assert variants("vad gör ni med upphandling, några workshops?") == [
        "vad gör ni med upphandling\nnågra workshops?"
    ]


# --- Relative time -------------------------------------------------------------------------


def test_relative_years_and_seasons_resolve_against_today() -> None:
    today = date(2025, 6, 1)
    assert resolve("Hur många kom i år?", today) == "Hur många kom 2025?"
    assert resolve("förra året", today) == "2024"
    assert resolve("I fjol och ifjol", today) == "2024 och 2024"
    assert resolve("nästa år", today) == "2026"
    assert resolve("forra aret och i ar", today) == "2024 och 2025"  # without diacritics
    assert resolve("i höstas", today) == "hösten 2024"
    assert resolve("i höstas", date(2025, 10, 1)) == "hösten 2025"
    assert resolve("i våras", today) == "våren 2025"
    assert resolve("i våras", date(2025, 2, 1)) == "våren 2024"
    assert resolve("i vår förening, vilket år", today) == "i vår förening, vilket år"
    assert resolve("firar årsmötet i året", today) == "firar årsmötet i året"


def test_an_index_resolves_relative_years_with_its_clock() -> None:
    question = "Hur många deltog på dialogmötet i maj förra året?"
    assert answer(index(clock=fixed(datetime(2025, 6, 1, tzinfo=UTC))), question)[0] == 3
    assert answer(index(clock=fixed(datetime(2026, 6, 1, tzinfo=UTC))), question)[0] == 4
    assert answer(index(clock=fixed(datetime(2025, 6, 1, tzinfo=UTC))), "maj i år")[0] == 4


@pytest.mark.parametrize(
    ("moment", "year"),
    [
        # New Year's Eve, 23:30 UTC: already the new year in Stockholm (CET, UTC+1).
        (datetime(2024, 12, 31, 23, 30, tzinfo=UTC), 2025),
        # The week the clocks go forward (29 March 2026): 22:30 UTC is 00:30 CEST next day.
        (datetime(2026, 3, 28, 23, 30, tzinfo=UTC), 2026),
        (datetime(2026, 3, 29, 22, 30, tzinfo=UTC), 2026),
        # The night summer time ends (25 October 2026), still the same year.
        (datetime(2026, 10, 24, 22, 30, tzinfo=UTC), 2026),
    ],
)
def test_today_is_the_date_in_stockholm(moment: datetime, year: int) -> None:
    built = index(clock=fixed(moment))
    assert built.understand("förra året") == str(year - 1)


def test_the_season_follows_the_stockholm_date_in_a_dst_week() -> None:
    # 31 August 2026, 22:30 UTC is already 1 September (autumn) at 00:30 CEST in Stockholm.
    built = index(clock=fixed(datetime(2026, 8, 31, 22, 30, tzinfo=UTC)))
    assert built.understand("i höstas") == "hösten 2026"
    # Two hours earlier it is still August there: last autumn was 2025.
    built = index(clock=fixed(datetime(2026, 8, 31, 20, 30, tzinfo=UTC)))
    assert built.understand("i höstas") == "hösten 2025"


def test_only_the_asking_sentences_say_which_names_the_answer_must_hold() -> None:
    reading = (
        "Vi är en idrottsförening i Skövde och funderar på att skriva under. Hur många är med?"
    )
    assert asking(reading) == "Hur många är med?"
    assert asking("Hur många är med?") == "Hur många är med?"


def test_a_misspelt_word_is_looked_up_once_per_speller() -> None:
    speller = Speller(Counter({"kommunikationen": 4, "budgeten": 3}))
    looked_up: list[str] = []
    original = speller._nearest_uncached

    def counting(token: str) -> str | None:
        looked_up.append(token)
        return original(token)

    speller._nearest_uncached = counting  # type: ignore[method-assign]
    for _ in range(3):
        assert speller.correct(["kommunikatoinen"]) == ["kommunikationen"]
    assert looked_up == ["kommunikatoinen"]


def test_a_compound_the_documents_lack_weighs_as_its_parts_not_as_a_rare_word() -> None:
    meetings = [
        *PASSAGES,
        IndexedPassage(7, "Plan", "Möten", "Nästa möte med styrgruppen hålls i juni."),
    ]
    built = SearchIndex.build(meetings, [], clock=fixed(datetime(2025, 6, 1, 12, tzinfo=UTC)))
    # "årsmötet" is the asker's own annual meeting: as a word no passage has, it would weigh
    # most and let any passage about a meeting outrank the one about what is asked.
    weights = {c.stem: c.weight for c in built._query("årsmötet möte", built.corpus).concepts}
    assert weights["årsmöt"] == weights["möt"]
    assert built._query("stadsmissionen", built.corpus).concepts[0].weight > weights["möt"]
