"""`evaluate --repair --repair-realiser anthropic` against the loopback fake Messages API.

What must hold: a failing record the model repairs passes and its attempt is marked `realiser`, with
only the slots the failed gates name changed; an answer that breaks the schema or a fixed value
fails the realiser's checks and the surgical/full repairs run as without the model; without the
model nothing changes; a cached answer sends no request; the key reaches no output, cache or log;
the flag without --repair or without a key is one line, exit 2.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from datagen.cli.evaluate import report_lines
from datagen.cli.main import cli
from datagen.core.record import RecordDict
from datagen.evaluator.job import EvaluateSettings, run_evaluate, score_record
from datagen.evaluator.offline_judge import OfflineJudge
from datagen.evaluator.repair import repair
from datagen.evaluator.scorer import ScorerSettings
from datagen.evaluator.types import Issue, JudgeScores
from datagen.realiser.cache import CACHE_FOLDER
from datagen.realiser.repair import RealiserRepair
from datagen.registry.models import Endpoint

from tests.unit.fake_anthropic import SECRET, draft_of, serve, writer
from tests.unit.test_realiser_anthropic import MODEL, _drop_fixed, _offline

GATES = ScorerSettings()


def _broken() -> tuple[RecordDict, RecordDict, dict[str, Endpoint]]:
    """(the offline record, the same with a final answer that states nothing the tools returned, endpoints)."""
    line, endpoints = _offline()
    good = json.loads(line)
    broken = json.loads(line)
    broken["messages"][-1]["content"] = "All set, that is everything you asked for."
    return good, broken, endpoints


def _score(record: RecordDict, endpoints: dict[str, Endpoint]) -> JudgeScores:
    return score_record(record, OfflineJudge(endpoints), GATES)


def _repair(record: RecordDict, endpoints: dict[str, Endpoint], model: RealiserRepair | None) -> RecordDict:
    scores = _score(record, endpoints)
    assert not scores.passed
    return repair(record, scores, lambda r: _score(r, endpoints), 2, endpoints=endpoints, model=model)


def _restore_answer(good: RecordDict) -> Any:
    """A model that writes the final answer back from the values (here: the offline one)."""
    last = f"m{len(good['messages']) - 1}"
    return writer(lambda written: written | {last: good["messages"][-1]["content"], "m0": "changed, not named"})


def test_a_failing_record_repaired_by_the_model_passes_and_is_marked(monkeypatch: pytest.MonkeyPatch,
                                                                     tmp_path: Path) -> None:
    good, broken, endpoints = _broken()
    with serve(monkeypatch) as fake:
        fake.script = [_restore_answer(good)]
        model = RealiserRepair(tmp_path, endpoints, MODEL)
        out = _repair(broken, endpoints, model)
    assert out["passed"] is True
    assert out["metadata"]["repair_attempts"] == [{"attempt": 0, "kind": "realiser", "gate": out["metadata"]
                                                   ["repair_attempts"][0]["gate"], "success": True}]
    assert out["metadata"]["realiser"] == "anthropic" and out["metadata"]["model"] == MODEL
    # only the named slot changed: the model's edit of the opening turn was put back
    assert out["messages"] == good["messages"] and out["tool_calls"] == good["tool_calls"]
    body = fake.requests[0]
    assert body["tool_choice"] == {"type": "tool", "name": "write_conversation"}
    failed = draft_of(body)["failed"]
    assert failed and all(item["slots"] == [f"m{len(good['messages']) - 1}"] for item in failed)
    usage = model.usage()
    assert (usage.realised, usage.fell_back, usage.requests) == (1, 0, 1) and usage.input_tokens > 0


def test_a_schema_breaking_answer_falls_back_to_the_offline_repairs(monkeypatch: pytest.MonkeyPatch,
                                                                   tmp_path: Path) -> None:
    good, broken, endpoints = _broken()
    last = f"m{len(good['messages']) - 1}"
    with serve(monkeypatch) as fake:
        fake.script = [writer(lambda written: written | {last: 42})]
        model = RealiserRepair(tmp_path, endpoints, MODEL)
        out = _repair(broken, endpoints, model)
    without = _repair(json.loads(json.dumps(broken)), endpoints, None)
    attempts = out["metadata"]["repair_attempts"]
    assert attempts[0] == {"attempt": 0, "kind": "realiser", "gate": attempts[0]["gate"], "success": False}
    assert attempts[1:] == without["metadata"]["repair_attempts"]  # the offline path, unchanged
    assert attempts[1]["kind"].startswith("surgical:")
    out["metadata"]["repair_attempts"] = attempts[1:]
    assert out == without  # the same record, with the model's failed attempt recorded before
    assert len(fake.requests) == 1 and model.usage().fell_back == 1


def test_an_answer_that_drops_a_fixed_value_fails_the_checks(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    good, _, endpoints = _broken()
    issue = Issue(kind="lookup_mismatch", dimension="tool_correctness", severity="major", message="x", call=0)
    with serve(monkeypatch) as fake:
        fake.script = [writer(_drop_fixed)]
        model = RealiserRepair(tmp_path, endpoints, MODEL)
        assert model(good, [issue]) is None
    assert draft_of(fake.requests[0])["failed"][0]["slots"] == ["m1", "m2"]
    assert model.usage().fell_back == 1


def test_without_the_model_nothing_changes() -> None:
    _, broken, endpoints = _broken()
    out = _repair(broken, endpoints, None)
    assert all(a["kind"] != "realiser" for a in out["metadata"]["repair_attempts"])
    assert "realiser" not in out["metadata"]


def test_a_cached_answer_sends_no_request_and_the_key_appears_nowhere(monkeypatch: pytest.MonkeyPatch,
                                                                      tmp_path: Path,
                                                                      caplog: pytest.LogCaptureFixture) -> None:
    good, broken, endpoints = _broken()
    caplog.set_level(logging.DEBUG)
    with serve(monkeypatch) as fake:
        fake.script = [_restore_answer(good)]
        first = _repair(json.loads(json.dumps(broken)), endpoints, RealiserRepair(tmp_path, endpoints, MODEL))
        again = RealiserRepair(tmp_path, endpoints, MODEL)
        second = _repair(json.loads(json.dumps(broken)), endpoints, again)
    assert len(fake.requests) == 1 and first == second
    assert (again.usage().requests, again.usage().cache_hits) == (0, 1)
    cached = "".join(p.read_text() for p in (tmp_path / CACHE_FOLDER).glob("*.json"))
    assert SECRET not in json.dumps(first) + cached + caplog.text


def test_the_flag_without_repair_or_without_a_key_is_one_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("ANTHROPIC_API_KEY", raising=False)
    source = tmp_path / "in.jsonl"
    source.write_text("")
    base = ["--neo4j-uri", "bolt://127.0.0.1:1", "evaluate", "--input", str(source),
            "--output", str(tmp_path / "out.jsonl"), "--repair-realiser", "anthropic"]
    alone = CliRunner().invoke(cli, base)
    assert alone.exit_code == 2 and alone.output.strip() == "Error: --repair-realiser applies to --repair only"
    keyless = CliRunner().invoke(cli, [*base, "--repair"])
    assert keyless.exit_code == 2 and keyless.output.strip().splitlines() == [
        "Error: --repair-realiser anthropic needs ANTHROPIC_API_KEY in the environment (or leave it out to "
        "repair offline)"]
    assert not (tmp_path / "out.jsonl").exists()


def test_the_report_counts_the_models_requests_tokens_and_cost(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    good, broken, endpoints = _broken()
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(good) + "\n" + json.dumps(broken) + "\n")
    settings = EvaluateSettings(input=source, output=tmp_path / "out.jsonl", repair=True)
    with serve(monkeypatch) as fake:
        fake.script = [_restore_answer(good)]
        model = RealiserRepair(tmp_path / "home", endpoints, MODEL)
        report = run_evaluate(settings, OfflineJudge(endpoints), model=model)
    used = report.repair["realiser"]
    assert (report.passed, report.repair["by_kind"]) == (2, {"realiser": {"attempts": 1, "succeeded": 1}})
    assert used["name"] == f"anthropic:{MODEL}" and used["requests"] == 1 and used["realised"] == 1
    assert used["input_tokens"] > 0 and used["cost_usd"] > 0
    written = json.loads((tmp_path / "evaluation_report.json").read_text())
    assert written["repair"]["realiser"] == used and len(fake.requests) == 1
    assert SECRET not in (tmp_path / "out.jsonl").read_text() + json.dumps(written)
    assert any("[realiser] repair by" in line for line in report_lines(report))
