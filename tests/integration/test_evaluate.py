"""`evaluate` and `generate --evaluate` on a real Neo4j: score write-back, repairs, missing conversations."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from neo4j import Driver

from datagen.cli.main import cli
from datagen.core.checks import check_record
from datagen.evaluator.job import EvaluateSettings, run_evaluate
from datagen.evaluator.offline_judge import OfflineJudge
from datagen.evaluator.writeback import conversation_scores, node_id
from datagen.generator.job import GenerateSettings, run_generate
from datagen.core.plan import SamplingMode
from tests.unit.eval_fixtures import CORRUPTIONS


def _read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_scores_are_written_back_once_per_judging(generated: Path, clean_db: Driver, neo4j_database: str,
                                                  tmp_path: Path) -> None:
    settings = EvaluateSettings(input=generated, output=tmp_path / "evaluated.jsonl")
    first = run_evaluate(settings, OfflineJudge(), clean_db, neo4j_database)
    assert first.write_back == {"scores_written": 6, "conversations_missing": 0, "conversations_rewritten": 0,
                                "judge_errors_skipped": 0}
    run_evaluate(settings, OfflineJudge(), clean_db, neo4j_database)
    records = _read(tmp_path / "evaluated.jsonl")
    for record in records:
        scores = conversation_scores(clean_db, neo4j_database, node_id(record))
        assert len(scores) == 2
        latest = scores[-1]
        block = record["judge_scores"]
        assert latest["mean_score"] == block["mean_score"] and latest["passed"] == block["passed"]
        assert latest["judge_model"] == "offline-rules-v1" and latest["failed_gates"] == block["failed_gates"]
        assert latest["scored_at"] is not None and "scored_at" not in block


def test_conversations_not_in_the_graph_are_skipped_and_counted(generated: Path, clean_db: Driver,
                                                                neo4j_database: str, tmp_path: Path) -> None:
    records = _read(generated)
    stranger = copy.deepcopy(records[0])
    stranger["metadata"]["run_id"] = "run_never_written"
    path = tmp_path / "mixed.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in [records[0], stranger]), encoding="utf-8")
    report = run_evaluate(EvaluateSettings(input=path, output=tmp_path / "e.jsonl"), OfflineJudge(), clean_db, neo4j_database)
    assert report.write_back is not None
    assert report.write_back["scores_written"] == 1 and report.write_back["conversations_missing"] == 1


def test_repair_fixes_corruptions_and_rewrites_the_graph(generated: Path, clean_db: Driver, neo4j_database: str,
                                                         tmp_path: Path) -> None:
    records = _read(generated)
    broken = [CORRUPTIONS["final answer dropped"][0](records[1]), CORRUPTIONS["user and assistant swapped"][0](records[2])]
    path = tmp_path / "broken.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in broken), encoding="utf-8")
    report = run_evaluate(EvaluateSettings(input=path, output=tmp_path / "fixed.jsonl", repair=True, max_repairs=2),
                          OfflineJudge(), clean_db, neo4j_database)
    fixed = _read(tmp_path / "fixed.jsonl")
    # the dropped answer is written back surgically and the record then passes
    assert fixed[0]["passed"] is True, fixed[0]["judge_scores"]
    assert fixed[0]["metadata"]["repair_attempts"][0]["kind"].startswith("surgical:")
    # swapped roles cannot be patched: the conversation is generated again from its plan with a new
    # seed; the rewrite is structurally sound, and whether it passes is the rubric's call on the new
    # conversation (the judge is strict about made-up values, so it is not asserted here)
    assert fixed[1]["metadata"]["repair_attempts"][-1]["kind"] == "full_rewrite"
    assert fixed[1]["metadata"]["conversation_seed"] != records[2]["metadata"]["conversation_seed"]
    assert check_record(fixed[1]) == []
    assert fixed[1]["messages"][0]["role"] == "user"
    assert report.repair["conversations_attempted"] == 2
    assert report.repair["conversations_repaired"] == sum(1 for r in fixed if r["passed"])
    assert report.write_back is not None and report.write_back["conversations_rewritten"] == 2


def test_generate_evaluate_scores_inline(seed_graph_cli_env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "c.jsonl"
    result = CliRunner(env={**seed_graph_cli_env, "ANTHROPIC_API_KEY": ""}).invoke(
        cli, ["--quiet", "generate", "--n", "3", "--seed", "5", "--output", str(out), "--evaluate"],
        catch_exceptions=False)
    assert result.exit_code == 0, result.output
    records = _read(out)
    assert all(r["judge_scores"] is not None and r["passed"] == r["judge_scores"]["passed"] for r in records)
    assert "judge offline-rules-v1: 3 conversation(s)" in result.output


@pytest.fixture()
def seed_graph_cli_env(generated: Path, cli_env: dict[str, str]) -> dict[str, str]:
    """The CLI environment once the seed graph is built (by `generated`)."""
    return cli_env


def test_an_attempt_the_review_flags_gives_way_to_the_next_candidate(generated: Path, clean_db: Driver,
                                                                     neo4j_database: str, tmp_path: Path) -> None:
    """The generate job's review hook: an attempt calling a flagged endpoint is replaced when another
    candidate exists, and the flags are counted; with the offline judge (the CLI's review) no kept
    conversation is lost (a flagged attempt is kept only when every candidate is flagged)."""
    raw = _read(generated)
    banned = raw[0]["tool_calls"][0]["name"]
    seen: list[str] = []

    def review(record: Any, endpoints: dict[str, Any]) -> list[str]:
        names = [c.name for c in record.tool_calls]
        seen.append(record.conversation_id)
        return ["test_gate"] if banned in names else []

    output = tmp_path / "reviewed.jsonl"
    summary = run_generate(clean_db, neo4j_database, GenerateSettings(
        n=6, seed=42, mode=SamplingMode.MIXED, output=output, corpus_memory=False, write_back=False), review=review)
    reviewed = _read(output)
    assert summary.flagged >= 1 and len(seen) > len(reviewed)
    calling = [r for r in reviewed if banned in [c["name"] for c in r["tool_calls"]]]
    assert len(calling) < sum(1 for r in raw if banned in [c["name"] for c in r["tool_calls"]])
