"""Splitting Markdown, plain text and PDF into passages with their sections."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from bot.errors import DomainError
from bot.services.knowledge.splitter import parse_document, parse_text

MARKDOWN = """# Verksamhetsplan 2026

## Budget

Budgeten täcker arbetet, se [handlingsplanen](#) och **detaljer**.

Poster:

- Processledare: 595 000 kr
- Kommunikation: 80 000 kr

### Möten

RÖS-gruppen har cirka 10 möten.
"""


def test_markdown_sections_lists_and_links() -> None:
    document = parse_text("plan", MARKDOWN, "markdown")
    assert document.title == "Verksamhetsplan 2026"
    assert [(p.section, p.text) for p in document.passages] == [
        ("Budget", "Budgeten täcker arbetet, se handlingsplanen och detaljer."),
        ("Budget", "Poster:\n- Processledare: 595 000 kr\n- Kommunikation: 80 000 kr"),
        ("Budget › Möten", "RÖS-gruppen har cirka 10 möten."),
    ]


def test_markdown_without_h1_takes_the_file_name() -> None:
    assert parse_text("fakta", "Bara text.", "markdown").title == "fakta"


def test_long_paragraphs_split_at_sentences() -> None:
    sentence = "Det här är en mening om samverkan mellan regionen och civilsamhället. "
    document = parse_text("lång", "# Lång\n\n" + sentence * 30, "markdown")
    assert len(document.passages) > 1
    assert all(len(p.text) <= 800 for p in document.passages)
    assert all(p.text.endswith(".") for p in document.passages)


PLAIN = """Årsrapport 2024

Jämbördig dialog

Dialogmöten

Vid dialogmötet i maj deltog 59 personer från 45 olika organisationer. Fokus var
samverkan.

Två RÖS-möten har hållits i

samband med dialogmöten.

Budget 2026

Kommunikation\t80 000
Processledare\t595 000
"""


def test_plain_text_headings_and_page_breaks() -> None:
    document = parse_text("rapport", PLAIN, "text")
    assert document.title == "Årsrapport 2024"
    assert [(p.section, p.text) for p in document.passages] == [
        (
            "Jämbördig dialog › Dialogmöten",
            "Vid dialogmötet i maj deltog 59 personer från 45 olika organisationer. "
            "Fokus var samverkan.",
        ),
        ("Jämbördig dialog › Dialogmöten", "Två RÖS-möten har hållits i samband med dialogmöten."),
        ("Budget 2026", "Kommunikation: 80 000\nProcessledare: 595 000"),
    ]


def test_files_by_suffix(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(MARKDOWN, encoding="utf-8")
    (tmp_path / "b.txt").write_text(PLAIN, encoding="utf-8")
    assert parse_document(tmp_path / "a.md").kind == "markdown"
    assert parse_document(tmp_path / "b.txt").kind == "text"


def test_bad_files_raise_domain_errors(tmp_path: Path) -> None:
    (tmp_path / "x.docx").write_bytes(b"PK")
    (tmp_path / "latin.txt").write_bytes("Årsrapport".encode("utf-16"))
    (tmp_path / "broken.pdf").write_bytes(b"not a pdf at all")
    with pytest.raises(DomainError) as unsupported:
        parse_document(tmp_path / "x.docx")
    assert (unsupported.value.key, unsupported.value.params) == (
        "kb_unsupported_file",
        {"name": "x.docx"},
    )
    for name in ("latin.txt", "broken.pdf", "missing.md"):
        with pytest.raises(DomainError) as unreadable:
            parse_document(tmp_path / name)
        assert unreadable.value.key == "kb_unreadable_file"


def make_pdf(lines: list[str], title: str) -> bytes:
    """A one-page PDF with real text (Helvetica, WinAnsi) written by pypdf."""
    writer = PdfWriter()
    page = writer.add_blank_page(612, 792)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )
    fonts = DictionaryObject({NameObject("/F1"): writer._add_object(font)})
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
    shown = " 0 -30 Td ".join(f"({line}) Tj" for line in lines)
    content = DecodedStreamObject()
    content.set_data(f"BT /F1 12 Tf 72 720 Td {shown} ET".encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(content)
    writer.add_metadata({"/Title": title})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_pdf_text_becomes_passages(tmp_path: Path) -> None:
    path = tmp_path / "rapport.pdf"
    path.write_bytes(
        make_pdf(["Dialogmöten", "", "Vid dialogmötet i maj deltog 59 personer."], "Årsrapport")
    )
    document = parse_document(path)
    assert document.title == "Årsrapport"
    assert document.kind == "pdf"
    assert any("59 personer" in p.text for p in document.passages)
