"""Worker processes for attempts (started at once, or not at all when the review cannot travel), and
the attempts the job makes of one conversation."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from datagen.generator.attempts import Outcome, start_workers
from datagen.generator.job import GenerateSettings, Muted, _Generator


def test_a_review_that_cannot_be_sent_to_a_worker_keeps_the_attempts_in_this_process() -> None:
    def local_review(record: object, endpoints: object) -> list[str]:
        return []
    assert start_workers(2, local_review) is None
    assert start_workers(1, None) is None


def test_workers_are_started_before_the_job_goes_on() -> None:
    pool = start_workers(2, None)
    assert pool is not None
    try:
        pids = {p for p in pool._processes}  # started by start_workers, not on first use
        assert len(pids) == 2 and os.getpid() not in pids
    finally:
        pool.shutdown()


class _Plan:
    def __init__(self, index: int, attempt: int, chain: list[str]) -> None:
        self.conversation_id, self.attempt = f"conv_{index}", attempt
        self.endpoints = [type("E", (), {"id": e})() for e in chain]


class _Planner:
    """attempt k takes candidate k (mod their number), as the real planner's k-th pick"""

    def plan(self, index: int, candidates: list[Any], catalog: object, attempt: int) -> _Plan:
        return _Plan(index, attempt, candidates[attempt % len(candidates)].endpoint_ids)


class _Attempts:
    """Chains through `thin_at` come out thin, with that endpoint at fault when `blame` says so."""

    room = 0

    def __init__(self, thin_at: str, blame: bool) -> None:
        self.thin_at, self.blame, self.made = thin_at, blame, []

    def outcome(self, plan: _Plan) -> Outcome:
        chain = [e.id for e in plan.endpoints]
        self.made.append(plan.attempt)
        if self.thin_at in chain:
            return Outcome(f"thin {chain}", [], "lacks", False, self.thin_at if self.blame else None)
        return Outcome(f"kept {chain}", [], None, False)


class _Cache:
    def get_many(self, ids: object) -> dict[str, Any]:
        return {}


@pytest.mark.parametrize("blame", [True, False])
def test_a_conversation_skips_its_other_chains_through_an_endpoint_that_answered_thin(
        tmp_path: Path, blame: bool) -> None:
    chains = [["a", "b"], ["a", "c"], ["a", "d"], ["e", "f"], ["a", "g"]]
    candidates = [type("C", (), {"endpoint_ids": c})() for c in chains]
    attempts = _Attempts("a", blame)
    generator = _Generator(GenerateSettings(n=1, output=tmp_path / "c.jsonl"), _Planner(),  # type: ignore[arg-type]
                           _Cache(), attempts)  # type: ignore[arg-type]
    assert generator.one(0, candidates) == "kept ['e', 'f']" and generator.hollow == []
    # the kept attempt is attempt 3 either way (same pick, same seed); with the endpoint blamed the two
    # chains through it after the first are not made
    assert attempts.made == ([0, 3] if blame else [0, 1, 2, 3])
    assert (generator.tried, generator.skipped) == ((2, 2) if blame else (4, 0))


def test_every_chain_through_a_muted_endpoint_keeps_the_first_thin_one(tmp_path: Path) -> None:
    candidates = [type("C", (), {"endpoint_ids": c})() for c in (["a", "b"], ["a", "c"])]
    attempts = _Attempts("a", True)
    generator = _Generator(GenerateSettings(n=1, output=tmp_path / "c.jsonl"), _Planner(),  # type: ignore[arg-type]
                           _Cache(), attempts)  # type: ignore[arg-type]
    assert generator.one(0, candidates) == "thin ['a', 'b']"
    assert attempts.made == [0]
    assert generator.hollow == ["conv_42_0001"]  # named in the summary: the ones to read first


def test_a_means_no_later_call_needed_is_not_made_a_means_again() -> None:
    from datagen.generator.goal import end_steps
    from tests.unit.test_generator_plans import make_plan, registry

    index = registry().endpoint_index()
    search, book = index["skyroute_flights::search_flights"], index["skyroute_flights::book_flight"]
    chain = make_plan([search, book], 5)
    assert end_steps(chain) == [1]  # the search is a means to the booking
    muted = Muted()
    muted.note(Outcome("thin", [], "means", False, None, search.id))
    assert muted.through(chain)
    assert not muted.through(make_plan([search], 5))  # asked for itself, it is no means
    muted.note(Outcome("thin", [], "lacks", False, book.id))
    assert muted.through(make_plan([book], 5))


def test_a_call_that_only_repeats_earlier_answers_is_thin() -> None:
    from datagen.generator.facts import has_content, scalars_of
    from datagen.generator import phrases as ph
    brand = {"id": "brn_1", "name": "Cold Relief", "company": {"id": "cmp_9", "name": "Williamson LLC"}}
    company = {"id": "cmp_9", "name": "Williamson LLC"}
    shown = frozenset(ph.render(v) for _, v in scalars_of(brand))
    assert has_content(company) and not has_content(company, shown)
    assert has_content({"id": "cmp_9", "name": "Williamson LLC", "founded": 1999}, shown)


def test_a_search_for_a_filler_phrase_is_thin() -> None:
    # an endpoint whose search the generator knows nothing about: the user's query would be a filler
    # phrase ("best practices"), which is no goal a person has, so the attempt gives way
    from datagen.generator.conversation import generate_conversation
    from datagen.generator.pools import GENERIC_QUERIES
    from datagen.generator.worth import thin_reason
    from datagen.registry.models import Parameter, ParamType
    from tests.unit.test_generator_plans import make_plan, registry

    base = registry().endpoint_index()["cinefinder::search_movies"]
    odd = base.model_copy(update={
        "id": "zqv::lookup_zqv", "tool_id": "zqv", "name": "lookup_zqv", "slug": "lookup_zqv", "description": "",
        "parameters": [Parameter(name="query", type=ParamType.STRING, required=True, concept="query")]})
    said = []
    for seed in range(8):
        state = generate_conversation(make_plan([odd, registry().endpoint_index()["cinefinder::get_movie_details"]], seed))
        if any(v in GENERIC_QUERIES for v in state.user_values.values()):
            said.append(thin_reason(state))
    assert said and all(reason and "filler phrase" in reason for reason in said)


def test_a_value_only_a_parameter_name_can_say_is_thin() -> None:
    # "D: es, c: appliances", "the new cars is yes": the user reciting the API
    from datagen.generator.conversation import generate_conversation
    from datagen.generator.worth import thin_reason
    from datagen.registry.models import Parameter, ParamType
    from tests.unit.test_generator_plans import make_plan, registry

    index = registry().endpoint_index()
    base = index["cinefinder::search_movies"]
    for extra in (Parameter(name="d", type=ParamType.STRING, required=True, concept="d"),
                  Parameter(name="newCars", type=ParamType.BOOLEAN, required=True, concept="new_cars")):
        odd = base.model_copy(update={"parameters": [*base.parameters, extra]})
        state = generate_conversation(make_plan([odd, index["cinefinder::get_movie_details"]], 3))
        assert f"0:{extra.name}" in state.user_values
        assert "as the API names it" in (thin_reason(state) or ""), state.user_values
