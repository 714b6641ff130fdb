"""Reading curated FAQ entries from a CSV file (questions|separated, answer, source)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from bot.errors import DomainError
from bot.texts.clean import clean_text

HEADER = ("questions", "answer", "source")


@dataclass(frozen=True)
class FaqDraft:
    phrasings: tuple[str, ...]
    answer: str
    source: str


def read_faq_file(path: Path) -> list[FaqDraft]:
    """All entries of a FAQ CSV file; any bad row rejects the whole file (nothing half-read)."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise DomainError("kb_unreadable_file", name=path.name) from error
    return parse_faq_csv(path.name, text)


def parse_faq_csv(name: str, text: str) -> list[FaqDraft]:
    """Parse FAQ CSV text; name is used in error messages."""
    try:
        rows = list(csv.reader(io.StringIO(clean_text(text))))
    except csv.Error as error:
        raise DomainError("kb_unreadable_file", name=name) from error
    if not rows or tuple(cell.strip().lower() for cell in rows[0][:3]) != HEADER[: len(rows[0])]:
        raise DomainError("kb_faq_bad_header", name=name, header=",".join(HEADER))
    width = len(rows[0])
    if width < 2:
        raise DomainError("kb_faq_bad_header", name=name, header=",".join(HEADER))
    drafts: list[FaqDraft] = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue  # blank lines are allowed
        if len(row) > width:
            raise DomainError("kb_faq_bad_row", name=name, row=number)
        cells = [cell.strip() for cell in row] + [""] * (3 - len(row))
        phrasings = tuple(dict.fromkeys(q.strip() for q in cells[0].split("|") if q.strip()))
        if not phrasings or not cells[1]:
            raise DomainError("kb_faq_bad_row", name=name, row=number)
        drafts.append(FaqDraft(phrasings, cells[1], cells[2]))
    return drafts
