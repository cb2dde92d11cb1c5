"""Corpus memory: steer a whole run toward coverage.

It remembers what earlier conversations of the run used (tools, endpoints, exact chains, tool
combinations, domains, patterns, and goals) and scores a candidate chain by how much of
that it repeats. The planner takes the candidate with the lowest penalty; with memory disabled it
takes the sampler's first candidate. `observe` depends only on the finished record's content, so
`--resume` can rebuild the exact memory of an interrupted run by replaying the records on disk.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from datagen.planner.embedding import Embedder, LexicalEmbedder
from datagen.planner.neardup import NearDuplicateIndex

NEAR_DUPLICATE = 0.92


@dataclass
class Weights:
    """How strongly each kind of repetition is penalised."""

    tool: float = 1.0
    endpoint: float = 0.5
    chain: float = 6.0
    combination: float = 3.0
    domain: float = 0.6
    near_duplicate_goal: float = 4.0


@dataclass
class CorpusMemory:
    """Counts of what the run has produced so far, and the penalty of repeating it."""

    enabled: bool = True
    embedder: Embedder = field(default_factory=LexicalEmbedder)
    weights: Weights = field(default_factory=Weights)
    tools: Counter[str] = field(default_factory=Counter)
    endpoints: Counter[str] = field(default_factory=Counter)
    chains: Counter[tuple[str, ...]] = field(default_factory=Counter)
    combinations: Counter[tuple[str, ...]] = field(default_factory=Counter)
    domains: Counter[str] = field(default_factory=Counter)
    goal_texts: set[str] = field(default_factory=set)
    conversations: int = 0
    goals: NearDuplicateIndex = field(init=False)

    def __post_init__(self) -> None:
        self.goals = NearDuplicateIndex(self.embedder)

    def penalty(self, endpoint_ids: list[str], domain: str, goal_text: str) -> float:
        """Higher for a candidate that repeats tools, chains, combinations, domains or goals."""
        if not self.enabled:
            return 0.0
        w = self.weights
        tools = sorted({e.split("::", 1)[0] for e in endpoint_ids})
        total = self.conversations or 1
        score = w.tool * sum(self.tools[t] for t in tools) / (total * len(tools))
        score += w.endpoint * sum(self.endpoints[e] for e in endpoint_ids) / (total * len(endpoint_ids))
        score += w.chain * self.chains[tuple(endpoint_ids)]
        score += w.combination * self.combinations[tuple(tools)]
        score += w.domain * self.domains[domain] * len(self.domains) / total
        if goal_text in self.goal_texts:
            score += w.near_duplicate_goal
        elif len(self.goals):
            best = self.goals.max_similarity(goal_text)
            if best >= NEAR_DUPLICATE:
                score += w.near_duplicate_goal * best
        return score

    def observe(self, endpoint_ids: list[str], domain: str, goal_text: str) -> None:
        """Record one finished conversation."""
        if not self.enabled:
            return
        tools = sorted({e.split("::", 1)[0] for e in endpoint_ids})
        self.conversations += 1
        self.tools.update(tools)
        self.endpoints.update(endpoint_ids)
        self.chains[tuple(endpoint_ids)] += 1
        self.combinations[tuple(tools)] += 1
        self.domains[domain] += 1
        if goal_text not in self.goal_texts:
            # Exact repeats are answered from the set; the index holds each distinct goal once.
            self.goal_texts.add(goal_text)
            self.goals.add(goal_text)
