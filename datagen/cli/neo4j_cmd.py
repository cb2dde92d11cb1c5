"""`datagen neo4j start|stop|status|guide`: the local Neo4j that datagen runs without Docker, and the
Browser guide.

The logic lives in `datagen.db.local_server`; these commands only print. The password is never
printed: `status` names the 0600 file that holds it.
"""

from __future__ import annotations

import signal
from collections.abc import Callable

import click

from datagen.browser.server import GuideServer
from datagen.cli.context import Context
from datagen.config import NEO4J_VERSION
from datagen.db.local_server import LocalServer
from datagen.db.run import redact


def _server(ctx: click.Context) -> tuple[LocalServer, Context]:
    obj = ctx.find_object(Context)
    if obj is None:
        raise click.UsageError("run through the `datagen` group")
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
        say(f"note: NEO4J_URI={redact(obj.settings.neo4j_uri)} is set, so other commands use that server instead")


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
        ("browser", _browser_row(server)),
        ("user", st.user),
        ("password", f"in {st.password_file}"),
        ("pid", str(st.pid) if st.pid else "-"),
        ("data", str(st.data_dir)),
        ("log", str(st.log_path)),
    ]
    for key, value in rows:
        click.echo(f"{key:<9}{value}")
    if st.problem:
        click.echo(f"problem  {st.problem}")
    click.echo("guide    run 'datagen neo4j guide' and paste the ':guide …' line it prints into Browser")
    if obj.settings.neo4j_uri:
        click.echo(f"note     NEO4J_URI={redact(obj.settings.neo4j_uri)} is set, so commands use that server, not this one")


def _browser_row(server: LocalServer) -> str:
    """The Browser URL, or why there is none (checked with one HTTP request to the server)."""
    info = server.running()
    if info is None:
        return "-"
    if server.browser_served(info):
        return f"{info.browser_url} (connect to {info.uri} as neo4j, password from the file below)"
    if server.browser_jar() is not None:
        return f"{info.browser_url} not served yet: restart ('datagen neo4j stop', then 'start') to load the Browser jar"
    return f"{info.browser_url} not served: no Browser jar (stop and start again to fetch it; needs mvn)"


@neo4j.command()
@click.option("--port", default=0, show_default=True, type=click.IntRange(0, 65535),
              help="Port on 127.0.0.1, 0 to 65535 (0 = a free one).")
@click.pass_context
def guide(ctx: click.Context, port: int) -> None:
    """Serve the datagen guide for Neo4j Browser until Ctrl-C.

    Prints a ':guide http://localhost:PORT/guide.html' line: paste it into the Browser editor to
    get slides on the schema, one tool's FEEDS edges, one conversation's grounding chain as a
    picture, and the coverage queries. The page is served with CORS on 127.0.0.1 only.
    """
    server, _ = _server(ctx)
    try:
        guide_server = GuideServer(port=port)
    except OSError as exc:
        raise click.ClickException(f"cannot serve the guide on 127.0.0.1:{port} ({exc}): try another --port") from exc
    info = server.running()
    if info is not None:
        click.echo(f"Neo4j Browser: {info.browser_url}")
    click.echo(f"paste into Browser:  {guide_server.command}")
    click.echo("serving the guide; Ctrl-C to stop", err=True)
    _stop_on_interrupt_or_term()
    try:
        guide_server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        guide_server.close()


def _stop_on_interrupt_or_term() -> None:
    """Make Ctrl-C (SIGINT) and `kill` (SIGTERM) end `guide` cleanly, exit status 0.

    Why: a command started in the background by a non-interactive shell (`datagen neo4j guide &` in a
    script) inherits SIGINT ignored, and Python then never raises KeyboardInterrupt, so the server
    could only be killed; SIGTERM would end it without closing the socket.
    """

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, interrupt)
    signal.signal(signal.SIGTERM, interrupt)


def _announcer(quiet: bool) -> Callable[[str], None]:
    """Progress lines go to stderr (so stdout stays parseable) unless --quiet."""

    def say(message: str) -> None:
        if not quiet:
            click.echo(message, err=True)

    return say
