"""In-memory search index: BM25F over posting lists, confidence as IDF-weighted term coverage."""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from bot.services.knowledge.analyzer import (
    Decompounder,
    content_tokens,
    is_quantity_question,
    question_type,
    stem,
    synonyms,
)
from bot.services.knowledge.trimming import trim

K1, B = 1.2, 0.75
PART_TF = 0.4  # a compound part counts less than a whole word, in documents and in questions
PART_CREDIT = 0.75  # how much a concept found only as a compound part covers
SYNONYM_CREDIT = 0.9
IDF_SHARE = 0.5  # confidence mixes IDF-weighted and plain shares of the concepts covered
HEADING_RANK = 0.3  # ranking: a passage whose heading names the question's concepts wins ties
BM25_RANK = 0.15
TYPE_RANK = 0.05  # ranking: a heading that asks the same kind of question ("Hur blir man …?")
NUMBER_RANK = 0.1  # ranking: "hur många …" prefers passages with numbers
CANDIDATES = 30
FAQ_MIN = 0.5  # a FAQ entry this sure ranks above passages …
FAQ_MARGIN = 0.2  # … unless a passage is this much surer
TYPE_MISMATCH = 0.7  # "hur många …" asked, "hur blir man …" curated


@dataclass(frozen=True)
class IndexedPassage:
    id: int
    title: str
    section: str
    text: str


@dataclass(frozen=True)
class IndexedFaq:
    id: int
    phrasings: tuple[str, ...]
    answer: str
    source: str


@dataclass(frozen=True)
class Match:
    kind: Literal["faq", "passage"]
    id: int
    text: str  # the trimmed answer, plain text (not escaped)
    title: str
    section: str
    confidence: float  # 0..1


@dataclass(frozen=True)
class _Concept:
    stem: str
    parts: tuple[str, ...]
    weight: float
    synonyms: frozenset[str]


@dataclass(frozen=True)
class _Query:
    concepts: tuple[_Concept, ...]
    terms: dict[str, float]  # stem → weight in the question (parts weigh less)
    quantity: bool
    kind: str | None


