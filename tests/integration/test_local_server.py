"""The managed local Neo4j for real: start, answer with the generated password, stop, restart.

Runs in its own temporary DATAGEN_HOME (other ports, other data) so it never touches the server
the rest of the suite uses. The jar folder is borrowed from the default home by a symlink when it
is installed there; otherwise this module downloads the jars once (about 10 s).
"""

from __future__ import annotations

import json
import os
import signal
import stat
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver, GraphDatabase
from neo4j.exceptions import AuthError

from datagen.config import Settings
from datagen.db.connection import open_driver
from datagen.db.local_server import LocalServer, ServerInfo
from datagen.db.processes import find_server_pids, free_port, pid_is_server
from datagen.db.queries import load
from datagen.errors import LocalServerError
from tests.unit.cli_run import QUICK, datagen, one_error_line


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings whose DATAGEN_HOME is a fresh temporary folder, NEO4J_URI unset."""
    root = tmp_path_factory.mktemp("datagen-home")
    settings = Settings().model_copy(update={"home": root, "neo4j_uri": None, "neo4j_password": None})
    shared = LocalServer(Settings().neo4j_home)
    if shared.installed():
        settings.neo4j_home.mkdir(parents=True)
        (settings.neo4j_home / "lib").symlink_to(shared.lib, target_is_directory=True)
    return settings


@pytest.fixture(scope="module")
def server(settings: Settings) -> Iterator[LocalServer]:
    server = LocalServer(settings.neo4j_home)
    yield server
    server.stop(timeout=30)


def _ping(uri: str, auth: tuple[str, str]) -> int:
    with GraphDatabase.driver(uri, auth=auth) as driver:
        records, _, _ = driver.execute_query(load("admin/ping").text)
        return int(records[0]["ok"])


def test_start_runs_a_server_with_a_generated_password(server: LocalServer) -> None:
    messages: list[str] = []
    info = server.start(timeout=180, announce=messages.append)
    status = server.status()
    assert status.running and status.installed
    assert status.pid == info.pid and status.uri == info.uri
    assert status.browser_url == f"http://127.0.0.1:{info.http_port}/browser/"
    assert info.bolt_port != info.http_port
    assert stat.S_IMODE(server.password_file.stat().st_mode) == 0o600
    user, password = server.credentials()
    assert len(password) >= 24
    assert _ping(info.uri, (user, password)) == 1
    assert not any(password in m for m in messages)


def test_second_start_is_idempotent(server: LocalServer) -> None:
    first = server.running()
    assert first is not None
    assert server.start() == first


def test_wrong_password_is_rejected(server: LocalServer) -> None:
    info = server.running()
    assert info is not None
    with pytest.raises(AuthError):
        _ping(info.uri, ("neo4j", "not-the-password"))


def test_open_driver_uses_the_managed_server(settings: Settings, server: LocalServer) -> None:
    driver = open_driver(settings, autostart=False)
    try:
        records, _, _ = driver.execute_query(load("admin/ping").text)
        assert records[0]["ok"] == 1
    finally:
        driver.close()


def test_stop_then_restart_keeps_the_password(server: LocalServer, settings: Settings) -> None:
    before = server.credentials()
    assert server.stop(timeout=60) is True
    assert not server.status().running
    assert server.stop() is False
    info: ServerInfo = server.start(timeout=180)
    assert server.credentials() == before
    assert _ping(info.uri, before) == 1
    assert Path(server.state_file).is_file()
    assert server.stop(timeout=60) is True


def test_clear_database_runs_in_batches(clean_db: Driver, neo4j_database: str) -> None:
    """The session fixture's server accepts the batched delete (auto-commit CALL IN TRANSACTIONS)."""
    query = load("admin/clear_database")
    with clean_db.session(database=neo4j_database) as session:
        summary = session.run(query.text, query.params()).consume()
    assert summary.counters.nodes_deleted == 0  # clean_db already emptied it


def test_initial_password_stays_off_the_command_line(settings: Settings, tmp_path: Path) -> None:
    """A password starting with '-' is accepted, and the argument file holding it is gone afterwards."""
    from datagen.db.neo4j_setup import find_java, render_conf, set_initial_password

    shared = LocalServer(settings.neo4j_home)
    shared.install()
    home = tmp_path / "home"
    (home / "conf").mkdir(parents=True)
    (home / "lib").symlink_to(shared.lib.resolve(), target_is_directory=True)
    (home / "conf" / "neo4j.conf").write_text(render_conf(7999, 7998), encoding="utf-8")
    set_initial_password(find_java(), home, "-dash-first-password")
    assert (home / "data" / "dbms" / "auth.ini").is_file()
    assert not any(p.name.endswith(".args") for p in home.iterdir())


