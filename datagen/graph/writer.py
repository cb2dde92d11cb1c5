"""Write the registry into Neo4j as the heterogeneous graph, then materialise the FEEDS projection.

Reads: a `Registry`. Writes: `Category`, `Tool`, `Endpoint`, `Parameter`, `ResponseField` nodes with
`IN_CATEGORY`, `HAS_ENDPOINT`, `HAS_PARAM`, `RETURNS`; then `CAN_FILL` (cross-tool pairs joined in
Python) and `FEEDS` computed in Cypher.
A rebuild is idempotent: nodes and edges are MERGEd by stable id and stamped with the build id (a
hash of the registry), and whatever an earlier, different build left behind is deleted afterwards.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from neo4j import Driver
from neo4j.exceptions import Neo4jError

from datagen.db.queries import load, load_script
from datagen.db.run import read
from datagen.errors import GraphError
from datagen.graph import rows as R
from datagen.registry.models import Registry

log = logging.getLogger(__name__)

BATCH = 5000
CAN_FILL_PER_FIELD = 6
FEEDS_PER_ENDPOINT = 12

Progress = Callable[[str, int, int], None]


# Values the registry derives from its own content (scores, provenance notes, counts): the id hashes
# the tools, endpoints and fields, so rewording a note or reweighting a score does not make a new build.
_DERIVED: dict[str, Any] = {
    "observed_counts": True,
    "tools": {"__all__": {"endpoints": {"__all__": {"shape_source", "realisability"}}}},
}


def build_id(registry: Registry) -> str:
    """A content hash of the registry: the same input gives the same id on any machine."""
    return hashlib.sha256(registry.model_dump_json(exclude=_DERIVED).encode()).hexdigest()[:16]


def ensure_schema(driver: Driver, database: str) -> None:
    """Create the constraints and indexes of `cypher/schema.cypher` (idempotent) and wait for them."""
    try:
        for statement in load_script("schema"):
            driver.execute_query(statement, database_=database)
        driver.execute_query(load("admin/await_indexes").text, database_=database)
    except Neo4jError as exc:
        raise GraphError(f"could not create the schema: {exc.message}") from exc


def _write_batches(driver: Driver, database: str, name: str, rows: Callable[[Registry], Sequence[R.Row]],
                   registry: Registry, bid: str, progress: Progress | None) -> None:
    """Build one label's rows (only when its step runs) and write them in batches."""
    query = load(name)
    built = rows(registry)
    for start in range(0, len(built), BATCH):
        batch = list(built[start:start + BATCH])
        driver.execute_query(query.text, query.params(rows=batch, build_id=bid), database_=database)
        if progress is not None:
            progress(name, min(start + BATCH, len(built)), len(built))


def _auto_commit(driver: Driver, database: str, name: str, **params: Any) -> None:
    """Run a `CALL {…} IN TRANSACTIONS` statement, which needs an auto-commit transaction."""
    query = load(name)
    with driver.session(database=database) as session:
        session.run(query.text, query.params(**params)).consume()


def write_start_keys(driver: Driver, database: str) -> None:
    """(Re)compute the samplers' start keys from the graph's FEEDS edges and flags (the build's last
    two steps, graph/mark_starts and graph/rank_starts)."""
    _auto_commit(driver, database, "graph/mark_starts")
    _auto_commit(driver, database, "graph/rank_starts")


def write_graph(driver: Driver, database: str, registry: Registry,
                progress: Progress | None = None, *, bid: str | None = None) -> dict[str, float]:
    """Write the registry and its projection; returns seconds spent per step.

    `bid` is `build_id(registry)` when the caller has it already (hashing the full corpus takes a
    second). Raises `GraphError` on any database error: a half-written graph is never reported as built.
    """
    bid = build_id(registry) if bid is None else bid
    batches: list[tuple[str, str, Callable[[Registry], list[R.Row]]]] = [
        ("categories", "graph/merge_categories", R.category_rows),
        ("tools", "graph/merge_tools", R.tool_rows),
        ("endpoints", "graph/merge_endpoints", R.endpoint_rows),
        ("parameters", "graph/merge_parameters", R.parameter_rows),
        ("response_fields", "graph/merge_response_fields", R.field_rows),
    ]
    # Auto-commit statements, in order: clean up what an earlier build left, then derive the projection.
    cleanup: list[tuple[str, str, dict[str, Any]]] = [
        ("stale_edges", "graph/delete_stale_edges", {"build_id": bid}),
        ("stale_nodes", "graph/delete_stale_nodes", {"build_id": bid}),
        ("derived_reset", "graph/delete_derived_edges", {}),
        ("can_fill_same_tool", "graph/compute_can_fill_same_tool", {"per_field": CAN_FILL_PER_FIELD, "build_id": bid}),
    ]
    projection: list[tuple[str, str, dict[str, Any]]] = [
        ("feeds", "graph/project_feeds", {"per_endpoint": FEEDS_PER_ENDPOINT, "build_id": bid}),
        ("flags", "graph/mark_fillable", {}),
        ("starts", "graph/mark_starts", {}),
        ("start_keys", "graph/rank_starts", {}),
    ]
    steps: list[tuple[str, Callable[[], None]]] = [("schema", lambda: ensure_schema(driver, database))]
    # Rows are built when their step runs, so only one label's rows are in memory at a time.
    steps += [(step, partial(_write_batches, driver, database, name, rows, registry, bid, progress))
              for step, name, rows in batches]
    steps += [(step, partial(_auto_commit, driver, database, name, **params)) for step, name, params in cleanup]
    # Cross-tool CAN_FILL is joined in Python (`rows.can_fill_cross_tool_rows` says why), after the reset.
    steps.append(("can_fill_cross_tool", partial(
        _write_batches, driver, database, "graph/create_can_fill_cross_tool",
        partial(R.can_fill_cross_tool_rows, per_field=CAN_FILL_PER_FIELD), registry, bid, progress)))
    steps += [(step, partial(_auto_commit, driver, database, name, **params)) for step, name, params in projection]
    timings: dict[str, float] = {}
    for name, step in steps:
        started = time.perf_counter()
        try:
            step()
        except Neo4jError as exc:
            raise GraphError(f"graph build failed at step {name!r}: {exc.message}") from exc
        timings[name] = time.perf_counter() - started
        log.info("graph step %s: %.2fs", name, timings[name])
        if progress is not None:
            progress(name, 1, 1)
    return timings


def read_counts(driver: Driver, database: str) -> dict[str, dict[str, int]]:
    """Node counts per label and relationship counts per type, as the database reports them."""
    labels = read(driver, database, load("graph/count_labels"))[0]
    rels = read(driver, database, load("graph/count_relationships"))[0]
    return {"nodes": labels.data(), "relationships": rels.data()}


def read_feeds_coverage(driver: Driver, database: str) -> dict[str, Any]:
    """How many endpoints have outgoing, incoming, both and any FEEDS edges (`chain_share`: the share
    that takes part in some chain), in which categories, and FEEDS edges per scope."""
    record = read(driver, database, load("graph/feeds_coverage"))[0]
    data = record.data()
    data["categories_with_feeds"] = sorted(data["categories_with_feeds"])
    total = data["endpoints"] or 1
    data["chain_share"] = round(data["with_any"] / total, 4)
    data["both_share"] = round(data["with_both"] / total, 4)
    scopes = read(driver, database, load("graph/feeds_by_scope"))
    data["feeds_by_scope"] = {r["scope"]: r["edges"] for r in scopes}
    return data
