"""The offline judge must be able to fail: each corruption drops the right dimension and gate.

Each rubric gate has its own corruption, which must fail on that gate and on no other rubric gate.

Also the scorer's gates and mean, the surgical repairs that undo each corruption, and the repair
loop's bookkeeping (`metadata.repair_attempts`).
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from datagen.evaluator.job import EvaluateSettings, evaluate_records, score_record
from datagen.evaluator.offline_judge import OfflineJudge
from datagen.evaluator.repair import repair
from datagen.evaluator.report import build_report
from datagen.evaluator.rubric import RUBRIC_GATES
from datagen.evaluator.scorer import ScorerSettings, mean_score, score
from datagen.core.checks import check_record
from datagen.evaluator.types import Verdict
from datagen.registry.models import Endpoint, Parameter, ParamType

from tests.unit.eval_fixtures import CORRUPTIONS, FLIGHT, RUBRIC_CORRUPTIONS, RUBRIC_REGISTRY, load_records

THRESHOLD = 3.5
GATES = ScorerSettings(threshold=THRESHOLD)


def valid_records() -> list[dict[str, Any]]:
    return load_records() + [copy.deepcopy(FLIGHT)]


@pytest.mark.parametrize("record", valid_records(), ids=lambda r: r["conversation_id"])
def test_uncorrupted_records_pass(record: dict[str, Any]) -> None:
    assert check_record(record) == []
    scores = score_record(record, OfflineJudge(), GATES)
    assert scores.passed and scores.failed_gates == []
    assert scores.mean_score is not None and scores.mean_score >= THRESHOLD


@pytest.mark.parametrize("name", list(CORRUPTIONS))
@pytest.mark.parametrize("record", valid_records(), ids=lambda r: r["conversation_id"])
def test_each_corruption_fails_on_the_right_dimension(record: dict[str, Any], name: str) -> None:
    corrupt, dimension, gate = CORRUPTIONS[name]
    broken = corrupt(record)
    verdict = OfflineJudge().judge(broken)
    assert getattr(verdict, dimension) < THRESHOLD, verdict.reasoning
    scores = score_record(broken, OfflineJudge(), GATES)
    assert not scores.passed
    assert gate in scores.failed_gates
    assert f"{dimension}_floor" in scores.failed_gates


def _rubric_cases() -> list[tuple[str, dict[str, Any]]]:
    cases = [(gate, broken) for gate, corrupt in RUBRIC_CORRUPTIONS.items() for record in valid_records()
             if (broken := corrupt(record)) is not None]
    assert {gate for gate, _ in cases} == set(RUBRIC_GATES)  # every gate has at least one case
    return cases


@pytest.mark.parametrize("gate,broken", _rubric_cases(), ids=lambda v: v if isinstance(v, str) else v["conversation_id"])
def test_each_rubric_corruption_fails_on_its_own_gate(gate: str, broken: dict[str, Any]) -> None:
    assert check_record(broken) == []  # structurally fine: only the rubric can tell
    view = RUBRIC_REGISTRY[gate](broken) if gate in RUBRIC_REGISTRY else None
    scores = score_record(broken, OfflineJudge(view), GATES)
    assert not scores.passed
    assert [g for g in scores.failed_gates if g in RUBRIC_GATES] == [gate], scores.reasoning
    assert f"[{gate}]" in scores.reasoning


def test_report_counts_each_rubric_gate() -> None:
    cases = _rubric_cases()
    scored = [{**b, "judge_scores": score_record(b, OfflineJudge(RUBRIC_REGISTRY[g](b) if g in RUBRIC_REGISTRY else None),
                                                 GATES).model_dump()} for g, b in cases]
    report = build_report(scored + [{**FLIGHT, "judge_scores": score_record(FLIGHT, OfflineJudge(), GATES).model_dump()}],
                          0, "in", "out", "offline-rules-v1", THRESHOLD)
    expected = {g: sum(1 for gate, _ in cases if gate == g) for g in RUBRIC_GATES}
    assert report.rubric_gate_counts == expected and list(report.rubric_gate_counts) == list(RUBRIC_GATES)
    assert all(report.failed_gate_counts[g] == n for g, n in expected.items())


@pytest.mark.parametrize("name", ["grounded id swapped", "final answer dropped", "required argument removed"])
def test_other_dimensions_are_left_alone(name: str) -> None:
    corrupt, dimension, _ = CORRUPTIONS[name]
    verdict = OfflineJudge().judge(corrupt(FLIGHT))
    others = [d for d in ("tool_correctness", "task_completion", "naturalness") if d != dimension]
    assert all(getattr(verdict, d) == 5.0 for d in others), verdict


def test_required_argument_missing_from_schema_without_lineage() -> None:
    """With the registry view, a required param is missed even when the lineage lost it too."""
    broken = CORRUPTIONS["required argument removed"][0](FLIGHT)
    broken["metadata"]["argument_sources"] = [s for s in broken["metadata"]["argument_sources"] if s["param"] != "flight_id"]
    book = Endpoint(id="flight_booking::book_flight", tool_id="flight_booking", slug="book_flight", name="book",
                    category="Travel", rk=1, response_fields=[], parameters=[
                        Parameter(name="flight_id", type=ParamType.STRING, required=True, concept="flight_id"),
                        Parameter(name="passenger", type=ParamType.STRING, required=True, concept="person_name")])
    search = Endpoint(id="flight_booking::search_flights", tool_id="flight_booking", slug="search_flights", name="s",
                      category="Travel", rk=2, response_fields=[], parameters=[
                          Parameter(name="origin", type=ParamType.STRING, required=True, concept="airport"),
                          Parameter(name="destination", type=ParamType.STRING, required=True, concept="airport")])
    assert OfflineJudge().judge(broken).tool_correctness == 5.0  # the record alone cannot tell
    verdict = OfflineJudge({e.id: e for e in (book, search)}).judge(broken)
    assert verdict.tool_correctness < THRESHOLD and "required 'flight_id' missing" in verdict.reasoning


def test_clarified_value_never_given_by_the_user_fails_tool_correctness() -> None:
    record = load_records()[0]  # the hotel chain with a clarified city
    src = next(s for s in record["metadata"]["argument_sources"] if s["source"] == "clarification")
    answer = next(i for i, m in enumerate(record["messages"]) if i > 1 and m["role"] == "user")
    record["messages"][answer]["content"] = "Hmm, good question."
    verdict = OfflineJudge().judge(record)
    assert verdict.tool_correctness < THRESHOLD and f"'{src['param']}'" in verdict.reasoning


def test_final_answer_echoing_earlier_text_is_a_template_echo() -> None:
    record = copy.deepcopy(FLIGHT)
    record["messages"][-1]["content"] = record["messages"][3]["content"]
    verdict = OfflineJudge().judge(record)
    assert verdict.naturalness < 5.0 and "repeats an earlier assistant turn" in verdict.reasoning


def test_judging_is_deterministic() -> None:
    records = valid_records() + [c[0](FLIGHT) for c in CORRUPTIONS.values()]
    settings = EvaluateSettings(input="x.jsonl", repair=True)
    first, _ = evaluate_records(copy.deepcopy(records), OfflineJudge(), settings)
    again, _ = evaluate_records(copy.deepcopy(records), OfflineJudge(), settings)
    assert first == again


def test_mean_score_and_gates() -> None:
    verdict = Verdict(tool_correctness=4.5, task_completion=4.0, naturalness=4.0, reasoning="ok")
    assert mean_score(verdict) == 4.17  # the spec's example
    assert score(verdict, "m", [], GATES).failed_gates == []
    low = Verdict(tool_correctness=2.5, task_completion=5, naturalness=5, reasoning="x")
    assert score(low, "m", [], GATES).failed_gates == ["tool_correctness_floor"]
    assert score(verdict, "m", ["message 0: bad"], GATES).failed_gates == ["validator"]
    error = score(None, "m", [], GATES, error="boom")
    assert (error.passed, error.failed_gates, error.error, error.mean_score) == (False, ["judge_error"], "boom", None)
    mediocre = Verdict(tool_correctness=3, task_completion=3.5, naturalness=3.5, reasoning="x")
    assert score(mediocre, "m", [], GATES).failed_gates == ["threshold"]


@pytest.mark.parametrize("name", ["grounded id swapped", "final answer dropped", "required argument removed",
                                  "tool message missing"])
@pytest.mark.parametrize("record", valid_records(), ids=lambda r: r["conversation_id"])
def test_surgical_repair_undoes_the_corruption(record: dict[str, Any], name: str) -> None:
    broken = CORRUPTIONS[name][0](record)
    judge = OfflineJudge()
    scores = score_record(broken, judge, GATES)
    fixed = repair({**broken, "judge_scores": scores.model_dump(), "passed": False}, scores,
                   lambda r: score_record(r, judge, GATES), max_repairs=2)
    attempts = fixed["metadata"]["repair_attempts"]
    assert fixed["passed"] is True, fixed["judge_scores"]
    assert attempts[0]["kind"].startswith("surgical:") and attempts[-1]["success"] is True
    assert attempts[0]["gate"] in scores.failed_gates
    assert check_record(fixed) == []


def test_swapped_roles_need_a_full_rewrite_and_record_it_when_unavailable() -> None:
    broken = CORRUPTIONS["user and assistant swapped"][0](FLIGHT)
    judge = OfflineJudge()
    scores = score_record(broken, judge, GATES)
    out = repair(broken, scores, lambda r: score_record(r, judge, GATES), max_repairs=2)
    assert out["passed"] is False
    attempts = out["metadata"]["repair_attempts"]
    assert all(not a["success"] for a in attempts)
    assert attempts[-1]["kind"] == "full_rewrite_unavailable"
    assert [a["attempt"] for a in attempts] == list(range(1, len(attempts) + 1))


def test_full_rewrite_is_used_after_surgery_fails() -> None:
    broken = CORRUPTIONS["user and assistant swapped"][0](FLIGHT)
    judge = OfflineJudge()
    seen: list[int] = []

    def rewriter(record: dict[str, Any], attempt: int) -> dict[str, Any]:
        seen.append(attempt)
        return copy.deepcopy(FLIGHT)

    scores = score_record(broken, judge, GATES)
    out = repair(broken, scores, lambda r: score_record(r, judge, GATES), max_repairs=2, rewriter=rewriter)
    attempts = out["metadata"]["repair_attempts"]
    assert out["passed"] is True and len(seen) == 1
    assert attempts[-1]["kind"] == "full_rewrite" and attempts[-1]["success"] is True
    assert all(a["kind"].startswith("surgical") and not a["success"] for a in attempts[:-1])
