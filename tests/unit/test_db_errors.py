"""A server that goes away mid-command ends in one line that says what to do, not a driver traceback.

A real driver pointed at a port where nothing listens stands in for a killed server: the driver's
own `ServiceUnavailable` reaches the stage exactly as it does after a crash.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver, GraphDatabase
from neo4j.exceptions import ClientError

from datagen.core.plan import SamplingMode
from datagen.db.queries import load
from datagen.db.run import graph_errors, read
from datagen.errors import GraphError, Neo4jUnavailable
from datagen.generator.job import GenerateSettings, run_generate


@pytest.fixture
def dead_driver() -> Iterator[Driver]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    driver = GraphDatabase.driver(f"bolt://127.0.0.1:{port}", auth=("neo4j", "x"),
                                  max_transaction_retry_time=0.2, connection_acquisition_timeout=2)
    yield driver
    driver.close()


def test_generate_on_a_lost_server_says_resume_continues_the_run(dead_driver: Driver, tmp_path: Path) -> None:
    settings = GenerateSettings(n=2, seed=1, mode=SamplingMode.SEQUENTIAL, output=tmp_path / "out.jsonl",
                                write_back=False)
    with pytest.raises(Neo4jUnavailable) as caught:
        run_generate(dead_driver, "neo4j", settings)
    message = str(caught.value)
    assert "\n" not in message and "--resume" in message and "while generating conversations" in message


def test_reads_outside_a_stage_are_translated_too(dead_driver: Driver) -> None:
    with pytest.raises(Neo4jUnavailable, match=r"lost the connection to Neo4j while counting \(.*\): rerun$"):
        with graph_errors("counting", "rerun"):
            read(dead_driver, "neo4j", load("graph/count_labels"), catalog="any")


def test_a_refused_statement_is_a_graph_error() -> None:
    with pytest.raises(GraphError, match="refused a statement while writing"):
        with graph_errors("writing", "fix it"):
            raise ClientError("Neo.ClientError.Statement.SyntaxError")


def test_credentials_in_neo4j_uri_are_never_echoed() -> None:
    """A password inside NEO4J_URI stays out of the one-line error (nothing listens on port 1)."""
    from click.testing import CliRunner

    from datagen.cli.main import cli

    for uri in ("bolt://neo4j:hunter2secret@127.0.0.1:1", "neo4j://neo4j:hunter2secret@[::1", "bolt://:hunter2secret@x:1"):
        result = CliRunner().invoke(cli, ["--quiet", "query", "coverage_by_tool"], env={"NEO4J_URI": uri})
        assert result.exit_code == 1, result.output
        assert "hunter2secret" not in result.output and len(result.output.strip().splitlines()) == 1, result.output
