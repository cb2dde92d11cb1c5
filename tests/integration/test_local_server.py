"""The managed local Neo4j for real: start, answer with the generated password, stop, restart.

Runs in its own temporary DATAGEN_HOME (other ports, other data) so it never touches the server
the rest of the suite uses. The jar folder is borrowed from the default home by a symlink when it
is installed there; otherwise this module downloads the jars once (about 10 s).
"""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver, GraphDatabase
from neo4j.exceptions import AuthError

from datagen.config import Settings
from datagen.db.connection import open_driver
from datagen.db.local_server import LocalServer, ServerInfo
from datagen.db.processes import free_port, pid_is_server
from datagen.db.queries import load
from datagen.errors import LocalServerError


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
