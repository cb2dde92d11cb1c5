"""Fixtures for tests that run on a real Neo4j (never a mocked driver), and never on the user's.

Where the server comes from, first match wins (`datagen.db.scratch`):
1. `DATAGEN_TEST_NEO4J_URI` (+ `DATAGEN_TEST_NEO4J_USER`, `_PASSWORD`, `_DATABASE`): a server named for
   tests; the session refuses it, in one line, unless its database is empty at the start.
2. testcontainers with `neo4j:5.26-community`, only if a Docker engine answers a ping.
3. The tests' own managed server in `<DATAGEN_HOME>/test-neo4j-5.26.0`: the user's jars, its own data
   and ports, started for the session and stopped at its end.
The user's `NEO4J_URI` and managed server are never used: their runs survive `pytest`.

Every test under `tests/integration/` gets the `integration` marker, so `-m "not integration"`
runs the unit tests alone.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver, GraphDatabase

from datagen.config import NEO4J_VERSION
from datagen.core.plan import SamplingMode
from datagen.db.scratch import URI_VAR, ScratchTarget, clear, clearable_server
from datagen.errors import DatagenError
from datagen.generator.job import GenerateSettings, run_generate
from datagen.graph.build import run_build
from tests.conftest import SEED_DATA

_HERE = Path(__file__).resolve().parent
DOCKER_IMAGE = "neo4j:5.26-community"
_CONTAINER_PASSWORD = "datagen-test-pass"
_CLI_ENV: dict[str, str] = {}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark everything collected from this folder as `integration`."""
    for item in items:
        if _HERE in item.path.resolve().parents:
            item.add_marker(pytest.mark.integration)


def _docker_answers() -> bool:
    """True only if a Docker engine replies to a ping within a couple of seconds."""
    try:
        import docker  # type: ignore[import-untyped,unused-ignore]

        client = docker.from_env(timeout=3)
        try:
            return bool(client.ping())
        finally:
            client.close()
    except Exception:  # noqa: BLE001 - no docker-py, no socket, no engine: all mean "no Docker"
        return False


def _container_driver() -> Iterator[Driver]:
    try:
        from testcontainers.community.neo4j import Neo4jContainer  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ImportError:
        from testcontainers.neo4j import Neo4jContainer  # type: ignore[import-untyped,unused-ignore]
    box = Neo4jContainer(DOCKER_IMAGE, username="neo4j", password=_CONTAINER_PASSWORD).start()
    _CLI_ENV.update({"NEO4J_URI": box.get_connection_url(), "NEO4J_USER": box.username,
                     "NEO4J_PASSWORD": box.password, "NEO4J_DATABASE": "neo4j"})
    driver = GraphDatabase.driver(box.get_connection_url(), auth=(box.username, box.password))
    try:
        driver.verify_connectivity()
        yield driver
    finally:
        driver.close()
        box.stop()


@pytest.fixture(scope="session")
def neo4j_target() -> Iterator[ScratchTarget]:
    """The session's own server (see module doc); a refusal or start failure fails in one line."""
    if not os.environ.get(URI_VAR) and _docker_answers():
        for driver in _container_driver():
            yield ScratchTarget(driver, "neo4j", _CLI_ENV["NEO4J_URI"], dict(_CLI_ENV))
        return
    try:
        with clearable_server(os.environ) as target:
            yield target
    except DatagenError as exc:
        pytest.fail(f"no Neo4j {NEO4J_VERSION} for integration tests: {exc} "
                    "(deselect them with -m 'not integration')", pytrace=False)


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_target: ScratchTarget) -> Driver:
    """One driver for the whole session, to the tests' own server."""
    return neo4j_target.driver


@pytest.fixture(scope="session")
def neo4j_database(neo4j_target: ScratchTarget) -> str:
    """The database the tests write to."""
    return neo4j_target.database


@pytest.fixture(scope="module")
def clean_db(neo4j_driver: Driver, neo4j_database: str) -> Driver:
    """The driver, after deleting every node and relationship (once per test module)."""
    clear(neo4j_driver, neo4j_database)
    return neo4j_driver


@pytest.fixture(scope="session")
def cli_env(neo4j_target: ScratchTarget) -> dict[str, str]:
    """Environment for `CliRunner` and subprocesses: `NEO4J_*` naming the tests' server, not the user's."""
    return dict(neo4j_target.cli_env)


@pytest.fixture(scope="module")
def generated(clean_db: Driver, neo4j_database: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Six conversations generated (and written back) over the seed corpus."""
    run_build(clean_db, neo4j_database, SEED_DATA, tmp_path_factory.mktemp("artifacts"))
    output = tmp_path_factory.mktemp("gen") / "conversations.jsonl"
    run_generate(clean_db, neo4j_database, GenerateSettings(n=6, seed=42, mode=SamplingMode.MIXED, output=output,
                                                            corpus_memory=False))
    return output
