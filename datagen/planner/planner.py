"""The planner: pick one of the sampler's candidate chains and fill the `ConversationPlan`.

Reads: candidate chains (sampler) and their endpoints (registry view from the graph). Decides the
domain (the category most of the chain lives in), the pattern type, which required values the user
withholds until asked (clarification_first), and, through corpus memory, which candidate to use.
"""

from __future__ import annotations

import logging
import random
from collections import Counter
from typing import Any

from datagen.core.plan import ConversationPlan, ParamRef, PatternType, SampledChain, SamplingMode
from datagen.planner.memory import CorpusMemory
from datagen.registry.detour import detour
from datagen.registry.linking import coherent_prefix, end_indices, is_action
from datagen.registry.models import Endpoint
from datagen.registry.realisability import content_fields
from datagen.registry.naming import sayable, snake
from datagen.sampler.sampler import stable_int

log = logging.getLogger(__name__)

SEARCH_WORDS = frozenset({"search", "find", "list", "lookup", "query", "browse", "discover", "suggest", "get", "fetch"})
ACTION_WORDS = frozenset({
    "book", "create", "add", "send", "post", "order", "buy", "purchase", "apply", "cancel", "update",
    "delete", "remove", "submit", "register", "reserve", "pay", "schedule", "subscribe", "set", "upload",
    "convert", "calculate", "generate", "translate", "transfer", "confirm", "track", "rate", "save",
})


GUESSED_WEIGHT = 2.0
"""Planner penalty per step whose outputs are only inferred (a repeated chain costs 6)."""
REALISABILITY_WEIGHT = 3.0
"""Planner penalty per unit of a step's unrealisability (`1 - Endpoint.realisability`): a step of
score 0.5 costs as much as one more request in the opening turn, so chains whose answers can be
made whole win, without filtering the graph down to the few endpoints that score 1."""
SPREAD_WEIGHT = 1.5
"""Planner penalty per extra thing the user would have to ask for: a chain whose steps all lead to
one result reads as one goal; each further end step is one more request in the opening turn."""


def conversation_id(seed: int, index: int) -> str:
    """`conv_<seed>_<index from 1, 4 digits>`, as in the record format."""
    return f"conv_{seed}_{index + 1:04d}"


def conversation_seed(seed: int, index: int, attempt: int) -> int:
    """The derived seed of one conversation attempt (31 bits, stable across processes)."""
    return stable_int("conversation", seed, index, attempt) % 2_147_483_647


def pattern_for(mode: SamplingMode, endpoints: list[Endpoint], parallel: bool | None = None) -> PatternType:
    """Classify the chain: parallel, multi-tool, search-then-action, or plain sequential."""
    if mode is SamplingMode.PARALLEL if parallel is None else parallel:
        return PatternType.PARALLEL
    if len({e.tool_id for e in endpoints}) >= 2:
        return PatternType.MULTI_TOOL_CHAIN
    first = set(snake(endpoints[0].name).split("_"))
    later = {w for e in endpoints[1:] for w in snake(e.name).split("_")}
    acts = any(e.method in {"POST", "PUT", "PATCH", "DELETE"} for e in endpoints[1:]) or bool(later & ACTION_WORDS)
    if first & SEARCH_WORDS and acts:
        return PatternType.SEARCH_THEN_ACTION
    return PatternType.SEQUENTIAL_MULTI_STEP


def domain_for(endpoints: list[Endpoint]) -> str:
    """The category most of the chain's endpoints belong to (ties: the first step's)."""
    counts = Counter(e.category for e in endpoints)
    top = max(counts.values())
    return next(e.category for e in endpoints if counts[e.category] == top)


def goal_signature(endpoints: list[Endpoint], domain: str) -> str:
    """What a goal is about, for near-duplicate detection: the domain and each step's intent.

    Endpoint names (not ids) make clones of one API under different tools read as the same goal;
    descriptions are left out to keep the vectors short and the memory lookup cheap.
    """
    return " | ".join([domain] + [snake(e.name).replace("_", " ") for e in endpoints])


def _clarify(endpoints: list[Endpoint], rng: random.Random) -> list[ParamRef]:
    """Withhold one or two required parameters of the first step (values only the user has): those
    whose names read as plain words when there are any, so the question asks for "the city", not
    for "the href team tables" (a slot named in code, whose value no user would know to give)."""
    required = [p.name for p in endpoints[0].parameters if p.required and not p.control]
    if not required:
        return []
    required = [name for name in required if sayable(snake(name))] or required  # asked for by its name
    count = 1 if len(required) == 1 or rng.random() < 0.6 else 2
    return [ParamRef(step=0, param=name) for name in sorted(rng.sample(required, count))]


