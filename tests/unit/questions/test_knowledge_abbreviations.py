"""Abbreviations the documents define are read as synonyms, and as names of the same thing."""

from __future__ import annotations

from bot.services.knowledge import IndexedPassage, SearchIndex
from bot.services.knowledge.abbreviations import aliases, defined

TEXT = (
    "Västra Götalandsregionen (VGR) samverkar med civilsamhället. Strategiska hälso- och "
    "sjukvårdsnämnden (SSN) har frågat om idéburet offentligt partnerskap (IOP).\n\n"
    "- SER: Sociala ekonomins råd i Västra Götaland.\n"
    "- RUS: den regionala utvecklingsstrategin.\n"
    "- XYZ: något helt annat.\n"
)


def test_defined_abbreviations_are_found_in_brackets_and_in_lists() -> None:
    groups = dict((group[0], group[1:]) for group in defined([TEXT]))
    assert groups["vgr"] == ("västra götalandsregionen",)
    assert groups["ssn"] == ("strategiska hälso och sjukvårdsnämnden",)  # not just the last word
    assert groups["iop"] == ("idéburet offentligt partnerskap",)
    assert groups["ser"] == ("sociala ekonomins råd västra götaland",)
    assert groups["rus"] == ("regionala utvecklingsstrategin",)
    assert "xyz" not in groups  # the letters do not spell it


def test_a_question_may_use_either_form() -> None:
    groups = defined([TEXT])
    assert aliases("VGR ansvarar för trafiken.", groups) == "vgr västra götalandsregionen"
    assert aliases("Västra Götalandsregionen ansvarar.", groups) == "vgr västra götalandsregionen"
    assert aliases("Kommunerna ansvarar.", groups) == ""
    passages = [
        IndexedPassage(1, "Om", "Regionen", TEXT.split("\n\n")[0]),
        IndexedPassage(2, "Om", "Uppdraget", "VGR ansvarar för kollektivtrafiken och kulturen."),
        IndexedPassage(3, "Om", "Trafiken", "Kollektivtrafiken i kommunerna ordnas lokalt."),
    ]
    index = SearchIndex.build(passages, [])
    best = index.best("Har Västra Götalandsregionen ansvar för kollektivtrafiken?")
    assert best is not None and best.id == 2
