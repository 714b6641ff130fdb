"""The search index: FAQ entries over passages, confidence, trimming and heading context."""

from __future__ import annotations

from bot.services.knowledge import IndexedFaq, IndexedPassage, SearchIndex
from bot.services.knowledge.analyzer import looks_english

PASSAGES = [
    IndexedPassage(
        1,
        "Om överenskommelsen",
        "Antal underskrivare",
        "Överenskommelsen hade 125 underskrivare i slutet av 2024.",
    ),
    IndexedPassage(
        2,
        "Om överenskommelsen",
        "Hur blir man underskrivare?",
        "En organisation som vill skriva under kontaktar processledaren. "
        "Processledaren heter Erica Sjölin. Hon svarar på frågor om överenskommelsen.",
    ),
    IndexedPassage(
        3,
        "Budget 2026",
        "Budget 2026",
        "- Processledare civila samhället: 595 000 kr\n- Kommunikation: 80 000 kr\n"
        "- Totalt: 1 470 000 kr",
    ),
    IndexedPassage(
        4,
        "Årsrapport 2024",
        "Dialogmöten",
        "Under våren hölls flera möten. Vid dialogmötet i maj deltog 59 personer från 45 "
        "organisationer. Samtalen handlade om samverkan mellan regionen och civilsamhället och "
        "om hur den kan bli starkare. Dokumentationen från dagen finns på webben tillsammans med "
        "bilder, presentationer och en sammanfattning av gruppdiskussionerna. Nästa år blir det fler träffar i hela regionen, och alla underskrivare bjuds in.",
    ),
]
FAQ = IndexedFaq(
    7,
    ("Hur blir vår förening underskrivare?", "Hur skriver man under överenskommelsen?"),
    "Kontakta processledaren Erica Sjölin, så får ni en blankett.",
    "Processledaren",
)


def test_faq_ranks_above_a_passage_when_it_matches() -> None:
    index = SearchIndex.build(PASSAGES, [FAQ])
    match = index.best("Hur skriver vi under överenskommelsen?")
    assert match is not None
    assert (match.kind, match.id, match.title) == ("faq", 7, "Processledaren")
    assert match.text == FAQ.answer
    assert match.confidence >= 0.5


def test_faq_of_another_kind_of_question_does_not_win() -> None:
    index = SearchIndex.build(PASSAGES, [FAQ])
    match = index.best("Hur många underskrivare har överenskommelsen?")
    assert match is not None
    assert (match.kind, match.id) == ("passage", 1)
    assert "125" in match.text


def test_without_faq_the_passage_answers() -> None:
    match = SearchIndex.build(PASSAGES, []).best("Hur blir man underskrivare?")
    assert match is not None
    assert (match.kind, match.id, match.section) == ("passage", 2, "Hur blir man underskrivare?")


def test_heading_terms_count_for_their_passage() -> None:
    match = SearchIndex.build(PASSAGES, []).best("Vad är budgeten för 2026?")
    assert match is not None
    assert match.id == 3
    assert "1 470 000" in match.text  # the list is the answer: kept whole


def test_amount_written_differently_finds_the_line() -> None:
    match = SearchIndex.build(PASSAGES, []).best("Vad är 1470000 kr?")
    assert match is not None
    assert match.id == 3


def test_confidence_is_high_on_topic_and_low_off_topic() -> None:
    index = SearchIndex.build(PASSAGES, [FAQ])
    on_topic = index.best("Hur många underskrivare har överenskommelsen?")
    assert on_topic is not None and on_topic.confidence >= 0.9
    assert index.best("Hur bakar man surdegsbröd?") is None
    off_topic = index.best("Vilka möten har bowlingklubben i Skövde?")
    assert off_topic is None or off_topic.confidence < 0.5


def test_trimming_keeps_the_relevant_sentences() -> None:
    match = SearchIndex.build(PASSAGES, []).best("Hur många deltog på dialogmötet i maj?")
    assert match is not None
    assert "59 personer" in match.text
    assert "Nästa år" not in match.text


def test_compound_parts_match_at_lower_weight() -> None:
    index = SearchIndex.build(PASSAGES, [])
    match = index.best("Vilka möten med dialog fanns?")
    assert match is not None and match.id == 4


def test_search_returns_several_and_empty_questions_nothing() -> None:
    index = SearchIndex.build(PASSAGES, [FAQ])
    assert len(index.search("processledaren", limit=3)) == 3
    assert index.search("Vad är det?") == []
    assert SearchIndex.build([], []).best("budget") is None


