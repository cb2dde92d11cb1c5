"""`build` on a real Neo4j: seed corpus, real ToolBench files, idempotent rebuilds, bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from neo4j import Driver

from datagen.cli.main import cli
from datagen.errors import InputError
from datagen.graph.build import run_build
from datagen.graph.writer import read_counts
from datagen.registry.models import Registry
from datagen.registry.scope import may_link, same_service
from datagen.sampler.endpoints import EndpointCache, current_catalog
from tests.conftest import SEED_DATA, tools_beside_observed

DISTINCT_IDS = """
MATCH (n) WHERE n:Category OR n:Tool OR n:Endpoint OR n:Parameter OR n:ResponseField
RETURN count(n) AS nodes, count(DISTINCT [labels(n)[0], n.id]) AS ids
"""


def test_seed_build_writes_graph_and_manifest(clean_db: Driver, neo4j_database: str, tmp_path: Path) -> None:
    manifest = run_build(clean_db, neo4j_database, SEED_DATA, tmp_path)
    nodes = manifest.counts["nodes"]
    reg = manifest.registry_counts
    assert nodes == {"Category": reg["categories"], "Tool": reg["tools"], "Endpoint": reg["endpoints"],
                     "Parameter": reg["parameters"], "ResponseField": reg["response_fields"]}
    assert nodes["Tool"] >= 24 and nodes["Endpoint"] >= 80 and nodes["Category"] >= 8
    rels = manifest.counts["relationships"]
    assert rels["HAS_ENDPOINT"] == nodes["Endpoint"] and rels["HAS_PARAM"] == nodes["Parameter"]
    assert rels["FEEDS"] > nodes["Endpoint"]
    cov = manifest.feeds_coverage
    assert len(cov["categories_with_feeds"]) == cov["categories"]
    on_disk = json.loads((tmp_path / "build_manifest.json").read_text())
    assert on_disk["counts"] == read_counts(clean_db, neo4j_database, manifest.catalog)
    assert json.loads((tmp_path / "registry.json").read_text())["tools"]


def test_feeds_edges_carry_via_and_cross_tools(clean_db: Driver, neo4j_database: str) -> None:
    records = clean_db.execute_query(
        "MATCH (a:Endpoint)-[r:FEEDS]->(b:Endpoint) RETURN a.id AS a, b.id AS b, r.via AS via, "
        "r.same_tool AS same, r.score AS score", database_=neo4j_database).records
    assert records, "the seed build of the previous test left no FEEDS edges"
    assert all(r["via"] and all("->" in v for v in r["via"]) and r["score"] > 0 for r in records)
    assert any(r["same"] for r in records) and any(not r["same"] for r in records)
    pairs = {(r["a"], r["b"]) for r in records}
    assert len(pairs) == len(records)


def test_rebuild_is_idempotent_and_drops_stale_nodes(clean_db: Driver, neo4j_database: str, tmp_path: Path) -> None:
    first = run_build(clean_db, neo4j_database, SEED_DATA, tmp_path / "a").counts
    again = run_build(clean_db, neo4j_database, SEED_DATA, tmp_path / "b").counts
    assert first == again
    row = clean_db.execute_query(DISTINCT_IDS, database_=neo4j_database).records[0]
    assert row["nodes"] == row["ids"]

    subset = tmp_path / "subset"
    category = sorted(p for p in SEED_DATA.iterdir() if p.is_dir())[0]
    shutil.copytree(category, subset / category.name)
    small = run_build(clean_db, neo4j_database, subset, tmp_path / "c").counts
    assert small["nodes"]["Category"] == 1 and small["nodes"]["Tool"] < first["nodes"]["Tool"]
    assert run_build(clean_db, neo4j_database, SEED_DATA, tmp_path / "d").counts == first


def test_invalid_input_stops_before_any_write(clean_db: Driver, neo4j_database: str, tmp_path: Path) -> None:
    catalog = current_catalog(clean_db, neo4j_database)
    assert catalog is not None
    before = read_counts(clean_db, neo4j_database, catalog)
    data = tmp_path / "data"
    shutil.copytree(SEED_DATA, data)
    bad = data / "Travel" / "zz_broken.json"
    bad.write_text('{"tool_name": "Broken", "api_list": [{"url": "no name"}]}')
    with pytest.raises(InputError, match=r"zz_broken.json: \$\.api_list\[0\]\.name"):
        run_build(clean_db, neo4j_database, data, tmp_path / "art")
    assert read_counts(clean_db, neo4j_database, catalog) == before
    assert not (tmp_path / "art").exists()

    manifest = run_build(clean_db, neo4j_database, data, tmp_path / "art", skip_invalid=True)
    assert [(s.file.endswith("zz_broken.json"), s.json_path) for s in manifest.skipped] == [(True, "$.api_list[0].name")]


def test_cli_build_and_clean_error(clean_db: Driver, cli_env: dict[str, str], tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["--quiet", "build", "--data", str(SEED_DATA), "--artifacts", str(tmp_path)],
                           env=cli_env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "(:Endpoint)" in result.output and "FEEDS:" in result.output
    broken = tmp_path / "broken.json"
    broken.write_text("[1, 2")
    result = runner.invoke(cli, ["--quiet", "build", "--data", str(broken)], env=cli_env)
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [f"Error: {broken}: $: invalid JSON at line 1 column 6: Expecting ',' delimiter"]


def test_real_toolbench_build_has_feeds_in_most_categories(clean_db: Driver, neo4j_database: str,
                                                           toolbench_tools: Path, tmp_path: Path) -> None:
    data = tools_beside_observed(toolbench_tools, tmp_path / "in", ("Sports", "Finance", "Music"))
    manifest = run_build(clean_db, neo4j_database, data, tmp_path)
    assert manifest.counts["nodes"]["Tool"] == 600
    assert manifest.responses_beside and manifest.responses_path == str((tmp_path / "in" / "response_examples"))
    assert manifest.skipped == [] and manifest.observed["empty_files"] == 1  # the archive's empty Sports file
    cov = manifest.feeds_coverage
    assert cov["categories"] == 44
    assert len(cov["categories_with_feeds"]) >= 0.8 * cov["categories"]
    assert cov["with_both"] >= 0.25 * cov["endpoints"]  # 37 % with the strict link rule (DESIGN.md §3)
    assert cov["with_any"] >= cov["with_both"] and cov["chain_share"] == round(cov["with_any"] / cov["endpoints"], 4)
    assert set(manifest.response_field_sources) == {"schema", "example", "observed", "borrowed", "inferred"}
    assert manifest.observed["used"] == manifest.response_field_sources["observed"] >= 100
    assert sum(manifest.realisability["histogram"].values()) == cov["endpoints"]

    # Provenance on every field node, and the score on every endpoint node.
    rows = clean_db.execute_query(
        "MATCH (e:Endpoint)-[:RETURNS]->(f:ResponseField) RETURN f.source AS source, f.shape_source AS shape, "
        "e.inferred_fields AS inferred, e.realisability AS score", database_=neo4j_database).records
    folder = str(tmp_path / "in" / "response_examples")
    for row in rows:
        assert 0.0 <= row["score"] <= 1.0 and row["shape"]
        if row["source"] == "observed":
            # documented, unless what was observed is bookkeeping only (realisability 0: hollow)
            assert row["shape"].startswith(folder) and row["inferred"] == (row["score"] == 0.0)
        if row["source"] == "borrowed":
            assert row["shape"].startswith("borrowed from ") and row["inferred"]
    scopes = cov["feeds_by_scope"]
    assert set(scopes) <= {"same_tool", "same_platform", "same_category", "cross_category"}
    assert sum(scopes.values()) == manifest.counts["relationships"]["FEEDS"]
    assert scopes["same_tool"] > 0 and scopes["same_platform"] > 0 and scopes["cross_category"] > 0

    # The graph's cross-tool links are exactly those `may_link` allows (the Assistant and judge use it).
    registry = Registry.model_validate_json((tmp_path / "registry.json").read_text())
    index = registry.endpoint_index()
    records = clean_db.execute_query(
        "MATCH (a:Endpoint)-[r:FEEDS]->(b:Endpoint) WHERE NOT r.same_tool RETURN a.id AS a, b.id AS b, r.via AS via",
        database_=neo4j_database).records
    assert records
    for record in records:
        source, target = index[record["a"]], index[record["b"]]
        for pair in record["via"]:
            path, param = pair.rsplit("->", 1)
            concept = next(f.concept for f in source.response_fields if f.path == path)
            assert may_link(concept, source, target, param), (record["a"], record["b"], pair)
            if not same_service(source, target):
                assert next(p for p in target.parameters if p.name == param).required, pair

    # `platform` survives the round trip into the Endpoint the generator gets.
    wrapped = next(e for e in registry.endpoints() if e.platform)
    assert EndpointCache(clean_db, neo4j_database).get_many([wrapped.id])[wrapped.id].platform == wrapped.platform
