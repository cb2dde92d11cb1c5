"""`generate --realiser anthropic` end to end on the seed graph, against the loopback fake Messages API.

The real CLI, the real `anthropic` client over HTTP, a real Neo4j. What must hold: each conversation
costs one request (the fake model writes its draft back), the records say which were realised, the
summary and the Run node carry the counts and the estimated cost, a rerun sends no request and writes
the same bytes, `--max-cost` stops at a conversation boundary and `--resume` continues without asking
anything twice, and the key is nowhere in the file, the cache or the graph.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from neo4j import Driver

from datagen.cli.main import cli
from datagen.graph.build import run_build
from tests.conftest import SEED_DATA
from tests.unit.fake_anthropic import SECRET, draft_of, serve, writer


@pytest.fixture(scope="module")
def seed_graph(clean_db: Driver, neo4j_database: str, tmp_path_factory: pytest.TempPathFactory) -> Driver:
    run_build(clean_db, neo4j_database, SEED_DATA, tmp_path_factory.mktemp("artifacts"))
    return clean_db


def _asked(requests: list[dict[str, object]]) -> list[str]:
    return [str(draft_of(body)["conversation_id"]) for body in requests]  # type: ignore[arg-type]


def test_generate_realised_by_the_fake_api(seed_graph: Driver, neo4j_database: str, cli_env: dict[str, str],
                                           tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATAGEN_HOME", str(tmp_path / "home"))
    args = ["--quiet", "generate", "--realiser", "anthropic", "--n", "3", "--seed", "11"]
    out = tmp_path / "a.jsonl"
    with serve(monkeypatch) as fake:
        fake.script = [writer()]
        result = CliRunner().invoke(cli, [*args, "--output", str(out)], env=cli_env, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert len(records) == 3
        realised = [r for r in records if r["metadata"].get("realiser") == "anthropic"]
        assert realised and all(r["metadata"]["model"] == "claude-haiku-4-5-20251001" for r in realised)
        assert all("realiser" not in r["metadata"] for r in records if r not in realised)
        assert sorted(set(_asked(fake.requests))) == [r["conversation_id"] for r in records]
        assert "[realiser] anthropic:claude-haiku-4-5-20251001:" in result.output
        assert "estimated cost $" in result.output
        # the constant prefix (tools + system) written by the first request is read by the later ones
        read = re.search(r"(\d+) cache read;", result.output)
        assert read is not None and int(read.group(1)) > 0, result.output
        run = seed_graph.execute_query(
            "MATCH (r:Run) WHERE r.realiser = 'anthropic' AND r.output_path = $p RETURN r", p=str(out.resolve()),
            database_=neo4j_database).records[0]["r"]
        assert run["realised"] == len(realised) and run["realiser_requests"] == len(fake.requests)
        assert run["realiser_input_tokens"] > 0 and run["realiser_cost_usd"] > 0
        assert run["realiser_cache_read_tokens"] == int(read.group(1))
        sent = len(fake.requests)

        again = tmp_path / "b.jsonl"  # same seed, same graph: every answer from the cache
        result = CliRunner().invoke(cli, [*args, "--output", str(again)], env=cli_env, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        assert len(fake.requests) == sent and again.read_bytes() == out.read_bytes()
        assert "0 request(s) sent, " in result.output and "estimated cost $0.0000" in result.output

    cached = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "home" / "realiser-cache").glob("*.json"))
    assert SECRET not in cached and SECRET not in out.read_text(encoding="utf-8")
    leaks = seed_graph.execute_query(
        "MATCH (n) WHERE any(k IN keys(n) WHERE (n[k] IS :: STRING AND n[k] CONTAINS $s) "
        "OR (n[k] IS :: LIST<STRING> AND any(x IN n[k] WHERE x CONTAINS $s))) RETURN count(n) AS c", s=SECRET,
        database_=neo4j_database).records[0]["c"]
    assert leaks == 0


def test_max_cost_stops_and_resume_asks_nothing_twice(seed_graph: Driver, cli_env: dict[str, str], tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATAGEN_HOME", str(tmp_path / "home"))
    out = tmp_path / "c.jsonl"
    args = ["--quiet", "generate", "--realiser", "anthropic", "--n", "3", "--seed", "12", "--output", str(out)]
    with serve(monkeypatch) as fake:
        fake.script = [writer()]
        result = CliRunner().invoke(cli, [*args, "--max-cost", "0.000001"], env=cli_env, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        assert "stopped at the --max-cost cap" in result.output
        partial = out.with_name(out.name + ".partial")
        assert not out.exists() and len(partial.read_text(encoding="utf-8").splitlines()) == 1
        first = _asked(fake.requests)
        result = CliRunner().invoke(cli, [*args, "--resume"], env=cli_env, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        records = out.read_text(encoding="utf-8").splitlines()
        assert len(records) == 3
        asked = _asked(fake.requests)
        assert asked[:len(first)] == first and not set(asked[len(first):]) & set(first)
