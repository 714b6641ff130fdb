"""In-memory search index: BM25F over posting lists, confidence as IDF-weighted term coverage."""

from __future__ import annotations

import heapq
import logging
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from functools import partial
from typing import Literal

import numpy as np

from bot.services.knowledge import abbreviations, answerability, focus, relative_time
from bot.services.knowledge.analyzer import (
    STOP_WORDS,
    Decompounder,
    content_tokens,
    is_quantity_question,
    lemma_stem,
    looks_english,
    question_type,
    raw_tokens,
    stem,
)
from bot.services.knowledge.corpus import (
    PART_CREDIT,
    PART_TF,
    SYNONYM_CREDIT,
    Concept,
    Corpus,
    Field,
    Query,
)
from bot.services.knowledge.embeddings import Embedder, Vectors
from bot.services.knowledge.spelling import Speller
from bot.services.knowledge.synonyms import Synonyms, shipped
from bot.services.knowledge.trimming import HoldsFact, trim, trim_like
from bot.timeutil import Clock, local, utc_now

HEADING_RANK = 0.3  # ranking: a passage whose heading names the question's concepts wins ties
BM25_RANK = 0.15
TYPE_RANK = 0.05  # ranking: a heading that asks the same kind of question ("Hur blir man …?")
NUMBER_RANK = 0.1  # ranking: "hur många …" prefers passages with numbers
CANDIDATES = 30
FAQ_MIN = 0.5  # a FAQ entry this sure ranks above passages …
FAQ_MARGIN = 0.2  # … unless a passage is this much surer
TYPE_MISMATCH = 0.7  # "hur många …" asked, "hur blir man …" curated
RRF_K = 60
log = logging.getLogger(__name__)
_model_failures = 0  # logged the first time only
FUSED_KEPT = 10
RERANKED = 5  # the first few passages are reranked by what they can answer (answerability)
WORDLESS = 0.3  # how sure the model alone may be of a passage sharing no word with a question
SECTION_SHARE = 0.85  # how surely a section's paragraphs cover a question together
SECTION_PARAGRAPHS = 4  # of more, each paragraph covers alone (a long section says much)
SECTION_ANSWER = 600  # a section this short answers whole, whichever paragraph matched
COMMON_NAME = 0.1  # a name in more than this share of passages is the setting, not the subject
LEARNED_MIN = 0.6  # a question this like a learned phrasing (shared words, Jaccard) …
LEARNED_BOOST = 0.15  # … lifts its passage's confidence by up to this much


@dataclass(frozen=True)
class Fusion:
    """How the semantic similarity and the lexical rank combine (chosen on the dev set).

    mode: "lexical" (words only), "semantic" (the model only), "rrf" (reciprocal rank fusion)
    or "weighted" (similarity plus `lexical` times the lexical rank scaled to 0..1).
    A passage's confidence is its lexical coverage, or, when the model is surer than the words,
    how far its similarity stands out from the question's similarities to all passages, in
    standard deviations (a z-score): the raw similarity does not tell answerable questions from
    others (e5 puts nearly everything between 0.75 and 0.92), a clear peak does better. The
    largest of n unrelated similarities already lies near sqrt(2 ln n) deviations above the
    mean, so confidence rises from 0 there (plus `margin`) to 1 `span` deviations higher: a
    larger knowledge base needs a clearer peak. When the words and the model put the same
    passage first, its coverage counts `agree` more.
    """

    mode: Literal["lexical", "semantic", "rrf", "weighted"] = "weighted"
    lexical: float = 0.07
    margin: float = 0.0
    span: float = 1.0
    agree: float = 0.1
    candidates: int = CANDIDATES

    def confidence(self, z: float, passages: int) -> float:
        """How far a passage's similarity stands out (a z-score) as a confidence (0..1)."""
        if passages < 2 or self.span <= 0:
            return 0.0
        floor = math.sqrt(2 * math.log(passages)) + self.margin
        return min(1.0, max(0.0, (z - floor) / self.span))


