"""Flatten the registry into the parameter rows the graph's MERGE queries take.

Neo4j properties cannot hold maps or mixed lists, so defaults are stored as JSON text. `linkable`,
`confidence`, `scope` and `link_keys` are decided here, once: a field and a parameter of two tools may
link when their concepts are equal and their `link_keys` meet, which is exactly
`registry.scope.may_link`. The CAN_FILL pairs are joined here too, inside one tool
(`can_fill_same_tool_rows`) and across tools (`can_fill_cross_tool_rows`).
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from datagen.registry.linking import linkable
from datagen.registry.models import Endpoint, FieldSource, Registry
from datagen.registry.naming import plain_name, slug, snake
from datagen.registry.realisability import is_askable, shared_descriptions
from datagen.registry.scope import concept_scope, source_keys, target_keys

Row = dict[str, Any]

# How sure a link from a field is, by where the field came from: a schema is the API's word, an example or
# an observed answer real keys without their meaning, a borrowed or inferred field a guess.
CONFIDENCE = {FieldSource.SCHEMA: 1.0, FieldSource.EXAMPLE: 0.9, FieldSource.OBSERVED: 0.9,
              FieldSource.BORROWED: 0.6, FieldSource.INFERRED: 0.6}


def category_rows(registry: Registry) -> list[Row]:
    return [{"id": c.id, "name": c.name} for c in registry.categories]


def tool_rows(registry: Registry) -> list[Row]:
    return [
        {
            "id": t.id,
            "category_id": slug(t.category),
            "props": {
                "name": t.name, "title": t.title, "description": t.description, "host": t.host,
                "category": t.category, "platform": t.platform, "source_file": t.source_file, "rk": t.rk,
                "endpoint_count": len(t.endpoints),
            },
        }
        for t in registry.tools
    ]


def endpoint_rows(registry: Registry) -> list[Row]:
    shared = shared_descriptions(registry)
    return [
        {
            "id": e.id,
            "tool_id": e.tool_id,
            "props": {
                "tool_id": e.tool_id, "slug": e.slug, "name": e.name, "description": e.description,
                "method": e.method, "url": e.url, "category": e.category, "platform": e.platform,
                "tool_summary": e.tool_summary, "rk": e.rk,
                "param_count": len(e.parameters),
                "required_count": sum(1 for p in e.parameters if p.required),
                "field_count": len(e.response_fields),
                # a documented shape with nothing found in it (realisability 0) is no documentation
                # either: the samplers' default leaves both out
                "inferred_fields": any(f.inferred for f in e.response_fields) or e.realisability == 0.0,
                "plain_name": plain_name(e.name),
                "askable": is_askable(e, shared),
                "shape_source": e.shape_source, "realisability": e.realisability,
            },
        }
        for e in registry.endpoints()
    ]


def _param_rows(e: Endpoint) -> list[Row]:
    return [
        {
            "id": member_id(e, p.name),
            "endpoint_id": e.id,
            "required": p.required,
            "props": {
                "name": p.name, "name_norm": snake(p.name), "type": p.type.value, "raw_type": p.raw_type,
                "required": p.required, "description": p.description,
                "default_json": None if p.default is None else json.dumps(p.default, ensure_ascii=False),
                "enum": p.enum, "concept": p.concept, "control": p.control,
                "linkable": not p.control and linkable(p.concept), "scope": concept_scope(p.concept).value,
                "link_keys": target_keys(p.concept, e, p.required and not p.control),
                "endpoint_id": e.id, "tool_id": e.tool_id, "rk": member_rk(e, p.name), "pos": pos,
            },
        }
        for pos, p in enumerate(e.parameters)
    ]


def parameter_rows(registry: Registry) -> list[Row]:
    return [row for e in registry.endpoints() for row in _param_rows(e)]


def field_rows(registry: Registry) -> list[Row]:
    return [
        {
            "id": member_id(e, f.path),
            "endpoint_id": e.id,
            "props": {
                "path": f.path, "name": f.name, "name_norm": snake(f.name), "type": f.type.value,
                "description": f.description, "concept": f.concept, "source": f.source.value,
                "shape_source": e.shape_source,
                "inferred": f.inferred, "confidence": CONFIDENCE[f.source],
                "linkable": linkable(f.concept), "scope": concept_scope(f.concept).value,
                "link_keys": source_keys(f.concept, e), "endpoint_id": e.id, "tool_id": e.tool_id,
                "rk": member_rk(e, f.path), "pos": pos,
            },
        }
        for e in registry.endpoints()
        for pos, f in enumerate(e.response_fields)
    ]


def member_id(e: Endpoint, key: str) -> str:
    """The node id of an endpoint's parameter (`key`: its name) or response field (its path)."""
    return f"{e.id}#{key}"


def member_rk(e: Endpoint, key: str) -> int:
    """The rank key of an endpoint's parameter or response field: the endpoint's, mixed with `key`."""
    return e.rk ^ hash_path(key)


def hash_path(path: str) -> int:
    """A small stable integer per field path, mixed into the endpoint's rank key."""
    value = 0
    for char in path.encode("utf-8"):
        value = (value * 131 + char) % 1_000_003
    return value


