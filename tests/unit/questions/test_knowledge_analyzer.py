"""Swedish analysis: stems, compounds, numbers, dates and stop words."""

from __future__ import annotations

from bot.services.knowledge.analyzer import (
    Decompounder,
    content_tokens,
    is_quantity_question,
    question_type,
    raw_tokens,
    stem,
)


def stems(text: str) -> list[str]:
    return [stem(token) for token in content_tokens(text)]


def test_inflections_share_a_stem() -> None:
    assert len({stem(w) for w in ("dialogmöte", "dialogmötet", "dialogmötena", "dialogmöten")}) == 1
    assert stem("samhället") == stem("samhälle") == stem("samhällets")
    assert stem("budgeten") == stem("budget")
    assert stem("jubileum") == stem("jubileet")


def test_amounts_are_one_token_however_written() -> None:
    assert raw_tokens("1 470 000 kr") == ["1470000", "kr"]
    assert content_tokens("1 470 000 kr") == content_tokens("1470000") == ["1470000"]
    assert content_tokens("1\u00a0470\u00a0000 kronor") == ["1470000"]
    assert content_tokens("410 000") == ["410000"]


def test_years_ranges_and_percentages() -> None:
    assert content_tokens("Budget 2026") == ["budget", "2026"]
    assert content_tokens("mandatperioden 2027–2030")[1:] == ["2027", "2030"]
    assert content_tokens("uppräkning med 3,1 %")[-2:] == ["3,1", "procent"]
    assert content_tokens("3.1%")[-2:] == ["3,1", "procent"]
    # Two years side by side are not a thousands-separated number.
    assert content_tokens("2024 2025") == ["2024", "2025"]


def test_dates() -> None:
    assert content_tokens("den 18:e maj 2026") == ["18", "maj", "2026"]
    assert content_tokens("2026-05-18") == ["18", "maj", "2026"]
    assert content_tokens("VGR:s") == ["vgr"]


def test_question_words_are_dropped_and_content_words_kept() -> None:
    assert stems("Hur många underskrivare har överenskommelsen?") == [
        stem("underskrivare"),
        stem("överenskommelsen"),
    ]
    assert content_tokens("Vem är processledare?") == ["processledare"]
    assert content_tokens("Hur stor andel är paraplyorganisationer?") == [
        "andel",
        "paraplyorganisationer",
    ]
    assert "stor" in content_tokens("en stor budget")


def test_compounds_split_against_the_vocabulary() -> None:
    vocabulary = {stem(w) for w in ("dialog", "möte", "civilsamhället", "organisationer")}
    splitter = Decompounder(vocabulary)
    assert splitter.parts("dialogmötena") == (stem("dialog"), stem("möte"))
    assert splitter.parts("civilsamhällesorganisationer") == (
        stem("civilsamhälle"),
        stem("organisationer"),
    )
    assert splitter.parts("surdegsbröd") == ()
    # Hyphenated words are compounds with explicit parts.
    assert splitter.parts("dialog-möten") == (stem("dialog"), stem("möte"))


def test_quantity_and_question_type() -> None:
    assert is_quantity_question("Hur många deltog?")
    assert is_quantity_question("Vad kostar processledaren?")
    assert not is_quantity_question("Vem är processledare?")
    assert question_type("Hur många deltog?") == "number"
    assert question_type("Hur blir man underskrivare?") == "manner"
    assert question_type("När är mötet?") == "time"


def test_an_unknown_word_finds_the_known_compounds_it_begins_or_ends() -> None:
    splitter = Decompounder({stem(w) for w in ["pensionärsråd", "kulturnämnden", "möte"]})
    assert splitter.containing(stem("pensionärer")) == {stem("pensionärsråd")}
    assert splitter.containing(stem("nämnder")) == {stem("kulturnämnden")}
    assert splitter.containing(stem("möte")) == frozenset()  # known alone: not a part
    assert splitter.containing("pens") == frozenset()  # too short to tell
