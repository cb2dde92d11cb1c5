"""Neo4j values to plain JSON-able Python values.

Why: `datagen query --format json|csv` and the tests want lists of dicts of str/int/float/bool/None,
but the driver returns `Node`, `Relationship`, `Path`, temporal and spatial types. Nodes become
their properties plus `_labels` (and `_id`, the element id), relationships their properties plus
`_type`, paths `{nodes, relationships}`, temporals ISO-8601 text, points `{srid, x, y[, z]}`.
Non-finite floats become None, since JSON has no NaN.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from neo4j.graph import Node, Path, Relationship
from neo4j.spatial import Point
from neo4j.time import Date, DateTime, Duration, Time

JsonValue = Any


def to_jsonable(value: Any) -> JsonValue:
    """Convert one value returned by the driver (recursively)."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Node):
        return {"_id": value.element_id, "_labels": sorted(value.labels),
                **{k: to_jsonable(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"_id": value.element_id, "_type": value.type,
                "_start": value.start_node.element_id if value.start_node is not None else None,
                "_end": value.end_node.element_id if value.end_node is not None else None,
                **{k: to_jsonable(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return {"nodes": [to_jsonable(n) for n in value.nodes],
                "relationships": [to_jsonable(r) for r in value.relationships]}
    if isinstance(value, DateTime | Date | Time):
        return value.iso_format()
    if isinstance(value, Duration):
        return str(value)
    if isinstance(value, Point):
        keys = ("x", "y", "z")[: len(value)]
        return {"srid": value.srid, **{k: to_jsonable(v) for k, v in zip(keys, value, strict=False)}}
    if isinstance(value, bytes | bytearray):
        return value.hex()
    if isinstance(value, Mapping):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    return str(value)
