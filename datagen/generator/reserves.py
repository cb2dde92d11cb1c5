"""Reserve candidates: what a conversation tries when every attempt on its own candidates was thin
or flagged by the review (the candidates of far-away stand-in indices, so still a pure function of
seed, index and graph)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from datagen.core.plan import SamplingMode
from datagen.planner.planner import Planner
from datagen.sampler.endpoints import EndpointCache
from datagen.sampler.sampler import FALLBACK, Sampler, mode_for

RESERVE_ROUNDS = 6
"""How many reserve candidate sets a conversation whose every attempt was thin or flagged may try
before it keeps the first thin one. Three were too few: on the whole corpus about 12 of 40
conversations were still kept with a hollow answer (a lookup that told the user only "the request
went through"), and a kept thin conversation is one a reader rejects, while a reserve round costs
only time. The first rounds stay in the index's own mode, the last `FALLBACK_ROUNDS` (in a mixed run)
in the mode its mode falls back to."""
FALLBACK_ROUNDS = 2
"""Reserve rounds, the last ones, in which (in a mixed run) a drawn mode gives way to its fallback: a
drawn parallel or clarification-first conversation whose few candidate chains all fail becomes a
sequential one rather than a conversation a reader rejects (a mode the user asked for stays)."""
RESERVE_STRIDE = 1_000_003
"""Reserve round r of index i samples as index i + r × stride (far from any real index), in i's mode."""


def reserve_mode(run_mode: SamplingMode, seed: int, index: int, round_: int) -> SamplingMode:
    """The mode of a reserve round: the index's own, except (in a mixed run) in the last
    `FALLBACK_ROUNDS` rounds, where a drawn mode gives way to its fallback (a mode the user asked for
    stays)."""
    mode = mode_for(run_mode, seed, index)
    if round_ > RESERVE_ROUNDS - FALLBACK_ROUNDS and run_mode is SamplingMode.MIXED:
        mode = FALLBACK.get(mode, mode)
    return mode


class Reserves:
    """Candidates for thin conversations' reserve rounds: a pure function of (seed, index, round,
    graph), fetched for the rest of the batch at once (one query per round and mode, not one per
    conversation: on the full corpus most conversations reach a reserve round)."""

    def __init__(self, sampler: Sampler, planner: Planner, endpoints: EndpointCache, run_mode: SamplingMode,
                 seed: int) -> None:
        self.sampler = sampler
        self.planner = planner
        self.endpoints = endpoints
        self.run_mode = run_mode
        self.seed = seed
        self._found: dict[tuple[int, int], list[Any]] = {}

    def get(self, index: int, round_: int, rest: Sequence[int]) -> list[Any]:
        """Round `round_`'s candidates for `index` (`rest`: the batch's indices from `index` on)."""
        if (index, round_) not in self._found:
            by_mode: dict[SamplingMode, list[int]] = {}
            for i in rest:
                if (i, round_) not in self._found:
                    by_mode.setdefault(reserve_mode(self.run_mode, self.seed, i, round_), []).append(i)
            for mode, indices in by_mode.items():
                alts = [i + round_ * RESERVE_STRIDE for i in indices]
                found = self.sampler.candidates(mode, alts, holds=lambda chains: self.planner.hold(
                    chains, self.endpoints.get_many(e for c in chains for e in c.endpoint_ids)), required=False,
                    fall_back=False)
                for i, alt in zip(indices, alts):  # a reserve keeps the round's mode
                    self._found[(i, round_)] = [c for c in found.get(alt, []) if c.mode is mode]
        return self._found.pop((index, round_))

    def clear(self) -> None:
        """Forget what the batch did not need."""
        self._found.clear()
