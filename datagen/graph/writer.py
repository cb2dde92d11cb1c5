"""Write the registry into Neo4j as a new catalog beside the one in use, then its FEEDS projection.

Reads: a `Registry`. Writes: `Category`, `Tool`, `Endpoint`, `Parameter`, `ResponseField` nodes with
`IN_CATEGORY`, `HAS_ENDPOINT`, `HAS_PARAM`, `RETURNS`; then `CAN_FILL` (pairs joined in Python,
`graph.rows`) and `FEEDS` computed in Cypher. Every node carries the key of its catalog (`catalog`):
a build never writes into the catalog `generate` reads, so a build that fails or is killed half-way
leaves the catalog that worked as it was. `switch_catalog` makes the new one current in one
transaction and `retire_other_catalogs` removes what is left of the others.
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
from datagen.db.run import read, write
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
                   registry: Registry, keys: dict[str, Any], progress: Progress | None) -> None:
    """Build one label's rows (only when its step runs) and write them in batches (`keys`: the
    query's other parameters, the build id and catalog among them)."""
    query = load(name)
    built = rows(registry)
    for start in range(0, len(built), BATCH):
        batch = list(built[start:start + BATCH])
        driver.execute_query(query.text, query.params(rows=batch, **keys), database_=database)
        if progress is not None:
            progress(name, min(start + BATCH, len(built)), len(built))


def _auto_commit(driver: Driver, database: str, name: str, **params: Any) -> None:
    """Run a `CALL {…} IN TRANSACTIONS` statement, which needs an auto-commit transaction."""
    query = load(name)
    with driver.session(database=database) as session:
        session.run(query.text, query.params(**params)).consume()


def write_start_keys(driver: Driver, database: str, catalog: str) -> None:
    """(Re)compute the samplers' start keys of a catalog from its FEEDS edges and flags (the build's
    last two steps, graph/mark_starts and graph/rank_starts)."""
    _auto_commit(driver, database, "graph/mark_starts", catalog=catalog)
    _auto_commit(driver, database, "graph/rank_starts", catalog=catalog)


def begin_catalog(driver: Driver, database: str, catalog: str, bid: str) -> None:
    """Note the catalog a build writes, and delete what earlier builds that failed left (never the
    catalog in use, never an endpoint a conversation calls)."""
    record = write(driver, database, load("graph/begin_catalog"), catalog=catalog, build_id=bid)[0]
    keep = [catalog] + ([str(record["current"])] if record["current"] is not None else [])
    _auto_commit(driver, database, "graph/delete_other_catalogs", keep=keep)


def switch_catalog(driver: Driver, database: str, catalog: str, bid: str) -> None:
    """Make `catalog` the one in use, in one transaction."""
    write(driver, database, load("graph/switch_catalog"), catalog=catalog, build_id=bid)


def retire_other_catalogs(driver: Driver, database: str, catalog: str) -> None:
    """After a switch: tool calls follow their endpoints into the catalog in use, and the other
    catalogs are deleted but for the endpoints still called whose ids are gone (kept, unreachable)."""
    _auto_commit(driver, database, "graph/move_calls", catalog=catalog)
    _auto_commit(driver, database, "graph/delete_other_catalogs", keep=[catalog])
    _auto_commit(driver, database, "graph/retire_endpoints", keep=[catalog])


def write_graph(driver: Driver, database: str, registry: Registry, catalog: str,
                progress: Progress | None = None, *, bid: str | None = None) -> dict[str, float]:
    """Write the registry as the new catalog `catalog` and its projection; returns seconds per step.

    The schema (`ensure_schema`) must exist: `graph.build` creates it before `begin_catalog`.
    `bid` is `build_id(registry)` when the caller has it already (hashing the full corpus takes a
    second). Raises `GraphError` on any database error: a half-written catalog is never switched to.
    """
    bid = build_id(registry) if bid is None else bid
    keys = {"build_id": bid, "catalog": catalog}
    batches: list[tuple[str, str, Callable[[Registry], list[R.Row]], dict[str, Any]]] = [
        ("categories", "graph/merge_categories", R.category_rows, keys),
        ("tools", "graph/merge_tools", R.tool_rows, keys),
        ("endpoints", "graph/merge_endpoints", R.endpoint_rows, keys),
        ("parameters", "graph/merge_parameters", R.parameter_rows, keys),
        ("response_fields", "graph/merge_response_fields", R.field_rows, keys),
        # CAN_FILL pairs are joined in Python (`graph.rows` says why)
        ("can_fill_same_tool", "graph/create_can_fill",
         partial(R.can_fill_same_tool_rows, per_field=CAN_FILL_PER_FIELD), keys | {"same_tool": True}),
        ("can_fill_cross_tool", "graph/create_can_fill",
         partial(R.can_fill_cross_tool_rows, per_field=CAN_FILL_PER_FIELD), keys | {"same_tool": False}),
    ]
    # Auto-commit statements, in order: derive the projection and the samplers' keys.
    projection: list[tuple[str, str, dict[str, Any]]] = [
        ("feeds", "graph/project_feeds", {"per_endpoint": FEEDS_PER_ENDPOINT} | keys),
        ("flags", "graph/mark_fillable", {"catalog": catalog}),
        ("starts", "graph/mark_starts", {"catalog": catalog}),
        ("start_keys", "graph/rank_starts", {"catalog": catalog}),
    ]
    # Rows are built when their step runs, so only one step's rows are in memory at a time.
    steps: list[tuple[str, Callable[[], None]]] = [(step, partial(_write_batches, driver, database, name, rows, registry, params, progress))
              for step, name, rows, params in batches]
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


def read_counts(driver: Driver, database: str, catalog: str) -> dict[str, dict[str, int]]:
    """A catalog's node counts per label and relationship counts per type, as the database reports them."""
    labels = read(driver, database, load("graph/count_labels"), catalog=catalog)[0]
    rels = read(driver, database, load("graph/count_relationships"), catalog=catalog)[0]
    return {"nodes": labels.data(), "relationships": rels.data()}


def read_feeds_coverage(driver: Driver, database: str, catalog: str) -> dict[str, Any]:
    """How many endpoints have outgoing, incoming, both and any FEEDS edges (`chain_share`: the share
    that takes part in some chain), in which categories, and FEEDS edges per scope."""
    record = read(driver, database, load("graph/feeds_coverage"), catalog=catalog)[0]
    data = record.data()
    data["categories_with_feeds"] = sorted(data["categories_with_feeds"])
    total = data["endpoints"] or 1
    data["chain_share"] = round(data["with_any"] / total, 4)
    data["both_share"] = round(data["with_both"] / total, 4)
    scopes = read(driver, database, load("graph/feeds_by_scope"), catalog=catalog)
    data["feeds_by_scope"] = {r["scope"]: r["edges"] for r in scopes}
    return data
