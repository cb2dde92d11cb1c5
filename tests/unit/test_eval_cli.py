"""The file commands through the CLI: validate, inspect, metrics and evaluate (offline, no server)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from datagen.cli.main import cli

from tests.unit.eval_fixtures import CORRUPTIONS, FLIGHT, load_records, write_jsonl


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--quiet", *args], catch_exceptions=False)
    return result.exit_code, result.output


@pytest.fixture(autouse=True)
def _no_key_no_server(monkeypatch: pytest.MonkeyPatch) -> None:
    """The offline judge unless a test sets a key; no Neo4j is reachable from these tests."""
    monkeypatch.delenv("ANTHROPIC_API_KEY", raising=False)
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:1")


def test_validate_accepts_valid_records(tmp_path: Path) -> None:
    code, out = run("validate", "--input", str(write_jsonl(tmp_path / "ok.jsonl", load_records() + [FLIGHT])))
    assert code == 0 and "4/4 record(s) valid" in out


def test_validate_reports_each_problem_with_the_record_id(tmp_path: Path) -> None:
    records = [FLIGHT, CORRUPTIONS["tool message missing"][0](FLIGHT), CORRUPTIONS["user and assistant swapped"][0](FLIGHT)]
    records[1]["conversation_id"] = records[1]["metadata"]["conversation_id"] = "conv_7_0002"
    code, out = run("validate", "--input", str(write_jsonl(tmp_path / "bad.jsonl", records)))
    assert code == 1
    lines = out.strip().splitlines()
    assert any(line.startswith("conv_7_0002: message 1 (assistant): tool call(s)") for line in lines)
    assert "conv_7_0001: message 0: conversation must start with a user message" in lines
    assert "1/3 record(s) valid" in out


def test_validate_names_file_and_line_of_bad_json(tmp_path: Path) -> None:
    path = tmp_path / "broken.jsonl"
    path.write_text(json.dumps(FLIGHT) + "\n{not json\n", encoding="utf-8")
    code, out = run("validate", "--input", str(path))
    assert code == 1 and f"{path}: line 2: not valid JSON" in out
    path.write_text("[1, 2]\n", encoding="utf-8")
    assert f"{path}: line 1: expected a JSON object, got list" in run("validate", "--input", str(path))[1]


def test_validate_catches_metadata_drift(tmp_path: Path) -> None:
    record = json.loads(json.dumps(FLIGHT))
    record["metadata"]["num_turns"] = 9
    record["tool_outputs"][1]["name"] = "flight_booking::search_flights"
    code, out = run("validate", "--input", str(write_jsonl(tmp_path / "d.jsonl", [record])))
    assert code == 1
    assert "conv_7_0001: metadata.num_turns is 9, the conversation says 8" in out
    assert "conv_7_0001: tool_outputs[1]: name 'flight_booking::search_flights' but call 1 is 'flight_booking::book_flight'" in out


def test_inspect_verbose_prints_the_lineage(tmp_path: Path) -> None:
    code, out = run("inspect", "--input", str(write_jsonl(tmp_path / "f.jsonl", [FLIGHT])), "--verbose")
    assert code == 0
    assert out == (
        "conv_7_0001  turns 8  calls 2  tools 1  clarifications 0  grounded 1/4  mock 0  warnings 0  structure ok  not judged\n"
        "  step 0: flight_booking::search_flights [FIRST STEP]\n"
        '    → input: {"origin": "JFK", "destination": "CDG"}\n'
        "    → output fields: [flights[].flight_id, flights[].price, flights[].airline]\n"
        "  step 1: flight_booking::book_flight [GROUNDED via flight_id←step0]\n"
        "    ← flight_id: 'FL247' (from step 0 output at flights[].flight_id)\n"
        '    → input: {"passenger": "Ada Park"}\n'
        "    → output fields: [booking_id, status]\n"
        "1 conversation(s): 1 structurally valid, not judged\n")


def test_inspect_filters_by_id(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "d.jsonl", load_records() + [FLIGHT])
    code, out = run("inspect", "--input", str(path), "--id", "conv_42_0002")
    assert code == 0 and out.startswith("conv_42_0002 ") and "1 conversation(s)" in out
    assert run("inspect", "--input", str(path), "--id", "conv_nope")[0] == 1


def test_evaluate_offline_writes_deterministic_output_and_report(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", load_records() + [FLIGHT, CORRUPTIONS["final answer dropped"][0](FLIGHT)])
    outputs = []
    for name in ("a", "b"):
        out = tmp_path / name / "evaluated.jsonl"
        code, text = run("evaluate", "--input", str(path), "--output", str(out), "--no-write-back")
        assert code == 0, text
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    records = [json.loads(line) for line in outputs[0].decode().splitlines()]
    assert [r["passed"] for r in records] == [True, True, True, True, False]
    assert records[-1]["judge_scores"]["failed_gates"] == ["validator", "task_completion_floor"]
    assert records[0]["judge_scores"]["judge_model"] == "offline-rules-v1"
    report = json.loads((tmp_path / "a" / "evaluation_report.json").read_text())
    assert report["records"] == 5 and report["passed"] == 4 and report["pass_rate"] == 0.8
    assert report["failed_gate_counts"] == {"task_completion_floor": 1, "validator": 1}
    assert report["means"]["task_completion"] == round((4 * 5 + 2) / 5, 2)
    assert report["quality_assertion"]["passed"] is True and report["write_back"] is None


def test_evaluate_exits_2_when_the_mean_is_below_the_threshold(tmp_path: Path) -> None:
    broken = [c[0](FLIGHT) for c in CORRUPTIONS.values()]
    path = write_jsonl(tmp_path / "in.jsonl", broken)
    code, out = run("evaluate", "--input", str(path), "--output", str(tmp_path / "e.jsonl"),
                    "--no-write-back", "--threshold", "4.5")
    assert code == 2
    assert "quality assertion failed" in out
    report = json.loads((tmp_path / "evaluation_report.json").read_text())
    assert report["quality_assertion"]["passed"] is False and report["passed"] == 0


def test_evaluate_repair_without_graph_fixes_surgically(tmp_path: Path) -> None:
    """--repair needs the graph only for full rewrites; surgical fixes run without it (no write-back)."""
    from datagen.evaluator.job import EvaluateSettings, run_evaluate
    from datagen.evaluator.offline_judge import OfflineJudge

    path = write_jsonl(tmp_path / "in.jsonl", [CORRUPTIONS["grounded id swapped"][0](FLIGHT),
                                               CORRUPTIONS["final answer dropped"][0](FLIGHT)])
    settings = EvaluateSettings(input=path, output=tmp_path / "out.jsonl", repair=True, write_back=False)
    report = run_evaluate(settings, OfflineJudge())
    assert report.initial_pass_rate == 0.0 and report.pass_rate == 1.0
    assert report.repair["conversations_repaired"] == 2 and report.repair["success_rate"] == 1.0
    fixed = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert fixed[0]["tool_calls"][1]["parameters"]["flight_id"] == "FL247"
    assert fixed[1]["messages"][-1]["role"] == "assistant" and "BK9921" in fixed[1]["messages"][-1]["content"]


def test_every_evaluator_command_has_help() -> None:
    for command in ("evaluate", "validate", "metrics", "inspect"):
        code, out = run(command, "--help")
        assert code == 0 and "--input" in out
