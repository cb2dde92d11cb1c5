"""The samplers on a real Neo4j: starts found by a range seek (cost grows with log n), start keys
spread evenly, and a graph built before start keys refused with one line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver

from datagen.core.plan import SamplingMode
from datagen.db.queries import load
from datagen.errors import GraphError
from datagen.generator.job import GenerateSettings, run_generate
from datagen.graph.build import run_build
from datagen.graph.writer import write_start_keys
from datagen.sampler.endpoints import current_catalog
from datagen.sampler.sampler import CONCRETE_MODES, Sampler
from tests.conftest import SEED_DATA

BAND = 2 ** 40


@pytest.fixture(scope="module")
def seed_graph(clean_db: Driver, neo4j_database: str, tmp_path_factory: pytest.TempPathFactory) -> Driver:
    run_build(clean_db, neo4j_database, SEED_DATA, tmp_path_factory.mktemp("artifacts"))
    return clean_db


def _operators(plan: Any) -> list[tuple[str, str]]:
    """(operator, details) of a plan and all its children."""
    out = [(plan["operatorType"].split("@")[0], str(plan.get("args", {}).get("Details", "")))]
    for child in plan.get("children", []):
        out += _operators(child)
    return out


@pytest.mark.parametrize("mode", [m.value for m in CONCRETE_MODES] + ["fan_out"])
@pytest.mark.parametrize("guessed", [False, True])
def test_starts_are_found_by_a_range_seek_not_a_scan(seed_graph: Driver, neo4j_database: str, mode: str,
                                                      guessed: bool) -> None:
    query = load(f"sampler/{mode}")
    summary = seed_graph.execute_query("EXPLAIN " + query.text, query.params(
        seed=3, indices=[0, 1, 2], starts=8, guessed=guessed, catalog="any"), database_=neo4j_database).summary
    operators = _operators(summary.plan)
    assert any(op == "NodeIndexSeekByRange" and f"start_{mode}" in details for op, details in operators), [
        o for o in operators if "Seek" in o[0] or "Scan" in o[0] or "Filter" in o[0]]
    assert not any(op in ("NodeByLabelScan", "AllNodesScan", "NodeIndexScan") for op, _ in operators), operators


def test_start_keys_give_each_tool_an_equal_span(seed_graph: Driver, neo4j_database: str) -> None:
    # uniform over tools, not endpoints: a tool of many starts is drawn as often as a tool of one
    rows = seed_graph.execute_query(
        "MATCH (e:Endpoint) RETURN e.id AS id, e.tool_id AS tool, e.out_feeds AS out, e.chain_ready AS ready, "
        "e.start_sequential AS key ORDER BY key", database_=neo4j_database).records
    starts = [r for r in rows if r["key"] is not None]
    assert {r["id"] for r in starts} == {r["id"] for r in rows if r["out"] > 0}
    for ready, band in ((True, 0), (False, BAND)):
        by_tool: dict[str, list[int]] = {}
        for r in starts:
            if r["ready"] is ready:
                by_tool.setdefault(r["tool"], []).append(r["key"] - band)
        assert by_tool and all(0 <= k < BAND for keys in by_tool.values() for k in keys)
        span = BAND // len(by_tool)
        firsts = sorted(min(keys) for keys in by_tool.values())
        gaps = [b - a for a, b in zip(firsts, firsts[1:])] + [BAND - firsts[-1] + firsts[0]]
        assert max(gaps) - min(gaps) <= 1, (min(gaps), max(gaps))
        for keys in by_tool.values():
            assert max(keys) - min(keys) < span  # a tool's starts share its own span


def test_candidates_of_an_index_do_not_depend_on_its_batch(seed_graph: Driver, neo4j_database: str) -> None:
    sampler = Sampler(seed_graph, neo4j_database, seed=9)
    for mode in CONCRETE_MODES:
        alone = sampler.candidates(mode, [17])[17]
        batched = sampler.candidates(mode, list(range(10, 30)))[17]
        assert [c.endpoint_ids for c in alone] == [c.endpoint_ids for c in batched]


def test_a_graph_without_start_keys_is_refused_with_one_line(seed_graph: Driver, neo4j_database: str,
                                                            tmp_path: Path) -> None:
    seed_graph.execute_query("MATCH (e:Endpoint) REMOVE e.start_sequential, e.start_multi_tool, "
                             "e.start_clarification_first, e.start_parallel", database_=neo4j_database)
    try:
        with pytest.raises(GraphError, match="older datagen.*rerun `datagen build`"):
            run_generate(seed_graph, neo4j_database, GenerateSettings(n=2, mode=SamplingMode.MIXED,
                                                                      output=tmp_path / "c.jsonl", write_back=False))
        assert not (tmp_path / "c.jsonl").exists()
    finally:
        write_start_keys(seed_graph, neo4j_database, str(current_catalog(seed_graph, neo4j_database)))


def test_sequential_chains_that_fall_apart_are_kept_rather_than_failing_the_run(seed_graph: Driver,
                                                                                neo4j_database: str) -> None:
    """Sequential has no mode to fall back to: an index whose every chain falls apart (the planner
    would cut it to fewer than two steps) keeps those chains; the run goes on (it used to stop with
    "the graph has no FEEDS chains to sample" on the full corpus)."""
    sampler = Sampler(seed_graph, neo4j_database, seed=43)
    none_hold = sampler.candidates(SamplingMode.SEQUENTIAL, [5, 6], holds=lambda chains: {id(c): False for c in chains})
    assert none_hold[5] and none_hold[6]
    assert [c.endpoint_ids for c in none_hold[5]] == [c.endpoint_ids for c in sampler.candidates(SamplingMode.SEQUENTIAL, [5])[5]]


def test_a_mode_the_user_asked_for_is_kept_or_refused_never_replaced(seed_graph: Driver, neo4j_database: str) -> None:
    sampler = Sampler(seed_graph, neo4j_database, seed=9)
    # every parallel chain "falls apart": an explicit mode is refused in one line naming it ...
    with pytest.raises(GraphError, match="no parallel chain"):
        sampler.candidates(SamplingMode.PARALLEL, [0, 1], holds=lambda chains: {id(c): False for c in chains},
                           fall_back=False)
    # ... while a mode drawn by `mixed` falls back to sequential chains
    found = sampler.candidates(SamplingMode.PARALLEL, [0, 1], holds=lambda chains: {
        id(c): c.mode is not SamplingMode.PARALLEL for c in chains}, fall_back=True)
    assert found and all(c.mode is SamplingMode.SEQUENTIAL for cs in found.values() for c in cs)
    # and with chains that hold, every index keeps its own mode
    kept = sampler.candidates(SamplingMode.PARALLEL, list(range(6)), fall_back=False)
    assert set(kept) == set(range(6)) and all(c.mode is SamplingMode.PARALLEL for cs in kept.values() for c in cs)


def test_fan_out_pairs_two_siblings_asked_about_one_input(seed_graph: Driver, neo4j_database: str) -> None:
    # two endpoints of one tool that take a required input of one name and do not feed each other,
    # called in one turn: what `parallel` uses where the graph has no join
    sampler = Sampler(seed_graph, neo4j_database, seed=5)
    found = sampler._query(SamplingMode.PARALLEL, list(range(12)), "fan_out")
    chains = [c for cs in found.values() for c in cs]
    assert chains
    params = {r["id"]: set(r["required"]) for r in seed_graph.execute_query(
        "MATCH (e:Endpoint) OPTIONAL MATCH (e)-[:HAS_PARAM]->(p:Parameter) WHERE p.required AND NOT p.control "
        "RETURN e.id AS id, collect(p.name) AS required", database_=neo4j_database).records}
    feeds = {(r["a"], r["b"]) for r in seed_graph.execute_query(
        "MATCH (a:Endpoint)-[:FEEDS]-(b:Endpoint) RETURN a.id AS a, b.id AS b", database_=neo4j_database).records}
    for chain in chains:
        first, second = chain.endpoint_ids
        assert first.split("::")[0] == second.split("::")[0] and params[first] & params[second]
        assert (first, second) not in feeds and [s.group for s in chain.steps] == [0, 0]
