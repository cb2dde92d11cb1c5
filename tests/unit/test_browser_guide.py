"""The Browser guide without Neo4j: the page, its CORS server, `datagen neo4j guide`, the Browser jar install."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from datagen.browser.server import GuideServer, guide_html
from datagen.db import neo4j_setup
from datagen.db.local_server import LocalServer
from tests.conftest import REPO


def test_guide_is_a_browser_guide_with_slides() -> None:
    page = guide_html().decode("utf-8")
    assert re.search(r"<title>[^<]+</title>", page)
    assert page.count("<slide") >= 8 and page.count("<slide") == page.count("</slide>")
    assert "CALL db.schema.visualization()" in page
    assert "<script" not in page.lower()


def test_server_answers_with_cors_and_only_serves_the_guide() -> None:
    with GuideServer() as server:
        assert server.command == f":guide http://localhost:{server.port}/guide.html"
        with urllib.request.urlopen(f"http://127.0.0.1:{server.port}/guide.html", timeout=5) as response:
            assert response.status == 200
            assert response.headers["Access-Control-Allow-Origin"] == "*"
            assert response.headers["Content-Type"].startswith("text/html")
            assert response.read() == guide_html()
        preflight = urllib.request.Request(f"http://127.0.0.1:{server.port}/guide.html", method="OPTIONS")
        with urllib.request.urlopen(preflight, timeout=5) as response:
            assert response.status == 204 and response.headers["Access-Control-Allow-Origin"] == "*"
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(f"http://127.0.0.1:{server.port}/server.py", timeout=5)
        assert missing.value.code == 404


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_neo4j_guide_command_prints_the_guide_line_and_stops_on_ctrl_c(tmp_path: Path, stop: int) -> None:
    env = {**os.environ, "DATAGEN_HOME": str(tmp_path), "PYTHONPATH": str(REPO)}
    env.pop("NEO4J_URI", None)
    # started as a background job of a script would be: SIGINT inherited ignored
    proc = subprocess.Popen([sys.executable, "-m", "datagen", "neo4j", "guide"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=REPO, preexec_fn=_ignore_sigint)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        match = re.search(r":guide (http://localhost:(\d+)/guide.html)", line)
        assert match, line
        with urllib.request.urlopen(f"http://127.0.0.1:{match.group(2)}/guide.html", timeout=5) as response:
            assert response.headers["Access-Control-Allow-Origin"] == "*"
        proc.send_signal(stop)
        assert proc.wait(timeout=10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def _fake_mvn(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "mvn").write_text("#!/bin/sh\n" + body + "\n")
    (bin_dir / "mvn").chmod(0o755)
    java = tmp_path / "jdk" / "bin" / "java"
    java.parent.mkdir(parents=True)
    java.write_text("#!/bin/sh\necho 'openjdk version \"17.0.1\"' >&2\n")
    java.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:/usr/bin:/bin")
    monkeypatch.setenv("DATAGEN_JAVA_HOME", str(tmp_path / "jdk"))


def test_an_existing_install_gets_the_browser_jar(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_mvn(tmp_path, monkeypatch, 'for a; do case $a in -DoutputDirectory=*) touch "${a#*=}/neo4j-browser-5.24.0.jar";; '
                                     "-Dartifact=*) echo \"$a\" > \"$ARGS\";; esac; done")
    monkeypatch.setenv("ARGS", str(tmp_path / "args"))
    server = LocalServer(tmp_path / "home")
    server.lib.mkdir(parents=True)
    (server.lib / "neo4j-5.26.0.jar").write_bytes(b"")
    messages: list[str] = []
    server.install(messages.append)
    assert server.browser_jar() == server.lib / "neo4j-browser-5.24.0.jar"
    assert (tmp_path / "args").read_text().strip() == f"-Dartifact={neo4j_setup.BROWSER_ARTIFACT}"
    assert any("Neo4j Browser" in m for m in messages)
    assert not list(server.home.glob(".browser-*"))


def test_a_failed_browser_download_is_only_a_note(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_mvn(tmp_path, monkeypatch, 'echo "[ERROR] offline"; exit 1')
    server = LocalServer(tmp_path / "home")
    server.lib.mkdir(parents=True)
    (server.lib / "neo4j-5.26.0.jar").write_bytes(b"")
    messages: list[str] = []
    server.install(messages.append)
    assert server.browser_jar() is None and server.installed()
    assert "offline" in messages[-1] and "runs without it" in messages[-1]
    assert not list(server.home.glob(".browser-*"))
