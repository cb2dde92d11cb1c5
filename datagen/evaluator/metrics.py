"""Diversity metrics of a dataset (`datagen metrics`), from the JSONL records alone.

Shannon entropy in bits of: tools and endpoints (every call counts once), domains and patterns (one
per conversation), tool combinations (the set of distinct tools of a conversation); the mean pairwise
Jaccard dissimilarity of the conversations' tool sets; distinct-1 and distinct-2 of the user turns
(distinct n-grams / all n-grams, lower-cased word tokens). These are what the corpus-memory A/B
compares, so they are exact and cheap: identical tool sets are grouped before the pairwise mean.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

from pydantic import BaseModel

from datagen.core.record import RecordDict as Record

_WORD = re.compile(r"\w+")


class Distribution(BaseModel):
    """Entropy of one categorical distribution, with its support."""

    entropy_bits: float
    distinct: int
    total: int


class DatasetMetrics(BaseModel):
    """Everything `datagen metrics` prints."""

    conversations: int
    tools: Distribution
    endpoints: Distribution
    domains: Distribution
    patterns: Distribution
    tool_combinations: Distribution
    mean_jaccard_dissimilarity: float
    distinct_1: float
    distinct_2: float


def entropy(items: Iterable[str]) -> Distribution:
    """Shannon entropy H = −Σ p·log2 p of the items' frequencies, rounded to 4 places."""
    counts = Counter(items)
    total = sum(counts.values())
    h = -sum((n / total) * math.log2(n / total) for n in counts.values()) if total else 0.0
    return Distribution(entropy_bits=round(abs(h), 4), distinct=len(counts), total=total)


def jaccard_dissimilarity(sets: list[frozenset[str]]) -> float:
    """Mean of 1 − |A∩B|/|A∪B| over all unordered pairs of conversations (0 with fewer than two)."""
    n = len(sets)
    if n < 2:
        return 0.0
    groups = list(Counter(sets).items())
    total = 0.0
    for i, (a, na) in enumerate(groups):
        for b, nb in groups[i + 1:]:
            union = len(a | b)
            total += na * nb * (1 - len(a & b) / union if union else 0.0)
    return round(total / (n * (n - 1) / 2), 4)


def distinct_n(texts: list[str], n: int) -> float:
    """Distinct n-grams over all n-grams of the texts (each text tokenised on its own)."""
    grams: list[tuple[str, ...]] = []
    for text in texts:
        words = _WORD.findall(text.lower())
        grams += [tuple(words[i:i + n]) for i in range(len(words) - n + 1)]
    return round(len(set(grams)) / len(grams), 4) if grams else 0.0


def _calls(record: Record) -> list[str]:
    return [str(c.get("name")) for c in record.get("tool_calls") or [] if isinstance(c, dict)]


def compute(records: list[Record]) -> DatasetMetrics:
    """The metrics of a list of records."""
    names = [name for r in records for name in _calls(r)]
    tool_sets = [frozenset(n.split("::", 1)[0] for n in _calls(r)) for r in records]
    meta = [r.get("metadata") or {} for r in records]
    users = [str(m.get("content") or "") for r in records for m in r.get("messages") or []
             if isinstance(m, dict) and m.get("role") == "user"]
    return DatasetMetrics(
        conversations=len(records),
        tools=entropy(n.split("::", 1)[0] for n in names),
        endpoints=entropy(names),
        domains=entropy(str(m.get("domain")) for m in meta),
        patterns=entropy(str(m.get("pattern_type")) for m in meta),
        tool_combinations=entropy("+".join(sorted(s)) for s in tool_sets),
        mean_jaccard_dissimilarity=jaccard_dissimilarity(tool_sets),
        distinct_1=distinct_n(users, 1),
        distinct_2=distinct_n(users, 2),
    )


def render(metrics: DatasetMetrics) -> str:
    """The human-readable table of `datagen metrics`."""
    lines = [f"conversations: {metrics.conversations}", "Shannon entropy (bits):"]
    for name in ("tools", "endpoints", "domains", "patterns", "tool_combinations"):
        d: Distribution = getattr(metrics, name)
        top = math.log2(d.distinct) if d.distinct > 1 else 0.0
        lines.append(f"  {name:<18} {d.entropy_bits:>7.4f}  (max {top:.4f}, {d.distinct} distinct of {d.total})")
    lines.append(f"mean pairwise Jaccard dissimilarity (tool sets): {metrics.mean_jaccard_dissimilarity:.4f}")
    lines.append(f"user turns: distinct-1 {metrics.distinct_1:.4f}, distinct-2 {metrics.distinct_2:.4f}")
    return "\n".join(lines)
