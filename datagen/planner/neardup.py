"""Near-duplicate lookup for goals: datasketch MinHash LSH over word shingles, confirmed by embedding.

Corpus memory asks, for every candidate chain of every conversation, how similar its goal is to
any goal already produced. A scan grows with the run. `datasketch.MinHashLSH` over the goal's word
unigrams and bigrams (`embedding.word_grams`) returns only the earlier goals that likely share most
of their terms (Jaccard around `LSH_THRESHOLD` or more), and only those are compared exactly by the
cosine of their embeddings. The shingles come from the text, never from the embedding: dense
vectors (sentence-transformers) have every slot non-zero, so banding their slots put every goal in
the same buckets and turned the lookup into a full scan.

The price of lexical candidates: a dense embedding could call two goals with no words in common
near-duplicates, and this index never compares them. Goal signatures are built from the domain and
the endpoints' names (`planner.goal_signature`), so goals that repeat each other share their words.

Deterministic: the MinHash permutations come from a fixed seed, the shingle hash is datasketch's
SHA-1 (not the salted `hash()`), candidates are visited in insertion order, and the package version
is pinned in pyproject.toml.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from functools import lru_cache

from datasketch import LeanMinHash, MinHash, MinHashLSH

from datagen.planner.embedding import Embedder, LexicalEmbedder, SparseVector, cosine, word_grams

# 64 permutations: each band is one dict lookup per query, and corpus memory queries every
# candidate chain of every conversation; 128 found no more near-duplicates on the real tools.
NUM_PERM = 64
MINHASH_SEED = 20_240_901
# Jaccard of shingle sets around which LSH starts returning a goal. Pairs of real ToolBench goals at
# cosine >= 0.92 (memory.NEAR_DUPLICATE) have shingle Jaccard 0.67-0.83 (repeated words weigh more
# in the embedding than in the set). At 0.5 datasketch picks 14 bands of 4 rows: a pair at Jaccard
# 0.67 becomes a candidate with probability 0.96, one at 0.3 with 0.11.
LSH_THRESHOLD = 0.5
_EMBED_CACHE = 4096

_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED)


@lru_cache(maxsize=65536)
def goal_minhash(text: str) -> LeanMinHash:
    """MinHash of a goal's shingle set (cached and frozen: candidate goals recur across a run)."""
    minhash = _TEMPLATE.copy()
    minhash.update_batch(gram.encode("utf-8") for gram in sorted(set(word_grams(text))))
    return LeanMinHash(minhash)


def _new_lsh() -> MinHashLSH:
    """An empty in-memory index; leaves the global `random` state as it found it.

    datasketch names its storage with `random.choice` even for in-memory dicts; the name is never
    used here, but drawing from the shared generator would shift anything else that does.
    """
    state = random.getstate()
    try:
        return MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    finally:
        random.setstate(state)


class NearDuplicateIndex:
    """Distinct goals added so far, findable by similarity.

    Args:
        embedder: confirms LSH candidates by cosine; called only for goals that have candidates
            (and for those candidates), so a slow dense model is not run on every lookup.
    """

    def __init__(self, embedder: Embedder | None = None) -> None:
        self.embedder: Embedder = embedder or LexicalEmbedder()
        self._embed: Callable[[str], SparseVector] = lru_cache(maxsize=_EMBED_CACHE)(self.embedder.embed)
        self._lsh = _new_lsh()
        self._texts: list[str] = []

    def add(self, text: str) -> None:
        """Index one more goal (the caller keeps exact repeats out)."""
        self._lsh.insert(len(self._texts), goal_minhash(text), check_duplication=False)
        self._texts.append(text)

    def candidates(self, text: str) -> list[int]:
        """Insertion numbers of the indexed goals LSH puts in a bucket with `text`, ascending."""
        if not self._texts:
            return []
        keys: list[int] = self._lsh.query(goal_minhash(text))
        return sorted(keys)

    def max_similarity(self, text: str) -> float:
        """Highest embedding cosine to an LSH candidate of `text` (0.0 if there is none)."""
        found = self.candidates(text)
        if not found:
            return 0.0
        vector = self._embed(text)
        return max(cosine(vector, self._embed(self._texts[g])) for g in found)

    def __len__(self) -> int:
        return len(self._texts)