@dataclass(frozen=True)
class Semantic:
    """The model and the stored passage vectors, one row per passage in index order."""

    embedder: Embedder
    vectors: Vectors


@dataclass(frozen=True)
class IndexedPassage:
    id: int
    title: str
    section: str
    text: str


@dataclass(frozen=True)
class Lexical:
    """One language's word index over the passages: BM25F, compound parts and headings."""

    corpus: Corpus
    vocab: Decompounder
    headings: list[tuple[frozenset[str], frozenset[str], str | None]]


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
    lang: str = "sv"  # the language of text, title and section
    parts: tuple[int, ...] = ()  # the passages of a short section whose text this holds, in order


class SearchIndex:
    """Answers questions from passages and curated FAQ entries; immutable once built."""

    def __init__(
        self,
        passages: list[IndexedPassage],
        faqs: list[IndexedFaq],
        *,
        semantic: Semantic | None = None,
        fusion: Fusion | None = None,
        synonyms: Synonyms | None = None,
        clock: Clock = utc_now,
        learned: Iterable[tuple[int, str]] = (),
        english: Mapping[int, IndexedPassage] | None = None,
    ) -> None:
        self.passages = passages
        self.faqs = faqs
        if semantic is not None and semantic.vectors.shape[0] != len(passages):
            raise ValueError("one vector per passage is needed")
        self.semantic = semantic
        self.fusion = fusion or Fusion()
        # The abbreviations the documents define are synonyms too ("VGR", "Västra Götalandsregionen").
        self.abbreviations = abbreviations.defined(p.text for p in passages)
        self.synonyms = (synonyms if synonyms is not None else shipped()).merged(
            Synonyms.of(self.abbreviations)
        )
        self.clock = clock  # "i år", "förra året" are resolved against today in Stockholm
        rewrite = self.synonyms.expand  # documents keep a phrase's words and gain its word
        shared: dict[str, list[str]] = {}  # titles and headings repeat: analyse each once

        def tokens(text: str, *, repeated: bool = False) -> list[str]:
            found = shared.get(text) if repeated else None
            if found is None:
                found = content_tokens(text, rewrite)
                if repeated:
                    shared[text] = found
            return found

        docs: list[list[Field]] = [
            [
                (tokens(p.text), 1.0, 1.0),
                (tokens(p.section, repeated=True), 1.5, 1.0),
                (tokens(p.title, repeated=True), 0.5, 0.8),
            ]
            for p in passages
        ]
        self.faq_of: list[int] = []
        faq_docs: list[list[Field]] = []
        for number, faq in enumerate(faqs):
            for phrasing in faq.phrasings:
                self.faq_of.append(number)
                faq_docs.append([(tokens(phrasing), 1.0, 1.0), (tokens(faq.answer), 0.3, 0.6)])
        vocabulary = {stem(t) for doc in docs + faq_docs for field in doc for t in field[0]}
        self.vocab = Decompounder(vocabulary)
        self.speller = Speller(
            _counts(passages, faqs),
            known=lambda token: stem(token) in vocabulary or bool(self.vocab.parts(token)),
        )
        self.corpus = Corpus(docs, self.vocab)
        self.faq_corpus = Corpus(faq_docs, self.vocab)
        self.faq_phrasings = [p for f in faqs for p in f.phrasings]
        headings: dict[str, tuple[frozenset[str], frozenset[str], str | None]] = {}
        for passage in passages:
            if passage.section not in headings:
                words = frozenset(stem(t) for t in content_tokens(passage.section, rewrite))
                terms = self._terms_of(passage.section)
                headings[passage.section] = (terms, words, question_type(passage.section))
        self.headings = [headings[passage.section] for passage in passages]
        self.swedish = Lexical(self.corpus, self.vocab, self.headings)
        self.whole_sections = _sections(passages)
        self.sections = _short_sections(passages, self.whole_sections)
        # English questions are read against the English versions, where a passage has one.
        self.english_versions = dict(english or {})
        self.english = self._english_side(self.english_versions, tokens)
        # Questions askers matched to a passage ("Menade du …?"): passage id → their words.
        self.learned: dict[int, list[frozenset[str]]] = {}
        # Names the documents always write with a capital: "uddevalla" typed is a name too.
        self.proper = _proper_names(passages)
        # The aliases of a passage (and of its English version) depend on its text alone.
        self._alias_cache: dict[tuple[int, bool], str] = {}
        for passage_id, phrasing in learned:
            words = frozenset(stem(token) for token in content_tokens(phrasing))
            if words:
                self.learned.setdefault(passage_id, []).append(words)

    def _english_side(
        self, english: Mapping[int, IndexedPassage], tokens: Callable[..., list[str]]
    ) -> Lexical | None:
        versions = [english.get(passage.id) for passage in self.passages]
        if not any(versions):
            return None
        docs: list[list[Field]] = [
            [
                (tokens(v.text), 1.0, 1.0),
                (tokens(v.section, repeated=True), 1.5, 1.0),
                (tokens(v.title, repeated=True), 0.5, 0.8),
            ]
            if v is not None
            else []
            for v in versions
        ]
        vocab = Decompounder({stem(t) for doc in docs for field in doc for t in field[0]})
        headings: list[tuple[frozenset[str], frozenset[str], str | None]] = []
        for version in versions:
            section = version.section if version is not None else ""
            words = frozenset(stem(t) for t in content_tokens(section))
            headings.append((words, words, None))
        return Lexical(Corpus(docs, vocab), vocab, headings)

    @classmethod
    def build(
        cls,
        passages: Iterable[IndexedPassage],
        faqs: Iterable[IndexedFaq],
        *,
        semantic: Semantic | None = None,
        fusion: Fusion | None = None,
        synonyms: Synonyms | None = None,
        clock: Clock = utc_now,
        learned: Iterable[tuple[int, str]] = (),
        english: Mapping[int, IndexedPassage] | None = None,
    ) -> SearchIndex:
        """Build an index over the given passages and FAQ entries (and their vectors).

        `learned` pairs a passage id with a question an asker matched to it; `english` holds
        the English version of a passage (by id), which English questions are read against.
        """
        return cls(
            list(passages),
            list(faqs),
            semantic=semantic,
            fusion=fusion,
            synonyms=synonyms,
            clock=clock,
            learned=learned,
            english=english,
        )

    @property
    def mode(self) -> str:
        """How passages are ranked: "lexical" unless the model and the vectors are there."""
        return self.fusion.mode if self.semantic is not None else "lexical"

    def best(self, question: str) -> Match | None:
        """The best match (a FAQ entry when it matches well), or None when nothing matches."""
        found = self.search(question, limit=1)
        return found[0] if found else None

    def search(self, question: str, limit: int = 5) -> list[Match]:
        """The best matches for a question, best first (of the surest reading of a long one)."""
        best: list[Match] = []
        english = self.english is not None and looks_english(question)
        for text in focus.variants(question, self._says):
            found = self._search(self.understand(text), limit, as_written=text, english=english)
            if found and (not best or found[0].confidence > best[0].confidence):
                best = found
        return best

    def _says(self, sentence: str) -> list[str]:
        """A sentence's content words; a known phrase's words are content ("hur många är med?")."""
        tokens = raw_tokens(sentence)
        found = content_tokens(sentence)
        index = 0
        while index < len(tokens):
            phrase = self.synonyms.phrase_at(tokens, index)
            size = phrase[1] if phrase else 1
            if phrase:
                found.extend(tokens[index : index + size])
            index += size
        return found

    def understand(self, question: str) -> str:
        """The question as the index reads it: typos corrected, relative years made absolute."""
        today = local(self.clock()).date()
        return " ".join(self.speller.correct(raw_tokens(relative_time.resolve(question, today))))

    def _search(
        self, question: str, limit: int, *, as_written: str, english: bool = False
    ) -> list[Match]:
        query = self._query(question, self.corpus)
        if not query.concepts:
            return []
        side = self.swedish
        words = query
        if english and self.english is not None:
            # The speller knows only Swedish: it would "correct" English words.
            side = self.english
            today = local(self.clock()).date()
            words = self._query(relative_time.resolve(as_written, today), side.corpus, side.vocab)
            if not words.concepts:
                side, words = self.swedish, query
        # The model reads the words as written, and so does the check for names (capitals).
        found = self._passages(words, as_written, side, self._mixed(question, words, side))
        wants = self._asked(as_written, english=side is not self.swedish)
        passages = self._reranked(question, wants, found, side)
        faqs = sorted(self._faqs(question), key=lambda match: -match.confidence)
        surest = max((match.confidence for match in passages), default=0.0)
        strong = [f for f in faqs if f.confidence >= max(FAQ_MIN, surest - FAQ_MARGIN)]
        ranked = strong + passages + [f for f in faqs if f not in strong]
        english_words = words if side is not self.swedish else None
        return [self._match(match, query, english_words, wants) for match in ranked[:limit]]

    def chosen(self, question: str, doc: int) -> Match:
        """One passage (by its place in the index) trimmed for a question, fully confident."""
        query = self._query(question, self.corpus)
        return self._match(self._passage(doc, 1.0), query)

    def _query(self, question: str, corpus: Corpus, vocab: Decompounder | None = None) -> Query:
        concepts: dict[str, Concept] = {}
        terms: dict[str, float] = {}
        vocab = vocab or self.vocab
        for token in content_tokens(question, self.synonyms.rewrite):
            whole = stem(token)
            parts = vocab.parts(token)
            alternatives = self._alternatives(token, whole)
            if not parts and whole not in corpus.idf:
                alternatives |= vocab.containing(whole)
            weight = corpus.weight(whole)
            if parts and whole not in corpus.idf and corpus is self.corpus:
                # A Swedish compound the documents lack ("årsmötet") says what its parts say,
                # and no more: it must not outweigh the question's other words as a rare word.
                weight = max(corpus.weight(part) for part in parts)
            concepts.setdefault(whole, Concept(whole, parts, weight, alternatives))
            terms[whole] = 1.0
            for part in (*parts, *alternatives):
                terms[part] = max(terms.get(part, 0.0), PART_TF)
        quantity = is_quantity_question(question)
        return Query(tuple(concepts.values()), terms, quantity, question_type(question))

    def _alternatives(self, token: str, whole: str) -> frozenset[str]:
        # The synonyms of the word and of its dictionary form, and that form's stem itself.
        table = self.synonyms.table
        base = lemma_stem(token)
        found = table.get(whole, frozenset()) | table.get(base, frozenset())
        return found | ({base} - {whole})

    def _mixed(self, question: str, query: Query, side: Lexical) -> Query | None:
        """The English words of a Swedish question ("hur många RÖS-meetings …"), as a query of
        the English versions, or None when the question has none the Swedish text lacks."""
        if side is not self.swedish or self.english is None:
            return None
        unknown = [c for c in query.concepts if c.stem not in self.corpus.idf and not c.parts]
        if not unknown:
            return None
        english = self._query(question, self.english.corpus, self.english.vocab)
        known = {c.stem for c in english.concepts if c.stem in self.english.corpus.idf}
        return english if known & {c.stem for c in unknown} else None

    def _coverage(self, query: Query, doc: int, side: Lexical, mixed: Query | None) -> float:
        """How well a passage covers the question; a Swedish question's English words count
        as covered where the passage's English version holds them.

        The paragraphs of one section also cover it together, a little less surely: "få in en
        representant nästa period" is answered by a section whose first paragraph is about
        representatives and whose second about the next period.
        """
        english = {c.stem: c for c in mixed.concepts} if mixed is not None else {}
        translated = self.english.corpus if self.english is not None else None

        def found_in(concept: Concept, passage: int) -> float:
            found = side.corpus.found(concept, passage)
            other = english.get(concept.stem)
            if found < 1 and other is not None and translated is not None:
                found = max(found, translated.found(other, passage))
            return found

        own = side.corpus.coverage(query, doc, found_in)
        section = self.whole_sections[doc]
        if not 1 < len(section) <= SECTION_PARAGRAPHS:
            return own
        whole = side.corpus.coverage(
            query, doc, lambda concept, _: max(found_in(concept, d) for d in section)
        )
        return max(own, SECTION_SHARE * whole)

    def _passages(
        self, query: Query, question: str, side: Lexical, mixed: Query | None = None
    ) -> list[Match]:
        lexical = self._lexical(query, side)
        mode = self.mode
        if mode == "lexical" or self.semantic is None:
            return [self._passage(doc, coverage) for doc, _, coverage in lexical]
        fusion = self.fusion
        try:
            query_vector = self.semantic.embedder.query(question)
        except Exception as error:  # a model failing mid-run must not cost the answer
            _model_failed(error)
            return [self._passage(doc, coverage) for doc, _, coverage in lexical]
        # einsum, not BLAS: OpenBLAS threads spinning on two shared cores cost more than they save
        similarity = np.einsum("ij,j->i", self.semantic.vectors, query_vector)
        count = min(fusion.candidates, len(similarity))
        nearest = np.argpartition(-similarity, count - 1)[:count].tolist() if count else []
        by_meaning = sorted(nearest, key=lambda doc: -similarity[doc])
        fused: dict[int, float] = {}
        if mode == "rrf":
            for place, (doc, _, _) in enumerate(lexical):
                fused[doc] = 1 / (RRF_K + place + 1)
            for place, doc in enumerate(by_meaning):
                fused[doc] = fused.get(doc, 0.0) + 1 / (RRF_K + place + 1)
        else:
            weight = fusion.lexical if mode == "weighted" else 0.0
            top = lexical[0][1] if lexical and lexical[0][1] > 0 else 1.0
            words = {doc: rank / top for doc, rank, _ in lexical}
            for doc in {*words, *by_meaning}:
                fused[doc] = float(similarity[doc]) + weight * words.get(doc, 0.0)
        # Only the first few are ever shown or compared with FAQ entries: score just those.
        ranked = heapq.nlargest(FUSED_KEPT, fused, key=lambda doc: fused[doc])
        mean, spread = float(similarity.mean()), float(similarity.std()) or 1.0
        agreed = lexical[0][0] if lexical and by_meaning and lexical[0][0] == by_meaning[0] else -1
        # "vad är klockan?" is near a "Vad betyder …?" heading in meaning alone. A question in
        # words that are not Swedish ("The fee?") has only the model to go by.
        capped = side is self.swedish and all(map(self.speller.real, content_tokens(question)))
        scored = []
        for doc in ranked:
            coverage = self._coverage(query, doc, side, mixed)
            meaning = fusion.confidence((float(similarity[doc]) - mean) / spread, len(similarity))
            if coverage == 0 and capped:
                meaning = min(meaning, WORDLESS)
            agrees = fusion.agree if doc == agreed else 0.0
            scored.append(self._passage(doc, max(coverage + agrees, meaning)))
        return scored

    def _reranked(
        self, question: str, asked: answerability.Asked, passages: list[Match], side: Lexical
    ) -> list[Match]:
        """The first few passages reranked, their confidence scaled by answerability features.

        A passage that holds the kind of fact asked for and every name asked about keeps its
        place; one that does not moves behind those that do.
        """
        english = side is not self.swedish
        wants = _rare_names(asked, side.corpus)
        content = content_tokens(question)
        words = frozenset(stem(token) for token in content)
        head = []
        for match in passages[:RERANKED]:
            version = self.english_versions.get(match.id) if english else None
            text, section, title = (
                (self.english_text(match) or version.text, version.section, version.title)
                if version is not None
                else (match.text, match.section, match.title)
            )
            also = self._aliases(match.id, english, f"{title}\n{section}\n{text}")
            found = answerability.features(
                wants, text, section, title, content, also, self.synonyms.table
            )
            confidence = found.adjust(match.confidence) + self._learned(match.id, words)
            # "Vad gör ni med reserverad upphandling?" is not answered by what it is.
            defining = wants.activity and answerability.defines(section)
            order = (not found.answers, not found.counted, defining)
            head.append((order, replace(match, confidence=min(1.1, confidence))))
        head.sort(key=lambda item: item[0])  # stable: the ranking's order otherwise
        return [match for _, match in head] + passages[RERANKED:]

    def _aliases(self, passage_id: int, english: bool, text: str) -> str:
        """The other forms of the abbreviations a passage uses, found once per passage."""
        key = (passage_id, english)
        found = self._alias_cache.get(key)
        if found is None:
            found = abbreviations.aliases(text, self.abbreviations)
            self._alias_cache[key] = found
        return found

    def _asked(self, as_written: str, *, english: bool) -> answerability.Asked:
        """What a question asks, read with its typos corrected ("hur manga ganger …" asks how
        many times) and its relative years made absolute; an English question is read as
        written (the speller knows Swedish)."""
        text = as_written if english else self.speller.corrected(as_written)
        # "i år" asks about this year as much as "2025" does: the year is a name asked about.
        text = relative_time.resolve(text, local(self.clock()).date())
        asking = focus.asking(text)
        found = answerability.asked(asking)
        if not english:
            lowered = [word for word in map(stem, raw_tokens(asking)) if word in self.proper]
            if lowered:  # not required of a passage (a common word may be one), only told
                found = replace(found, typed=tuple(dict.fromkeys(lowered)))
        # What is counted, and the role asked about, may be written in other words:
        # "deltagare" counted as "personer", a "företrädare" named as a "representant".
        if found.roles:
            found = replace(found, roles=self._with_synonyms(found.roles))
        if found.kind == "number" and not found.counted and not found.counts_time:
            implied = self._counted_phrase(text)
            if implied:  # "hur många är med?" counts signatories: "är med" is one of their names
                found = replace(found, counted=(implied,), counts_noun=True)
        if not found.counts_noun:
            return found
        return replace(found, counted=self._with_synonyms(found.counted))

    def _counted_phrase(self, question: str) -> str | None:
        """The word a phrase after "hur många" stands for ("är med" → underskrivare), if any."""
        found = self.synonyms.phrase_at(answerability.counting_words(question))
        if found is None or not answerability.is_plural(found[0]):  # "var med" is "deltog"
            return None
        return stem(found[0])

    def _with_synonyms(self, stems: tuple[str, ...]) -> tuple[str, ...]:
        table = self.synonyms.table
        others = {synonym for stem in stems for synonym in table.get(stem, ())}
        return (*stems, *sorted(others - set(stems)))

    def english_text(self, match: Match) -> str | None:
        """The English version of a match's whole text (its section's passages), if it has one."""
        versions = [self.english_versions.get(ident) for ident in match.parts or (match.id,)]
        if not all(versions):
            return None
        return "\n".join(version.text for version in versions if version is not None)

    def _learned(self, passage_id: int, words: frozenset[str]) -> float:
        """The lift a passage gets from a learned phrasing like the question (0 if none)."""
        best = 0.0
        for phrasing in self.learned.get(passage_id, ()):
            best = max(best, len(words & phrasing) / len(words | phrasing) if words else 0.0)
        return LEARNED_BOOST * best if best >= LEARNED_MIN else 0.0

    def _passage(self, doc: int, confidence: float) -> Match:
        passage = self.passages[doc]
        group = self.sections[doc]
        text = "\n".join(self.passages[d].text for d in group) if len(group) > 1 else passage.text
        parts = tuple(self.passages[d].id for d in group) if len(group) > 1 else ()
        return Match(
            "passage", passage.id, text, passage.title, passage.section, confidence, parts=parts
        )

    def _lexical(self, query: Query, side: Lexical) -> list[tuple[int, float, float]]:
        """The lexical candidates, best first: (passage, ranking score, coverage)."""
        corpus = side.corpus
        scores = corpus.scores(query)
        top = heapq.nlargest(CANDIDATES, scores.items(), key=lambda item: item[1])
        ranked = []
        total = sum(concept.weight for concept in query.concepts)
        asked = set(query.terms)
        asks = query.kind
        if query.quantity:
            asked.add("antal")
        for doc, score in top:
            confidence = self._coverage(query, doc, side, None)
            heading, words, kind = side.headings[doc]
            named = sum(c.weight for c in query.concepts if _named(c, heading)) / total
            # Dice-like: the heading names the question, and the question names the heading.
            share = len(words & asked) / len(words) if words else 0.0
            if kind and kind != asks:
                named = 0.0  # a heading that asks another question ("Hur ofta …?") is no hint
            rank = confidence + HEADING_RANK * named * (0.5 + 0.5 * share)
            rank += BM25_RANK * score / top[0][1] + (TYPE_RANK if kind and kind == asks else 0)
            if query.quantity and corpus.has_number[doc]:
                rank += NUMBER_RANK
            ranked.append((doc, rank, confidence))
        ranked.sort(key=lambda item: -item[1])
        return ranked

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
        for token in content_tokens(phrasing, self.synonyms.expand):
            whole = stem(token)
            weight = self.faq_corpus.weight(whole)
            total += weight
            if whole in asked or any(part in asked for part in self.vocab.parts(token)):
                covered += weight
        return covered / total if total else 1.0

    def trimmed(self, question: str, text: str, *, original: str) -> str:
        """Another version of a passage (its English text) trimmed as the original would be.

        Only the question's terms that the original holds (names, figures, acronyms) pick
        sentences: other words of another language would weigh as the rarest terms of all.
        """
        query = self._query(self.understand(question), self.corpus)
        held = self._terms_of(original)
        weights = {term: w for term, w in self._weights(query).items() if term in held}
        return trim(text, weights, self._terms_of, quantity=query.quantity)

    def _match(
        self,
        match: Match,
        query: Query,
        english: Query | None = None,
        wants: answerability.Asked | None = None,
    ) -> Match:
        if match.kind == "faq":
            return match
        holds = partial(answerability.holds_fact, wants) if wants and wants.kind else None
        text = self._trimmed_as_english(match, english, holds) if english is not None else None
        if text is None:
            weights, terms_of = self._weights(query), self._terms_of
            text = trim(match.text, weights, terms_of, quantity=query.quantity, holds_fact=holds)
        confidence = round(match.confidence, 4)
        return replace(match, text=text, confidence=confidence)

    def _trimmed_as_english(
        self, match: Match, english: Query, holds: HoldsFact | None = None
    ) -> str | None:
        """An English question picks sentences in the English version; the Swedish text keeps
        the same ones (by position), so both languages show the same part of the passage."""
        translated = self.english_text(match)
        if translated is None or self.english is None:
            return None
        vocab = self.english.vocab
        cut = trim(
            translated,
            self._weights(english),
            lambda text: self._terms_of(text, vocab),
            quantity=english.quantity,
            holds_fact=holds,
        )
        return trim_like(match.text, translated, cut)

    def _weights(self, query: Query) -> dict[str, float]:
        weights = {c.stem: c.weight for c in query.concepts}
        for concept in query.concepts:
            for part in concept.parts:
                weights.setdefault(part, concept.weight * PART_CREDIT)
        for concept in query.concepts:
            for synonym in concept.synonyms:
                weights.setdefault(synonym, concept.weight * SYNONYM_CREDIT)
        return weights

    def _terms_of(self, text: str, vocab: Decompounder | None = None) -> frozenset[str]:
        terms = set()
        for token in content_tokens(text, self.synonyms.expand):
            terms.add(stem(token))
            terms.update((vocab or self.vocab).parts(token))
        return frozenset(terms)


