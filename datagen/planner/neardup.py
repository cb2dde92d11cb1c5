"""Near-duplicate lookup for goal vectors: MinHash LSH over the vectors' non-zero slots.

Corpus memory asks, for every candidate chain of every conversation, how similar its goal is to
any goal already produced. A scan (or an inverted index over common words) grows with the run;
MinHash banding finds the few earlier goals that share most of their terms in constant time, and
only those are compared exactly (cosine). Deterministic: fixed hash coefficients.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from datagen.planner.embedding import SparseVector, cosine

_PRIME = (1 << 61) - 1
# Fixed coefficients (any odd constants work; these come from a blake2b of "datagen-minhash").
_COEFFS = [(0x9E3779B97F4A7C15 * (i + 1) % _PRIME | 1, 0xC2B2AE3D27D4EB4F * (i + 7) % _PRIME) for i in range(32)]


@lru_cache(maxsize=65536)
def _band_keys(slots: tuple[int, ...], bands: int, rows: int) -> list[tuple[int, tuple[int, ...]]]:
    """MinHash band keys of a slot set (cached: the same candidate goal recurs across a run)."""
    if not slots:
        return []
    mins = [min((a * s + b) % _PRIME for s in slots) for a, b in _COEFFS[: bands * rows]]
    return [(band, tuple(mins[band * rows:(band + 1) * rows])) for band in range(bands)]


class NearDuplicateIndex:
    """Goals added so far, findable by similarity. `bands` x `rows` hashes per vector."""

    def __init__(self, bands: int = 8, rows: int = 4) -> None:
        self.bands = bands
        self.rows = rows
        self.vectors: list[SparseVector] = []
        self.buckets: defaultdict[tuple[int, tuple[int, ...]], list[int]] = defaultdict(list)

    def _keys(self, vector: SparseVector) -> list[tuple[int, tuple[int, ...]]]:
        return _band_keys(tuple(vector), self.bands, self.rows)

    def add(self, vector: SparseVector) -> None:
        """Index one more goal."""
        goal = len(self.vectors)
        self.vectors.append(vector)
        for key in self._keys(vector):
            self.buckets[key].append(goal)

    def max_similarity(self, vector: SparseVector) -> float:
        """Highest cosine similarity to an indexed goal that shares a band (0.0 if none)."""
        candidates: set[int] = set()
        for key in self._keys(vector):
            candidates.update(self.buckets.get(key, ()))
        return max((cosine(vector, self.vectors[g]) for g in sorted(candidates)), default=0.0)

    def __len__(self) -> int:
        return len(self.vectors)
