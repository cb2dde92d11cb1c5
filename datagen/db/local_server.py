"""The managed local Neo4j: Neo4j Community from Maven Central jars, run with Java 17, no Docker.

Why: `datagen` must work on a machine with neither Docker nor a Neo4j install, so the first command
that needs a graph downloads the server jars once (Maven) and runs them in the background. The
server outlives the CLI process that started it; later commands find it through `state.json`.

Files under `home` (`Settings().neo4j_home`): `lib/` jars, `conf/neo4j.conf`, `data/`,
`logs/console.log`, `password` (0600, generated on first start), `state.json`, `.lock`.
"""

from __future__ import annotations

import fcntl
import logging
import os
import secrets
import signal
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, DriverError, Neo4jError

from datagen.config import NEO4J_VERSION
from datagen.db.neo4j_setup import (
    JVM_FLAGS,
    browser_jar,
    find_java,
    install_browser,
    install_jars,
    render_conf,
    set_initial_password,
    write_secret,
)
from datagen.db.processes import ENTRY_POINT, find_server_pids, free_port, pid_is_server, port_taken
from datagen.db.server_state import (
    ServerInfo,
    check_state_file,
    conf_ports,
    port_problem,
    read_state,
    write_state,
)
from datagen.errors import LocalServerError

log = logging.getLogger(__name__)

Announce = Callable[[str], None]
USER = "neo4j"
HEAP = ("-Xms2g", "-Xmx2g")  # equal to neo4j.conf's heap settings; see neo4j_setup.render_conf


def _silent(_: str) -> None:
    pass


@dataclass(frozen=True)
class ServerStatus:
    """What `datagen neo4j status` shows; never holds the password itself."""

    installed: bool
    running: bool
    pid: int | None
    uri: str | None
    browser_url: str | None
    user: str
    password_file: Path
    data_dir: Path
    log_path: Path
    problem: str | None = None
    """Why the recorded server cannot be used as it is (see `LocalServer.port_problem`)."""


