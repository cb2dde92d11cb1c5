"""Prepare a home for the managed local Neo4j: Java 17, the jars, `neo4j.conf`, the password.

Why Maven: Neo4j publishes no 5.x tarball on Maven Central, but `org.neo4j:neo4j` and its runtime
dependencies are the whole Community server, and `mvn` already knows how to fetch and cache them.
Why Java 17 exactly: Neo4j 5.26 does not start on Java 25, and a newer JDK is often the default.
The process lifecycle (start, stop, state) is in `local_server`.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from datagen.config import NEO4J_VERSION
from datagen.errors import LocalServerError

log = logging.getLogger(__name__)

JAVA17_DEFAULT = Path("/usr/lib/jvm/java-17-openjdk-amd64")
ADMIN_ENTRY_POINT = "org.neo4j.server.startup.Neo4jAdminCommand"
DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies"
COPY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy"
# Neo4j Browser is not a dependency of org.neo4j:neo4j; with its jar in lib/ the server serves it at
# /browser/ (module BROWSER is on by default). 5.24.0 is the newest on Maven Central.
BROWSER_ARTIFACT = "org.neo4j.client:neo4j-browser:5.24.0"
POM = """<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
 <groupId>local.datagen</groupId><artifactId>neo4j-jars</artifactId><version>1</version>
 <packaging>pom</packaging><dependencies><dependency>
  <groupId>org.neo4j</groupId><artifactId>neo4j</artifactId><version>{version}</version>
 </dependency></dependencies></project>
