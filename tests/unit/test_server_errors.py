"""The managed server's files and the guide, as a user meets them: each problem is one line saying what to do.

Every command runs as a user runs it, `python -m datagen ...` in a subprocess with its own
DATAGEN_HOME. No Neo4j runs here: the guide's HTTP server is real, and a Python process whose
command line names the home (and which really listens on a port) plays the managed server. The
same probes on a real Neo4j are in tests/integration/test_local_server.py.
"""

from __future__ import annotations

import os
import signal
import socket
import struct
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from datagen.config import NEO4J_VERSION
from datagen.db.local_server import ENTRY_POINT
from datagen.db.neo4j_setup import render_conf, write_secret
from datagen.db.processes import free_port
from tests.conftest import REPO
from tests.unit.cli_run import QUICK, datagen, one_error_line


@pytest.mark.parametrize("port", ["99999", "-1"])
def test_guide_refuses_a_port_out_of_range(tmp_path: Path, port: str) -> None:
    result = datagen(tmp_path, "neo4j", "guide", "--port", port)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert errors == [f"Error: Invalid value for '--port': {port} is not in the range 0<=x<=65535."]


def _reset_after_sending(port: int) -> None:
    """A client that sends a request and resets the connection (RST, SO_LINGER 0) before reading."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    sock.sendall(b"GET /guide.html HTTP/1.1\r\nHost: localhost\r\n\r\n")
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


def test_guide_survives_a_client_that_resets_the_connection(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env["DATAGEN_HOME"] = str(tmp_path)
    proc = subprocess.Popen([sys.executable, "-m", "datagen", "neo4j", "guide"], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        while line and ":guide http" not in line:
            line = proc.stdout.readline()
        port = int(line.rsplit(":", 1)[1].split("/", 1)[0])
        for _ in range(5):
            _reset_after_sending(port)
        time.sleep(0.5)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/guide.html", timeout=5) as response:
            assert response.status == 200 and b"<slide" in response.read()
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=10)
    assert proc.returncode == 0
    assert "Traceback" not in err and "ConnectionResetError" not in err and "BrokenPipeError" not in err, err


def test_state_file_that_is_a_folder_is_one_line_in_status_and_stop(tmp_path: Path) -> None:
    state = tmp_path / f"neo4j-{NEO4J_VERSION}" / "state.json"
    state.mkdir(parents=True)
    for command in ("status", "stop"):
        line = one_error_line(datagen(tmp_path, "neo4j", command))
        assert str(state) in line and "is a folder" in line and "remove it" in line, line
    state.rmdir()
    assert datagen(tmp_path, "neo4j", "stop").stdout.strip() == "not running"


@pytest.fixture
def listening_server(tmp_path: Path) -> Iterator[tuple[Path, subprocess.Popen[str], int]]:
    """A stand-in managed server: a process naming the home on its command line, listening on a Bolt port."""
    home = tmp_path / f"neo4j-{NEO4J_VERSION}"
    (home / "conf").mkdir(parents=True)
    code = ("import socket, time; s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(); "
            "print(s.getsockname()[1], flush=True); time.sleep(120)")
    proc = subprocess.Popen([sys.executable, "-c", code, ENTRY_POINT, f"--home-dir={home}"],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    bolt = int(proc.stdout.readline())
    (home / "conf" / "neo4j.conf").write_text(render_conf(bolt, free_port()), encoding="utf-8")
    write_secret(home / "password", "not-used-by-this-test")
    yield home, proc, bolt
    proc.kill()
    proc.wait()


def _record_port(home: Path, pid: int, bolt: int) -> None:
    state = ('{"pid": %d, "bolt_port": %d, "http_port": %d, "uri": "bolt://127.0.0.1:%d", "started_at": "t"}'
             % (pid, bolt, free_port(), bolt))
    (home / "state.json").write_text(state, encoding="utf-8")


def test_state_file_with_the_wrong_port_fails_at_once(
    tmp_path: Path, listening_server: tuple[Path, subprocess.Popen[str], int]
) -> None:
    home, proc, bolt = listening_server
    wrong = free_port()
    _record_port(home, proc.pid, wrong)
    started = time.monotonic()
    line = one_error_line(datagen(tmp_path, "neo4j", "start"))
    assert time.monotonic() - started < QUICK
    assert f"records Bolt port {wrong}" in line and f"listens on Bolt port {bolt}" in line, line
    assert "datagen neo4j stop" in line and "datagen neo4j start" in line, line
    status = datagen(tmp_path, "neo4j", "status")
    assert status.returncode == 0 and f"problem  {home / 'state.json'} records Bolt port {wrong}" in status.stdout
    assert datagen(tmp_path, "neo4j", "stop").stdout.strip() == "stopped"  # the way out the line names works
    proc.wait(timeout=10)


def test_state_file_with_the_right_port_has_no_problem(
    tmp_path: Path, listening_server: tuple[Path, subprocess.Popen[str], int]
) -> None:
    home, proc, bolt = listening_server
    _record_port(home, proc.pid, bolt)
    status = datagen(tmp_path, "neo4j", "status")
    assert status.returncode == 0 and "problem" not in status.stdout, status.stdout
    assert f"bolt://127.0.0.1:{bolt}" in status.stdout
