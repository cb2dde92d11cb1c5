"""`datagen evaluate --repair --repair-realiser anthropic` end to end: real CLI, real Neo4j, fake Messages API.

A conversation generated and written back over the seed graph has its final answer broken; the
evaluation (the offline judge, `--offline`, so only the repair talks to the API) finds it failing,
asks the model (the loopback fake, which writes the final answer back from the values) to rewrite
the slot the failed gates name, checks the answer as the realiser does, and writes the repaired
conversation to the output file and back to the graph. What must hold: one request, the attempt
recorded as `realiser` and successful, the record passing with exactly the original messages, the
graph's messages rewritten, the report counting the model's request, and the key nowhere.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from neo4j import Driver

from datagen.cli.main import cli
from datagen.evaluator.endpoints import endpoints_from_graph
from datagen.evaluator.job import score_record
from datagen.evaluator.offline_judge import OfflineJudge
from datagen.evaluator.scorer import ScorerSettings
from datagen.evaluator.writeback import node_id
from tests.unit.fake_anthropic import SECRET, draft_of, serve, writer

BROKEN_ANSWER = "All set, that is everything you asked for."


def _read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _passing(records: list[dict[str, Any]], driver: Driver, database: str) -> dict[str, Any]:
    """The first generated record the offline judge (with the graph's endpoints, as the CLI) passes."""
    judge = OfflineJudge(endpoints_from_graph(driver, database, records))
    for record in records:
        if score_record(json.loads(json.dumps(record)), judge, ScorerSettings()).passed:
            return record
    pytest.fail("no generated conversation passes the offline judge")


def test_evaluate_repair_with_the_realiser_rewrites_and_writes_back(
        generated: Path, clean_db: Driver, neo4j_database: str, cli_env: dict[str, str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    good = _passing(_read(generated), clean_db, neo4j_database)
    last = len(good["messages"]) - 1
    broken = json.loads(json.dumps(good))
    broken["messages"][last]["content"] = BROKEN_ANSWER
    source, out = tmp_path / "broken.jsonl", tmp_path / "repaired.jsonl"
    source.write_text(json.dumps(broken) + "\n", encoding="utf-8")
    monkeypatch.setenv("DATAGEN_HOME", str(tmp_path / "home"))
    with serve(monkeypatch) as fake:
        fake.script = [writer(lambda written: written | {f"m{last}": good["messages"][last]["content"]})]
        result = CliRunner().invoke(cli, ["--quiet", "evaluate", "--input", str(source), "--output", str(out),
                                          "--repair", "--repair-realiser", "anthropic", "--offline"],
                                    env=cli_env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert len(fake.requests) == 1
    body = fake.requests[0]
    assert body["tool_choice"] == {"type": "tool", "name": "write_conversation"}
    failed = draft_of(body)["failed"]
    assert failed and all(item["slots"] == [f"m{last}"] for item in failed)

    [repaired] = _read(out)
    assert repaired["passed"] is True, repaired["judge_scores"]
    first = repaired["metadata"]["repair_attempts"][0]
    assert (first["attempt"], first["kind"], first["success"]) == (0, "realiser", True)
    assert repaired["metadata"]["realiser"] == "anthropic"
    assert repaired["messages"] == good["messages"] and repaired["tool_calls"] == good["tool_calls"]

    stored = clean_db.execute_query(
        "MATCH (:Conversation {id: $id})-[h:HAS_MESSAGE]->(m:Message) RETURN h.idx AS idx, m.content AS content "
        "ORDER BY idx", id=node_id(repaired), database_=neo4j_database).records
    assert [r["content"] for r in stored] == [m["content"] for m in good["messages"]]

    report = json.loads((tmp_path / "evaluation_report.json").read_text(encoding="utf-8"))
    assert report["write_back"]["conversations_rewritten"] == 1
    assert report["repair"]["realiser"]["requests"] == 1 and report["repair"]["realiser"]["realised"] == 1
    assert "[realiser] repair by" in result.output
    cached = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "home" / "realiser-cache").glob("*.json"))
    assert cached and SECRET not in cached + out.read_text(encoding="utf-8") + json.dumps(report) + result.output
