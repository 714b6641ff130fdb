"""Q&A over the agreement's documents and curated FAQ entries."""

from bot.services.knowledge.documents import DocumentSummary, ImportOutcome
from bot.services.knowledge.faq_file import FaqDraft, read_faq_file
from bot.services.knowledge.index import IndexedFaq, IndexedPassage, Match, SearchIndex
from bot.services.knowledge.service import AnswerResult, KnowledgeService
from bot.services.knowledge.splitter import (
    ParsedDocument,
    ParsedPassage,
    parse_document,
    parse_text,
)

__all__ = [
    "AnswerResult",
    "DocumentSummary",
    "FaqDraft",
    "ImportOutcome",
    "IndexedFaq",
    "IndexedPassage",
    "KnowledgeService",
    "Match",
    "ParsedDocument",
    "ParsedPassage",
    "SearchIndex",
    "parse_document",
    "parse_text",
    "read_faq_file",
]
