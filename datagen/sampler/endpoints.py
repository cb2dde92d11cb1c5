"""Read endpoints back from the graph as registry models, with a per-run cache.

The generator never reads raw ToolBench JSON: the graph written by `build` is the registry of record,
so what a conversation calls is exactly what the graph holds.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from neo4j import Driver

from datagen.db.queries import load
from datagen.db.run import read
from datagen.errors import GraphError
from datagen.registry.models import Endpoint, FieldSource, Parameter, ParamType, ResponseField


def _parameter(props: dict[str, Any]) -> Parameter:
    default_json = props.get("default_json")
    return Parameter(
        name=props["name"], type=ParamType(props["type"]), raw_type=props.get("raw_type"),
        required=bool(props["required"]), description=props.get("description") or "",
        default=None if default_json is None else json.loads(default_json),
        enum=props.get("enum"), concept=props["concept"], control=bool(props.get("control")),
    )


def _field(props: dict[str, Any]) -> ResponseField:
    return ResponseField(
        path=props["path"], name=props["name"], type=ParamType(props["type"]),
        description=props.get("description") or "", concept=props["concept"],
        source=FieldSource(props["source"]), inferred=bool(props.get("inferred")),
    )


def current_catalog(driver: Driver, database: str) -> str | None:
    """The key of the catalog in use (`graph.writer.switch_catalog`), None before any build finished."""
    record = read(driver, database, load("sampler/current_catalog"))[0]
    return None if record["catalog"] is None else str(record["catalog"])


class EndpointCache:
    """Endpoints by id, fetched from Neo4j in batches and kept for the run.

    `catalog`: the catalog to read (default: the one in use when the cache is made), so a build that
    switches catalogs during a run does not change what the run reads.
    """

    def __init__(self, driver: Driver, database: str, catalog: str | None = None) -> None:
        self.driver = driver
        self.database = database
        self.catalog = catalog if catalog is not None else current_catalog(driver, database)
        self._cache: dict[str, Endpoint] = {}

    def get_many(self, ids: Iterable[str]) -> dict[str, Endpoint]:
        """The endpoints with these ids; `GraphError` if the graph lacks any of them."""
        wanted = sorted(set(ids))
        missing = [i for i in wanted if i not in self._cache]
        if missing:
            query = load("sampler/endpoint_details")
            records = read(self.driver, self.database, query, ids=missing, catalog=self.catalog)
            for record in records:
                e = record["endpoint"]
                self._cache[e["id"]] = Endpoint(
                    id=e["id"], tool_id=e["tool_id"], slug=e["slug"], name=e["name"],
                    description=e.get("description") or "", method=e.get("method") or "GET",
                    url=e.get("url") or "", category=e["category"], rk=e["rk"],
                    platform=e.get("platform") or "", tool_summary=e.get("tool_summary") or "",
                    realisability=float(e.get("realisability") or 0.0),
                    parameters=[_parameter(p) for p in record["params"]],
                    response_fields=[_field(f) for f in record["fields"]],
                )
            absent = [i for i in missing if i not in self._cache]
            if absent:
                raise GraphError(f"endpoints missing from the graph: {absent[:5]} (rebuild with `datagen build`)")
        return {i: self._cache[i] for i in wanted}
