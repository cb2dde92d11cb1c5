"""`datagen query NAME`: run a named analytics query on the graph and print its rows.

The queries are the files in `cypher/analytics/`; the logic lives in `datagen.analytics`, this
module only parses `--param` pairs and prints (a rich table, JSON or CSV).
"""

from __future__ import annotations

import json
import os
import sys

import click
from rich.console import Console
from rich.table import Table

from datagen.analytics.catalog import (
    browser_params_line,
    get_analytics,
    list_analytics,
    resolve_params,
)
from datagen.analytics.run import QueryResult, cell_text, run_analytics, to_csv, to_json
from datagen.cli.context import Context
from datagen.cli.options import neo4j_uri_option
from datagen.errors import QueryError


def _pairs(values: tuple[str, ...]) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for item in values:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise QueryError(f"--param {item!r}: write it as KEY=VALUE, e.g. --param limit=10")
        for part, text in (("name", key), ("value", value)):
            if not _utf8(text):
                raise QueryError(f"--param {_shown(key.strip())}: its {part} holds bytes that are not UTF-8 text "
                                 f"({_shown(text)}); pass it in UTF-8")
        pairs[key.strip()] = value
    return pairs


def _utf8(text: str) -> bool:
    """False for text holding lone surrogates: bytes of a non-UTF-8 argv that Python kept as escapes.

    Why: the Bolt driver encodes every string as UTF-8 and fails with a traceback on them.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _shown(text: str) -> str:
    """Printable on any terminal: undecodable bytes as `\\xNN`, as the user typed them."""
    try:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    except UnicodeError:  # a surrogate no argv byte makes
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _console() -> Console:
    """Full width on a terminal; wide and uncoloured when piped, so rows are not squeezed."""
    if sys.stdout.isatty():
        return Console()
    return Console(width=200, color_system=None)


def _print_list(fmt: str) -> None:
    queries = list_analytics()
    if fmt == "json":
        click.echo(json.dumps([{"name": q.name, "description": q.description,
                                "params": [{"name": p.name, "type": p.type_name, "default": p.default,
                                            "description": p.description} for p in q.params]}
                               for q in queries], indent=2))
        return
    width = max(len(q.name) for q in queries)
    for q in queries:
        click.echo(f"{q.name:<{width}}  {q.summary}")
        for p in q.params:
            click.echo(f"{'':<{width}}    --param {p.name}={json.dumps(p.default)}  ({p.type_name}) {p.description}")


def _print_table(result: QueryResult) -> None:
    if not result.rows:
        click.echo(f"{result.name}: no rows", err=True)
        return
    table = Table(*result.columns, title=result.name, title_justify="left")
    for row in result.rows:
        table.add_row(*(cell_text(row[c]) for c in result.columns))
    _console().print(table)


@click.command()
@click.argument("name", required=False)
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE",
              help="Set a query parameter (repeatable); typed like its default (see --list).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True,
              help="table (rich), json (a list of objects) or csv (with a header row).")
@click.option("--list", "show_list", is_flag=True, help="List the queries, what each answers, and their parameters.")
@click.option("--show", is_flag=True, help="Print the Cypher and the Browser ':params' line instead of running it.")
@neo4j_uri_option
@click.pass_context
def query(ctx: click.Context, name: str | None, params: tuple[str, ...], fmt: str, show_list: bool,
          show: bool) -> None:
    """Run a named analytics query from cypher/analytics/ and print its rows.

    Coverage by category, tool and endpoint; unused endpoints and FEEDS edges; frequent chains and
    pattern types; one conversation's lineage; grounding and fallback by tool; judge failures by gate
    and tool; runs compared. Parameters have defaults (see --list); override them with
    --param KEY=VALUE, e.g. `datagen query conversation_lineage --param conversation_id=conv_42_0001`.
    """
    if show_list:
        _print_list(fmt)
        return
    if name is None:
        raise click.UsageError("give a query NAME, or --list to see them")
    if show:
        analytics = get_analytics(name)
        if analytics.params:
            click.echo(f"{browser_params_line(analytics.params)}\n")
        click.echo(analytics.query.text.rstrip())
        return
    given = _pairs(params)
    resolve_params(get_analytics(name), given)  # a bad name or --param fails before connecting
    obj = ctx.find_object(Context)
    if obj is None:
        raise click.UsageError("run through the `datagen` group")
    result = run_analytics(obj.driver(), obj.database, name, given)
    if fmt == "json":
        click.echo(to_json(result))
    elif fmt == "csv":
        click.echo(to_csv(result), nl=False)
    else:
        _print_table(result)