"""
# The flags Neo4j's own launcher adds; written to neo4j.conf too, so `neo4j console` would agree.
JVM_FLAGS = (
    "-XX:+UseG1GC",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true",
)


def find_java() -> Path:
    """Return a Java 17 `java` binary.

    Order: `DATAGEN_JAVA_HOME` (trusted as given), `JAVA_HOME` if it is 17, the Debian
    openjdk-17 path, then `java` on PATH if it is 17.
    """
    explicit = os.environ.get("DATAGEN_JAVA_HOME")
    if explicit:
        java = Path(explicit) / "bin" / "java"
        if java.is_file():
            return java
        raise LocalServerError(f"DATAGEN_JAVA_HOME={explicit} has no bin/java: point it at a Java 17 home")
    homes = [os.environ.get("JAVA_HOME"), str(JAVA17_DEFAULT)]
    candidates = [Path(h) / "bin" / "java" for h in homes if h]
    on_path = shutil.which("java")
    if on_path:
        candidates.append(Path(on_path))
    for java in candidates:
        if java.is_file() and java_major(java) == 17:
            return java
    raise LocalServerError(
        "Java 17 not found (Neo4j 5.26 needs it): install openjdk-17-jre-headless or set DATAGEN_JAVA_HOME"
    )


def java_major(java: Path) -> int | None:
    """Major version of a `java` binary, from `java -version` (None if it does not run)."""
    try:
        out = subprocess.run([str(java), "-version"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = re.search(r'version "(?:1\.)?(\d+)', out.stderr + out.stdout)
    return int(match.group(1)) if match else None


def install_jars(home: Path, lib: Path, announce: Callable[[str], None]) -> None:
    """Copy `org.neo4j:neo4j` and its runtime dependencies into `lib`.

    The jars land in a temporary folder that is renamed to `lib` only when Maven succeeded, so
    an interrupted download never leaves a half-filled `lib/` that looks installed.
    """
    mvn = shutil.which("mvn")
    if mvn is None:
        raise LocalServerError(
            "mvn not found (needed once to download the Neo4j jars): install Maven, or set NEO4J_URI"
        )
    java = find_java()
    home.mkdir(parents=True, exist_ok=True)
    announce(f"downloading Neo4j {NEO4J_VERSION} jars from Maven Central into {lib} ...")
    pom = home / "pom.xml"
    pom.write_text(POM.format(version=NEO4J_VERSION), encoding="utf-8")
    tmp = Path(tempfile.mkdtemp(prefix=".lib-", dir=home))
    tmp.chmod(0o755)
    cmd = [mvn, "-B", "-q", "-f", str(pom), DEPENDENCY_PLUGIN, "-DincludeScope=runtime", f"-DoutputDirectory={tmp}"]
    env = {**os.environ, "JAVA_HOME": str(java.resolve().parents[1])}
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, check=False)
        if out.returncode != 0 or not any(tmp.glob("*.jar")):
            tail = " | ".join((out.stdout + out.stderr).strip().splitlines()[-5:])
            raise LocalServerError(f"downloading the Neo4j jars with mvn failed: {tail or 'no jars'}")
        if lib.is_symlink() or lib.is_file():
            lib.unlink()
        elif lib.exists():
            shutil.rmtree(lib)
        tmp.rename(lib)
        log.info("installed %d jars into %s", len(list(lib.glob("*.jar"))), lib)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def browser_jar(lib: Path) -> Path | None:
    """The Neo4j Browser jar in `lib`, if there is one."""
    return next(iter(sorted(lib.glob("neo4j-browser-*.jar"))), None)


def install_browser(home: Path, lib: Path, announce: Callable[[str], None]) -> bool:
    """Add the Neo4j Browser jar to `lib` (an existing install gets it on its next start).

    Best effort on purpose: the server and every datagen command work without Browser, so a missing
    `mvn` or an offline machine costs a warning, not a failed start. Returns whether the jar is there.
    """
    mvn = shutil.which("mvn")
    java: Path | None = None
    if mvn is not None:
        try:
            java = find_java()
        except LocalServerError:
            java = None
    if mvn is None or java is None:
        announce("note: Neo4j Browser not installed (needs mvn and Java 17); the server runs without it")
        return False
    announce(f"downloading Neo4j Browser ({BROWSER_ARTIFACT}) into {lib} ...")
    tmp = Path(tempfile.mkdtemp(prefix=".browser-", dir=home))
    cmd = [mvn, "-B", "-q", COPY_PLUGIN, f"-Dartifact={BROWSER_ARTIFACT}", f"-DoutputDirectory={tmp}"]
    env = {**os.environ, "JAVA_HOME": str(java.resolve().parents[1])}
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=home, stdin=subprocess.DEVNULL,
                             check=False)
        jar = browser_jar(tmp)
        if out.returncode != 0 or jar is None:
            tail = " | ".join((out.stdout + out.stderr).strip().splitlines()[-3:])
            log.info("could not download Neo4j Browser with mvn: %s", tail or "no jar")
            announce(f"note: Neo4j Browser not installed (mvn failed: {tail or 'no jar'}); the server runs without it")
            return False
        jar.rename(lib / jar.name)
        return True
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def render_conf(bolt_port: int, http_port: int) -> str:
    """neo4j.conf for a loopback-only server with auth on (strict validation: no stray keys).

    Memory (measured with `benchmarks/build_bench.py`, full corpus): a 2 GB heap (kept equal to
    `local_server.HEAP`) cut young-GC time enough to make graph writes ~20% faster than 1 GB; a
    page cache of 512 MB built as fast as 1 GB. About 3 GB in all, fine on a laptop. Transaction logs
    keep 2 files instead of the default 2 days: a full build logs over a gigabyte.
    """
    lines = [
        "server.default_listen_address=127.0.0.1",
        f"server.bolt.listen_address=127.0.0.1:{bolt_port}",
        f"server.bolt.advertised_address=127.0.0.1:{bolt_port}",
        f"server.http.listen_address=127.0.0.1:{http_port}",
        f"server.http.advertised_address=127.0.0.1:{http_port}",
        "server.https.enabled=false",
        "dbms.security.auth_enabled=true",
        "dbms.usage_report.enabled=false",
        "server.memory.heap.initial_size=2g",
        "server.memory.heap.max_size=2g",
        "server.memory.pagecache.size=512m",
        "db.tx_log.rotation.retention_policy=2 files",
        *(f"server.jvm.additional={flag}" for flag in JVM_FLAGS),
    ]
    return "\n".join(lines) + "\n"


def write_secret(path: Path, value: str) -> None:
    """Write `value` to `path` readable by the owner only (0600 whatever the umask)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        os.fchmod(fh.fileno(), 0o600)
        fh.write(value + "\n")


def set_initial_password(java: Path, home: Path, password: str) -> None:
    """Give user `neo4j` this password; only has an effect before the first server start.

    Why an argument file: on the command line the password is visible to every user in `ps` while
    the admin tool runs. picocli reads `@file` arguments, so the password goes through a 0600 file
    deleted right after; `--` keeps a password that starts with `-` from being read as an option.
    """
    argfile = home / ".initial-password.args"
    write_secret(argfile, f"dbms\nset-initial-password\n--\n{password}")
    cmd = [str(java), "-Xmx256m", "-cp", f"{home / 'lib'}/*", ADMIN_ENTRY_POINT, f"@{argfile}"]
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")}
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, check=False)
    finally:
        argfile.unlink(missing_ok=True)
    if out.returncode != 0:
        tail = " | ".join((out.stdout + out.stderr).replace(password, "***").strip().splitlines()[-3:])
        raise LocalServerError(f"setting the initial Neo4j password failed: {tail}")
