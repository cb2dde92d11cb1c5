"""A judge that stops answering, `--resume`, `--report` and the exit-code rule of `evaluate` (no server).

The Anthropic judge is the real `anthropic` client against the fake Messages API on 127.0.0.1
(`tests.unit.fake_anthropic`), made to refuse connections, answer 500 or 401. What must hold: an
outage stops the run after a few records in a row, in one line, writing nothing as if it were a
score; a rerun with `--resume` sends only the records not judged yet; a refused connection costs a
record seconds; two evaluations in one folder can keep their own reports; and a file whose
conversations all fail a gate exits 2 even when its mean score is high.
"""

from __future__ import annotations

import copy
import json
import time
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from datagen.cli.main import cli
from datagen.errors import JudgeError
from datagen.evaluator.anthropic_judge import AnthropicJudge
from datagen.evaluator.job import MAX_CONSECUTIVE_JUDGE_FAILURES
from datagen.evaluator.writeback import score_rows

from tests.unit.eval_fixtures import CORRUPTIONS, FLIGHT, write_jsonl
from tests.unit.fake_anthropic import GOOD, SECRET, FakeAPI, closed_port, error, message, serve

OK = (200, message(GOOD), 0.0)
DOWN = error(500, "api_error", "internal server error")


@pytest.fixture(autouse=True)
def _no_server(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:1")


@pytest.fixture()
def api(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeAPI]:
    with serve(monkeypatch) as fake:
        yield fake


def flights(n: int) -> list[dict[str, Any]]:
    """`n` copies of the flight record under their own ids."""
    out = []
    for i in range(n):
        record = copy.deepcopy(FLIGHT)
        record["conversation_id"] = record["metadata"]["conversation_id"] = f"conv_7_{i + 1:04d}"
        out.append(record)
    return out


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--quiet", "evaluate", *args], catch_exceptions=False)
    return result.exit_code, result.output


def _read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_a_refused_connection_costs_a_record_seconds_not_the_sdk_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANTHROPIC_API_KEY", SECRET)
    monkeypatch.setenv("ANTHROPIC_BASE_URL", f"http://127.0.0.1:{closed_port()}")
    started = time.monotonic()
    with pytest.raises(JudgeError, match="cannot reach"):
        AnthropicJudge("claude-test").judge(FLIGHT)  # the defaults the CLI uses
    assert time.monotonic() - started < 4.0  # the SDK's default 4 retries wait ~7.5 s


def test_an_outage_stops_after_a_few_failures_in_a_row_and_writes_no_score(api: FakeAPI, tmp_path: Path) -> None:
    api.script = [OK, OK, DOWN]
    path = write_jsonl(tmp_path / "in.jsonl", flights(6))
    out = tmp_path / "e.jsonl"
    code, text = run("--input", str(path), "--output", str(out), "--no-write-back", "--model", "claude-test")
    assert code == 1, text
    assert len(text.strip().splitlines()) == 1, text
    assert f"failed on {MAX_CONSECUTIVE_JUDGE_FAILURES} conversations in a row" in text and "--resume" in text
    assert "ANTHROPIC_API_KEY" in text and SECRET not in text
    assert not out.exists() and not (tmp_path / "evaluation_report.json").exists()
    kept = _read(tmp_path / "e.jsonl.judged.partial")
    assert [r["conversation_id"] for r in kept] == ["conv_7_0001", "conv_7_0002"]
    assert all(r["judge_scores"]["mean_score"] == 4.33 and r["judge_scores"]["error"] is None for r in kept)
    # records 3 to 5 were tried (each request retried twice by the SDK); record 6 was never sent
    assert len(api.requests) == 2 + MAX_CONSECUTIVE_JUDGE_FAILURES * 3


def test_an_unreachable_api_stops_the_evaluation_in_seconds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANTHROPIC_API_KEY", SECRET)
    monkeypatch.setenv("ANTHROPIC_BASE_URL", f"http://127.0.0.1:{closed_port()}")
    path = write_jsonl(tmp_path / "in.jsonl", flights(20))
    started = time.monotonic()
    code, text = run("--input", str(path), "--output", str(tmp_path / "e.jsonl"), "--no-write-back")
    assert code == 1 and len(text.strip().splitlines()) == 1 and "cannot reach the Anthropic API" in text
    assert time.monotonic() - started < 15  # 3 records of about 2 s, not 20 records of ~8 s
    assert _read(tmp_path / "e.jsonl.judged.partial") == [] and not (tmp_path / "e.jsonl").exists()


def test_resume_judges_only_the_rest_and_gives_the_bytes_of_a_whole_run(api: FakeAPI, tmp_path: Path) -> None:
    api.script = [OK, OK, DOWN]
    path = write_jsonl(tmp_path / "in.jsonl", flights(6))
    out = tmp_path / "e.jsonl"
    args = ("--input", str(path), "--output", str(out), "--no-write-back", "--model", "claude-test")
    assert run(*args)[0] == 1
    code, text = run(*args)
    assert code == 1 and "holds a stopped evaluation: continue it with --resume" in text
    api.script, sent = [OK], len(api.requests)
    code, text = run(*args, "--resume")
    assert code == 0, text
    assert len(api.requests) - sent == 4  # nothing judged is paid for twice
    assert not (tmp_path / "e.jsonl.judged.partial").exists() and not (tmp_path / "e.jsonl.judged.partial.json").exists()
    report = json.loads((tmp_path / "evaluation_report.json").read_text())
    assert report["records"] == 6 and report["passed"] == 6 and report["judge_errors"] == 0
    whole = tmp_path / "whole" / "e.jsonl"
    assert run("--input", str(path), "--output", str(whole), "--no-write-back", "--model", "claude-test")[0] == 0
    assert out.read_bytes() == whole.read_bytes()
    assert run(*args, "--resume")[1].strip().endswith("is finished (no stopped evaluation to continue): "
                                                      "pass --overwrite to judge it again")


def test_resume_refuses_another_input(api: FakeAPI, tmp_path: Path) -> None:
    api.script = [OK, DOWN]
    path = write_jsonl(tmp_path / "in.jsonl", flights(5))
    args = ("--input", str(path), "--output", str(tmp_path / "e.jsonl"), "--no-write-back", "--model", "claude-test")
    assert run(*args)[0] == 1
    write_jsonl(path, flights(5)[::-1])
    api.script, sent = [OK], len(api.requests)
    code, text = run(*args, "--resume")
    assert code == 1 and "cannot continue from" in text and "input_sha256" in text and "--overwrite" in text
    assert len(api.requests) == sent


def test_a_rejected_key_stops_at_once_and_keeps_what_was_judged(api: FakeAPI, tmp_path: Path) -> None:
    api.script = [OK, OK, error(401, "authentication_error", "invalid x-api-key")]
    path = write_jsonl(tmp_path / "in.jsonl", flights(5))
    code, text = run("--input", str(path), "--output", str(tmp_path / "e.jsonl"), "--no-write-back",
                     "--model", "claude-test")
    assert code == 1 and len(text.strip().splitlines()) == 1
    assert "refused the key" in text and "--resume" in text and SECRET not in text
    assert len(_read(tmp_path / "e.jsonl.judged.partial")) == 2 and len(api.requests) == 3


def test_a_lone_failure_is_a_recorded_judge_error_and_the_run_goes_on(api: FakeAPI, tmp_path: Path) -> None:
    api.script = [OK, *[DOWN] * 5, OK]  # the second record fails (after retries), the third gets through
    path = write_jsonl(tmp_path / "in.jsonl", flights(3))
    code, text = run("--input", str(path), "--output", str(tmp_path / "e.jsonl"), "--no-write-back",
                     "--model", "claude-test")
    assert code == 0, text
    records = _read(tmp_path / "e.jsonl")
    assert [r["judge_scores"]["error"] is not None for r in records] == [False, True, False]
    assert records[1]["passed"] is False and records[1]["judge_scores"]["failed_gates"] == ["judge_error"]


def test_judge_errors_give_no_judge_score_rows() -> None:
    scored, failed = flights(2)
    scored["judge_scores"] = {"tool_correctness": 5, "task_completion": 4, "naturalness": 4, "mean_score": 4.33,
                              "passed": True, "failed_gates": [], "error": None}
    failed["judge_scores"] = {"tool_correctness": None, "task_completion": None, "naturalness": None,
                              "mean_score": None, "passed": False, "failed_gates": ["judge_error"], "error": "HTTP 500"}
    rows = score_rows([scored, failed], datetime(2026, 1, 1, tzinfo=timezone.utc))
    assert [r["conversation_id"].split(":")[1] for r in rows] == ["conv_7_0001"]


def test_two_evaluations_in_one_folder_keep_their_own_reports(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ANTHROPIC_API_KEY", raising=False)
    path = write_jsonl(tmp_path / "in.jsonl", flights(2))
    assert run("--input", str(path), "--output", str(tmp_path / "a.jsonl"), "--no-write-back")[0] == 0
    first = (tmp_path / "evaluation_report.json").read_bytes()
    code, text = run("--input", str(path), "--output", str(tmp_path / "b.jsonl"), "--no-write-back")
    assert code == 1 and "evaluation_report.json already exists" in text and "--report" in text
    code, text = run("--input", str(path), "--output", str(tmp_path / "b.jsonl"), "--no-write-back",
                     "--report", str(tmp_path / "b_report.json"))
    assert code == 0, text
    assert json.loads((tmp_path / "b_report.json").read_text())["output"] == str(tmp_path / "b.jsonl")
    assert (tmp_path / "evaluation_report.json").read_bytes() == first
    code, text = run("--input", str(path), "--output", str(tmp_path / "c.jsonl"), "--no-write-back",
                     "--report", str(tmp_path / "c.jsonl"))
    assert code == 1 and "--report" in text and not (tmp_path / "c.jsonl").exists()


def test_all_failing_a_gate_exits_2_although_the_mean_is_high(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ANTHROPIC_API_KEY", raising=False)
    dropped = [CORRUPTIONS["final answer dropped"][0](r) for r in flights(30)]
    path = write_jsonl(tmp_path / "in.jsonl", dropped)
    code, text = run("--input", str(path), "--output", str(tmp_path / "e.jsonl"), "--no-write-back")
    report = json.loads((tmp_path / "evaluation_report.json").read_text())
    assert report["passed"] == 0 and report["means"]["mean_score"] >= 3.5  # the mean alone would pass
    assert code == 2
    failed = [line for line in text.splitlines() if line.startswith("quality assertion failed")]
    assert failed == ["quality assertion failed: pass rate 0.0% < --min-pass-rate 50.0%"]
    assert report["quality_assertion"]["failed"] == ["pass_rate"]
    code, _ = run("--input", str(path), "--output", str(tmp_path / "f.jsonl"), "--no-write-back",
                  "--report", str(tmp_path / "f.json"), "--min-pass-rate", "0")
    assert code == 0


def test_help_documents_the_exit_rule_and_the_new_flags() -> None:
    code, text = run("--help")
    assert code == 0
    flat = " ".join(text.split())
    for words in ("--min-pass-rate", "--report", "--resume", "Exits with code 2", "below --min-pass-rate",
                  f"fails on {MAX_CONSECUTIVE_JUDGE_FAILURES} conversations in a row"):
        assert words in flat