def _model_failed(error: Exception) -> None:
    global _model_failures
    _model_failures += 1
    if _model_failures == 1:
        log.warning("semantic search failed, answering from words: %s", error.__class__.__name__)


def _short_sections(
    passages: list[IndexedPassage], sections: list[tuple[int, ...]]
) -> list[tuple[int, ...]]:
    """Per passage, the passages of its section (`sections`) when together they fit in one
    answer.

    A section split into paragraphs ("Budget 2026": an opening sentence, then the list of
    amounts) answers as a whole: otherwise the paragraph that names the question's words wins
    and the sibling that holds the asked fact is left out.
    """
    fits: dict[tuple[int, ...], bool] = {}
    groups = []
    for doc, group in enumerate(sections):
        if group not in fits:
            fits[group] = sum(len(passages[d].text) + 1 for d in group) <= SECTION_ANSWER
        groups.append(group if fits[group] else (doc,))
    return groups


def _sections(passages: list[IndexedPassage]) -> list[tuple[int, ...]]:
    """Per passage, the passages of its section (itself alone when it has no section)."""
    groups: list[tuple[int, ...]] = []
    start = 0
    for doc in range(1, len(passages) + 1):
        if doc < len(passages) and _same_section(passages[doc], passages[start]):
            continue
        groups.extend([tuple(range(start, doc))] * (doc - start))
        start = doc
    return groups


