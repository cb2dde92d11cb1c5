"""The registry view the offline judge checks records against: endpoints by id.

A record alone says which tool made a call (the part of its name before `::`), not which public
platform the tool wraps nor what each parameter and field means. With the registry view the judge's
`scope_crossing` gate uses the same link rule as the graph (`registry.scope.may_link`: two tools that
wrap one platform are one service), and `wrong_type` also checks outputs against declared types.

Where it comes from: `registry.json` of `datagen build` (`datagen evaluate --registry`), or the graph
(`generate --evaluate`, and `evaluate` with a server) for the endpoints the records call. Without
either the judge falls back to the record alone.
"""

from __future__ import annotations

import logging
from pathlib import Path

from neo4j import Driver
from pydantic import ValidationError

from datagen.core.record import RecordDict as Record
from datagen.errors import ConfigError, GraphError, InputError
from datagen.registry.models import Endpoint, Registry
from datagen.sampler.endpoints import EndpointCache

log = logging.getLogger(__name__)



def endpoints_from_file(path: Path) -> dict[str, Endpoint]:
    """Every endpoint of a `registry.json`; a missing or foreign file says how to get a good one."""
    if not path.is_file():
        raise ConfigError(f"no registry at {path}: run `datagen build` (it writes artifacts/registry.json) "
                          "or pass --registry PATH")
    try:
        return Registry.model_validate_json(path.read_bytes()).endpoint_index()
    except ValidationError as exc:
        raise InputError(str(path), "$", f"not a datagen registry.json ({exc.errors()[0]['msg']}); "
                                         "rerun `datagen build`") from exc


def called_endpoints(records: list[Record]) -> list[str]:
    """The endpoint ids the records call, once each, in first-seen order."""
    ids = [str(c.get("name")) for r in records for c in r.get("tool_calls") or [] if isinstance(c, dict)]
    return list(dict.fromkeys(ids))


def endpoints_from_graph(driver: Driver, database: str, records: list[Record]) -> dict[str, Endpoint] | None:
    """The endpoints the records call, read from the graph; None when the graph lacks some of them.

    A dataset from another build is still judged, on the record alone (with a warning), rather than
    against a registry view that would call its endpoints unknown.
    """
    try:
        return EndpointCache(driver, database).get_many(called_endpoints(records))
    except GraphError as exc:
        log.warning("judging on the records alone: %s", exc)
        return None
