"""`generate` on a real Neo4j over the seed corpus: format, modes, determinism, write-back, resume."""

from __future__ import annotations

import json
import math
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from neo4j import Driver

from datagen.cli.main import cli
from datagen.evaluator.review import offline_review
from datagen.db.queries import load
from datagen.generator.job import GenerateSettings, run_generate
from datagen.core.plan import SamplingMode
from datagen.graph.build import run_build
from tests.conftest import REPO, SEED_DATA

TOP_LEVEL = ["conversation_id", "messages", "tool_calls", "tool_outputs", "judge_scores", "passed", "metadata"]
METADATA = ["conversation_id", "seed", "tool_ids_used", "num_turns", "num_clarification_questions",
            "memory_grounding_rate", "corpus_memory_enabled", "pattern_type", "sampling_mode", "domain",
            "endpoint_ids", "num_tool_calls", "num_distinct_tools", "argument_sources"]


@pytest.fixture(scope="module")
def seed_graph(clean_db: Driver, neo4j_database: str, tmp_path_factory: pytest.TempPathFactory) -> Driver:
    run_build(clean_db, neo4j_database, SEED_DATA, tmp_path_factory.mktemp("artifacts"))
    return clean_db


def _generate(driver: Driver, database: str, output: Path, **kw: Any) -> list[dict[str, Any]]:
    run_generate(driver, database, GenerateSettings(output=output, **kw))
    return [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]


def test_mixed_run_has_every_field_and_every_mode(seed_graph: Driver, neo4j_database: str, tmp_path: Path) -> None:
    records = _generate(seed_graph, neo4j_database, tmp_path / "c.jsonl", n=50, seed=42, mode=SamplingMode.MIXED)
    assert len(records) == 50
    assert [r["conversation_id"] for r in records] == [f"conv_42_{i:04d}" for i in range(1, 51)]
    for record in records:
        assert list(record)[:len(TOP_LEVEL)] == TOP_LEVEL
        assert all(key in record["metadata"] for key in METADATA)
        meta = record["metadata"]
        assert meta["num_turns"] == len(record["messages"])
        assert meta["num_tool_calls"] == len(record["tool_calls"]) == len(record["tool_outputs"]) >= 2
        assert meta["endpoint_ids"] == [c["name"] for c in record["tool_calls"]]
        called = sum(len(m.get("tool_calls") or []) for m in record["messages"])
        assert called == meta["num_tool_calls"]
        assert len(meta["argument_sources"]) == sum(len(c["parameters"]) for c in record["tool_calls"])
    assert {r["metadata"]["sampling_mode"] for r in records} == {"sequential", "multi_tool", "clarification_first", "parallel"}
    assert len({r["metadata"]["domain"] for r in records}) >= 8


@pytest.mark.parametrize("mode", ["sequential", "multi_tool", "clarification_first", "parallel"])
def test_each_mode_yields_its_pattern(seed_graph: Driver, neo4j_database: str, tmp_path: Path, mode: str) -> None:
    records = _generate(seed_graph, neo4j_database, tmp_path / "m.jsonl", n=12, seed=7, mode=SamplingMode(mode),
                        write_back=False)
    # an index whose candidates of this mode do not hold together falls back to sequential (logged)
    kept = [r for r in records if r["metadata"]["sampling_mode"] == mode]
    assert len(kept) >= 10
    for record in kept:
        messages = record["messages"]
        first_call = next(i for i, m in enumerate(messages) if m.get("tool_calls"))
        if mode == "parallel":
            assert any(len(m.get("tool_calls") or []) >= 2 for m in messages)
            assert record["metadata"]["pattern_type"] == "parallel"
        elif mode == "clarification_first":
            assert record["metadata"]["num_clarification_questions"] >= 1
            assert [m["role"] for m in messages[:first_call]] == ["user", "assistant", "user", "assistant"][:first_call]
            assert first_call >= 3 and "?" in messages[1]["content"]
            assert any(s["source"] == "clarification" for s in record["metadata"]["argument_sources"])
        elif mode == "multi_tool":
            assert record["metadata"]["num_distinct_tools"] >= 2
        else:
            assert record["metadata"]["num_tool_calls"] >= 2