class LocalServer:
    """One managed Neo4j installation under `home`; every method is safe to call repeatedly."""

    def __init__(self, home: Path) -> None:
        self.home = Path(home).expanduser().resolve()
        self.lib = self.home / "lib"
        self.conf = self.home / "conf" / "neo4j.conf"
        self.password_file = self.home / "password"
        self.state_file = self.home / "state.json"
        self.log_path = self.home / "logs" / "console.log"
        self.data_dir = self.home / "data"

    def installed(self) -> bool:
        """True once `lib/` holds the jars (a failed download never leaves a partial `lib/`)."""
        return self.lib.is_dir() and any(self.lib.glob("*.jar"))

    def install(self, announce: Announce | None = None) -> None:
        """Download the server jars into `lib/` unless they are there, and the Browser jar if missing.

        The Browser jar is checked on its own, so installs made before it was bundled get it on their
        next start; failing to fetch it is only a warning (see `neo4j_setup.install_browser`).
        """
        if not self.installed():
            install_jars(self.home, self.lib, announce or _silent)
        if self.browser_jar() is None:
            install_browser(self.home, self.lib, announce or _silent)

    def browser_jar(self) -> Path | None:
        """The Neo4j Browser jar in `lib/`, if installed (it is served from the next start on)."""
        return browser_jar(self.lib) if self.lib.is_dir() else None

    def browser_served(self, info: ServerInfo, timeout: float = 2.0) -> bool:
        """True if the running server answers 200 on its Browser URL (needs the jar at start-up)."""
        try:
            with urllib.request.urlopen(info.browser_url, timeout=timeout) as response:
                return int(response.status) == 200
        except (OSError, ValueError):
            return False

    def running(self) -> ServerInfo | None:
        """The running server: the one `state.json` records, else one found by its data folder.

        Why the search: a missing or corrupted `state.json` must not orphan a live JVM (status
        "stopped", start failing on the store lock, stop "not running"). A server whose command line
        names this home is ours; its ports are read back from `conf/neo4j.conf` and the state file
        is written again. A stale state file (dead pid) is removed.

        Raises:
            LocalServerError: `state.json` is not a file (see `server_state.check_state_file`).
        """
        check_state_file(self.state_file)
        info = read_state(self.state_file)
        if info is not None and pid_is_server(info.pid, self.home):
            return info
        if info is not None:
            log.info("removing stale %s (pid %s is not a Neo4j server)", self.state_file, info.pid)
            self.state_file.unlink(missing_ok=True)
        return self._recover()

    def port_problem(self, info: ServerInfo) -> str | None:
        """Why `info`'s Bolt port is not the running server's, or None (see `server_state.port_problem`)."""
        return port_problem(info, self.state_file, self.conf)

    def check_ports(self, info: ServerInfo) -> None:
        """Raise `LocalServerError` (one line saying what to do) when `port_problem` finds one."""
        problem = self.port_problem(info)
        if problem is not None:
            raise LocalServerError(problem)

    def _recover(self) -> ServerInfo | None:
        pids = find_server_pids(self.home)
        ports = conf_ports(self.conf)
        if not pids or ports is None:
            return None
        bolt, http = ports
        info = ServerInfo(pid=pids[0], bolt_port=bolt, http_port=http, uri=f"bolt://127.0.0.1:{bolt}",
                          started_at="unknown (recovered)")
        log.warning("%s was missing or unreadable: found Neo4j pid %s by its home folder", self.state_file, info.pid)
        try:
            write_state(self.state_file, info)
        except OSError:
            pass  # still usable this time; the next command searches again
        return info

    def credentials(self) -> tuple[str, str]:
        """(user, password) of the managed server, read from the 0600 password file."""
        try:
            return USER, self.password_file.read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise LocalServerError(f"no password file {self.password_file}: run 'datagen neo4j start'") from exc

    def start(self, timeout: float = 120, announce: Announce | None = None,
              ports: tuple[int, int] | None = None) -> ServerInfo:
        """Install if needed, start the server in the background and wait until Bolt answers.

        `ports` (bolt, http) are chosen free when not given; a taken port fails at once, before Java.
        """
        say = announce or _silent
        try:
            self.home.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryFile(dir=self.home):
                pass
        except OSError as exc:
            raise LocalServerError(f"cannot write the managed Neo4j folder {self.home} ({exc.strerror}): "
                                   f"set DATAGEN_HOME to a writable folder") from exc
        with self._lock():
            info = self.running()
            if info is not None:
                self.check_ports(info)
                self._wait_ready(info, timeout)
                return info
            first = "" if self.installed() else " (first run downloads jars)"
            say(f"starting the managed local Neo4j {NEO4J_VERSION}{first} in {self.home} ...")
            self.install(say)
            java = find_java()
            if ports is None:
                bolt, http = free_port(), free_port()
                while http == bolt:
                    http = free_port()
            else:
                bolt, http = ports
            for name, port in (("Bolt", bolt), ("HTTP", http)):
                if port_taken(port):
                    raise LocalServerError(f"{name} port {port} on 127.0.0.1 is already in use: stop what holds it "
                                           f"or choose another port")
            self.conf.parent.mkdir(exist_ok=True)
            self.conf.write_text(render_conf(bolt, http), encoding="utf-8")
            self._prepare_auth(java)
            info = self._launch(java, bolt, http)
            try:
                self._wait_ready(info, timeout)
            except BaseException:
                self._terminate(info.pid, 10)
                self.state_file.unlink(missing_ok=True)
                raise
            say(f"Neo4j is ready at {info.uri}")
            return info

    def stop(self, timeout: float = 60) -> bool:
        """SIGTERM the server (SIGKILL after `timeout`); return whether one was running."""
        with self._lock():
            info = self.running()
            if info is None:
                return False
            self._terminate(info.pid, timeout)
            self.state_file.unlink(missing_ok=True)
            return True

    def status(self) -> ServerStatus:
        """Installed? running? and where everything is; cheap (no Bolt round trip)."""
        info = self.running()
        return ServerStatus(
            installed=self.installed(),
            running=info is not None,
            pid=info.pid if info else None,
            uri=info.uri if info else None,
            browser_url=info.browser_url if info else None,
            user=USER,
            password_file=self.password_file,
            data_dir=self.data_dir,
            log_path=self.log_path,
            problem=self.port_problem(info) if info else None,
        )

    @contextmanager
    def _lock(self) -> Iterator[None]:
        """Serialise start/stop across processes (pytest and the CLI may race to start one)."""
        with open(self.home / ".lock", "w") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def _prepare_auth(self, java: Path) -> None:
        """Set the generated password before the system database exists (first start only)."""
        if (self.data_dir / "databases" / "system").exists():
            if not self.password_file.is_file():
                raise LocalServerError(
                    f"{self.password_file} is missing but {self.data_dir} exists: delete {self.data_dir} to reset"
                )
            return
        if not self.password_file.is_file():
            write_secret(self.password_file, secrets.token_urlsafe(24))
        set_initial_password(java, self.home, self.credentials()[1])

    def _launch(self, java: Path, bolt: int, http: int) -> ServerInfo:
        """Start the JVM detached (new session, reparented to init) and record it in state.json."""
        h = self.home
        classpath = f"{h}/plugins/*:{h}/conf/*:{h}/lib/*"
        cmd = [str(java), "-cp", classpath, *JVM_FLAGS, "-Dfile.encoding=UTF-8", *HEAP, ENTRY_POINT]
        cmd += [f"--home-dir={h}", f"--config-dir={h}/conf", "--console-mode"]
        self.log_path.parent.mkdir(exist_ok=True)
        # `sh` backgrounds the JVM and exits at once, so the server is nobody's child: no zombie
        # and no "subprocess still running" warning when this process exits or is a test runner.
        script = 'exec 0</dev/null; "$@" >"$LOG" 2>&1 & echo $!'
        env = {**os.environ, "LOG": str(self.log_path), "NEO4J_HOME": str(h)}
        out = subprocess.run(
            ["/bin/sh", "-c", script, "sh", *cmd],
            capture_output=True,
            text=True,
            env=env,
            cwd=h,
            start_new_session=True,
            check=False,
        )
        if out.returncode != 0 or not out.stdout.strip().isdigit():
            raise LocalServerError(f"could not launch Java for Neo4j: {out.stderr.strip()}")
        info = ServerInfo(
            pid=int(out.stdout.strip()),
            bolt_port=bolt,
            http_port=http,
            uri=f"bolt://127.0.0.1:{bolt}",
            started_at=datetime.now(UTC).isoformat(timespec="seconds"),
        )
        try:
            write_state(self.state_file, info)
        except OSError as exc:  # a server nothing records would block the next start on the store lock
            self._terminate(info.pid, 30)
            raise LocalServerError(f"cannot write {self.state_file} ({exc.strerror or exc}); Neo4j was stopped "
                                   f"again: make {self.home} writable and run the command again") from exc
        log.info("launched Neo4j pid %s, bolt %s, log %s", info.pid, info.uri, self.log_path)
        return info

    def _wait_ready(self, info: ServerInfo, timeout: float) -> None:
        """Poll Bolt with the real credentials until it answers, the process dies, or time runs out."""
        deadline = time.monotonic() + timeout
        auth = self.credentials()
        last = "no answer yet"
        while time.monotonic() < deadline:
            if not pid_is_server(info.pid, self.home):
                raise LocalServerError(f"Neo4j exited during start-up; end of {self.log_path}: {self._log_tail()}")
            if "Address already in use" in self._log_tail(40):
                raise LocalServerError(f"a port of {info.uri} (or HTTP {info.http_port}) was taken while Neo4j "
                                       f"started: run the command again to pick free ports")
            try:
                with GraphDatabase.driver(info.uri, auth=auth, connection_timeout=2.0) as driver:
                    driver.verify_connectivity()
                return
            except AuthError as exc:
                raise LocalServerError(
                    f"Neo4j rejected the password in {self.password_file}: stop it and delete {self.data_dir}"
                ) from exc
            except (DriverError, Neo4jError, OSError) as exc:
                last = f"{type(exc).__name__}: {exc}".splitlines()[0]
            time.sleep(0.5)
        raise LocalServerError(
            f"Neo4j did not answer on {info.uri} within {timeout:.0f} s ({last}); end of {self.log_path}: "
            f"{self._log_tail()}"
        )

    def _terminate(self, pid: int, timeout: float) -> None:
        """SIGTERM (Neo4j then checkpoints and exits cleanly), SIGKILL only if that hangs."""
        for sig, wait in ((signal.SIGTERM, timeout), (signal.SIGKILL, 10.0)):
            if not pid_is_server(pid, self.home):
                return
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                return
            deadline = time.monotonic() + wait
            while time.monotonic() < deadline and pid_is_server(pid, self.home):
                time.sleep(0.2)
        if pid_is_server(pid, self.home):
            raise LocalServerError(f"Neo4j (pid {pid}) did not stop, even after SIGKILL")

    def _log_tail(self, lines: int = 12) -> str:
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no log)"
        return " | ".join(line.strip() for line in text.strip().splitlines()[-lines:]) or "(empty log)"
