"""Reading FAQ entries from CSV: all rows or none."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import DomainError
from bot.services.knowledge.faq_file import FaqDraft, read_faq_file


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "faq.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_reads_phrasings_answer_and_source(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "questions,answer,source\n"
        '"Hur blir vi underskrivare? | Hur skriver man under?","Kontakta processledaren.",Webb\n'
        "\n"
        "Vad är RÖS?,Styrgruppen.,\n",
    )
    assert read_faq_file(path) == [
        FaqDraft(
            ("Hur blir vi underskrivare?", "Hur skriver man under?"),
            "Kontakta processledaren.",
            "Webb",
        ),
        FaqDraft(("Vad är RÖS?",), "Styrgruppen.", ""),
    ]


def test_source_column_is_optional(tmp_path: Path) -> None:
    path = write(tmp_path, "questions,answer\nVad är SER?,Sociala ekonomins råd.\n")
    assert read_faq_file(path) == [FaqDraft(("Vad är SER?",), "Sociala ekonomins råd.", "")]


@pytest.mark.parametrize(
    ("text", "key", "row"),
    [
        ("fråga,svar\nA,B\n", "kb_faq_bad_header", None),
        ("", "kb_faq_bad_header", None),
        ("questions,answer,source\nVad?,Svar.,\n| ,Svar utan fråga,\n", "kb_faq_bad_row", 3),
        ("questions,answer,source\nVad?,,\n", "kb_faq_bad_row", 2),
        ("questions,answer,source\nVad?,Svar,Källa,extra\n", "kb_faq_bad_row", 2),
    ],
)
def test_bad_files_name_the_problem(tmp_path: Path, text: str, key: str, row: int | None) -> None:
    with pytest.raises(DomainError) as raised:
        read_faq_file(write(tmp_path, text))
    assert raised.value.key == key
    assert raised.value.params.get("row") == row
    assert raised.value.params["name"] == "faq.csv"


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "faq.csv"
    path.write_bytes("questions,answer\nÅ,Ä\n".encode("utf-16"))
    with pytest.raises(DomainError) as raised:
        read_faq_file(path)
    assert raised.value.key == "kb_unreadable_file"
