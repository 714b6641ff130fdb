"""BM25F posting lists over weighted fields, and coverage of a question's concepts."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.services.knowledge.analyzer import Decompounder, stem

K1, B = 1.2, 0.75
PART_TF = 0.4  # a compound part counts less than a whole word, in documents and in questions
PART_CREDIT = 0.75  # how much a concept found only as a compound part covers
SYNONYM_CREDIT = 0.9
IDF_SHARE = 0.5  # confidence mixes IDF-weighted and plain shares of the concepts covered


@dataclass(frozen=True)
class Concept:
    stem: str
    parts: tuple[str, ...]
    weight: float
    synonyms: frozenset[str]


@dataclass(frozen=True)
class Query:
    concepts: tuple[Concept, ...]
    terms: dict[str, float]  # stem → weight in the question (parts weigh less)
    quantity: bool
    kind: str | None


# A field of a document: its content tokens, their tf weight and their coverage credit.
Field = tuple[Sequence[str], float, float]


class Corpus:
    """BM25F posting lists over documents made of weighted fields."""

    def __init__(self, docs: Sequence[Sequence[Field]], vocab: Decompounder) -> None:
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
            for tokens, weight, field_credit in fields:
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

    def scores(self, query: Query) -> dict[int, float]:
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

    def found(self, concept: Concept, doc: int) -> float:
        """How well a document covers one concept of the question (0..1)."""
        found = self.covers(concept.stem, doc)
        if found < 1 and concept.parts:
            parts = sum(self.covers(part, doc) for part in concept.parts)
            found = max(found, PART_CREDIT * parts / len(concept.parts))
        for synonym in concept.synonyms if found < SYNONYM_CREDIT else ():
            found = max(found, SYNONYM_CREDIT * self.covers(synonym, doc))
        return found

    def coverage(
        self, query: Query, doc: int, found_in: Callable[[Concept, int], float] | None = None
    ) -> float:
        """The share of the question's concepts a document covers, IDF-weighted and plain.

        `found_in` may say how well the document covers a concept instead of `found`.
        """
        total = covered = plain = 0.0
        for concept in query.concepts:
            found = (found_in or self.found)(concept, doc)
            total += concept.weight
            covered += concept.weight * found
            plain += found
        if not total:
            return 0.0
        return IDF_SHARE * covered / total + (1 - IDF_SHARE) * plain / len(query.concepts)


def _is_amount(term: str) -> bool:
    # Years (1900-2099) date things; they do not answer "hur många".
    return term[0].isdigit() and not (len(term) == 4 and term[:2] in ("19", "20"))
