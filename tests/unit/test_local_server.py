"""Unit tests of the managed local Neo4j: config, ports, state, secrets, Java and jar install.

No server runs here; fake `java`/`mvn` scripts and a stand-in process play their parts. The real
server is exercised in tests/integration/test_local_server.py.
"""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from datagen.db import neo4j_setup
from datagen.db.local_server import ENTRY_POINT, LocalServer, ServerInfo
from datagen.db.processes import free_port, pid_is_server
from datagen.db.neo4j_setup import JVM_FLAGS, render_conf, write_secret
from datagen.errors import LocalServerError


def _script(path: Path, body: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n" + body + "\n")
    path.chmod(0o755)
    return path


def _fake_java_home(root: Path, major: int) -> Path:
    _script(root / "bin" / "java", f"echo 'openjdk version \"{major}.0.1\" 2025-01-01' >&2")
    return root


def _write_state(server: LocalServer, pid: int) -> None:
    server.home.mkdir(parents=True, exist_ok=True)
    info = ServerInfo(pid=pid, bolt_port=1, http_port=2, uri="bolt://127.0.0.1:1", started_at="t")
    server.state_file.write_text(json.dumps(info.__dict__))


@pytest.fixture
def fake_server(tmp_path: Path) -> Iterator[tuple[LocalServer, subprocess.Popen[bytes]]]:
    """A sleeping Python process whose command line looks like the Neo4j server of a tmp home."""
    server = LocalServer(tmp_path / "home")
    code = "import time; time.sleep(60)"
    proc = subprocess.Popen([sys.executable, "-c", code, ENTRY_POINT, f"--home-dir={server.home}"])
    yield server, proc
    proc.kill()
    proc.wait()


def test_conf_is_strict_key_value_on_loopback_with_auth() -> None:
    text = render_conf(17687, 17474)
    lines = text.splitlines()
    assert all("=" in line and "#" not in line and line == line.strip() for line in lines)
    conf = {}
    for line in lines:
        key, value = line.split("=", 1)
        if key != "server.jvm.additional":
            assert key not in conf, f"duplicate key {key}"
            conf[key] = value
    assert conf["server.bolt.listen_address"] == "127.0.0.1:17687"
    assert conf["server.http.listen_address"] == "127.0.0.1:17474"
    assert conf["server.default_listen_address"] == "127.0.0.1"
    assert conf["dbms.security.auth_enabled"] == "true"
    assert conf["server.https.enabled"] == "false"
    assert conf["server.memory.heap.max_size"] == "2g"
    assert conf["server.memory.pagecache.size"] == "512m"
    assert [line.split("=", 1)[1] for line in lines if line.startswith("server.jvm.additional=")] == list(JVM_FLAGS)


def test_free_port_can_be_bound() -> None:
    port = free_port()
    assert 1024 <= port <= 65535
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", port))


def test_state_with_dead_pid_is_stale_and_removed(tmp_path: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    server = LocalServer(tmp_path / "home")
    _write_state(server, proc.pid)
    status = server.status()
    assert not status.running and status.pid is None and status.uri is None
    assert not server.state_file.exists()
    assert server.stop() is False


def test_reused_pid_of_another_program_is_not_the_server(tmp_path: Path) -> None:
    server = LocalServer(tmp_path / "home")
    _write_state(server, os.getpid())  # alive, but this pytest process is no Neo4j
    assert server.running() is None
    assert not server.state_file.exists()


def test_server_of_another_home_is_not_ours(
    fake_server: tuple[LocalServer, subprocess.Popen[bytes]], tmp_path: Path
) -> None:
    server, proc = fake_server
    assert pid_is_server(proc.pid, server.home)
    assert not pid_is_server(proc.pid, tmp_path / "other")


def test_stop_terminates_the_recorded_process(fake_server: tuple[LocalServer, subprocess.Popen[bytes]]) -> None:
    server, proc = fake_server
    _write_state(server, proc.pid)
    assert server.status().running
    assert server.stop(timeout=10) is True
    proc.wait(timeout=5)  # returncode is -15, or 0 if stop() reaped its own child first
    assert not Path(f"/proc/{proc.pid}").exists()
    assert not server.state_file.exists()
    assert not server.status().running


def test_password_file_is_owner_only(tmp_path: Path) -> None:
    server = LocalServer(tmp_path)
    old = os.umask(0)
    try:
        write_secret(server.password_file, "s3cret-value")
    finally:
        os.umask(old)
    assert stat.S_IMODE(server.password_file.stat().st_mode) == 0o600
    assert server.credentials() == ("neo4j", "s3cret-value")


def test_missing_password_file_says_how_to_fix(tmp_path: Path) -> None:
    with pytest.raises(LocalServerError, match="datagen neo4j start"):
        LocalServer(tmp_path).credentials()


def test_find_java_skips_java_25(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    java25 = _fake_java_home(tmp_path / "jdk25", 25)
    java17 = _fake_java_home(tmp_path / "jdk17", 17)
    monkeypatch.delenv("DATAGEN_JAVA_HOME", raising=False)
    monkeypatch.setenv("JAVA_HOME", str(java25))
    monkeypatch.setenv("PATH", str(java25 / "bin"))
    monkeypatch.setattr(neo4j_setup, "JAVA17_DEFAULT", java17)
    assert neo4j_setup.find_java() == java17 / "bin" / "java"
    monkeypatch.setattr(neo4j_setup, "JAVA17_DEFAULT", tmp_path / "nowhere")
    with pytest.raises(LocalServerError, match="Java 17 not found"):
        neo4j_setup.find_java()


def test_datagen_java_home_wins_and_is_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATAGEN_JAVA_HOME", str(_fake_java_home(tmp_path / "jdk", 17)))
    assert neo4j_setup.find_java() == tmp_path / "jdk" / "bin" / "java"
    monkeypatch.setenv("DATAGEN_JAVA_HOME", str(tmp_path / "empty"))
    with pytest.raises(LocalServerError, match="DATAGEN_JAVA_HOME"):
        neo4j_setup.find_java()


def test_install_without_mvn_says_how_to_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    with pytest.raises(LocalServerError, match="mvn not found"):
        LocalServer(tmp_path / "home").install()


def test_install_is_a_no_op_when_jars_are_there(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    server = LocalServer(tmp_path / "home")
    server.lib.mkdir(parents=True)
    (server.lib / "neo4j.jar").write_bytes(b"")
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))  # mvn would be missing
    server.install()
    assert server.installed()


def _fake_mvn(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> None:
    bin_dir = tmp_path / "bin"
    _script(bin_dir / "mvn", body)
    monkeypatch.setenv("PATH", f"{bin_dir}:/usr/bin:/bin")
    monkeypatch.setenv("DATAGEN_JAVA_HOME", str(_fake_java_home(tmp_path / "jdk", 17)))


def test_failed_download_leaves_no_half_lib(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_mvn(
        tmp_path,
        monkeypatch,
        'for a; do case $a in -DoutputDirectory=*) touch "${a#*=}/half.jar";; esac; done\n'
        'echo "[ERROR] Could not resolve dependencies"; exit 1',
    )
    server = LocalServer(tmp_path / "home")
    with pytest.raises(LocalServerError, match="Could not resolve"):
        server.install()
    assert not server.lib.exists() and not server.installed()
    assert not list(server.home.glob(".lib-*"))


def test_download_lands_in_lib(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_mvn(
        tmp_path, monkeypatch, 'for a; do case $a in -DoutputDirectory=*) touch "${a#*=}/neo4j-5.jar";; esac; done'
    )
    server = LocalServer(tmp_path / "home")
    messages: list[str] = []
    server.install(messages.append)
    assert (server.lib / "neo4j-5.jar").is_file()
    assert "org.neo4j" in (server.home / "pom.xml").read_text()
    assert messages and "Maven Central" in messages[0]


def test_unwritable_datagen_home_is_one_line() -> None:
    """A DATAGEN_HOME that cannot be created fails before Java or Maven, naming the variable."""
    from click.testing import CliRunner

    from datagen.cli.main import cli

    result = CliRunner().invoke(cli, ["neo4j", "start"], env={"DATAGEN_HOME": "/proc/datagen-home", "NEO4J_URI": None})
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "set DATAGEN_HOME to a writable folder" in lines[0], result.output