def _coherent(chain: SampledChain, endpoints: dict[str, Endpoint]) -> list[int]:
    """The steps of a candidate that belong to one goal (see `registry.linking.coherent_prefix`),
    cut before any detour (`registry.detour`): while the kept steps make a chain no person asks
    for, the last is dropped and the rest judged again, so a candidate that detours is never whole
    and the planner prefers the next one (a chain that keeps fewer than 2 steps is no candidate)."""
    return _kept(chain, endpoints)[0]


def hollow(endpoint: Endpoint) -> bool:
    """Whether the endpoint's answer can only be the executor's envelope (`{"status": "ok", "x_id": …}`):
    it documents no field that says something found (`registry.realisability.content_fields`, the
    build's reason for a realisability of 0). Such a lookup answers the user nothing ("the request went
    through; its drug id is …"), so it is no step of a plan; an act (`registry.linking.is_action`: a
    send, a booking) is asked for for what it does, and its confirmation is the whole answer."""
    return not is_action(endpoint.name) and (not endpoint.response_fields or not content_fields(endpoint))


def _kept(chain: SampledChain, endpoints: dict[str, Endpoint]) -> tuple[list[int], str | None]:
    """`_coherent`, and why the candidate was cut for a detour (None when it was not). A chain is cut
    before its first hollow step (`hollow`), as before a step that does not follow."""
    chain_endpoints = [endpoints[i] for i in chain.endpoint_ids]
    groups = [s.group for s in chain.steps]
    cut = next((i for i, e in enumerate(chain_endpoints) if hollow(e)), len(chain_endpoints))
    kept = coherent_prefix(chain_endpoints[:cut], groups[:cut])
    first: str | None = None
    while len(kept) >= 2 and (why := _detour(chain, kept, chain_endpoints)) is not None:
        first = first or why
        kept = [kept[i] for i in coherent_prefix([chain_endpoints[k] for k in kept[:-1]],
                                                 [groups[k] for k in kept[:-1]])]
    return kept, first


def _detour(chain: SampledChain, kept: list[int], chain_endpoints: list[Endpoint]) -> str | None:
    """Why the kept steps of a candidate detour (`registry.detour.detour`), or None."""
    return detour([chain_endpoints[i] for i in kept], [chain.steps[i].group for i in kept],
                  [chain.steps[i].via for i in kept])


def _guessed(chain: SampledChain, endpoints: dict[str, Endpoint]) -> int:
    """How many steps of a candidate have only inferred response fields (no schema, no example)."""
    return sum(1 for i in chain.endpoint_ids
               if not endpoints[i].response_fields or all(f.inferred for f in endpoints[i].response_fields))


def _ends(chain: SampledChain, steps: list[int], endpoints: dict[str, Endpoint]) -> int:
    """How many of the kept steps the user would ask for (see `registry.linking.end_indices`)."""
    kept = [chain.steps[i] for i in steps]
    return max(1, len(end_indices([endpoints[s.endpoint_id] for s in kept], [s.group for s in kept],
                                  [s.via for s in kept])))


def _unrealisable(chain: SampledChain, steps: list[int], endpoints: dict[str, Endpoint]) -> float:
    """How far the kept steps are from answers that can be made and asked for: the sum of
    `1 - realisability` (`registry.realisability`, set by the build) over the steps."""
    return sum(1.0 - endpoints[chain.endpoint_ids[i]].realisability for i in steps)


def _chain_key(chain: SampledChain) -> tuple[tuple[str, int, tuple[str, ...]], ...]:
    """What a candidate is, for the planner's caches: its steps, their groups and their links."""
    return tuple((s.endpoint_id, s.group, tuple(s.via)) for s in chain.steps)


