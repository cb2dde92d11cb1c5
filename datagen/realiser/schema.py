"""JSON Schemas the model's answer must fit: each tool output's from its endpoint's response structure.

Why: the model writes tool outputs, and a reader (and the next call) needs them typed like the API
would answer. The registry knows an endpoint's answer as leaf paths (`hotels[].hotel_id`, typed);
this module folds them into one nested JSON Schema, the same one sent to the API as the tool's
`input_schema` (so the answer is shaped by the API) and checked again here with `jsonschema`
(so a model that ignores it is caught). Objects allow no keys the structure does not name.
"""

from __future__ import annotations

from typing import Any

from jsonschema import Draft202012Validator  # type: ignore[import-untyped,unused-ignore]

from datagen.core.paths import output_path, parse_path
from datagen.registry.models import Endpoint, ParamType

Schema = dict[str, Any]

# How a registry type is written in JSON (the string-like ones are text in an answer).
_JSON_TYPE: dict[ParamType, str] = {
    ParamType.STRING: "string", ParamType.DATE: "string", ParamType.TIME: "string", ParamType.ENUM: "string",
    ParamType.GEOPOINT: "string", ParamType.BINARY: "string", ParamType.INTEGER: "integer",
    ParamType.NUMBER: "number", ParamType.BOOLEAN: "boolean", ParamType.ARRAY: "array",
    ParamType.OBJECT: "object", ParamType.NULL: "null",
}


def _object() -> Schema:
    return {"type": "object", "properties": {}, "additionalProperties": False}


def _wrap(schema: Schema, depth: int) -> Schema:
    for _ in range(depth):
        schema = {"type": "array", "items": schema}
    return schema


def _unwrap(schema: Schema) -> Schema:
    while schema.get("type") == "array" and "items" in schema:
        schema = schema["items"]
    return schema


def response_schema(endpoint: Endpoint) -> Schema:
    """The endpoint's answer as a JSON Schema (any object when the registry knows no structure)."""
    if not endpoint.response_fields:
        return {"type": "object"}
    root = _object()
    for field in endpoint.response_fields:
        parts = parse_path(output_path(field.path))
        node = root
        for position, (key, depth) in enumerate(parts):
            props: dict[str, Any] = node["properties"]
            last = position == len(parts) - 1
            if last:
                if key not in props:  # a container already named by a deeper path stays a container
                    leaf: Schema = {"type": _JSON_TYPE[field.type]}
                    if field.description:
                        leaf["description"] = field.description[:200]
                    props[key] = _wrap(leaf, depth)
                continue
            inner = _unwrap(props[key]) if key in props else None
            if inner is None or inner.get("type") != "object" or "properties" not in inner:
                inner = _object()
                props[key] = _wrap(inner, depth)
            node = inner
    return root


def schema_problems(value: Any, schema: Schema, where: str) -> list[str]:
    """One line per place the value breaks the schema (empty: it fits)."""
    validator = Draft202012Validator(schema)
    return [f"{where}: {'/'.join(str(p) for p in error.absolute_path) or '(top)'}: {error.message[:160]}"
            for error in sorted(validator.iter_errors(value), key=lambda e: list(e.absolute_path).__repr__())][:5]
