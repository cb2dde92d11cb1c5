"""Run loaded Cypher files on the one driver, and turn driver failures into datagen errors.

Why one helper: every stage reads and writes the graph, and each should (a) send reads with
`routing_=READ`, so a cluster serves them from a reader, and (b) fail with one line that says what
to do when the server goes away, instead of the driver's traceback. `read`/`write` take a `Query`
from `db.queries.load` (its `$params` checked by name); `graph_errors` wraps a whole stage run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from neo4j import Driver, Record, RoutingControl
from neo4j.exceptions import DriverError, Neo4jError

from datagen.db.queries import Query
from datagen.errors import GraphError, Neo4jUnavailable


def read(driver: Driver, database: str, query: Query, **params: Any) -> list[Record]:
    """The records of a read-only query, routed to a reader."""
    return driver.execute_query(query.text, query.params(**params), database_=database,
                                routing_=RoutingControl.READ).records


def write(driver: Driver, database: str, query: Query, **params: Any) -> list[Record]:
    """The records of a single-statement write (auto-retried by the driver, routed to the leader)."""
    return driver.execute_query(query.text, query.params(**params), database_=database,
                                routing_=RoutingControl.WRITE).records


_USERINFO = re.compile(r"(?P<scheme>[a-z][a-z0-9+.-]*://)[^/@\s]+@", re.IGNORECASE)


def redact(text: str) -> str:
    """`text` with any `user:password@` inside a URI replaced by `***@` (a URI may carry credentials)."""
    return _USERINFO.sub(r"\g<scheme>***@", text)


def reason(exc: BaseException) -> str:
    """The first line of an exception, short enough for a one-line error, credentials redacted."""
    full = redact(str(exc).strip()) or type(exc).__name__
    found = re.search(r"\(reason (.+)\)\s*$", full, re.MULTILINE)  # the driver's socket-level cause
    text = found.group(1) if found else full.splitlines()[0]
    return text if len(text) <= 120 else text[:117] + "..."


@contextmanager
def graph_errors(doing: str, what_to_do: str) -> Iterator[None]:
    """Re-raise the driver's errors met while `doing` as `Neo4jUnavailable` / `GraphError` with a fix-it hint.

    A `DriverError` (connection refused or lost, session expired) means the server went away; a
    `Neo4jError` is the server refusing a statement.
    """
    try:
        yield
    except DriverError as exc:
        raise Neo4jUnavailable(f"lost the connection to Neo4j while {doing} ({reason(exc)}): {what_to_do}") from exc
    except Neo4jError as exc:
        raise GraphError(f"Neo4j refused a statement while {doing} ({reason(exc)}): {what_to_do}") from exc
