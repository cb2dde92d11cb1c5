"""`datagen neo4j start|stop|status`: manage the local Neo4j that datagen runs without Docker.

The logic lives in `datagen.db.local_server`; these commands only print. The password is never
printed: `status` names the 0600 file that holds it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import click

from datagen.config import NEO4J_VERSION
from datagen.db.local_server import LocalServer

if TYPE_CHECKING:
    from datagen.cli.main import Context


def _server(ctx: click.Context) -> tuple[LocalServer, Context]:
    obj: Context = ctx.obj
    return LocalServer(obj.settings.neo4j_home), obj


@click.group()
def neo4j() -> None:
    """Manage the local Neo4j server datagen uses when NEO4J_URI is unset.

    The server is Neo4j Community from Maven Central jars, run with Java 17 in the background,
    listening on 127.0.0.1 only, with its files under $DATAGEN_HOME (default ~/.cache/datagen).
    """


@neo4j.command()
@click.option("--timeout", default=120.0, show_default=True, help="Seconds to wait for Bolt to answer.")
@click.pass_context
def start(ctx: click.Context, timeout: float) -> None:
    """Start the local Neo4j, downloading its jars on first use.

    Does nothing if it runs already. The first start also generates a random password, stored
    in a file only you can read (see `datagen neo4j status`).
    """
    server, obj = _server(ctx)
    say = _announcer(obj.quiet)
    info = server.start(timeout=timeout, announce=say)
    click.echo(f"Neo4j {NEO4J_VERSION} running at {info.uri} (pid {info.pid})")
    click.echo(f"user {server.credentials()[0]}, password in {server.password_file}")
    if obj.settings.neo4j_uri:
        say(f"note: NEO4J_URI={obj.settings.neo4j_uri} is set, so other commands use that server instead")


@neo4j.command()
@click.option("--timeout", default=60.0, show_default=True, help="Seconds to wait before SIGKILL.")
@click.pass_context
def stop(ctx: click.Context, timeout: float) -> None:
    """Stop the local Neo4j (a clean shutdown; data is kept)."""
    server, _ = _server(ctx)
    click.echo("stopped" if server.stop(timeout=timeout) else "not running")


@neo4j.command()
@click.pass_context
def status(ctx: click.Context) -> None:
    """Show whether the local Neo4j runs, and its Bolt URI and files.

    Prints the Bolt URI, Browser URL, user, password FILE (never the password), pid, data
    folder and log.
    """
    server, obj = _server(ctx)
    st = server.status()
    rows = [
        ("state", "running" if st.running else ("stopped" if st.installed else "not installed")),
        ("version", NEO4J_VERSION),
        ("bolt", st.uri or "-"),
        ("browser", f"{st.browser_url} (Browser UI not bundled; HTTP API only)" if st.browser_url else "-"),
        ("user", st.user),
        ("password", f"in {st.password_file}"),
        ("pid", str(st.pid) if st.pid else "-"),
        ("data", str(st.data_dir)),
        ("log", str(st.log_path)),
    ]
    for key, value in rows:
        click.echo(f"{key:<9}{value}")
    if obj.settings.neo4j_uri:
        click.echo(f"note     NEO4J_URI={obj.settings.neo4j_uri} is set, so commands use that server, not this one")


def _announcer(quiet: bool) -> Callable[[str], None]:
    """Progress lines go to stderr (so stdout stays parseable) unless --quiet."""

    def say(message: str) -> None:
        if not quiet:
            click.echo(message, err=True)

    return say
