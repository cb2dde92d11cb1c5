"""Fixtures for tests that run on a real Neo4j (never a mocked driver).

Where the server comes from, first match wins:
1. `NEO4J_URI` (+ `NEO4J_USER`, `NEO4J_PASSWORD`): an existing server, e.g. `docker compose up -d`.
2. testcontainers with `neo4j:5.26-community`, only if a Docker engine answers a ping.
3. The managed local server (`datagen neo4j start`), started here if it is not running and then
   stopped at the end of the session; left running if it was already up (as in `.ci/run`).

Every test under `tests/integration/` gets the `integration` marker, so `-m "not integration"`
runs the unit tests alone.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver, GraphDatabase

from datagen.config import NEO4J_VERSION, Settings
from datagen.db.connection import open_driver
from datagen.db.local_server import LocalServer
from datagen.db.queries import load
from datagen.errors import DatagenError

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
                     "NEO4J_PASSWORD": box.password})
    driver = GraphDatabase.driver(box.get_connection_url(), auth=(box.username, box.password))
    try:
        driver.verify_connectivity()
        yield driver
    finally:
        driver.close()
        box.stop()


@pytest.fixture(scope="session")
def neo4j_driver() -> Iterator[Driver]:
    """One driver for the whole session, to whichever real Neo4j is available (see module doc)."""
    settings = Settings()
    if not settings.neo4j_uri and _docker_answers():
        yield from _container_driver()
        return
    server = LocalServer(settings.neo4j_home)
    started_here = not settings.neo4j_uri and server.running() is None
    try:
        driver = open_driver(settings, autostart=True)
    except DatagenError as exc:
        pytest.fail(
            f"no Neo4j {NEO4J_VERSION} for integration tests: {exc} (deselect them with -m 'not integration')",
            pytrace=False,
        )
    try:
        yield driver
    finally:
        driver.close()
        if started_here:
            server.stop()


@pytest.fixture(scope="session")
def neo4j_database() -> str:
    """The database the tests write to (`NEO4J_DATABASE`, default `neo4j`)."""
    return os.environ.get("NEO4J_DATABASE", "neo4j")


@pytest.fixture(scope="module")
def clean_db(neo4j_driver: Driver, neo4j_database: str) -> Driver:
    """The driver, after deleting every node and relationship (once per test module)."""
    query = load("admin/clear_database")
    with neo4j_driver.session(database=neo4j_database) as session:
        session.run(query.text, query.params()).consume()
    return neo4j_driver


@pytest.fixture(scope="session")
def cli_env(neo4j_driver: Driver) -> dict[str, str]:
    """Environment for `CliRunner` so CLI commands reach the same server as `neo4j_driver`.

    Empty when the server is `NEO4J_URI` (inherited) or the managed local one (found by its state file).
    """
    return dict(_CLI_ENV)
