"""Every analytics query on a real Neo4j over a generated dataset, via the library and `datagen query`.

Two runs over the seed corpus (seed 42, mixed modes, corpus memory on, then off), the first one
judged offline, so coverage, lineage, grounding, judge and runs-compared queries all have data. The
expected numbers are recomputed in Python from the JSONL files the runs wrote.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from neo4j import Driver, RoutingControl

from datagen.analytics.catalog import from_query, list_analytics
from datagen.analytics.run import run_analytics
from datagen.browser.server import guide_html
from datagen.cli.main import cli
from datagen.db.queries import list_queries, load
from datagen.evaluator.job import EvaluateSettings, run_evaluate
from datagen.evaluator.offline_judge import OfflineJudge
from datagen.generator.job import GenerateSettings, run_generate
from datagen.core.plan import SamplingMode
from datagen.graph.build import run_build
from tests.conftest import SEED_DATA
from tests.unit.eval_fixtures import (
    drop_final_answer,
    drop_tool_message,
    swap_user_assistant,
)

Record = dict[str, Any]
BIG = {"limit": 100_000}


@dataclass
class Corpus:
    driver: Driver
    database: str
    memory_run: str  # (:Run) node ids, for the run filters
    plain_run: str
    memory: list[Record]
    plain: list[Record]
    evaluated: list[Record]
    memory_settings: str = ""  # the records' run_id: conversation node ids are "<run_id>:<conversation_id>"
    plain_settings: str = ""

    @property
    def records(self) -> list[Record]:
        return self.memory + self.plain


def _read(path: Path) -> list[Record]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def corpus(clean_db: Driver, neo4j_database: str, tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    tmp = tmp_path_factory.mktemp("analytics")
    run_build(clean_db, neo4j_database, SEED_DATA, tmp)
    first = run_generate(clean_db, neo4j_database, GenerateSettings(
        n=30, seed=42, mode=SamplingMode.MIXED, output=tmp / "c.jsonl"))
    second = run_generate(clean_db, neo4j_database, GenerateSettings(
        n=30, seed=42, mode=SamplingMode.MIXED, output=tmp / "d.jsonl", corpus_memory=False))
    # Every third record damaged before judging, so some fail gates (the graph keeps the originals).
    damage = [drop_final_answer, swap_user_assistant, drop_tool_message]
    records = _read(tmp / "c.jsonl")
    judged = [damage[i // 3 % 3](r) if i % 3 == 0 else r for i, r in enumerate(records)]
    (tmp / "j.jsonl").write_text("".join(json.dumps(r) + "\n" for r in judged), encoding="utf-8")
    run_evaluate(EvaluateSettings(input=tmp / "j.jsonl", output=tmp / "e.jsonl"), OfflineJudge(),
                 clean_db, neo4j_database)
    assert first.run_node is not None and second.run_node is not None
    return Corpus(clean_db, neo4j_database, first.run_node, second.run_node, _read(tmp / "c.jsonl"),
                  _read(tmp / "d.jsonl"), _read(tmp / "e.jsonl"), first.run_id, second.run_id)


def _rows(c: Corpus, name: str, **params: Any) -> list[dict[str, Any]]:
    return run_analytics(c.driver, c.database, name, typed=params).rows


def _total_calls(records: list[Record]) -> int:
    return sum(len(r["tool_calls"]) for r in records)


def _entropy(counts: Counter[Any]) -> float:
    total = sum(counts.values())
    return -sum(n / total * math.log2(n / total) for n in counts.values())


def test_coverage_by_category_shares_sum_to_one(corpus: Corpus) -> None:
    rows = _rows(corpus, "coverage_by_category")
    assert sum(r["calls"] for r in rows) == _total_calls(corpus.records)
    assert sum(r["call_share"] for r in rows) == pytest.approx(1.0, abs=1e-3)
    assert sum(r["domain_share"] for r in rows) == pytest.approx(1.0, abs=1e-3)
    assert sum(r["domain_conversations"] for r in rows) == 60
    assert all(0 <= r["conversation_share"] <= 1 for r in rows)
    one = _rows(corpus, "coverage_by_category", run_id=corpus.memory_run)
    assert sum(r["calls"] for r in one) == _total_calls(corpus.memory)


def test_coverage_by_tool_and_endpoint_count_every_call(corpus: Corpus) -> None:
    calls = Counter(c["name"] for r in corpus.records for c in r["tool_calls"])
    endpoints = _rows(corpus, "coverage_by_endpoint", **BIG)
    assert {r["endpoint"]: r["calls"] for r in endpoints if r["calls"]} == dict(calls)
    # each share is rounded to 4 places: the sum is 1 within half a unit of the last place per row
    assert sum(r["call_share"] for r in endpoints) == pytest.approx(1.0, abs=0.5e-4 * len(endpoints) + 1e-9)
    tools = _rows(corpus, "coverage_by_tool", **BIG)
    tool_calls = Counter(name.split("::")[0] for name in calls.elements())
    assert {r["tool"]: r["calls"] for r in tools if r["calls"]} == dict(tool_calls)
    assert sum(r["call_share"] for r in tools) == pytest.approx(1.0, abs=1e-3)
    assert all(r["endpoints_called"] <= r["endpoints"] for r in tools)
    assert len(_rows(corpus, "coverage_by_tool", limit=3)) == 3


def test_unused_endpoints_are_exactly_the_never_called_ones(corpus: Corpus) -> None:
    called = {c["name"] for r in corpus.records for c in r["tool_calls"]}
    rows = _rows(corpus, "unused_endpoints", **BIG)
    total = corpus.driver.execute_query("MATCH (e:Endpoint) RETURN count(e) AS n", database_=corpus.database)
    assert not called & {r["endpoint"] for r in rows}
    assert len(rows) + len(called) == total.records[0]["n"]


def _used_pairs(records: list[Record], consecutive: bool) -> set[tuple[str, str]]:
    used = set()
    for record in records:
        names = [c["name"] for c in record["tool_calls"]]
        for source in record["metadata"]["argument_sources"]:
            if source["source"] == "step_output" and (not consecutive or source["call"] == source["step"] + 1):
                used.add((names[source["step"]], names[source["call"]]))
    return used


def test_unused_feeds_exclude_every_grounded_pair(corpus: Corpus) -> None:
    feeds = corpus.driver.execute_query("MATCH (a)-[:FEEDS]->(b) RETURN a.id AS a, b.id AS b",
                                        database_=corpus.database).records
    edges = {(r["a"], r["b"]) for r in feeds}
    strict = {(r["from_endpoint"], r["to_endpoint"]) for r in _rows(corpus, "unused_feeds", **BIG)}
    loose = {(r["from_endpoint"], r["to_endpoint"])
             for r in _rows(corpus, "unused_feeds", consecutive=False, **BIG)}
    assert strict == edges - _used_pairs(corpus.records, consecutive=True)
    assert loose == edges - _used_pairs(corpus.records, consecutive=False)
    assert loose <= strict < edges


def test_top_chains_and_pattern_types(corpus: Corpus) -> None:
    chains = Counter(tuple(r["metadata"]["endpoint_ids"]) for r in corpus.records)
    rows = _rows(corpus, "top_chains")
    assert rows[0]["conversations"] == chains.most_common(1)[0][1]
    assert all(tuple(r["chain"]) in chains and r["length"] == len(r["chain"]) for r in rows)
    patterns = _rows(corpus, "pattern_types")
    assert sum(r["conversations"] for r in patterns) == 60
    assert sum(r["share"] for r in patterns) == pytest.approx(1.0, abs=1e-3)
    expected = Counter((r["metadata"]["pattern_type"], r["metadata"]["sampling_mode"]) for r in corpus.records)
    assert {(r["pattern_type"], r["mode"]): r["conversations"] for r in patterns} == dict(expected)


def _grounded(record: Record) -> list[set[tuple[str, int, str | None]]]:
    per_call: list[set[tuple[str, int, str | None]]] = [set() for _ in record["tool_calls"]]
    for s in record["metadata"]["argument_sources"]:
        if s["source"] == "step_output":
            per_call[s["call"]].add((s["param"], s["step"], s.get("field_path")))
    return per_call


def _check_lineage(rows: list[dict[str, Any]], record: Record) -> None:
    assert [r["idx"] for r in rows] == list(range(len(record["tool_calls"])))
    assert [r["endpoint"] for r in rows] == record["metadata"]["endpoint_ids"]
    assert [json.loads(r["arguments"]) for r in rows] == [c["parameters"] for c in record["tool_calls"]]
    got = [{(g["param"], g["source_call"], g["field"]) for g in r["grounded"]} for r in rows]
    assert got == _grounded(record)


def test_lineage_by_record_id_takes_the_latest_run(corpus: Corpus) -> None:
    rows = _rows(corpus, "conversation_lineage", conversation_id="conv_42_0001")
    assert {r["conversation"] for r in rows} == {f"{corpus.plain_settings}:conv_42_0001"}
    _check_lineage(rows, corpus.plain[0])


def test_lineage_by_node_id_and_default(corpus: Corpus) -> None:
    record = max(corpus.memory, key=lambda r: r["metadata"]["grounded_argument_count"])
    node = f"{corpus.memory_settings}:{record['conversation_id']}"
    rows = _rows(corpus, "conversation_lineage", conversation_id=node)
    assert {r["conversation"] for r in rows} == {node}
    _check_lineage(rows, record)
    default = _rows(corpus, "conversation_lineage")
    assert default and default[0]["conversation"].startswith(corpus.plain_settings + ":")
    assert any(r["grounded"] for r in default)
    assert _rows(corpus, "conversation_lineage", conversation_id="conv_nope") == []


def test_grounding_by_tool(corpus: Corpus) -> None:
    rows = _rows(corpus, "grounding_by_tool", **BIG)
    assert sum(r["calls"] for r in rows) == _total_calls(corpus.records)
    grounded_edges = sum(len(s) for r in corpus.records for s in _grounded(r))
    assert sum(r["grounded_args_per_call"] * r["calls"] for r in rows) == pytest.approx(grounded_edges, abs=0.05)
    for r in rows:
        assert 0 <= r["grounded_call_rate"] <= 1 and 0 <= r["fallback_conversation_rate"] <= 1
        assert r["fallback_conversations"] <= r["conversations"]


def test_judge_failures_match_the_evaluated_file(corpus: Corpus) -> None:
    gates = Counter(g for r in corpus.evaluated for g in r["judge_scores"]["failed_gates"])
    by_gate = _rows(corpus, "judge_failures_by_gate")
    assert {r["gate"]: r["failures"] for r in by_gate} == dict(gates)
    assert all(r["scored_conversations"] == 30 for r in by_gate)
    by_tool = _rows(corpus, "judge_failures_by_tool", **BIG)
    used = Counter(t for r in corpus.evaluated for t in r["metadata"]["tool_ids_used"])
    failed = Counter(t for r in corpus.evaluated if not r["judge_scores"]["passed"] for t in r["metadata"]["tool_ids_used"])
    assert {r["tool"]: r["scored_conversations"] for r in by_tool} == dict(used)
    assert {r["tool"]: r["failed"] for r in by_tool if r["failed"]} == dict(failed)
    assert _rows(corpus, "judge_failures_by_gate", run_id=corpus.plain_run) == []


def test_runs_compared_has_a_row_per_run(corpus: Corpus) -> None:
    rows = {r["run"]: r for r in _rows(corpus, "runs_compared")}
    assert set(rows) == {corpus.memory_run, corpus.plain_run}
    assert rows[corpus.memory_run]["corpus_memory"] is True and rows[corpus.plain_run]["corpus_memory"] is False
    for run, records in ((corpus.memory_run, corpus.memory), (corpus.plain_run, corpus.plain)):
        row = rows[run]
        combos = Counter(tuple(sorted(set(r["metadata"]["tool_ids_used"]))) for r in records)
        assert row["conversations"] == 30 and row["seed"] == 42 and row["mode"] == "mixed"
        assert row["distinct_tools"] == len({t for r in records for t in r["metadata"]["tool_ids_used"]})
        assert row["distinct_tool_combinations"] == len(combos)
        assert row["tool_combination_entropy"] == pytest.approx(_entropy(combos), abs=1e-3)
        assert isinstance(row["started_at"], str)
    passed = sum(1 for r in corpus.evaluated if r["judge_scores"]["passed"]) / 30
    assert rows[corpus.memory_run]["pass_rate"] == pytest.approx(passed, abs=1e-3)
    assert rows[corpus.plain_run]["scored"] == 0 and rows[corpus.plain_run]["pass_rate"] is None


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_every_query_through_the_cli(corpus: Corpus, cli_env: dict[str, str], fmt: str) -> None:
    runner = CliRunner()
    for analytics in list_analytics():
        expected = run_analytics(corpus.driver, corpus.database, analytics.name)
        result = runner.invoke(cli, ["--quiet", "query", analytics.name, "--format", fmt], env=cli_env,
                               catch_exceptions=False)
        assert result.exit_code == 0, (analytics.name, result.output)
        assert expected.rows, f"{analytics.name} returned no rows on the test corpus"
        if fmt == "json":
            assert json.loads(result.stdout) == expected.rows
        elif fmt == "csv":
            table = list(csv.reader(io.StringIO(result.stdout)))
            assert table[0] == expected.columns and len(table) == len(expected.rows) + 1
        else:
            assert analytics.name in result.stdout and expected.columns[0] in result.stdout


def test_cli_params_are_typed(corpus: Corpus, cli_env: dict[str, str]) -> None:
    args = ["--quiet", "query", "conversation_lineage", "--format", "json",
            "--param", f"conversation_id={corpus.memory_settings}:conv_42_0002"]
    rows = json.loads(CliRunner().invoke(cli, args, env=cli_env, catch_exceptions=False).stdout)
    assert len(rows) == len(corpus.memory[1]["tool_calls"])
    args = ["--quiet", "query", "unused_feeds", "--format", "json", "--param", "limit=2", "--param", "consecutive=no"]
    assert len(json.loads(CliRunner().invoke(cli, args, env=cli_env, catch_exceptions=False).stdout)) == 2


class _Blocks(HTMLParser):
    """The runnable <pre> blocks of the guide, with their data-file attribute."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[tuple[str | None, str]] = []
        self._file: str | None = None
        self._text: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "pre" and "runnable" in (found.get("class") or "").split():
            self._file, self._text = found.get("data-file"), []

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "pre" and self._text is not None:
            self.blocks.append((self._file, "".join(self._text).strip()))
            self._text = None


