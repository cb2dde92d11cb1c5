"""Builds are all or nothing: a bad artifacts folder stops before the graph, a killed build is refused.

The kill is real: `datagen build` on the 600 ToolBench tools in a subprocess, `kill -9` while its
(:BuildState) says 'building', then `generate` must refuse the half graph in one line.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from neo4j import Driver

from datagen.cli.main import cli
from datagen.db.scratch import count_data
from tests.conftest import REPO, SEED_DATA


def _state(driver: Driver, database: str) -> str | None:
    rows = driver.execute_query("MATCH (s:BuildState {key: 'current'}) RETURN s.status AS status",
                                database_=database).records
    return rows[0]["status"] if rows else None


def test_artifacts_checked_before_the_graph_is_touched(clean_db: Driver, neo4j_database: str,
                                                       cli_env: dict[str, str], tmp_path: Path) -> None:
    blocker = tmp_path / "artifacts"
    blocker.write_text("not a folder")
    for artifacts, message in ((blocker, "is a file, not a folder"), (Path("/proc/datagen-artifacts"), "not writable")):
        result = CliRunner().invoke(cli, ["--quiet", "build", "--data", str(SEED_DATA), "--artifacts", str(artifacts)],
                                    env=cli_env)
        assert result.exit_code == 1 and message in result.output, result.output
        assert result.output.strip().count("\n") == 0
        assert count_data(clean_db, neo4j_database)[0] == 0


def test_killed_build_is_refused_by_generate(clean_db: Driver, neo4j_database: str, cli_env: dict[str, str],
                                             toolbench_tools: Path, tmp_path: Path) -> None:
    ok = CliRunner().invoke(cli, ["--quiet", "build", "--data", str(SEED_DATA), "--artifacts", str(tmp_path / "a")],
                            env=cli_env)
    assert ok.exit_code == 0 and _state(clean_db, neo4j_database) == "complete"
    proc = subprocess.Popen([sys.executable, "-m", "datagen", "--quiet", "build", "--data", str(toolbench_tools),
                             "--artifacts", str(tmp_path / "b")], cwd=REPO, env={**os.environ, **cli_env},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and _state(clean_db, neo4j_database) != "building" and proc.poll() is None:
        time.sleep(0.1)
    time.sleep(1.0)  # let it write part of the catalog
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    if _state(clean_db, neo4j_database) != "building":
        pytest.fail("the build finished before it could be killed")
    out = tmp_path / "c.jsonl"
    refused = CliRunner().invoke(cli, ["--quiet", "generate", "--n", "2", "--no-write-back", "--output", str(out)],
                                 env=cli_env)
    assert refused.exit_code == 1 and "graph is incomplete" in refused.output and "datagen build" in refused.output
    assert refused.output.strip().count("\n") == 0 and not out.exists()
    assert not (tmp_path / "b" / "build_manifest.json").exists()
