"""Text embeddings for near-duplicate goal detection in corpus memory.

With the `embeddings` extra installed, sentence-transformers encodes goals (model from
`DATAGEN_EMBEDDING_MODEL`, default `all-MiniLM-L6-v2`, loaded from the local cache only). Without it,
or when the model cannot be loaded offline, a built-in lexical embedding is used: word unigrams and
bigrams hashed (blake2b, so stable across processes) into a sparse, L2-normalised vector.
Vectors are dicts (slot → weight; sparse for the lexical embedding, dense for sentence-transformers).
They only confirm near-duplicates: which earlier goals are compared at all is decided by the MinHash
LSH over word shingles in `neardup`, never by the vectors, so the lookup stays sublinear either way.
"""

from __future__ import annotations

import hashlib
import logging
import math
import os
import re
from functools import lru_cache
from typing import Protocol

log = logging.getLogger(__name__)

_WORD = re.compile(r"[a-z0-9]+")


SparseVector = dict[int, float]


class Embedder(Protocol):
    name: str

    def embed(self, text: str) -> SparseVector: ...


class LexicalEmbedder:
    """Hashed bag of unigrams and bigrams; deterministic and dependency-free."""

    name = "lexical-hash-16384"

    def __init__(self, dims: int = 16384) -> None:
        self.dims = dims

    def embed(self, text: str) -> SparseVector:
        return _lexical(text, self.dims)


def word_grams(text: str) -> list[str]:
    """Lower-cased word unigrams then bigrams, in text order (repeats kept).

    The one tokenisation of goal text: the lexical embedding weighs these grams and the
    near-duplicate index (`neardup`) shingles goals with them, so both agree on what a term is.
    """
    words = _WORD.findall(text.lower())
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


@lru_cache(maxsize=65536)
def _lexical(text: str, dims: int) -> SparseVector:
    """The lexical embedding (cached: candidate goals recur across a run). Do not mutate the result."""
    grams = word_grams(text)
    vec: SparseVector = {}
    for gram in grams:
        digest = hashlib.blake2b(gram.encode(), digest_size=4).digest()
        slot = int.from_bytes(digest[:3], "big") % dims
        vec[slot] = vec.get(slot, 0.0) + (1.0 if digest[3] & 1 else -1.0)
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {slot: v / norm for slot, v in sorted(vec.items()) if v}


class SentenceTransformerEmbedder:
    """sentence-transformers, offline (never downloads at run time)."""

    def __init__(self, model: str) -> None:
        from sentence_transformers import SentenceTransformer  # type: ignore[import-not-found,unused-ignore]

        self.name = f"sentence-transformers:{model}"
        self._model = SentenceTransformer(model, local_files_only=True)

    def embed(self, text: str) -> SparseVector:
        vector = self._model.encode([text], normalize_embeddings=True)[0]
        return {i: float(v) for i, v in enumerate(vector)}


def default_embedder() -> Embedder:
    """sentence-transformers when installed and its model is cached locally, else lexical."""
    model = os.environ.get("DATAGEN_EMBEDDING_MODEL", "all-MiniLM-L6-v2")
    try:
        return SentenceTransformerEmbedder(model)
    except ImportError:
        return LexicalEmbedder()
    except Exception as exc:  # noqa: BLE001 - any load failure means "use the built-in embedding"
        log.warning("sentence-transformers model %s unavailable offline (%s); using lexical embeddings", model, exc)
        return LexicalEmbedder()


def cosine(a: SparseVector, b: SparseVector) -> float:
    """Cosine similarity of two normalised sparse vectors."""
    if len(b) < len(a):
        a, b = b, a
    return sum(x * b.get(slot, 0.0) for slot, x in a.items())