@pytest.mark.parametrize("damage", ["corrupt", "missing"])
def test_lost_state_file_does_not_orphan_the_server(server: LocalServer, damage: str) -> None:
    """The JVM is found again by its home folder: status says running, stop stops it, start reuses it."""
    info = server.start(timeout=180)
    if damage == "corrupt":
        server.state_file.write_text('{"pid": 12, "bolt_p')
    else:
        server.state_file.unlink()
    status = server.status()
    assert status.running and status.pid == info.pid and status.uri == info.uri
    assert server.start().pid == info.pid  # no second JVM fighting over the store lock
    server.state_file.write_text("not json at all")
    assert server.stop(timeout=60) is True
    assert not pid_is_server(info.pid, server.home) and server.running() is None


def test_taken_port_fails_at_once(settings: Settings, tmp_path: Path) -> None:
    import socket
    import time

    home = tmp_path / "ported"
    home.mkdir()
    (home / "lib").symlink_to(LocalServer(settings.neo4j_home).lib.resolve(), target_is_directory=True)
    other = LocalServer(home)
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        taken = holder.getsockname()[1]
        started = time.monotonic()
        with pytest.raises(LocalServerError, match=f"Bolt port {taken} on 127.0.0.1 is already in use"):
            other.start(timeout=120, ports=(taken, free_port()))
        assert time.monotonic() - started < 20
    assert other.running() is None


def test_state_file_that_is_a_folder_is_refused_before_a_server_starts(settings: Settings, tmp_path: Path) -> None:
    """Before, start read the folder as "no state", launched Java, then failed writing the state."""
    home = tmp_path / settings.neo4j_home.name
    home.mkdir()
    (home / "lib").symlink_to(LocalServer(settings.neo4j_home).lib.resolve(), target_is_directory=True)
    (home / "state.json").mkdir()
    try:
        line = one_error_line(datagen(tmp_path, "neo4j", "start", timeout=180))
        assert f"{home / 'state.json'} is a folder" in line and "remove it" in line, line
        assert find_server_pids(home) == [] and not (home / "data").exists()
    finally:
        for pid in find_server_pids(home):  # what the old behaviour left running
            os.kill(pid, signal.SIGKILL)


def test_state_file_that_is_a_folder_beside_a_running_server(server: LocalServer, settings: Settings) -> None:
    """Stop refuses in one line and leaves the server as it was; once the folder is gone, stop works."""
    info = server.start(timeout=180)
    server.state_file.unlink()
    server.state_file.mkdir()
    try:
        for command in ("stop", "status"):
            line = one_error_line(datagen(settings.home, "neo4j", command))
            assert f"{server.state_file} is a folder" in line, line
        assert pid_is_server(info.pid, server.home)
    finally:
        if server.state_file.is_dir():  # a failure must not leave the next test a folder to trip on
            server.state_file.rmdir()
    assert datagen(settings.home, "neo4j", "stop", timeout=120).stdout.strip() == "stopped"
    assert not pid_is_server(info.pid, server.home)


def test_state_file_with_the_wrong_port_fails_at_once(server: LocalServer, settings: Settings) -> None:
    """Before, every command polled the recorded port for the whole 120 s start-up timeout."""
    info = server.start(timeout=180)
    state = json.loads(server.state_file.read_text())
    wrong = free_port()
    server.state_file.write_text(json.dumps({**state, "bolt_port": wrong, "uri": f"bolt://127.0.0.1:{wrong}"}))
    for command in (["neo4j", "start"], ["query", "coverage_by_category"]):
        started = time.monotonic()
        line = one_error_line(datagen(settings.home, *command))
        assert time.monotonic() - started < QUICK
        assert f"records Bolt port {wrong}, but the managed Neo4j (pid {info.pid}) listens on Bolt port " \
               f"{info.bolt_port}" in line and "'datagen neo4j stop'" in line, line
    assert f"problem  {server.state_file} records Bolt port {wrong}" in datagen(settings.home, "neo4j", "status").stdout
    assert datagen(settings.home, "neo4j", "stop", timeout=120).stdout.strip() == "stopped"
    assert server.running() is None