def can_fill_cross_tool_rows(registry: Registry, per_field: int) -> list[Row]:
    """(ResponseField)-[:CAN_FILL {score}]->(Parameter) across tools, as rows `{field_id, param_id, score}`.

    A field and a parameter of two tools meet when their concepts are equal and their link keys share
    one (`registry.scope.may_link`). A (concept, key) bucket can hold thousands of parameters, so each
    field takes `per_field` of them at evenly spaced positions of the bucket (ordered by rank key, then
    id) from an offset given by its own rank key: linear work, deterministic, spread over the whole
    bucket rather than its head. Joined here, not in Cypher: the server could only find a bucket's
    fields by concept and then test each field's key list, once per bucket, and that scan was most of
    the full build (64 s of 122 s on a rebuild). A pair that meets through two keys is one edge.
    """
    buckets: dict[tuple[str, str], list[tuple[int, str, str, str]]] = defaultdict(list)
    for e in registry.endpoints():
        for p in e.parameters:
            if p.control or not linkable(p.concept):
                continue
            entry = (member_rk(e, p.name), member_id(e, p.name), e.tool_id, snake(p.name))
            for key in target_keys(p.concept, e, p.required):
                buckets[(p.concept, key)].append(entry)
    for bucket in buckets.values():
        bucket.sort(key=lambda entry: (entry[0], entry[1]))
    scores: dict[tuple[str, str], float] = {}
    for e in registry.endpoints():
        for f in e.response_fields:
            if not linkable(f.concept):
                continue
            rk, field_id, name_norm = member_rk(e, f.path), member_id(e, f.path), snake(f.name)
            for key in dict.fromkeys(source_keys(f.concept, e)):
                params = buckets.get((f.concept, key))
                if not params:
                    continue
                n = len(params)
                for i in range(min(n, per_field)):
                    _, param_id, tool_id, param_name = params[(rk + i * (n // per_field + 1)) % n]
                    if tool_id != e.tool_id and (field_id, param_id) not in scores:
                        scores[(field_id, param_id)] = CONFIDENCE[f.source] * (1.0 if param_name == name_norm else 0.85)
    return [{"field_id": f, "param_id": p, "score": score} for (f, p), score in scores.items()]


_MOD = 2_147_483_647  # the tie-break hash of the pairs: (p.rk * 48271 + f.rk) mod (2^31 - 1)


def _rotation(params: list[tuple[int, str, str]], rk: int) -> Iterator[tuple[int, str, str]]:
    """`params` (sorted by (p.rk * 48271 mod M, id)) in the order of the key (p.rk * 48271 + rk) mod M.

    The key is the sorted value shifted by `rk` mod M, so the order is the sorted list rotated to
    start at the first value >= M - rk: found by bisection, and read lazily (a field reads only the
    head of its group), instead of hashing every pair.
    """
    start = bisect_left(params, (_MOD - rk % _MOD, ""))
    for i in range(len(params)):
        yield params[(start + i) % len(params)]


def can_fill_same_tool_rows(registry: Registry, per_field: int) -> list[Row]:
    """(ResponseField)-[:CAN_FILL {score}]->(Parameter) inside one tool, as rows `{field_id, param_id, score}`.

    A field can fill a parameter of another endpoint of its tool with the same concept. Score: the
    field's confidence, x 0.85 unless the names match; each field keeps its `per_field` best, ties
    broken by the hash (p.rk * 48271 + f.rk) mod (2^31 - 1), then the parameter id. Joined here, not
    in Cypher: a tool of 25,000 endpoints whose parameters share a concept makes hundreds of millions
    of pairs, which the server's transaction memory cannot hold; here each field reads only the head
    of its group, rotated to its own hash (`_rotation`).
    """
    groups: dict[tuple[str, str], list[tuple[int, str, str]]] = defaultdict(list)
    named: dict[tuple[str, str, str], list[tuple[int, str, str]]] = defaultdict(list)
    for e in registry.endpoints():
        for p in e.parameters:
            if p.control or not linkable(p.concept):
                continue
            entry = (member_rk(e, p.name) * 48271 % _MOD, member_id(e, p.name), e.id)
            groups[(e.tool_id, p.concept)].append(entry)
            named[(e.tool_id, p.concept, snake(p.name))].append(entry)
    for members in (*groups.values(), *named.values()):
        members.sort()
    rows: list[Row] = []
    for e in registry.endpoints():
        for f in e.response_fields:
            if not linkable(f.concept) or (e.tool_id, f.concept) not in groups:
                continue
            rk, field_id, confidence = member_rk(e, f.path), member_id(e, f.path), CONFIDENCE[f.source]
            exact = named.get((e.tool_id, f.concept, snake(f.name)), [])
            picked: list[Row] = []
            for members, score in ((exact, confidence), (groups[(e.tool_id, f.concept)], confidence * 0.85)):
                for _, param_id, endpoint_id in _rotation(members, rk):
                    if len(picked) == per_field:
                        break
                    if endpoint_id != e.id and (members is exact or not any(r["param_id"] == param_id for r in picked)):
                        picked.append({"field_id": field_id, "param_id": param_id, "score": score})
            rows += picked
    return rows