class Planner:
    """Chooses among candidates with corpus memory and writes the plan."""

    def __init__(self, seed: int, memory: CorpusMemory) -> None:
        self.seed = seed
        self.memory = memory
        self._kept: dict[tuple[tuple[str, int], ...], list[int]] = {}
        self._scores: dict[tuple[tuple[str, int, tuple[str, ...]], ...], float] = {}
        self._ranked: dict[tuple[Any, ...], list[int]] = {}  # until memory next changes (`observe`)
        self.refused = 0
        """Distinct candidates cut because their steps detoured (`registry.detour`): the run's count of
        chains the planner would not build whole."""

    def _static_score(self, chain: SampledChain, steps: list[int], endpoints: dict[str, Endpoint]) -> float:
        """The part of a candidate's score memory has no say in (guessed steps, ends), once per chain."""
        key = _chain_key(chain)
        score = self._scores.get(key)
        if score is None:
            score = self._scores[key] = (GUESSED_WEIGHT * _guessed(chain, endpoints)
                                         + SPREAD_WEIGHT * (_ends(chain, steps, endpoints) - 1)
                                         + REALISABILITY_WEIGHT * _unrealisable(chain, steps, endpoints))
        return score

    def _coherent(self, chain: SampledChain, endpoints: dict[str, Endpoint]) -> list[int]:
        """`_coherent`, once per chain: a run's endpoints do not change, and every attempt of every
        conversation whose candidates hold the chain asks again (most of the planner's time otherwise)."""
        key = tuple((s.endpoint_id, s.group) for s in chain.steps)
        kept = self._kept.get(key)
        if kept is None:
            kept, why = _kept(chain, endpoints)
            self._kept[key] = kept
            if why is not None:
                self.refused += 1
                log.debug("[planner] cut a candidate that detours (%s): %s", why, " → ".join(chain.endpoint_ids))
        return kept

    def choose(self, candidates: list[SampledChain], endpoints: dict[str, Endpoint],
               attempt: int) -> SampledChain:
        """Lowest memory penalty wins (ties keep the sampler's seeded order); attempt k takes the
        k-th best, so a retry after a rejected or empty conversation moves on to another chain.

        Only the candidates that hold together best take part: chains where every step follows from
        the ones before (`coherent_prefix` keeps them whole) beat chains that would be cut.
        """
        ranking = self._rank(candidates, endpoints)
        return ranking[attempt % len(ranking)]

    def _rank(self, candidates: list[SampledChain], endpoints: dict[str, Endpoint]) -> list[SampledChain]:
        """The candidates in `choose`'s order, worked out once per set of candidates until memory
        next changes (every attempt of a conversation, and the job's look-ahead, ask again)."""
        key = tuple((c.mode, _chain_key(c)) for c in candidates)
        found = self._ranked.get(key)
        if found is not None:
            return [candidates[i] for i in found]
        kept = [self._coherent(c, endpoints) for c in candidates]
        whole = [(c, k) for c, k in zip(candidates, kept) if len(k) == len(c.steps) and len(k) >= 2]
        longest = max(len(k) for k in kept)
        pool = whole or [(c, k) for c, k in zip(candidates, kept) if len(k) == longest]
        # Endpoints whose outputs are documented (schema or example) answer like the real API;
        # guessed outputs are the weakest part of a conversation: each one costs GUESSED_WEIGHT,
        # less than repeating a whole chain, so memory can still spread the corpus.
        scored: list[tuple[float, int, SampledChain]] = []
        for order, (candidate, steps) in enumerate(pool):
            score = self._static_score(candidate, steps, endpoints)
            if self.memory.enabled:
                ids = [candidate.endpoint_ids[i] for i in steps]
                chain = [endpoints[i] for i in ids]
                domain = domain_for(chain)
                score += self.memory.penalty(ids, domain, goal_signature(chain, domain))
            scored.append((score, order, candidate))
        scored.sort(key=lambda s: (s[0], s[1]))
        position = {id(c): i for i, c in enumerate(candidates)}
        self._ranked[key] = [position[id(c)] for _, _, c in scored]
        return [c for _, _, c in scored]

    def hold(self, chains: list[SampledChain], endpoints: dict[str, Endpoint]) -> dict[int, bool]:
        """For each chain (by `id`), whether at least two of its steps belong to one goal."""
        return {id(chain): len(self._coherent(chain, endpoints)) >= 2 for chain in chains}

    def plan(self, index: int, candidates: list[SampledChain], endpoints: dict[str, Endpoint],
             attempt: int = 0) -> ConversationPlan:
        """The plan for conversation `index` (attempt > 0: a regeneration after a rejection)."""
        chain = self.choose(candidates, endpoints, attempt)
        steps = [chain.steps[i] for i in self._coherent(chain, endpoints)]
        chain_endpoints = [endpoints[s.endpoint_id] for s in steps]
        parallel = len({s.group for s in steps}) < len(steps)
        seed = conversation_seed(self.seed, index, attempt)
        rng = random.Random(seed)
        clarify = _clarify(chain_endpoints, rng) if chain.mode is SamplingMode.CLARIFICATION_FIRST else []
        return ConversationPlan(
            conversation_id=conversation_id(self.seed, index), run_seed=self.seed, index=index,
            seed=seed, attempt=attempt, sampling_mode=chain.mode,
            pattern_type=pattern_for(chain.mode, chain_endpoints, parallel), domain=domain_for(chain_endpoints),
            steps=steps, endpoints=chain_endpoints, clarify=clarify,
            corpus_memory_enabled=self.memory.enabled,
        )

    def observe(self, endpoint_ids: list[str], endpoints: dict[str, Endpoint]) -> None:
        """Tell corpus memory about a finished conversation (from its record's endpoint ids)."""
        chain = [endpoints[i] for i in endpoint_ids]
        domain = domain_for(chain)
        self.memory.observe(endpoint_ids, domain, goal_signature(chain, domain))
        self._ranked.clear()
