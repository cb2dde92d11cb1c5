"""The `datagen` command group.

The group builds the settings once into a `Context` (`cli.context`); commands that need the graph
ask `Context.driver()`, which opens one driver per process (auto-starting the managed local Neo4j
when no URI is configured) and closes it when the command ends. Library errors (`DatagenError`) become one-line `ClickException`s here and
nowhere else.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

import click

from datagen.cli.build import build
from datagen.cli.context import Context
from datagen.cli.evaluate import evaluate
from datagen.cli.export import export
from datagen.cli.generate import generate
from datagen.cli.inspect import inspect
from datagen.cli.metrics import metrics
from datagen.cli.neo4j_cmd import neo4j
from datagen.cli.query import query
from datagen.cli.report import report
from datagen.cli.validate import validate
from datagen.config import Settings
from datagen.db.run import redact
from datagen.errors import DatagenError


class DatagenGroup(click.Group):
    """A click group that shows `DatagenError`s as one clean line instead of a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DatagenError as exc:
            raise click.ClickException(redact(str(exc))) from exc  # a URI in a message may carry a password


@click.group(cls=DatagenGroup)
@click.option("--neo4j-uri", envvar="NEO4J_URI", default=None, help="Bolt URI of an existing Neo4j (default: the managed local server).")
@click.option("--quiet", is_flag=True, help="No progress bars or status lines.")
@click.option("--log-level", default="WARNING", show_default=True, help="Python logging level for library messages.")
@click.version_option(package_name="datagen")
@click.pass_context
def cli(ctx: click.Context, neo4j_uri: str | None, quiet: bool, log_level: str) -> None:
    """Build a Neo4j tool graph from ToolBench files and generate grounded tool-use conversations."""
    logging.basicConfig(level=log_level.upper(), stream=sys.stderr, format="%(message)s")
    # The driver logs each retry and each dropped connection; the command ends with one
    # line saying what to do instead (see datagen.db.run.graph_errors). --log-level DEBUG shows them.
    if log_level.upper() != "DEBUG":
        logging.getLogger("neo4j").setLevel(logging.CRITICAL)
    settings = Settings()
    if neo4j_uri:
        settings = settings.model_copy(update={"neo4j_uri": neo4j_uri})
    obj = Context(settings, quiet)
    ctx.obj = obj
    ctx.call_on_close(obj.close)


for command in (build, generate, evaluate, validate, metrics, inspect, neo4j, query, export, report):
    cli.add_command(command)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="datagen")
