"""One structural checker and one answer rule: the generator, `datagen validate` and the judge agree."""

from __future__ import annotations

import copy

import pytest

from datagen.core.checks import check_record
from datagen.core.lineage import calls, walk_turns
from datagen.evaluator.offline_judge import OfflineJudge
from datagen.generator.conversation import generate_conversation
from datagen.generator.record import build_record
from datagen.generator.validator import validate
from tests.unit.eval_fixtures import load_records
from tests.unit.test_generator_plans import registry, walk_plan

PARALLEL = next(r for r in load_records() if r["conversation_id"] == "conv_42_0002")


def _swap_parallel_answers() -> dict[str, object]:
    """The two tool messages after the parallel call, in the other order."""
    record = copy.deepcopy(PARALLEL)
    record["messages"][2], record["messages"][3] = record["messages"][3], record["messages"][2]
    return record


def test_a_tool_message_answers_the_oldest_pending_call() -> None:
    assert check_record(PARALLEL) == [] and all(c.answered for c in calls(PARALLEL))
    swapped = _swap_parallel_answers()
    problems = check_record(swapped)
    assert any("but the pending call is" in p for p in problems), problems
    assert [c.answered for c in calls(swapped)][:2] == [False, False]
    verdict = OfflineJudge().judge(swapped)
    assert verdict.tool_correctness < 5


def test_a_tool_message_without_a_call_is_reported_once() -> None:
    messages = [{"role": "user", "content": "hi"}, {"role": "tool", "name": "t::e", "content": "{}"},
                {"role": "assistant", "content": "done"}]
    assert walk_turns(messages).problems == ["message 1 (tool): tool message without a pending tool call"]


@pytest.mark.parametrize("seed", range(8))
def test_what_the_generator_accepts_the_checker_accepts(seed: int) -> None:
    state = generate_conversation(walk_plan(registry(), seed, index=seed))
    assert validate(state, {e.id: e for e in state.plan.endpoints}) == []
    assert check_record(build_record(state, "b", "r").to_dict()) == []


def test_the_generator_rejects_what_the_checker_rejects() -> None:
    state = generate_conversation(walk_plan(registry(), 3, index=3))
    state.messages.append({"role": "user", "content": "one more thing"})
    state.messages.append({"role": "user", "content": "and another"})
    record_problems = check_record(build_record(state, "b", "r").to_dict())
    assert record_problems and set(record_problems) <= set(validate(state, {e.id: e for e in state.plan.endpoints}))


def test_a_record_the_rules_accept_must_also_fit_the_typed_record() -> None:
    record = copy.deepcopy(PARALLEL)
    record["metadata"]["seed"] = "forty-two"
    assert check_record(record) == ["metadata.seed: Input should be a valid integer, unable to parse string as an integer"]
