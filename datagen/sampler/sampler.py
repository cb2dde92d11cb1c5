"""Chain sampling: one Cypher path query per mode, seeded ordering computed in the query.

Reads: the `Endpoint` nodes and `FEEDS` edges of the build. The queries return, for a batch of
conversation indices, candidate chains already in seeded order; this module only groups them,
drops the ones too short to be a chain, and falls back (with one log line) when a mode has nothing.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections import defaultdict
from collections.abc import Callable

from neo4j import Driver

from datagen.db.queries import load
from datagen.db.run import read
from datagen.errors import GraphError
from datagen.sampler.endpoints import current_catalog
from datagen.core.plan import ChainStep, SampledChain, SamplingMode

log = logging.getLogger(__name__)

CONCRETE_MODES = (SamplingMode.SEQUENTIAL, SamplingMode.MULTI_TOOL, SamplingMode.CLARIFICATION_FIRST,
                  SamplingMode.PARALLEL)
PROBE_ROUNDS = 4
"""How many stand-in indices an index whose own starts hold no chain of its mode probes (in that
mode) before the mode is given up: one seek finds the 64 starts after one point of the key space,
and on a graph where a mode's chains are rare those may all fall apart; so the same mode is looked
for elsewhere rather than quietly turned into a sequential conversation."""
PROBE_STRIDE = 7_000_003
"""Probe k of index i samples as index i + k × stride (apart from the reserve indices of
`generator.reserves`, which use 1,000,003)."""
SUPPLEMENTS = {SamplingMode.PARALLEL: "fan_out"}
"""A second query of a mode, for indices its own query and probes left without a chain: calls made
together need no join; two endpoints of one tool asked about the same input are made in one turn too
(`cypher/sampler/fan_out.cypher`). On a graph of few FEEDS joins (a handful of categories) parallel
conversations otherwise all became sequential."""
FALLBACK = {
    SamplingMode.CLARIFICATION_FIRST: SamplingMode.SEQUENTIAL,
    SamplingMode.PARALLEL: SamplingMode.SEQUENTIAL,
    SamplingMode.MULTI_TOOL: SamplingMode.SEQUENTIAL,
}


def stable_int(*parts: object) -> int:
    """A 64-bit integer from blake2b of the parts; Python's `hash()` is salted per process."""
    text = ":".join(str(p) for p in parts)
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")


def mode_for(mode: SamplingMode, seed: int, index: int) -> SamplingMode:
    """The concrete mode of one conversation; `mixed` draws it from the seed and the index."""
    if mode is not SamplingMode.MIXED:
        return mode
    return CONCRETE_MODES[stable_int("mode", seed, index) % len(CONCRETE_MODES)]


