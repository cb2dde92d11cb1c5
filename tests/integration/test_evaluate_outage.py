"""A failing judge on a real Neo4j: judge errors never become JudgeScore nodes, an outage writes none.

The judge is the real `anthropic` client against the fake Messages API on 127.0.0.1
(`tests.unit.fake_anthropic`), scripted to answer 500 (after the SDK's own retries) where an outage
is wanted. After a stopped run and a `--resume`, every conversation holds exactly one JudgeScore,
with scores; `generate --evaluate` through an outage leaves its conversations unscored and continues
with `--resume`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from neo4j import Driver

from datagen.cli.main import cli
from datagen.errors import JudgeError
from datagen.evaluator.anthropic_judge import AnthropicJudge
from datagen.evaluator.job import EvaluateSettings, run_evaluate
from datagen.evaluator.writeback import conversation_scores, node_id
from tests.unit.fake_anthropic import GOOD, FakeAPI, error, message, serve

OK = (200, message(GOOD), 0.0)
DOWN = error(500, "api_error", "internal server error")


@pytest.fixture()
def api(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeAPI]:
    with serve(monkeypatch) as fake:
        yield fake


def _read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _judge() -> AnthropicJudge:
    return AnthropicJudge("claude-test", timeout=5.0, backoff=0.01)


def _null_scores(driver: Driver, database: str) -> int:
    records, _, _ = driver.execute_query("MATCH (s:JudgeScore) WHERE s.mean_score IS NULL RETURN count(s) AS n",
                                         database_=database)
    return int(records[0]["n"])


def test_a_judge_error_gets_no_judge_score_node(generated: Path, clean_db: Driver, neo4j_database: str,
                                                api: FakeAPI, tmp_path: Path) -> None:
    api.script = [OK, *[DOWN] * 5, OK]  # the second conversation fails after the SDK's retries, the third gets through
    report = run_evaluate(EvaluateSettings(input=generated, output=tmp_path / "e.jsonl"), _judge(),
                          clean_db, neo4j_database)
    records = _read(tmp_path / "e.jsonl")
    assert records[1]["judge_scores"]["error"] is not None and report.judge_errors == 1
    assert report.write_back is not None
    assert report.write_back["scores_written"] == 5 and report.write_back["judge_errors_skipped"] == 1
    assert conversation_scores(clean_db, neo4j_database, node_id(records[1])) == []
    assert _null_scores(clean_db, neo4j_database) == 0


def test_an_outage_writes_no_score_and_resume_writes_each_once(generated: Path, clean_db: Driver,
                                                              neo4j_database: str, api: FakeAPI,
                                                              tmp_path: Path) -> None:
    output = tmp_path / "e.jsonl"
    before = {node_id(r): len(conversation_scores(clean_db, neo4j_database, node_id(r))) for r in _read(generated)}
    api.script = [OK, OK, DOWN]
    with pytest.raises(JudgeError, match="--resume"):
        run_evaluate(EvaluateSettings(input=generated, output=output), _judge(), clean_db, neo4j_database)
    assert not output.exists()
    assert {i: len(conversation_scores(clean_db, neo4j_database, i)) for i in before} == before
    api.script, sent = [OK], len(api.requests)
    run_evaluate(EvaluateSettings(input=generated, output=output, resume=True), _judge(), clean_db, neo4j_database)
    assert len(api.requests) - sent == 4
    for conversation, count in before.items():
        scores = conversation_scores(clean_db, neo4j_database, conversation)
        assert len(scores) == count + 1 and scores[-1]["mean_score"] == 4.33
    assert _null_scores(clean_db, neo4j_database) == 0


def test_generate_evaluate_through_an_outage_then_resume(generated: Path, cli_env: dict[str, str],
                                                         api: FakeAPI, tmp_path: Path) -> None:
    out = tmp_path / "c.jsonl"
    args = ["--quiet", "generate", "--n", "3", "--seed", "5", "--output", str(out), "--evaluate",
            "--judge-model", "claude-test"]
    api.script = [DOWN]
    result = CliRunner(env=cli_env).invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 1
    error_lines = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(error_lines) == 1 and "--resume" in error_lines[0]
    assert all(r["judge_scores"] is None for r in _read(out))  # as generated: nothing presented as judged
    api.script = [OK]
    result = CliRunner(env=cli_env).invoke(cli, [*args, "--resume"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert all(r["judge_scores"]["mean_score"] == 4.33 and r["passed"] for r in _read(out))
    assert not out.with_name("c.jsonl.judged.partial").exists()