def test_english_questions_are_read_against_the_english_versions() -> None:
    passages = [
        IndexedPassage(1, "Organisation", "Nyhetsbrev", "Nyhetsbrevet kommer fyra gånger om året."),
        IndexedPassage(2, "Organisation", "Kanaler", "Vi finns på Facebook och LinkedIn."),
    ]
    english = {
        1: IndexedPassage(
            1, "Organisation", "Newsletter", "The newsletter comes four times a year."
        ),
        2: IndexedPassage(
            2, "Organisation", "Channels", "Our social media are Facebook and LinkedIn."
        ),
    }
    index = SearchIndex.build(passages, [], english=english)
    match = index.best("Which social media channels do you use?")
    assert match is not None and match.id == 2 and match.confidence >= 0.6
    without = SearchIndex.build(passages, []).best("Which social media channels do you use?")
    assert without is None or without.confidence < match.confidence


def test_swedish_with_a_few_english_words_is_read_as_swedish() -> None:
    assert looks_english("How often does the steering group meet?")
    assert not looks_english("vad är RÖS-gruppens budget för meetings 2026")
    assert not looks_english("hur många signatories har VGR-överenskommelsen")


def test_a_short_section_answers_whole_whichever_paragraph_matched() -> None:
    passages = [
        IndexedPassage(1, "Budget", "Budget 2026", "Budgeten täcker möten och kommunikation."),
        IndexedPassage(
            2, "Budget", "Budget 2026", "- Möten: 410 000 kr\n- Kommunikation: 80 000 kr"
        ),
        IndexedPassage(3, "Om", "Parterna", "Parterna är regionen och civilsamhället."),
    ]
    match = SearchIndex.build(passages, []).best("budget")
    assert match is not None and match.id == 1 and match.parts == (1, 2)
    assert "410 000" in match.text and "80 000" in match.text


def test_a_long_sections_paragraphs_cover_a_question_together() -> None:
    nominated = "Under året nomineras föreningarnas representanter till den nya styrgruppen. "
    period = "Nomineringen är viktig inför nästa period, och en strategidag planeras. "
    passages = [
        IndexedPassage(
            1, "Plan", "Styrgruppen", "I styrgruppen sitter representanter för föreningar."
        ),
        IndexedPassage(2, "Plan", "Ny mandatperiod", nominated * 6),
        IndexedPassage(3, "Plan", "Ny mandatperiod", period * 6),
        IndexedPassage(4, "Plan", "Budget", "Budgeten är 80 000 kr för kommunikation."),
    ]
    found = SearchIndex.build(passages, []).search(
        "Vår förening vill få in en representant i styrgruppen nästa period, hur går det till?"
    )
    # Too long to answer whole, the section's paragraphs still share what they cover between
    # them: each holds half of the question, together more than the one about the group.
    assert [match.parts for match in found[:2]] == [(), ()]
    assert {match.id for match in found[:2]} == {2, 3}
    assert found[0].confidence == found[1].confidence > found[2].confidence


def test_a_name_most_passages_share_is_not_required_of_the_answer() -> None:
    passages = [
        IndexedPassage(n, "Om", f"Del {n}", f"VGR och civilsamhället samverkar, del {n}.")
        for n in range(1, 10)
    ] + [IndexedPassage(10, "Om", "Antal underskrivare", "Det finns 125 underskrivare.")]
    match = SearchIndex.build(passages, []).best("Hur många underskrivare har VGR?")
    assert match is not None and match.id == 10 and match.confidence >= 0.6


def test_an_english_question_picks_its_sentences_in_the_english_version() -> None:
    swedish = (
        "Nyhetsbrevet skickas fyra gånger om året till alla underskrivare. "
        "Regionen har också flera strategier för kultur, trafik och vård. "
        "Dessa strategier bryts ner i handlingsplaner som följs upp varje höst av nämnderna. "
        "Uppföljningen redovisas för regionstyrelsen i en rapport som blir offentlig."
    )
    english = (
        "The newsletter is sent four times a year to all signatories. "
        "The region also has several strategies for culture, transport and care. "
        "These strategies are broken down into action plans followed up each autumn. "
        "The follow-up is reported to the regional board in a report made public."
    )
    passages = [IndexedPassage(1, "Om", "Kommunikation", swedish)]
    versions = {1: IndexedPassage(1, "About", "Communication", english)}
    match = SearchIndex.build(passages, [], english=versions).best(
        "How often is the newsletter sent?"
    )
    assert match is not None and match.text.startswith("Nyhetsbrevet skickas fyra gånger")
