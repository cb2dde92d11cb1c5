"""Builds are all or nothing for the user: the catalog that worked stays in use until a new one is complete.

Each failure is real: a bad artifacts folder; a folder where every file is invalid; a statement the
server refuses half-way (a uniqueness constraint the new catalog's parameters break); `datagen build`
on the 600 ToolBench tools killed with SIGKILL half-way; and one tool of 25,587 endpoints, whose
same-tool pairs once overran the server's transaction memory. The half-way refusal is a
uniqueness constraint the test adds for the new catalog to break.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from neo4j import Driver

from datagen.cli.main import cli
from datagen.db.scratch import count_data
from tests.conftest import REPO, SEED_DATA

CATALOGS = """
MATCH (n) WHERE n:Category OR n:Tool OR n:Endpoint OR n:Parameter OR n:ResponseField
RETURN n.catalog AS catalog, count(n) AS nodes ORDER BY catalog
"""


def _state(driver: Driver, database: str) -> dict[str, str | None]:
    rows = driver.execute_query("MATCH (s:BuildState {key: 'current'}) RETURN s.catalog AS catalog, "
                                "s.building AS building, s.status AS status", database_=database).records
    return {k: rows[0][k] for k in ("catalog", "building", "status")} if rows else {}


def _writing(driver: Driver, database: str) -> bool:
    """Whether a build is writing its catalog (a datagen before catalogs said status 'building')."""
    state = _state(driver, database)
    return state.get("building") is not None or state.get("status") == "building"


def _catalogs(driver: Driver, database: str) -> dict[str, int]:
    return {r["catalog"]: r["nodes"] for r in driver.execute_query(CATALOGS, database_=database).records}


def _build(env: dict[str, str], data: Path, artifacts: Path, *extra: str) -> Result:
    return CliRunner().invoke(cli, ["--quiet", "build", "--data", str(data), "--artifacts", str(artifacts), *extra],
                              env=env)


def _generate(env: dict[str, str], out: Path) -> Result:
    return CliRunner().invoke(cli, ["--quiet", "generate", "--n", "3", "--seed", "5", "--no-write-back",
                                    "--output", str(out)], env=env)


def test_artifacts_checked_before_the_graph_is_touched(clean_db: Driver, neo4j_database: str,
                                                       cli_env: dict[str, str], tmp_path: Path) -> None:
    blocker = tmp_path / "artifacts"
    blocker.write_text("not a folder")
    for artifacts, message in ((blocker, "is a file, not a folder"), (Path("/proc/datagen-artifacts"), "not writable")):
        result = _build(cli_env, SEED_DATA, artifacts)
        assert result.exit_code == 1 and message in result.output, result.output
        assert result.output.strip().count("\n") == 0
        assert count_data(clean_db, neo4j_database)[0] == 0


@pytest.fixture(scope="module")
def working(clean_db: Driver, neo4j_database: str, cli_env: dict[str, str],
            tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str | None], dict[str, int], bytes]:
    """A catalog that worked: its state, its node count per catalog, and what generate made from it."""
    tmp = tmp_path_factory.mktemp("working")
    assert _build(cli_env, SEED_DATA, tmp / "a").exit_code == 0
    assert _generate(cli_env, tmp / "before.jsonl").exit_code == 0
    return _state(clean_db, neo4j_database), _catalogs(clean_db, neo4j_database), (tmp / "before.jsonl").read_bytes()


def _still_working(driver: Driver, database: str, env: dict[str, str], out: Path, catalog: str | None,
                   working: tuple[dict[str, str | None], dict[str, int], bytes]) -> None:
    """`catalog` is still the one in use, and generate gives the bytes it gave from the seed build."""
    before = working[2]
    assert _state(driver, database)["catalog"] == catalog
    result = _generate(env, out)
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == before


def test_nothing_valid_to_build_is_refused_and_changes_nothing(clean_db: Driver, neo4j_database: str,
                                                               cli_env: dict[str, str], tmp_path: Path,
                                                               working: tuple[dict[str, str | None], dict[str, int], bytes]) -> None:
    data = tmp_path / "data" / "Travel"
    data.mkdir(parents=True)
    (data / "broken.json").write_text('{"tool_name": "Broken", "api_list": [{"url": "no name"}]}')
    (data / "torn.json").write_text('{"tool_name": ')
    refused = _build(cli_env, tmp_path / "data", tmp_path / "art", "--skip-invalid")
    assert refused.exit_code == 1 and "nothing valid to build" in refused.output, refused.output
    assert "2 input(s) skipped" in refused.output and refused.output.strip().count("\n") == 0
    assert not (tmp_path / "art").exists()
    assert _catalogs(clean_db, neo4j_database) == working[1]
    _still_working(clean_db, neo4j_database, cli_env, tmp_path / "after.jsonl", working[0]["catalog"], working)


def test_a_build_the_server_refuses_half_way_keeps_the_catalog_in_use(
        clean_db: Driver, neo4j_database: str, cli_env: dict[str, str], toolbench_tools: Path, tmp_path: Path,
        working: tuple[dict[str, str | None], dict[str, int], bytes]) -> None:
    in_use = _state(clean_db, neo4j_database)["catalog"]
    # The seed corpus's endpoint descriptions are all different, the 600 tools' are not: their
    # endpoints step is refused after the new catalog's categories and tools are written.
    clean_db.execute_query("CREATE CONSTRAINT test_endpoint_description FOR (n:Endpoint) REQUIRE n.description "
                           "IS UNIQUE", database_=neo4j_database)
    try:
        failed = _build(cli_env, toolbench_tools, tmp_path / "art")
    finally:
        clean_db.execute_query("DROP CONSTRAINT test_endpoint_description", database_=neo4j_database)
    assert failed.exit_code == 1 and "'endpoints'" in failed.output, failed.output
    assert failed.output.strip().count("\n") == 0
    assert _state(clean_db, neo4j_database)["building"] is not None  # the half catalog is there, unused
    assert len(_catalogs(clean_db, neo4j_database)) == 2
    _still_working(clean_db, neo4j_database, cli_env, tmp_path / "after.jsonl", in_use, working)

    rebuilt = _build(cli_env, SEED_DATA, tmp_path / "again")
    assert rebuilt.exit_code == 0, rebuilt.output
    assert list(_catalogs(clean_db, neo4j_database).values()) == list(working[1].values())  # leftovers gone
    assert _state(clean_db, neo4j_database)["building"] is None


def test_a_killed_build_keeps_the_catalog_in_use(clean_db: Driver, neo4j_database: str, cli_env: dict[str, str],
                                                 toolbench_tools: Path, tmp_path: Path,
                                                 working: tuple[dict[str, str | None], dict[str, int], bytes]) -> None:
    in_use = _state(clean_db, neo4j_database)["catalog"]
    proc = subprocess.Popen([sys.executable, "-m", "datagen", "--quiet", "build", "--data", str(toolbench_tools),
                             "--artifacts", str(tmp_path / "b")], cwd=REPO, env={**os.environ, **cli_env},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not _writing(clean_db, neo4j_database) and proc.poll() is None:
        time.sleep(0.1)
    time.sleep(1.0)  # let it write part of the catalog
    if proc.poll() is not None or (tmp_path / "b" / "build_manifest.json").exists():
        pytest.fail("the build finished before it could be killed")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    _still_working(clean_db, neo4j_database, cli_env, tmp_path / "after.jsonl", in_use, working)


def _giant_tool(tools: Path, endpoints: int) -> dict[str, object]:
    """One tool whose endpoints are the real ToolBench endpoints of `tools`, repeated under new names
    until there are `endpoints` of them (their parameters share concepts the way one big API's do)."""
    real = []
    for path in sorted(tools.rglob("*.json")):
        try:
            real += [api for api in json.loads(path.read_text()).get("api_list") or [] if isinstance(api, dict)]
        except (ValueError, AttributeError):
            continue
    apis = [{**real[i % len(real)], "name": f"{real[i % len(real)].get('name', 'call')} {i}"} for i in range(endpoints)]
    return {"tool_name": "Giant", "tool_description": "Every endpoint of one very large API.", "title": "Giant",
            "host": "giant.example.com", "api_list": apis}


@pytest.mark.slow
def test_a_tool_of_25587_endpoints_builds(clean_db: Driver, neo4j_database: str, cli_env: dict[str, str],
                                         toolbench_tools: Path, tmp_path: Path) -> None:
    data = tmp_path / "data" / "Data"
    data.mkdir(parents=True)
    (data / "giant.json").write_text(json.dumps(_giant_tool(toolbench_tools, 25_587)))
    built = _build(cli_env, tmp_path / "data", tmp_path / "art", "--skip-invalid")
    assert built.exit_code == 0, built.output
    manifest = json.loads((tmp_path / "art" / "build_manifest.json").read_text())
    assert manifest["counts"]["nodes"]["Endpoint"] == manifest["registry_counts"]["endpoints"] > 25_000
    assert manifest["counts"]["relationships"]["CAN_FILL"] > 25_000
