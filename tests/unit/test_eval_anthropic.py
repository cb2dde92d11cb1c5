"""The Anthropic judge with the real `anthropic` client against a fake Messages API on 127.0.0.1.

Real HTTP, no monkeypatched client: the test serves `POST /v1/messages` from a thread and scripts
its answers (a proper tool_use, a 429 then success, malformed tool input, a reply slower than the
client's timeout). The key and base URL reach the SDK through the environment, as in production.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from datagen.cli.main import cli
from datagen.errors import ConfigError, JudgeError
from datagen.evaluator.anthropic_judge import TOOL_NAME, AnthropicJudge
from datagen.evaluator.job import score_record
from datagen.evaluator.scorer import ScorerSettings

from tests.unit.eval_fixtures import FLIGHT, write_jsonl
from tests.unit.fake_anthropic import GOOD, SECRET, FakeAPI, message, serve


@pytest.fixture()
def api(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeAPI]:
    with serve(monkeypatch) as fake:
        yield fake


def judge(**kwargs: Any) -> AnthropicJudge:
    options: dict[str, Any] = {"timeout": 2.0, "max_retries": 2, "backoff": 0.01}
    options.update(kwargs)
    return AnthropicJudge("claude-test", **options)


def test_forced_tool_call_is_parsed(api: FakeAPI) -> None:
    verdict = judge().judge(FLIGHT)
    assert (verdict.tool_correctness, verdict.task_completion, verdict.naturalness) == (5, 4, 4)
    sent = api.requests[0]
    assert sent["model"] == "claude-test"
    assert sent["tool_choice"] == {"type": "tool", "name": TOOL_NAME}
    schema = sent["tools"][0]["input_schema"]
    assert set(schema["required"]) == {"tool_correctness", "task_completion", "naturalness", "reasoning"}
    assert "FL247" in sent["messages"][0]["content"]  # the conversation and its lineage are sent
    assert api.headers[0]["x-api-key"] == SECRET


def test_429_is_retried_then_succeeds(api: FakeAPI) -> None:
    api.script = [(429, {"type": "error", "error": {"type": "rate_limit_error", "message": "slow down"}}, 0.0),
                  (529, {"type": "error", "error": {"type": "overloaded_error", "message": "busy"}}, 0.0),
                  (200, message(GOOD), 0.0)]
    assert judge().judge(FLIGHT).tool_correctness == 5
    assert len(api.requests) == 3


def test_malformed_tool_input_is_asked_again(api: FakeAPI) -> None:
    api.script = [(200, message({"tool_correctness": 9, "task_completion": "great"}), 0.0), (200, message(GOOD), 0.0)]
    assert judge().judge(FLIGHT).naturalness == 4
    assert len(api.requests) == 2


def test_always_malformed_is_recorded_as_a_judge_error(api: FakeAPI, caplog: pytest.LogCaptureFixture) -> None:
    api.script = [(200, message({"tool_correctness": 0}), 0.0)]
    caplog.set_level(logging.DEBUG)
    scores = score_record(FLIGHT, judge(malformed_retries=1), ScorerSettings())
    assert scores.passed is False and scores.failed_gates == ["judge_error"]
    assert scores.error is not None and "malformed judge answer after 2 tries" in scores.error
    assert scores.tool_correctness is None and scores.judge_model == "claude-test"
    assert len(api.requests) == 2
    assert SECRET not in caplog.text and SECRET not in scores.model_dump_json()


def test_timeout_after_retries_is_a_judge_error(api: FakeAPI) -> None:
    api.script = [(200, message(GOOD), 1.5)]
    started = time.monotonic()
    with pytest.raises(JudgeError, match="timed out") as info:
        judge(timeout=0.3, max_retries=1).judge(FLIGHT)
    assert SECRET not in str(info.value)
    assert len(api.requests) == 2 and time.monotonic() - started < 10


def test_rejected_key_stops_the_run(api: FakeAPI) -> None:
    api.script = [(401, {"type": "error", "error": {"type": "authentication_error", "message": "invalid x-api-key"}}, 0.0)]
    with pytest.raises(ConfigError, match="ANTHROPIC_API_KEY") as info:
        judge().judge(FLIGHT)
    assert SECRET not in str(info.value)


def test_no_key_is_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ANTHROPIC_API_KEY", raising=False)
    with pytest.raises(ConfigError, match="ANTHROPIC_API_KEY"):
        AnthropicJudge()


def test_evaluate_uses_the_anthropic_judge_when_a_key_is_set(api: FakeAPI, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [FLIGHT])
    result = CliRunner().invoke(cli, ["--quiet", "evaluate", "--input", str(path), "--output", str(tmp_path / "e.jsonl"),
                                      "--no-write-back", "--model", "claude-test"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    record = json.loads((tmp_path / "e.jsonl").read_text())
    assert record["judge_scores"]["judge_model"] == "claude-test" and record["judge_scores"]["mean_score"] == 4.33
    assert SECRET not in result.output


def test_evaluate_records_judge_errors_and_exits_2(api: FakeAPI, tmp_path: Path) -> None:
    api.script = [(200, {"id": "m", "type": "message", "role": "assistant", "model": "x", "stop_reason": "end_turn",
                         "stop_sequence": None, "usage": {"input_tokens": 1, "output_tokens": 1},
                         "content": [{"type": "text", "text": "I think it's fine."}]}, 0.0)]
    path = write_jsonl(tmp_path / "in.jsonl", [FLIGHT, FLIGHT])
    result = CliRunner().invoke(cli, ["--quiet", "evaluate", "--input", str(path), "--output", str(tmp_path / "e.jsonl"),
                                      "--no-write-back"], catch_exceptions=False)
    assert result.exit_code == 2
    records = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert all(r["judge_scores"]["error"] and r["passed"] is False for r in records)
    assert json.loads((tmp_path / "evaluation_report.json").read_text())["judge_errors"] == 2


def test_offline_flag_ignores_the_key(api: FakeAPI, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [FLIGHT])
    result = CliRunner().invoke(cli, ["--quiet", "evaluate", "--input", str(path), "--output", str(tmp_path / "e.jsonl"),
                                      "--no-write-back", "--offline"], catch_exceptions=False)
    assert result.exit_code == 0 and api.requests == []
