"""Run a named analytics query and return its rows as plain values; format them as JSON or CSV.

Reads only (a READ transaction): the catalog (`Category`, `Tool`, `Endpoint`, `FEEDS`), the
conversations written back by `generate` (`Run`, `Conversation`, `Message`, `ToolCall`,
`GROUNDED_FROM`) and the judge scores (`JudgeScore`). Server notifications (an unknown property on an
empty database, nulls skipped by `avg`) are switched off: they are expected here and would only
clutter the output.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any

from neo4j import READ_ACCESS, Driver, ManagedTransaction, NotificationMinimumSeverity
from neo4j.exceptions import DriverError, Neo4jError

from datagen.analytics.catalog import get_analytics, resolve_params
from datagen.analytics.values import JsonValue, to_jsonable
from datagen.errors import Neo4jUnavailable, QueryError


@dataclass(frozen=True)
class QueryResult:
    """The rows of one analytics query, with the column order the query returns."""

    name: str
    params: dict[str, Any]
    columns: list[str]
    rows: list[dict[str, JsonValue]]


def run_analytics(driver: Driver, database: str, name: str, given: dict[str, str] | None = None,
                  typed: dict[str, Any] | None = None) -> QueryResult:
    """Run `cypher/analytics/<name>.cypher` with its defaults, overridden by `given`/`typed` params.

    `given` holds command-line strings (typed by each default's type), `typed` Python values.
    """
    query = get_analytics(name)
    params = resolve_params(query, given, typed)

    def work(tx: ManagedTransaction) -> tuple[list[str], list[list[Any]]]:
        result = tx.run(query.query.text, params)
        return list(result.keys()), [list(record.values()) for record in result]

    try:
        with driver.session(database=database, default_access_mode=READ_ACCESS,
                            notifications_min_severity=NotificationMinimumSeverity.OFF) as session:
            columns, values = session.execute_read(work)
    except Neo4jError as exc:
        raise QueryError(f"query {name} failed: {exc.message or exc}") from exc
    except DriverError as exc:
        raise Neo4jUnavailable(f"query {name}: lost the connection to Neo4j ({exc})") from exc
    rows = [{column: to_jsonable(value) for column, value in zip(columns, row, strict=True)} for row in values]
    return QueryResult(name=name, params=params, columns=columns, rows=rows)


def cell_text(value: JsonValue) -> str:
    """One value as table/CSV text: scalars as they print, lists and maps as compact JSON."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def to_json(result: QueryResult) -> str:
    """A JSON array with one object per row (keys in column order)."""
    return json.dumps(result.rows, ensure_ascii=False, indent=2)


def to_csv(result: QueryResult) -> str:
    """CSV with a header row; nested values are compact JSON in their cell."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(result.columns)
    for row in result.rows:
        writer.writerow([cell_text(row[column]) for column in result.columns])
    return buffer.getvalue()