class Sampler:
    """Candidate chains for conversation indices, from the graph, in seeded order."""

    def __init__(self, driver: Driver, database: str, seed: int, starts: int = 8, guessed: bool = False,
                 catalog: str | None = None) -> None:
        self.driver = driver
        self.database = database
        self.catalog = catalog if catalog is not None else current_catalog(driver, database)
        self.seed = seed % 2_147_483_647
        self.starts = starts
        self.guessed = guessed  # whether endpoints without a documented response may take part
        self.query_seconds = 0.0  # time spent in the sampler queries, for the job's figures

    def _query(self, mode: SamplingMode, indices: list[int], name: str | None = None) -> dict[int, list[SampledChain]]:
        query = load(f"sampler/{name or mode.value}")
        started = time.perf_counter()
        records = read(self.driver, self.database, query, seed=self.seed, indices=indices, starts=self.starts,
                       guessed=self.guessed, catalog=self.catalog)
        self.query_seconds += time.perf_counter() - started
        out: dict[int, list[SampledChain]] = defaultdict(list)
        for rank, record in enumerate(records):
            chain = list(record["chain"])
            if len(chain) < 2 or len(set(chain)) != len(chain):
                continue
            steps = [ChainStep(endpoint_id=eid, group=int(group), via=sorted(set(via or [])))
                     for eid, group, via in zip(chain, record["groups"], record["vias"])]
            out[int(record["idx"])].append(SampledChain(mode=mode, steps=steps, rank=rank))
        return out

    def candidates(self, mode: SamplingMode, indices: list[int],
                   holds: Callable[[list[SampledChain]], dict[int, bool]] | None = None,
                   required: bool = True, fall_back: bool = True) -> dict[int, list[SampledChain]]:
        """Candidate chains per index: for `mixed`, each index gets its own drawn mode.

        An index whose mode has no candidate first probes `PROBE_ROUNDS` stand-in indices in the
        same mode; only then, with `fall_back` (a mode drawn by `mixed`), does it fall back to
        sequential (logged once per index). A mode the user asked for is never replaced: with
        `required`, an index that finds none of its chains raises `GraphError` naming the mode; if
        even sequential has none the graph cannot support conversations. Without `required` the
        index is left out (a reserve round may come back empty).
        `holds` (from the planner) says of a query's chains, by `id(chain)`, whether each stays
        multi-step once the steps that do not follow from the earlier ones are cut (one call per
        query, so their endpoints are fetched at once): chains that do not hold are no candidates.
        """
        by_mode: dict[SamplingMode, list[int]] = defaultdict(list)
        for index in indices:
            by_mode[mode_for(mode, self.seed, index)].append(index)
        result: dict[int, list[SampledChain]] = {}
        for concrete in CONCRETE_MODES:
            wanted = by_mode.get(concrete, [])
            if not wanted:
                continue
            found, spare = self._held(concrete, wanted, holds)
            for round_ in range(1, PROBE_ROUNDS + 1):
                missing = [i for i in wanted if not found.get(i)]
                if not missing:
                    break
                probes = {i + round_ * PROBE_STRIDE: i for i in missing}
                probed, probed_spare = self._held(concrete, list(probes), holds)
                for alt, index in probes.items():
                    if probed.get(alt):
                        found[index] = probed[alt]
                    elif probed_spare.get(alt) and not spare.get(index):
                        spare[index] = probed_spare[alt]
            missing = [i for i in wanted if not found.get(i)]
            if missing and concrete in SUPPLEMENTS:
                extra, extra_spare = self._held(concrete, missing, holds, SUPPLEMENTS[concrete])
                found.update({i: cs for i, cs in extra.items() if cs})
                spare.update({i: cs for i, cs in extra_spare.items() if cs and not spare.get(i)})
                missing = [i for i in wanted if not found.get(i)]
            for index in wanted:
                if found.get(index):
                    result[index] = found[index]
            if missing:
                fallback = FALLBACK.get(concrete)
                if fallback is None:  # sequential: keep the chains that fall apart rather than none
                    for index in missing:
                        if spare.get(index):
                            result[index] = spare[index]
                        elif required:
                            raise GraphError("the graph has no FEEDS chains to sample: run `datagen build` on "
                                             "tools whose outputs feed other tools' inputs")
                    continue
                if not fall_back:
                    if required:
                        raise GraphError(f"the graph has no {concrete.value} chain that holds together for "
                                         f"conversation index {missing[0]} (nor for {PROBE_ROUNDS} stand-ins): "
                                         f"build a graph with such chains, or use --mode mixed")
                    continue
                log.warning("[sampler] mode %s has no candidates for %d conversation(s) (indices %s…); falling back to %s",
                            concrete.value, len(missing), missing[:5], fallback.value)
                fallback_found = self._query(fallback, missing)
                fallback_held = holds([c for cs in fallback_found.values() for c in cs]) if holds is not None else {}
                for index in missing:
                    whole = [c for c in fallback_found.get(index, []) if holds is None or fallback_held[id(c)]]
                    chosen = whole or spare.get(index) or fallback_found.get(index)
                    if chosen:
                        result[index] = chosen
                    elif required:
                        raise GraphError(f"no chain of at least 2 endpoints for conversation index {index}: the graph has too few FEEDS edges")
        return result

    def _held(self, mode: SamplingMode, indices: list[int],
              holds: Callable[[list[SampledChain]], dict[int, bool]] | None, name: str | None = None
              ) -> tuple[dict[int, list[SampledChain]], dict[int, list[SampledChain]]]:
        """A query's chains per index that hold together, and (for indices with none) those that do not."""
        found = self._query(mode, indices, name)
        if holds is None:
            return found, {}
        # chains that fall apart into one step are no candidates; the index probes further, then
        # falls back (and an index whose fallback holds no chain either keeps what it had)
        held = holds([c for cs in found.values() for c in cs])
        kept = {i: [c for c in cs if held[id(c)]] for i, cs in found.items()}
        spare = {i: cs for i, cs in found.items() if not kept.get(i)}
        return {i: cs for i, cs in kept.items() if cs}, spare
