"""A Neo4j that tests and benchmarks may clear: never the user's.

Why: `datagen build` and `generate` keep the user's catalog, runs and conversations in the managed
server under `DATAGEN_HOME` (or at `NEO4J_URI`); a test suite that clears "whatever server it finds"
deletes them. So tests and benchmarks get their own server, chosen here and nowhere else:

1. `DATAGEN_TEST_NEO4J_URI` (+ `DATAGEN_TEST_NEO4J_USER`, `_PASSWORD`, `_DATABASE`): a server named
   for tests. It is someone's server, so `guard_empty` refuses it unless its database is empty
   when the session starts; everything found later was made by the session.
2. Otherwise a scratch managed server in `<DATAGEN_HOME>/test-neo4j-<version>` (a temp folder beside
   it when another session holds that one): its own data, conf, password and free ports, and the
   user's downloaded jars by a symlink (no second download). It is started for the session and
   stopped at its end. `NEO4J_URI` is never read.
"""

from __future__ import annotations

import fcntl
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from neo4j import Driver

from datagen.config import NEO4J_VERSION, Settings
from datagen.db.connection import connect
from datagen.db.local_server import LocalServer
from datagen.db.queries import load
from datagen.db.run import read
from datagen.errors import ForeignDataError

URI_VAR = "DATAGEN_TEST_NEO4J_URI"
USER_VAR = "DATAGEN_TEST_NEO4J_USER"
PASSWORD_VAR = "DATAGEN_TEST_NEO4J_PASSWORD"
DATABASE_VAR = "DATAGEN_TEST_NEO4J_DATABASE"


@dataclass
class ScratchTarget:
    """Where a test session writes: a connected driver, its database, and the env the CLI needs.

    `cli_env` names the server through `NEO4J_*` variables, so a `datagen` command run by a test
    (in process or as a subprocess) reaches this server and not the user's.
    """

    driver: Driver
    database: str
    uri: str
    cli_env: dict[str, str] = field(default_factory=dict)
    server: LocalServer | None = None


def scratch_home(settings: Settings) -> Path:
    """The tests' own managed server folder, beside the user's (`<DATAGEN_HOME>/test-neo4j-<v>`)."""
    return settings.home / f"test-neo4j-{NEO4J_VERSION}"


def prepare_scratch(home: Path, jars_from: LocalServer, announce: Callable[[str], None] | None = None) -> LocalServer:
    """A managed server under `home` whose `lib/` is the user's jar folder (downloaded there once)."""
    jars_from.install(announce)
    home.mkdir(parents=True, exist_ok=True)
    lib = home / "lib"
    if not lib.exists() and not lib.is_symlink():
        lib.symlink_to(jars_from.lib, target_is_directory=True)
    return LocalServer(home)


def count_data(driver: Driver, database: str) -> tuple[int, int, int]:
    """(nodes, runs, conversations) in `database`."""
    row = read(driver, database, load("admin/count_data"))[0]
    return int(row["nodes"]), int(row["runs"]), int(row["conversations"])


def guard_empty(driver: Driver, database: str, uri: str) -> None:
    """Refuse a database that already holds data: the session did not make it, so it may be a user's.

    Raises:
        ForeignDataError: with one line naming the server, what it holds and what to do.
    """
    nodes, runs, conversations = count_data(driver, database)
    if nodes:
        raise ForeignDataError(
            f"refusing to clear database {database!r} at {uri}: it holds {nodes} nodes ({runs} runs, "
            f"{conversations} conversations) this session did not create; point {URI_VAR} at an empty "
            f"database, or unset it to let the tests start their own server"
        )


def clear(driver: Driver, database: str) -> None:
    """Delete every node and relationship (batched, auto-commit); only for a guarded or scratch server."""
    query = load("admin/clear_database")
    with driver.session(database=database) as session:
        session.run(query.text, query.params()).consume()


@contextmanager
def _session_lock(home: Path) -> Iterator[IO[str] | None]:
    """Hold `home/.session.lock` for the whole session, or yield None if another session holds it."""
    home.mkdir(parents=True, exist_ok=True)
    handle = open(home / ".session.lock", "w")  # noqa: SIM115 - held for the whole session
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield None
            return
        yield handle
    finally:
        handle.close()


@contextmanager
def scratch_server(settings: Settings, announce: Callable[[str], None] | None = None) -> Iterator[ScratchTarget]:
    """Start the tests' own managed server, yield it (cleared), stop it at the end."""
    user = LocalServer(settings.neo4j_home)
    home = scratch_home(settings)
    with _session_lock(home) as held:
        temporary = None
        if held is None:  # another test session owns the usual scratch home: take a private one
            temporary = Path(tempfile.mkdtemp(prefix=f"test-neo4j-{NEO4J_VERSION}-", dir=settings.home))
            home = temporary
        server = prepare_scratch(home, user, announce)
        try:
            info = server.start(timeout=180, announce=announce)
            user_name, password = server.credentials()
            driver = connect(info.uri, (user_name, password), f"see {server.log_path}", f"delete {server.data_dir}")
            try:
                clear(driver, "neo4j")
                yield ScratchTarget(driver, "neo4j", info.uri, {
                    "NEO4J_URI": info.uri, "NEO4J_USER": user_name, "NEO4J_PASSWORD": password,
                    "NEO4J_DATABASE": "neo4j"}, server)
            finally:
                driver.close()
        finally:
            server.stop(timeout=60)
            if temporary is not None:
                shutil.rmtree(temporary, ignore_errors=True)


@contextmanager
def named_server(env: Mapping[str, str]) -> Iterator[ScratchTarget]:
    """Connect to the server `DATAGEN_TEST_NEO4J_URI` names; refuse it unless empty; empty it at the end."""
    uri = env[URI_VAR]
    user = env.get(USER_VAR, "neo4j")
    password = env.get(PASSWORD_VAR)
    database = env.get(DATABASE_VAR, "neo4j")
    auth = (user, password) if password is not None else None
    driver = connect(uri, auth, f"check {URI_VAR}", f"check {USER_VAR} and {PASSWORD_VAR}")
    try:
        guard_empty(driver, database, uri)
        cli_env = {"NEO4J_URI": uri, "NEO4J_USER": user, "NEO4J_DATABASE": database}
        if password is not None:
            cli_env["NEO4J_PASSWORD"] = password
        yield ScratchTarget(driver, database, uri, cli_env)
        clear(driver, database)  # only what this session made: the guard saw it empty
    finally:
        driver.close()


@contextmanager
def clearable_server(env: Mapping[str, str], announce: Callable[[str], None] | None = None) -> Iterator[ScratchTarget]:
    """The server a test session or benchmark may clear (see the module doc for the order)."""
    if env.get(URI_VAR):
        with named_server(env) as target:
            yield target
        return
    home = env.get("DATAGEN_HOME")
    settings = Settings().model_copy(update={"home": Path(home)}) if home else Settings()
    with scratch_server(settings, announce) as target:
        yield target
