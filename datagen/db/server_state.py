"""The managed server's `state.json` and `conf/neo4j.conf` ports: read, written, and checked against the process.

Why apart from `local_server`: what the files say and what the running JVM does can disagree (a
state file edited by hand, a folder where the file should be). Each disagreement must end in one
line saying what to do, before any command waits on a port nothing answers.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from datagen.db.processes import listening_ports
from datagen.errors import LocalServerError

__all__ = ["ServerInfo", "check_state_file", "conf_ports", "port_problem", "read_state", "write_state"]

FIX_PORTS = "run 'datagen neo4j stop' and then 'datagen neo4j start' (or correct bolt_port and http_port in that file)"


@dataclass(frozen=True)
class ServerInfo:
    """A running managed server, as recorded in `state.json`."""

    pid: int
    bolt_port: int
    http_port: int
    uri: str
    started_at: str

    @property
    def browser_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/browser/"


def _tmp(state_file: Path) -> Path:
    return state_file.with_name(state_file.name + ".tmp")


def check_state_file(state_file: Path) -> None:
    """Refuse a `state.json` (or its `.tmp`) that is a folder or another non-file, before acting.

    Why: otherwise it reads as "no state", a server is launched, and only writing its state fails
    (IsADirectoryError), leaving a JVM running that nothing records.

    Raises:
        LocalServerError: one line naming the path and saying to remove it.
    """
    for path in (state_file, _tmp(state_file)):
        if os.path.lexists(path) and not path.is_file():
            kind = "a folder" if path.is_dir() else "not a regular file"
            raise LocalServerError(f"{path} is {kind}, where the managed Neo4j keeps its state: remove it "
                                   f"(rm -r '{path}') and run the command again")


def read_state(state_file: Path) -> ServerInfo | None:
    """The recorded server, or None when the file is missing or unreadable (then the caller searches)."""
    try:
        return ServerInfo(**json.loads(state_file.read_text()))
    except (OSError, ValueError, TypeError):
        return None


def write_state(state_file: Path, info: ServerInfo) -> None:
    """Write `state.json` atomically (a `.tmp` beside it, then a rename)."""
    tmp = _tmp(state_file)
    tmp.write_text(json.dumps(asdict(info), indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, state_file)


def conf_ports(conf: Path) -> tuple[int, int] | None:
    """(bolt, http) ports from `conf/neo4j.conf`, as `neo4j_setup.render_conf` wrote them."""
    found: dict[str, int] = {}
    try:
        text = conf.read_text(encoding="utf-8")
    except OSError:
        return None
    for line in text.splitlines():
        key, _, value = line.partition("=")
        if key in ("server.bolt.listen_address", "server.http.listen_address"):
            port = value.rpartition(":")[2]
            if port.isdigit():
                found[key.split(".")[1]] = int(port)
    return (found["bolt"], found["http"]) if len(found) == 2 else None


def port_problem(info: ServerInfo, state_file: Path, conf: Path) -> str | None:
    """Why `info`'s Bolt port cannot be the running server's, or None when it can (or cannot be told yet).

    Why: a `state.json` whose port was changed by hand (or copied from another home) made every
    command poll the wrong port for the whole start-up timeout. The server's own listening ports
    and the config it was started with tell at once. A server still starting listens on nothing
    yet; then only the config can disagree.
    """
    listening = listening_ports(info.pid)
    if info.bolt_port in listening:
        return None
    ports = conf_ports(conf)
    if ports is not None and ports[0] in listening:
        actual = f"listens on Bolt port {ports[0]}"
    elif ports is not None and ports[0] != info.bolt_port:
        actual = f"was started with Bolt port {ports[0]} ({conf})"
    elif ports is None and listening and info.http_port not in listening:
        actual = f"listens on port(s) {', '.join(map(str, sorted(listening)))}"
    else:
        return None
    return (f"{state_file} records Bolt port {info.bolt_port}, but the managed Neo4j (pid {info.pid}) {actual}: "
            f"{FIX_PORTS}")
