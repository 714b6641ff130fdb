"""Splitting documents (Markdown, plain text, PDF) into passages with their section headings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from bot.errors import DomainError
from bot.services.knowledge.trimming import sentences
from bot.texts.clean import clean_text

MAX_PASSAGE = 800
SECTION_SEPARATOR = " › "
_KINDS = {".md": "markdown", ".markdown": "markdown", ".txt": "text", ".pdf": "pdf"}
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_EMPHASIS = re.compile(r"(\*{1,3}|_{2,3})(\S(?:.*?\S)?)\1")
_ITEM = re.compile(r"^\s*(?:[-*•–]|\d+[.)])\s+")
_HEADING_END = re.compile(r"[.,;:]$")
_MARKED_HEADING = re.compile(r"(#{1,6})\s+")
# A stable key for a section, written after its heading as in Pandoc: "## Syftet {#syfte}".
_HEADING_KEY = re.compile(r"\s*\{#([A-Za-z0-9_-]+)\}\s*$")


@dataclass(frozen=True)
class ParsedPassage:
    section: str
    text: str
    # "key.n": the n-th block under the section whose heading carries {#key} (or whose heading
    # path is key); the pieces of a long block share it. Translations map passages by it.
    anchor: str = ""


@dataclass(frozen=True)
class ParsedDocument:
    title: str
    kind: str
    passages: list[ParsedPassage]


def parse_document(path: Path) -> ParsedDocument:
    """Read a .md/.markdown, .txt or .pdf file into passages."""
    kind = _KINDS.get(path.suffix.lower())
    if kind is None:
        raise DomainError("kb_unsupported_file", name=path.name)
    try:
        if kind == "pdf":
            return _parse_pdf(path)
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise DomainError("kb_unreadable_file", name=path.name) from error
    return parse_text(path.stem, text, kind)


def parse_text(name: str, text: str, kind: str, *, split: bool = True) -> ParsedDocument:
    """Split a document's text into passages; name is the fallback title.

    With split=False a long block stays one passage (a translation is mapped block by block).
    """
    text = clean_text(text)
    title, passages = _markdown(text) if kind == "markdown" else _plain(text)
    if split:
        passages = [p for passage in passages for p in _split_long(passage)]
    passages = [p for p in passages if p.text]
    return ParsedDocument(title=title or name, kind=kind, passages=passages)


def _clean(text: str) -> str:
    text = _HTML_TAG.sub("", _LINK.sub(r"\1", text))
    text = _EMPHASIS.sub(r"\2", text)
    lines = (re.sub(r"[ \u00a0]+", " ", line) for line in text.split("\n"))
    lines = (re.sub(r"\s*\t+\s*", ": ", line).strip() for line in lines)
    return "\n".join(line for line in lines if line)


def _split_long(passage: ParsedPassage) -> list[ParsedPassage]:
    if len(passage.text) <= MAX_PASSAGE:
        return [passage]
    pieces: list[str] = []
    for line in passage.text.split("\n"):
        for unit in [line] if _ITEM.match(line) else sentences(line):
            joiner = "\n" if _ITEM.match(unit) else " "
            if pieces and len(pieces[-1]) + len(unit) < MAX_PASSAGE:
                pieces[-1] += joiner + unit
            else:
                pieces.append(unit)
    return [ParsedPassage(passage.section, piece, passage.anchor) for piece in pieces]


class _Sections:
    """Collects passages under the current heading path."""

    def __init__(self) -> None:
        self.title = ""
        self.path: list[str] = ["", ""]
        self.keys: list[str] = ["", ""]  # the explicit {#key} of each heading in path
        self.blocks: dict[str, int] = {}  # blocks so far under each section key
        self.passages: list[ParsedPassage] = []
        self.lead: str | None = None  # "Planned activities:" waits for the list it introduces

    def heading(self, level: int, text: str) -> None:
        self.flush_lead()
        marked = _HEADING_KEY.search(text)
        key = marked.group(1) if marked else ""
        text = text[: marked.start()] if marked else text
        if level <= 1 and not self.title:
            self.title = text
        elif level <= 2:
            self.path, self.keys = [text, ""], [key, ""]
        else:
            self.path[1], self.keys[1] = text, key

    def add(self, text: str, *, is_list: bool = False, hold: bool = True) -> None:
        text = _clean(text)
        if not text:
            return
        if is_list and self.lead is not None:
            text, self.lead = self.lead + "\n" + text, None
        self.flush_lead()
        if hold and text.endswith(":") and not is_list:
            self.lead = text
            return
        section = SECTION_SEPARATOR.join(part for part in self.path if part)
        key = (self.keys[1] if self.path[1] else self.keys[0]) or section
        number = self.blocks[key] = self.blocks.get(key, 0) + 1
        self.passages.append(ParsedPassage(section, text, f"{key}.{number}"))

    def flush_lead(self) -> None:
        if self.lead is not None:
            lead, self.lead = self.lead, None
            self.add(lead, hold=False)


def _inline(token: Token) -> str:
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "image":
            parts.append(child.content)
    return "".join(parts)


def _markdown(text: str) -> tuple[str, list[ParsedPassage]]:
    sections = _Sections()
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    depth = 0  # inside a list (lists are passages as a whole)
    items: list[str] = []
    row: list[str] = []
    for index, token in enumerate(tokens):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
            if depth == 0:
                sections.add("\n".join(items), is_list=True)
                items = []
        elif token.type == "heading_open":
            sections.heading(int(token.tag[1:]), _clean(_inline(tokens[index + 1])))
        elif token.type == "inline" and tokens[index - 1].type == "paragraph_open":
            content = _inline(token)
            if depth:
                marker = "  " * (depth - 1) + "- "
                items.append(marker + content.replace("\n", " "))
            else:
                sections.add(content)
        elif token.type == "inline" and tokens[index - 1].type in ("th_open", "td_open"):
            row.append(_inline(token))
        elif token.type == "tr_close":
            items.append("- " + ": ".join(cell for cell in row if cell))
            row = []
        elif token.type == "table_close":
            sections.add("\n".join(items), is_list=True)
            items = []
        elif token.type in ("fence", "code_block", "html_block"):
            sections.add(token.content)
    sections.flush_lead()
    return sections.title, sections.passages


def _plain(text: str) -> tuple[str, list[ParsedPassage]]:
    sections = _Sections()
    blocks = [block for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if block.strip()]
    blocks = [block.strip("\n") for block in _join_page_breaks(blocks)]
    for index, block in enumerate(blocks):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        following = blocks[index + 1] if index + 1 < len(blocks) else ""
        marked = _MARKED_HEADING.match(lines[0])
        if marked and len(lines) == 1:
            sections.heading(len(marked.group(1)), lines[0][marked.end() :])
            continue
        if _is_heading(lines) and following:
            if not sections.title and not sections.passages:
                level = 1
            elif sections.path[0] and _previous_was_heading(blocks, index):
                level = 3  # the second of two stacked headings is a subsection
            else:
                level = 2
            sections.heading(level, lines[0])
            continue
        if all(_ITEM.match(line) for line in lines):
            sections.add("\n".join(lines), is_list=True)
        else:
            sections.add("\n".join(lines) if "\t" in block else " ".join(lines))
    sections.flush_lead()
    return sections.title, sections.passages


def _is_heading(lines: list[str]) -> bool:
    if len(lines) != 1 or len(lines[0]) > 80:
        return False
    return not _HEADING_END.search(lines[0]) and not _ITEM.match(lines[0])


def _previous_was_heading(blocks: list[str], index: int) -> bool:
    if index == 0:
        return False
    lines = [line.strip() for line in blocks[index - 1].split("\n") if line.strip()]
    return _is_heading(lines)


def _join_page_breaks(blocks: list[str]) -> list[str]:
    # A paragraph cut by a page break ends without punctuation and goes on in lower case.
    joined: list[str] = []
    for block in blocks:
        start = block.strip()[:1]
        if joined and start.islower() and not re.search(r"[.!?:]\s*$", joined[-1]):
            joined[-1] = joined[-1].rstrip() + " " + block.strip()
        else:
            joined.append(block)
    return joined


def _parse_pdf(path: Path) -> ParsedDocument:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        pages = [page.extract_text() or "" for page in reader.pages]
        meta_title = (reader.metadata.title if reader.metadata else None) or ""
    except (PdfReadError, OSError, ValueError, KeyError, TypeError) as error:
        raise DomainError("kb_unreadable_file", name=path.name) from error
    text = "\n\n".join(pages)
    if not text.strip():
        raise DomainError("kb_unreadable_file", name=path.name)
    document = parse_text(path.stem, text, "pdf")
    title = clean_text(str(meta_title)).strip() or document.title
    return ParsedDocument(title=title, kind="pdf", passages=document.passages)
