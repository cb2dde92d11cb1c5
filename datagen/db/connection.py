"""Open the one Neo4j driver a datagen process uses.

Why here: the rule "use `NEO4J_URI` if set, else the managed local server (started on demand)"
must be the same for every command and for the integration tests, and a server that does not
answer must fail at once with a message that says how to get one, not half-way through a build.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from neo4j import Driver, GraphDatabase
from neo4j.exceptions import AuthError, DriverError, Neo4jError

from datagen.config import Settings
from datagen.db.local_server import LocalServer
from datagen.db.run import reason, redact
from datagen.errors import Neo4jUnavailable

log = logging.getLogger(__name__)

_HINT = (
    "start it with 'docker compose up -d' or 'datagen neo4j start', or unset NEO4J_URI to use the managed local server"
)


def open_driver(
    settings: Settings,
    *,
    autostart: bool = True,
    announce: Callable[[str], None] | None = None,
) -> Driver:
    """Return a connected driver; the caller closes it.

    With `settings.neo4j_uri` set, connect there (with auth only when a password is given).
    Otherwise use the managed local server under `settings.neo4j_home`, starting it (and
    downloading its jars on first use) when `autostart`, else failing if it is not running.

    Raises:
        Neo4jUnavailable: nothing answers at the configured URI, or the local server is down
            and `autostart` is false.
        LocalServerError: the managed server could not be installed or started, or its `state.json`
            is a folder or records a port the server does not listen on.
    """
    if settings.neo4j_uri:
        password = settings.neo4j_password
        auth = (settings.neo4j_user, password.get_secret_value()) if password is not None else None
        return connect(settings.neo4j_uri, auth, _HINT, "check NEO4J_USER and NEO4J_PASSWORD")
    server = LocalServer(settings.neo4j_home)
    info = server.start(announce=announce) if autostart else server.running()
    if info is None:
        raise Neo4jUnavailable(
            "the managed local Neo4j is not running: start it with 'datagen neo4j start', or set NEO4J_URI"
        )
    server.check_ports(info)  # start() checked already; a wrong port in state.json fails here at once too
    return connect(
        info.uri,
        server.credentials(),
        f"see 'datagen neo4j status' and {server.log_path}",
        f"the password in {server.password_file} no longer matches: stop the server and delete {server.data_dir}",
    )


def connect(uri: str, auth: tuple[str, str] | None, hint: str, auth_hint: str) -> Driver:
    """Build a driver and prove the server answers; never puts the password in a message."""
    shown = redact(uri)
    try:
        driver = GraphDatabase.driver(uri, auth=auth)
    except (DriverError, ValueError) as exc:  # a malformed URI or bad driver option
        raise Neo4jUnavailable(f"cannot use NEO4J_URI={shown}: {reason(exc)}") from exc
    try:
        driver.verify_connectivity()
    except AuthError as exc:
        driver.close()
        raise Neo4jUnavailable(f"Neo4j at {shown} rejected the credentials ({reason(exc)}): {auth_hint}") from exc
    except (DriverError, Neo4jError, OSError) as exc:
        driver.close()
        raise Neo4jUnavailable(f"cannot reach Neo4j at {shown} ({reason(exc)}): {hint}") from exc
    log.debug("connected to Neo4j at %s", shown)
    return driver
