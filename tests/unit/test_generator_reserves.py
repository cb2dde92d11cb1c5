"""Reserve rounds: a conversation whose every attempt was thin tries the candidates of further
reserve indices before it keeps a thin one, the last rounds in its mode's fallback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from datagen.core.plan import SamplingMode
from datagen.generator.attempts import Outcome
from datagen.generator.job import GenerateSettings, _Generator
from datagen.generator.reserves import FALLBACK_ROUNDS, RESERVE_ROUNDS, reserve_mode
from datagen.sampler.sampler import FALLBACK, mode_for

from tests.unit.test_generator_attempts import _Cache, _Plan, _Planner


class _Attempts:
    """Every chain is thin except those through `good` (nobody's answer to blame: nothing is muted)."""

    room = 0

    def outcome(self, plan: _Plan) -> Outcome:
        chain = [e.id for e in plan.endpoints]
        if "good" in chain:
            return Outcome(f"kept {chain}", [], None, False)
        return Outcome(f"thin {chain}", [], "a means no later call needed", False)


def _candidates(*chains: list[str]) -> list[Any]:
    return [type("C", (), {"endpoint_ids": c})() for c in chains]


def test_a_thin_conversation_tries_five_reserve_rounds_before_keeping_a_thin_one(tmp_path: Path) -> None:
    # on the whole corpus three rounds left about 12 of 40 conversations thin (hollow answers kept)
    asked: list[int] = []

    def reserve(round_: int) -> list[Any]:
        asked.append(round_)
        return _candidates(["good", f"r{round_}"]) if round_ == 5 else _candidates([f"r{round_}", "x"])

    generator = _Generator(GenerateSettings(n=1, output=tmp_path / "c.jsonl"), _Planner(),  # type: ignore[arg-type]
                           _Cache(), _Attempts())  # type: ignore[arg-type]
    assert generator.one(0, _candidates(["a", "b"]), reserve=reserve) == "kept ['good', 'r5']"
    assert asked == [1, 2, 3, 4, 5] and generator.hollow == []


def test_only_the_last_reserve_rounds_give_way_to_the_fallback_mode() -> None:
    seed = 7
    index = next(i for i in range(100) if mode_for(SamplingMode.MIXED, seed, i) is SamplingMode.PARALLEL)
    modes = [reserve_mode(SamplingMode.MIXED, seed, index, r) for r in range(1, RESERVE_ROUNDS + 1)]
    own = RESERVE_ROUNDS - FALLBACK_ROUNDS
    assert modes == [SamplingMode.PARALLEL] * own + [FALLBACK[SamplingMode.PARALLEL]] * FALLBACK_ROUNDS
    assert own >= 3  # the index's own mode is tried as often as before the fallback rounds were added
    # a mode the user asked for stays in every round
    assert {reserve_mode(SamplingMode.PARALLEL, seed, index, r) for r in range(1, RESERVE_ROUNDS + 1)} == {
        SamplingMode.PARALLEL}