class _Corpus:
    """BM25F posting lists over documents made of weighted fields."""

    def __init__(self, docs: Sequence[Sequence[tuple[str, float, float]]], vocab: Decompounder):
        # Each field is (text, tf weight, coverage credit); a term's credit in a document is the
        # best credit it has there (1 for body and headings, less for compound parts or answers).
        self.size = len(docs)
        self.postings: dict[str, dict[int, float]] = {}
        self.credit: dict[str, dict[int, float]] = {}  # only entries with credit < 1
        self.has_number: list[bool] = []
        tfs: list[dict[str, float]] = []
        lengths: list[int] = []
        for fields in docs:
            tf: dict[str, float] = {}
            credit: dict[str, float] = {}
            length = 0
            for text, weight, field_credit in fields:
                tokens = content_tokens(text)
                length += len(tokens) if field_credit >= 1 else 0
                for token in tokens:
                    whole = stem(token)
                    tf[whole] = tf.get(whole, 0.0) + weight
                    credit[whole] = max(credit.get(whole, 0.0), field_credit)
                    for part in vocab.parts(token):
                        tf[part] = tf.get(part, 0.0) + weight * PART_TF
                        credit[part] = max(credit.get(part, 0.0), field_credit * PART_CREDIT)
            tfs.append(tf)
            lengths.append(max(length, 1))
            self.has_number.append(any(_is_amount(term) for term in tf))
            doc = len(tfs) - 1
            for term, value in credit.items():
                if value < 1:
                    self.credit.setdefault(term, {})[doc] = value
        average = sum(lengths) / max(len(lengths), 1)
        df: dict[str, int] = {}
        for tf in tfs:
            for term in tf:
                df[term] = df.get(term, 0) + 1
        self.idf = {term: self._idf(count) for term, count in df.items()}
        for doc, tf in enumerate(tfs):
            norm = K1 * (1 - B + B * lengths[doc] / average)
            for term, freq in tf.items():
                score = self.idf[term] * freq * (K1 + 1) / (freq + norm)
                self.postings.setdefault(term, {})[doc] = score

    def _idf(self, df: int) -> float:
        return math.log(1 + (self.size - df + 0.5) / (df + 0.5))

    def weight(self, term: str) -> float:
        """The IDF of a term; a term the corpus lacks weighs most."""
        return self.idf.get(term) or self._idf(0)

    def scores(self, query: _Query) -> dict[int, float]:
        """BM25F scores of the documents that share a term with the query."""
        terms = sorted(
            (t for t in query.terms if t in self.postings), key=lambda t: len(self.postings[t])
        )
        scores: dict[int, float] = {}
        prune = max(1000, self.size // 5)
        for term in terms:
            postings, factor = self.postings[term], query.terms[term]
            if scores and len(postings) > prune and len(postings) > len(scores):
                # A very common term only re-ranks documents found by rarer ones.
                for doc in scores:
                    scores[doc] += postings.get(doc, 0.0) * factor
                continue
            for doc, score in postings.items():
                scores[doc] = scores.get(doc, 0.0) + score * factor
        return scores

    def covers(self, term: str, doc: int) -> float:
        """How well a document contains a term (0 when absent)."""
        if doc not in self.postings.get(term, ()):
            return 0.0
        return self.credit.get(term, {}).get(doc, 1.0)

    def found(self, concept: _Concept, doc: int) -> float:
        """How well a document covers one concept of the question (0..1)."""
        found = self.covers(concept.stem, doc)
        if found < 1 and concept.parts:
            parts = sum(self.covers(part, doc) for part in concept.parts)
            found = max(found, PART_CREDIT * parts / len(concept.parts))
        for synonym in concept.synonyms if found < SYNONYM_CREDIT else ():
            found = max(found, SYNONYM_CREDIT * self.covers(synonym, doc))
        return found

    def coverage(self, query: _Query, doc: int) -> float:
        """The share of the question's concepts a document covers, IDF-weighted and plain."""
        total = covered = plain = 0.0
        for concept in query.concepts:
            found = self.found(concept, doc)
            total += concept.weight
            covered += concept.weight * found
            plain += found
        if not total:
            return 0.0
        return IDF_SHARE * covered / total + (1 - IDF_SHARE) * plain / len(query.concepts)


class SearchIndex:
    """Answers questions from passages and curated FAQ entries; immutable once built."""

    def __init__(self, passages: list[IndexedPassage], faqs: list[IndexedFaq]) -> None:
        self.passages = passages
        self.faqs = faqs
        vocabulary: set[str] = set()
        texts = [p.text + " " + p.section + " " + p.title for p in passages]
        texts += [" ".join(f.phrasings) + " " + f.answer for f in faqs]
        for text in texts:
            vocabulary.update(stem(token) for token in content_tokens(text))
        self.vocab = Decompounder(vocabulary)
        self.corpus = _Corpus(
            [[(p.text, 1.0, 1.0), (p.section, 1.5, 1.0), (p.title, 0.5, 0.8)] for p in passages],
            self.vocab,
        )
        self.faq_of: list[int] = []
        faq_docs: list[list[tuple[str, float, float]]] = []
        for number, faq in enumerate(faqs):
            for phrasing in faq.phrasings:
                self.faq_of.append(number)
                faq_docs.append([(phrasing, 1.0, 1.0), (faq.answer, 0.3, 0.6)])
        self.faq_corpus = _Corpus(faq_docs, self.vocab)
        self.faq_phrasings = [p for f in faqs for p in f.phrasings]
        headings: dict[str, tuple[frozenset[str], frozenset[str], str | None]] = {}
        for passage in passages:
            if passage.section not in headings:
                words = frozenset(stem(token) for token in content_tokens(passage.section))
                terms = self._terms_of(passage.section)
                headings[passage.section] = (terms, words, question_type(passage.section))
        self.headings = [headings[passage.section] for passage in passages]

    @classmethod
    def build(cls, passages: Iterable[IndexedPassage], faqs: Iterable[IndexedFaq]) -> SearchIndex:
        """Build an index over the given passages and FAQ entries."""
        return cls(list(passages), list(faqs))

    def best(self, question: str) -> Match | None:
        """The best match (a FAQ entry when it matches well), or None when nothing matches."""
        found = self.search(question, limit=1)
        return found[0] if found else None

    def search(self, question: str, limit: int = 5) -> list[Match]:
        """The best matches for a question, best first."""
        query = self._query(question, self.corpus)
        if not query.concepts:
            return []
        passages = self._passages(query)
        faqs = sorted(self._faqs(question), key=lambda match: -match.confidence)
        surest = max((match.confidence for match in passages), default=0.0)
        strong = [f for f in faqs if f.confidence >= max(FAQ_MIN, surest - FAQ_MARGIN)]
        ranked = strong + passages + [f for f in faqs if f not in strong]
        return [self._match(match, query) for match in ranked[:limit]]

    def _query(self, question: str, corpus: _Corpus) -> _Query:
        concepts: dict[str, _Concept] = {}
        terms: dict[str, float] = {}
        for token in content_tokens(question):
            whole = stem(token)
            parts = self.vocab.parts(token)
            alternatives = synonyms().get(whole, frozenset())
            concepts.setdefault(whole, _Concept(whole, parts, corpus.weight(whole), alternatives))
            terms[whole] = 1.0
            for part in (*parts, *alternatives):
                terms[part] = max(terms.get(part, 0.0), PART_TF)
        quantity = is_quantity_question(question)
        return _Query(tuple(concepts.values()), terms, quantity, question_type(question))

    def _passages(self, query: _Query) -> list[Match]:
        scores = self.corpus.scores(query)
        top = heapq.nlargest(CANDIDATES, scores.items(), key=lambda item: item[1])
        ranked = []
        total = sum(concept.weight for concept in query.concepts)
        asked = set(query.terms)
        asks = query.kind
        if query.quantity:
            asked.add("antal")
        for doc, score in top:
            confidence = self.corpus.coverage(query, doc)
            heading, words, kind = self.headings[doc]
            named = sum(c.weight for c in query.concepts if _named(c, heading)) / total
            # Dice-like: the heading names the question, and the question names the heading.
            share = len(words & asked) / len(words) if words else 0.0
            if kind and kind != asks:
                named = 0.0  # a heading that asks another question ("Hur ofta …?") is no hint
            rank = confidence + HEADING_RANK * named * (0.5 + 0.5 * share)
            rank += BM25_RANK * score / top[0][1] + (TYPE_RANK if kind and kind == asks else 0)
            if query.quantity and self.corpus.has_number[doc]:
                rank += NUMBER_RANK
            passage = self.passages[doc]
            match = Match(
                "passage", passage.id, passage.text, passage.title, passage.section, confidence
            )
            ranked.append((rank, match))
        ranked.sort(key=lambda item: -item[0])
        return [match for _, match in ranked]

    def _faqs(self, question: str) -> list[Match]:
        if not self.faqs:
            return []
        query = self._query(question, self.faq_corpus)
        asked = set(query.terms)
        kind = question_type(question)
        best: dict[int, float] = {}
        for doc in self.faq_corpus.scores(query):
            phrasing = self.faq_phrasings[doc]
            confidence = self.faq_corpus.coverage(query, doc)
            # Symmetric: the curated phrasing must also be covered by the question.
            confidence *= 0.4 + 0.6 * self._reverse_coverage(phrasing, asked)
            curated = question_type(phrasing)
            if kind and curated and kind != curated:
                confidence *= TYPE_MISMATCH
            number = self.faq_of[doc]
            best[number] = max(best.get(number, 0.0), confidence)
        return [
            Match("faq", faq.id, faq.answer, faq.source, "", round(confidence, 4))
            for faq, confidence in ((self.faqs[n], c) for n, c in best.items())
        ]

    def _reverse_coverage(self, phrasing: str, asked: set[str]) -> float:
        total = covered = 0.0
        for token in content_tokens(phrasing):
            whole = stem(token)
            weight = self.faq_corpus.weight(whole)
            total += weight
            if whole in asked or any(part in asked for part in self.vocab.parts(token)):
                covered += weight
        return covered / total if total else 1.0

    def _match(self, match: Match, query: _Query) -> Match:
        if match.kind == "faq":
            return match
        weights = {c.stem: c.weight for c in query.concepts}
        for concept in query.concepts:
            for part in concept.parts:
                weights.setdefault(part, concept.weight * PART_CREDIT)
        for concept in query.concepts:
            for synonym in concept.synonyms:
                weights.setdefault(synonym, concept.weight * SYNONYM_CREDIT)
        text = trim(match.text, weights, self._terms_of, quantity=query.quantity)
        confidence = round(match.confidence, 4)
        return Match(match.kind, match.id, text, match.title, match.section, confidence)

    def _terms_of(self, text: str) -> frozenset[str]:
        terms = set()
        for token in content_tokens(text):
            terms.add(stem(token))
            terms.update(self.vocab.parts(token))
        return frozenset(terms)


def _is_amount(term: str) -> bool:
    # Years (1900-2099) date things; they do not answer "hur många".
    return term[0].isdigit() and not (len(term) == 4 and term[:2] in ("19", "20"))


def _named(concept: _Concept, heading: frozenset[str]) -> bool:
    if concept.stem in heading or not concept.synonyms.isdisjoint(heading):
        return True
    return bool(concept.parts) and all(part in heading for part in concept.parts)