def _browser_params(line: str) -> dict[str, Any]:
    """The map of a `:params {key: "value", n: 5}` line (bare keys, JSON literals as values)."""
    body = line.removeprefix(":params ").strip()
    return dict(json.loads(re.sub(r"([{,]\s*)([A-Za-z_]\w*)\s*:", r'\1"\2":', body)))


def _body(name: str) -> str:
    lines = load(name).text.strip().splitlines()
    return "\n".join(line for line in lines if not line.startswith("//")).strip()


def test_every_guide_block_is_a_file_and_explains(corpus: Corpus) -> None:
    parser = _Blocks()
    parser.feed(guide_html().decode("utf-8"))
    params: dict[str, Any] = {}
    cypher_blocks = 0
    shipped = {q.name for folder in ("analytics", "browser") for q in list_queries(folder)}
    for file, text in parser.blocks:
        if text.startswith(":params "):
            params = _browser_params(text)
            continue
        if text.startswith(":style"):
            # the captions write-back sets are what the chain picture draws (test_browser_chain sees them drawn)
            assert "node.ToolCall {" in text and "relationship.GROUNDED_FROM {" in text
            assert text.count("caption: '{caption}'") == 2
            continue
        assert not text.startswith(":"), f"unexpected Browser command in the guide: {text}"
        routing = RoutingControl.READ
        if file is not None:
            assert file in shipped and text == _body(file), f"guide block for {file} differs from cypher/{file}.cypher"
            needed = from_query(load(file)).defaults()
            assert {k: params.get(k) for k in needed} == needed, f"no :params for {file} before its block"
            if file == "browser/add_captions":  # the one block that writes: captions for older conversations
                routing = RoutingControl.WRITE
        # Run the block exactly as a Browser user would paste it, on the test corpus.
        corpus.driver.execute_query(text, params, database_=corpus.database, routing_=routing)
        cypher_blocks += 1
    assert cypher_blocks >= 15
    # every analytics query, but the wide conversation_lineage: the guide has the compact table instead
    in_guide = {f for f, _ in parser.blocks if f}
    assert in_guide >= {f"analytics/{q.name}" for q in list_analytics()} - {"analytics/conversation_lineage"}
    assert "browser/lineage_table" in in_guide