def _same_section(one: IndexedPassage, other: IndexedPassage) -> bool:
    return bool(one.section) and (one.title, one.section) == (other.title, other.section)


def _rare_names(wants: answerability.Asked, corpus: Corpus) -> answerability.Asked:
    """What a question asks, without the names that most passages share (VGR, RÖS, 2024).

    A passage lacking "Suicide Zero" cannot answer a question about it, but one lacking "VGR"
    in "VGR-överenskommelsen" can: the asker names the setting, not the subject.
    """
    limit = COMMON_NAME * corpus.size
    rare = tuple(name for name in wants.names if len(corpus.postings.get(name, ())) <= limit)
    return replace(wants, names=rare)


def _named(concept: Concept, heading: frozenset[str]) -> bool:
    if concept.stem in heading or not concept.synonyms.isdisjoint(heading):
        return True
    return bool(concept.parts) and all(part in heading for part in concept.parts)


def _proper_names(passages: list[IndexedPassage]) -> frozenset[str]:
    """The stems of words the passages write with a capital inside a sentence, never without."""
    capital: set[str] = set()
    lower: set[str] = set()
    for passage in passages:
        for sentence in re.split(r"(?<=[.!?:])\s+|\n+", passage.text):
            # Chunks between commas: "Härryda, Borås" starts a name after the comma.
            for chunk, phrase in enumerate(re.split(r"[,;()]", sentence)):
                words = re.findall(r"[^\W\d_]+", phrase)
                for place, word in enumerate(words):
                    if word.isupper():
                        continue  # acronyms are names already
                    if not word[:1].isupper():
                        lower.add(stem(word))
                    # A name's first word ("i Uddevalla"): "Rädda Barnen" gives no "barn".
                    elif (place == 0 and chunk > 0) or (place > 0 and words[place - 1].islower()):
                        capital.add(stem(word.casefold()))
    return frozenset(capital - lower - STOP_WORDS)


def _counts(passages: list[IndexedPassage], faqs: list[IndexedFaq]) -> Counter[str]:
    # How often each word occurs (stop words too): typos are corrected to frequent words.
    counts: Counter[str] = Counter()
    for text in {text for p in passages for text in (p.title, p.section)}:
        counts.update(raw_tokens(text))
    for passage in passages:
        counts.update(raw_tokens(passage.text))
    for faq in faqs:
        for text in (*faq.phrasings, faq.answer):
            counts.update(raw_tokens(text))
    return counts
