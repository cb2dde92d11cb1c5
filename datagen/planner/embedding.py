"""Text embeddings for near-duplicate goal detection in corpus memory.

With the `embeddings` extra installed, sentence-transformers encodes goals (model from
`DATAGEN_EMBEDDING_MODEL`, default `all-MiniLM-L6-v2`, loaded from the local cache only). Without it,
or when the model cannot be loaded offline, a built-in lexical embedding is used: word unigrams and
bigrams hashed (blake2b, so stable across processes) into a fixed-size, L2-normalised vector.
"""

from __future__ import annotations

import hashlib
import logging
import math
import os
import re
from typing import Protocol

log = logging.getLogger(__name__)

_WORD = re.compile(r"[a-z0-9]+")


class Embedder(Protocol):
    name: str

    def embed(self, text: str) -> list[float]: ...


class LexicalEmbedder:
    """Hashed bag of unigrams and bigrams; deterministic and dependency-free."""

    name = "lexical-hash-256"

    def __init__(self, dims: int = 256) -> None:
        self.dims = dims

    def embed(self, text: str) -> list[float]:
        words = _WORD.findall(text.lower())
        grams = words + [f"{a} {b}" for a, b in zip(words, words[1:])]
        vec = [0.0] * self.dims
        for gram in grams:
            digest = hashlib.blake2b(gram.encode(), digest_size=4).digest()
            slot = int.from_bytes(digest[:3], "big") % self.dims
            vec[slot] += 1.0 if digest[3] & 1 else -1.0
        norm = math.sqrt(sum(v * v for v in vec)) or 1.0
        return [v / norm for v in vec]


class SentenceTransformerEmbedder:
    """sentence-transformers, offline (never downloads at run time)."""

    def __init__(self, model: str) -> None:
        from sentence_transformers import SentenceTransformer  # type: ignore[import-not-found,unused-ignore]

        self.name = f"sentence-transformers:{model}"
        self._model = SentenceTransformer(model, local_files_only=True)

    def embed(self, text: str) -> list[float]:
        vector = self._model.encode([text], normalize_embeddings=True)[0]
        return [float(v) for v in vector]


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


def cosine(a: list[float], b: list[float]) -> float:
    """Cosine similarity of two normalised vectors."""
    return sum(x * y for x, y in zip(a, b))
