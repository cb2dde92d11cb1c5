"""Options and progress helpers shared by the commands."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from datagen.cli.context import Context
from datagen.realiser.anthropic_realiser import DEFAULT_REALISER_MODEL

F = TypeVar("F", bound=Callable[..., Any])


def _set_uri(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    obj = ctx.find_object(Context)
    if value and obj is not None:
        obj.settings = obj.settings.model_copy(update={"neo4j_uri": value})


def neo4j_uri_option(func: F) -> F:
    """`--neo4j-uri` on a subcommand: overrides the group's setting for that command."""
    return click.option(
        "--neo4j-uri", default=None, expose_value=False, callback=_set_uri,
        help="Bolt URI of an existing Neo4j (default: NEO4J_URI, else the managed local server).",
    )(func)


def realiser_model_option(flag: str) -> Callable[[F], F]:
    """`--realiser-model`, declared once for the commands that have a Claude model write (`flag`: the
    option that turns it on, named in the help)."""
    def decorate(func: F) -> F:
        return click.option("--realiser-model", default=DEFAULT_REALISER_MODEL, show_default=True,
                            help=f"Model for {flag} anthropic.")(func)
    return decorate


@contextmanager
def progress_bar(console: Console, quiet: bool) -> Iterator[Callable[[str, int, int], None]]:
    """A rich progress display fed by `advance(step, done, total)` callbacks from the stages."""
    if quiet:
        yield lambda _step, _done, _total: None
        return
    with Progress(TextColumn("{task.description:<32}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console, transient=True) as progress:
        tasks: dict[str, TaskID] = {}

        def advance(step: str, done: int, total: int) -> None:
            if step not in tasks:
                tasks[step] = progress.add_task(step, total=total)
            progress.update(tasks[step], completed=done, total=total)

        yield advance