def test_same_seed_same_bytes_also_after_a_fresh_rebuild(seed_graph: Driver, neo4j_database: str, tmp_path: Path) -> None:
    a, b, c = (tmp_path / f"{x}.jsonl" for x in "abc")
    run_generate(seed_graph, neo4j_database, GenerateSettings(n=25, seed=5, mode=SamplingMode.MIXED, output=a))
    run_generate(seed_graph, neo4j_database, GenerateSettings(n=25, seed=5, mode=SamplingMode.MIXED, output=b))
    assert a.read_bytes() == b.read_bytes()
    query = load("admin/clear_database")
    with seed_graph.session(database=neo4j_database) as session:
        session.run(query.text, query.params()).consume()
    run_build(seed_graph, neo4j_database, SEED_DATA, tmp_path / "art")
    run_generate(seed_graph, neo4j_database, GenerateSettings(n=25, seed=5, mode=SamplingMode.MIXED, output=c))
    assert a.read_bytes() == c.read_bytes()
    other = tmp_path / "other.jsonl"
    run_generate(seed_graph, neo4j_database, GenerateSettings(n=25, seed=6, mode=SamplingMode.MIXED, output=other,
                                                              write_back=False))
    assert other.read_bytes() != a.read_bytes()


def test_the_same_bytes_for_one_worker_and_three(seed_graph: Driver, neo4j_database: str, tmp_path: Path) -> None:
    """Workers compute attempts ahead of time; the job still decides in index order on outcomes that
    depend only on their plans, so the number of workers never shows in the output."""
    one, three = tmp_path / "one.jsonl", tmp_path / "three.jsonl"
    summaries = [run_generate(seed_graph, neo4j_database, GenerateSettings(
        n=60, seed=13, mode=SamplingMode.MIXED, output=out, write_back=False, workers=workers), review=offline_review)
        for out, workers in ((one, 1), (three, 3))]
    assert one.read_bytes() == three.read_bytes()
    assert summaries[0].ahead == 0 < summaries[1].ahead  # the three workers did take work ahead
    timing = {"output", "ahead", "seconds", "sampler_ms"}
    assert summaries[0].model_dump(exclude=timing) == summaries[1].model_dump(exclude=timing)
    assert summaries[0].rejected + summaries[0].flagged > 0  # retries happened, and were decided alike


def test_write_back_matches_jsonl_and_is_idempotent(seed_graph: Driver, neo4j_database: str, tmp_path: Path) -> None:
    out = tmp_path / "wb.jsonl"
    settings = GenerateSettings(n=20, seed=11, mode=SamplingMode.MIXED, output=out)
    summary = run_generate(seed_graph, neo4j_database, settings)
    records = [json.loads(line) for line in out.read_text().splitlines()]
    grounded = sum(1 for r in records for s in r["metadata"]["argument_sources"] if s["source"] == "step_output")
    expected = {"conversations": 20, "messages": sum(len(r["messages"]) for r in records),
                "tool_calls": sum(len(r["tool_calls"]) for r in records), "lineage": grounded}
    assert summary.written_back == expected
    assert grounded > 0
    again = run_generate(seed_graph, neo4j_database, settings.model_copy(update={"overwrite": True}))
    assert again.written_back == expected
    # Every lineage edge points at an earlier call of the same conversation whose output holds the value.
    rows = seed_graph.execute_query(
        "MATCH (:Run {id: $run})-[:PRODUCED]->(:Conversation)-[:HAS_MESSAGE]->()-[:HAS_CALL]->(t:ToolCall)"
        "-[g:GROUNDED_FROM]->(s:ToolCall) RETURN t.idx AS t, s.idx AS s, t.arguments AS args, g.param AS param, "
        "s.output AS output, t.name AS name, t.caption AS caption, g.field AS field, g.caption AS edge, "
        "t.id AS call ORDER BY call, param", run=summary.run_node, database_=neo4j_database).records
    assert len(rows) == grounded
    for row in rows:
        assert row["s"] < row["t"]
        value = json.loads(row["args"])[row["param"]]
        assert json.dumps(value, ensure_ascii=False) in row["output"] or str(value) in row["output"]
        # what Browser draws: the step and the endpoint's own name, the argument and where it came from
        assert row["caption"] == f"{row['t'] + 1} · {row['name'].split('::')[-1].replace('_', ' ')}"
        assert row["edge"] == (f"{row['param']} ← {row['field']}" if row["field"] else row["param"])
    # conversations written back before captions get the same ones from the one-line migration
    seed_graph.execute_query("MATCH (t:ToolCall) REMOVE t.caption WITH count(*) AS n "
                             "MATCH ()-[g:GROUNDED_FROM]->() REMOVE g.caption", database_=neo4j_database)
    migration = load("browser/add_captions")
    seed_graph.execute_query(migration.text, migration.params(), database_=neo4j_database)
    again_rows = seed_graph.execute_query(
        "MATCH (:Run {id: $run})-[:PRODUCED]->(:Conversation)-[:HAS_MESSAGE]->()-[:HAS_CALL]->(t:ToolCall)"
        "-[g:GROUNDED_FROM]->(s:ToolCall) RETURN t.caption AS caption, g.caption AS edge "
        "ORDER BY t.id, g.param", run=summary.run_node, database_=neo4j_database).records
    assert [(r["caption"], r["edge"]) for r in again_rows] == [(r["caption"], r["edge"]) for r in rows]