@pytest.mark.parametrize("name", ["browser/tool_feeds", "browser/grounding_chain", "browser/catalog_overview",
                                  "browser/lineage_table"])
def test_browser_picture_queries_return_graphs(corpus: Corpus, name: str) -> None:
    query = from_query(load(name))
    records = corpus.driver.execute_query(query.query.text, query.defaults(), database_=corpus.database).records
    assert records
    from datagen.analytics.values import to_jsonable

    json.dumps([to_jsonable(dict(r)) for r in records])


def test_grounding_chain_returns_every_edge_among_its_nodes(corpus: Corpus) -> None:
    """Browser's "connect result nodes" adds the relationships among the returned nodes that the query
    left out (the FEEDS clutter of endpoints): the chain picture must already hold all of them."""
    query = from_query(load("browser/grounding_chain"))
    records = corpus.driver.execute_query(query.query.text, query.defaults(), database_=corpus.database).records
    nodes, rels = set(), set()
    for record in records:
        for path in (record["step"], record["fed"]):
            if path is not None:
                nodes |= {n.element_id for n in path.nodes}
                rels |= {r.element_id for r in path.relationships}
    labels = {label for record in records for n in record["step"].nodes for label in n.labels}
    assert labels == {"Conversation", "Message", "ToolCall"}
    among = corpus.driver.execute_query(
        "MATCH (a)-[r]->(b) WHERE elementId(a) IN $ids AND elementId(b) IN $ids RETURN elementId(r) AS id",
        ids=sorted(nodes), database_=corpus.database).records
    assert {r["id"] for r in among} == rels
    assert any(record["fed"] is not None for record in records)


def test_lineage_table_names_each_grounded_argument_and_its_source(corpus: Corpus) -> None:
    record = next(r for r in corpus.memory if r["metadata"]["grounded_argument_count"] >= 2)
    cid = record["metadata"]["conversation_id"]
    query = from_query(load("browser/lineage_table"))
    rows = corpus.driver.execute_query(query.query.text, conversation_id=f"{corpus.memory_settings}:{cid}",
                                       database_=corpus.database).records
    names = [call["name"].split("::")[-1].replace("_", " ") for call in record["tool_calls"]]
    assert [row["call"] for row in rows] == [f"{i + 1} · {name}" for i, name in enumerate(names)]
    expected: list[list[str]] = [[] for _ in names]
    for source in record["metadata"]["argument_sources"]:
        if source["source"] == "step_output":
            expected[source["call"]].append(f"{source['param']} ← {source['step'] + 1}: {source['field_path']}")
    assert [row["grounded"] for row in rows] == ["; ".join(sorted(lines)) for lines in expected]
    for row, call in zip(rows, record["tool_calls"], strict=True):
        whole = json.dumps(call["parameters"], ensure_ascii=False)
        assert row["arguments"] == (whole if len(whole) <= 20 else whole[:19] + "…")
