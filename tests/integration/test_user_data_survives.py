"""The test fixtures never clear a user's database (issue: `pytest` deleted a user's runs).

A "user" builds and generates on their managed server under a temporary DATAGEN_HOME; then the
fixture logic (`clearable_server`, what `neo4j_target` runs) is run for that same DATAGEN_HOME and
clears what it was given. The user's run and conversations must still be there afterwards, and
naming the user's server as the tests' server must be refused in one line, with nothing deleted.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver

from datagen.config import Settings
from datagen.core.plan import SamplingMode
from datagen.db.connection import open_driver
from datagen.db.local_server import LocalServer
from datagen.db.scratch import PASSWORD_VAR, URI_VAR, clear, clearable_server, count_data, scratch_home
from datagen.errors import ForeignDataError
from datagen.generator.job import GenerateSettings, run_generate
from datagen.graph.build import run_build
from tests.conftest import SEED_DATA


@pytest.fixture(scope="module")
def user(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Settings, Driver]]:
    """A user's managed server (jars borrowed from the real DATAGEN_HOME) after build + generate."""
    home = tmp_path_factory.mktemp("user-home")
    settings = Settings().model_copy(update={"home": home, "neo4j_uri": None, "neo4j_password": None})
    jars = LocalServer(Settings().neo4j_home)
    jars.install()
    settings.neo4j_home.mkdir(parents=True)
    (settings.neo4j_home / "lib").symlink_to(jars.lib, target_is_directory=True)
    driver = open_driver(settings, autostart=True)
    try:
        root = tmp_path_factory.mktemp("user-run")
        run_build(driver, "neo4j", SEED_DATA, root / "artifacts")
        run_generate(driver, "neo4j", GenerateSettings(output=root / "out.jsonl", n=3, seed=42,
                                                       mode=SamplingMode.MIXED))
        yield settings, driver
    finally:
        driver.close()
        LocalServer(settings.neo4j_home).stop(timeout=60)


def test_fixture_logic_leaves_the_users_runs(user: tuple[Settings, Driver]) -> None:
    settings, driver = user
    before = count_data(driver, "neo4j")
    assert before[1] == 1 and before[2] == 3
    with clearable_server({"DATAGEN_HOME": str(settings.home)}) as target:
        assert target.server is not None
        assert target.server.home == scratch_home(settings).resolve()
        assert target.uri != LocalServer(settings.neo4j_home).running().uri  # type: ignore[union-attr]
        clear(target.driver, target.database)
        assert count_data(target.driver, target.database)[0] == 0
    assert LocalServer(settings.neo4j_home).running() is not None
    assert count_data(driver, "neo4j") == before
    assert not LocalServer(scratch_home(settings)).status().running


def test_naming_the_users_server_for_tests_is_refused(user: tuple[Settings, Driver]) -> None:
    settings, driver = user
    before = count_data(driver, "neo4j")
    server = LocalServer(settings.neo4j_home)
    info = server.running()
    assert info is not None
    env = {URI_VAR: info.uri, PASSWORD_VAR: server.credentials()[1]}
    with pytest.raises(ForeignDataError) as caught, clearable_server(env):
        pass
    message = str(caught.value)
    assert "\n" not in message and "1 runs, 3 conversations" in message and URI_VAR in message
    assert count_data(driver, "neo4j") == before