def _tool_combination_entropy(path: Path) -> float:
    combos = Counter(tuple(sorted(set(json.loads(line)["metadata"]["tool_ids_used"])))
                     for line in path.read_text().splitlines())
    total = sum(combos.values())
    return -sum(n / total * math.log2(n / total) for n in combos.values())


def test_corpus_memory_raises_tool_combination_entropy(seed_graph: Driver, neo4j_database: str, tmp_path: Path) -> None:
    on, off = tmp_path / "on.jsonl", tmp_path / "off.jsonl"
    for path, memory in ((on, True), (off, False)):
        run_generate(seed_graph, neo4j_database, GenerateSettings(n=60, seed=42, mode=SamplingMode.SEQUENTIAL, output=path,
                                                                  corpus_memory=memory, write_back=False))
    assert _tool_combination_entropy(on) > _tool_combination_entropy(off)


def _processes_writing(output: Path) -> list[int]:
    """Pids of live processes whose command line names `output` (a job and its forked workers)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and str(output).encode() in (entry / "cmdline").read_bytes() \
                    and b"State:\tZ" not in (entry / "status").read_bytes():
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def test_kill_9_then_resume_gives_the_uninterrupted_bytes(seed_graph: Driver, neo4j_database: str,
                                                         cli_env: dict[str, str], tmp_path: Path) -> None:
    full, killed = tmp_path / "full.jsonl", tmp_path / "killed.jsonl"
    args = ["--n", "600", "--seed", "3", "--mode", "mixed", "--workers", "2"]  # workers too must not survive it
    env = {**os.environ, **cli_env}
    # Every run is its own process, as a user's runs are: what one process generated before must not
    # be able to colour the comparison.
    subprocess.run([sys.executable, "-m", "datagen", "--quiet", "generate", *args, "--output", str(full)],
                   cwd=REPO, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    proc = subprocess.Popen([sys.executable, "-m", "datagen", "--quiet", "generate", *args, "--output", str(killed)],
                            cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    partial = killed.with_name(killed.name + ".partial")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not partial.exists() or partial.stat().st_size == 0):
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not killed.exists(), "the run finished before it could be killed"
    # its worker processes end with it (they would keep the output's lock and run on alone)
    deadline = time.monotonic() + 10
    while _processes_writing(killed) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _processes_writing(killed)
    lines = partial.read_bytes().split(b"\n")
    assert all(json.loads(line) for line in lines[:-1])  # the last may be torn: SIGKILL can cut a large write
    result = subprocess.run([sys.executable, "-m", "datagen", "generate", *args, "--output", str(killed), "--resume"],
                            cwd=REPO, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "resumed" in result.stdout + result.stderr
    assert killed.read_bytes() == full.read_bytes()
    # two runs (the uninterrupted one and the killed one, which its resume continued), 600 each
    summary_rows = seed_graph.execute_query(
        "MATCH (r:Run)-[:PRODUCED]->(c:Conversation) WHERE r.seed = 3 RETURN r.output_path AS output, "
        "r.resumed_at IS NOT NULL AS resumed, count(c) AS n, count(DISTINCT c.conversation_id) AS ids "
        "ORDER BY output", database_=neo4j_database).records
    assert [(row["output"], row["resumed"], row["n"], row["ids"]) for row in summary_rows] == [
        (str(full), False, 600, 600), (str(killed), True, 600, 600)]


def test_each_run_is_its_own_run_node_and_keeps_its_settings(seed_graph: Driver, neo4j_database: str,
                                                            tmp_path: Path) -> None:
    """Two runs of one seed into two files are two (:Run)s; the later one changes nothing of the first."""
    first = run_generate(seed_graph, neo4j_database, GenerateSettings(n=6, seed=21, output=tmp_path / "a.jsonl"))
    second = run_generate(seed_graph, neo4j_database, GenerateSettings(n=3, seed=21, output=tmp_path / "b.jsonl"))
    assert first.run_id == second.run_id and first.run_node != second.run_node  # same settings, two runs
    rows = seed_graph.execute_query(
        "MATCH (r:Run {settings_id: $settings}) RETURN r.id AS id, r.n AS n, r.output AS output, "
        "COUNT { (r)-[:PRODUCED]->() } AS produced ORDER BY r.n DESC", settings=first.run_id,
        database_=neo4j_database).records
    assert [(r["id"], r["n"], r["output"], r["produced"]) for r in rows] == [
        (first.run_node, 6, str(tmp_path / "a.jsonl"), 6), (second.run_node, 3, str(tmp_path / "b.jsonl"), 3)]
    assert first.written_back is not None and first.written_back["conversations"] == 6


def test_a_seed_write_back_cannot_store_is_refused_before_anything_is_written(
        seed_graph: Driver, cli_env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "big.jsonl"
    for seed in (str(2**63), "99999999999999999999"):
        refused = CliRunner().invoke(cli, ["--quiet", "generate", "--n", "2", "--seed", seed, "--output", str(out)],
                                     env=cli_env)
        assert refused.exit_code == 1 and "--no-write-back" in refused.output, refused.output
        assert refused.output.strip().count("\n") == 0
        assert sorted(p.name for p in tmp_path.iterdir()) == []  # no .partial to block the next run
    kept = CliRunner().invoke(cli, ["--quiet", "generate", "--n", "2", "--seed", str(2**63), "--no-write-back",
                                    "--output", str(out)], env=cli_env)
    assert kept.exit_code == 0, kept.output
    assert len(out.read_text().splitlines()) == 2


def test_cli_generate_prints_coverage(seed_graph: Driver, cli_env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "cli.jsonl"
    result = CliRunner().invoke(cli, ["--quiet", "generate", "--n", "10", "--seed", "42", "--mode", "mixed",
                                      "--output", str(out), "--no-write-back"], env=cli_env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "[coverage] Domain distribution" in result.output and "█" in result.output
    assert "[coverage] Pattern distribution" in result.output
    assert len(out.read_text().splitlines()) == 10


def test_cli_generate_never_replaces_an_output_silently(seed_graph: Driver, cli_env: dict[str, str],
                                                        tmp_path: Path) -> None:
    out = tmp_path / "c.jsonl"
    args = ["--quiet", "generate", "--n", "3", "--seed", "5", "--no-write-back", "--output"]
    assert CliRunner().invoke(cli, [*args, str(out)], env=cli_env).exit_code == 0
    before = out.read_bytes()
    again = CliRunner().invoke(cli, [*args, str(out)], env=cli_env)
    assert again.exit_code == 1 and "already exists: pass --overwrite" in again.output
    assert out.read_bytes() == before
    other_mode = CliRunner().invoke(cli, [*args, str(out), "--n", "5", "--mode", "parallel", "--resume"], env=cli_env)
    assert other_mode.exit_code == 1 and "cannot resume" in other_mode.output
    assert out.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["c.jsonl"]
    folder = CliRunner().invoke(cli, [*args, str(tmp_path)], env=cli_env)
    assert folder.exit_code == 1 and "is a directory" in folder.output and folder.output.count("\n") == 1
    assert CliRunner().invoke(cli, [*args, str(out), "--overwrite"], env=cli_env).exit_code == 0
    assert out.read_bytes() == before
