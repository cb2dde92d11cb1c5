"""Function definitions for trainers: registry endpoints as JSON-schema tools with safe names.

Trainers and chat templates (OpenAI, LLaMA-Factory, transformers) want function names matching
`^[a-zA-Z0-9_-]{1,64}$`, while datagen's endpoint ids are `tool::endpoint`. `FunctionNames` maps ids
to names as a pure function of the id (`::` → `__`, any other character → `_`, plus a stable
blake2b suffix when the result is too long or is not a faithful spelling of the id), so the same
endpoint gets the same name in every export; the original id is kept in the function description.
The registry is read from `registry.json`, which `datagen build` writes.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from datagen.errors import ConfigError, InputError
from datagen.registry.models import Endpoint, Parameter, ParamType, Registry

NAME_PATTERN = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")
MAX_NAME = 64
MAX_DESCRIPTION = 1024
_UNSAFE = re.compile(r"[^a-zA-Z0-9_-]")
_SLUG = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)*$")
DEFAULT_REGISTRY = Path("artifacts/registry.json")

# ParamType → JSON-schema fragment. TIME has no `format`: JSON Schema's `time` is RFC 3339 with a
# UTC offset, and datagen's times are wall-clock `HH:MM`. NULL and BINARY accept any value (ToolBench
# uses them for "type not stated").
_TYPE_SCHEMA: dict[ParamType, dict[str, Any]] = {
    ParamType.STRING: {"type": "string"},
    ParamType.INTEGER: {"type": "integer"},
    ParamType.NUMBER: {"type": "number"},
    ParamType.BOOLEAN: {"type": "boolean"},
    ParamType.DATE: {"type": "string", "format": "date"},
    ParamType.TIME: {"type": "string"},
    ParamType.ENUM: {"type": "string"},
    ParamType.ARRAY: {"type": "array"},
    ParamType.OBJECT: {"type": "object"},
    ParamType.GEOPOINT: {"type": "string"},
    ParamType.BINARY: {},
    ParamType.NULL: {},
}
_TYPE_HINT = {ParamType.TIME: "time of day, HH:MM", ParamType.GEOPOINT: "latitude,longitude"}


def load_registry(path: Path) -> Registry:
    """The registry `datagen build` wrote; a missing or unreadable file says how to get one."""
    if not path.is_file():
        raise ConfigError(f"no registry at {path}: run `datagen build` (it writes artifacts/registry.json) "
                          f"or pass --registry PATH")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(str(path), "$", f"not valid JSON ({exc.msg} at line {exc.lineno}); rerun `datagen build`") from exc
    except (UnicodeDecodeError, RecursionError) as exc:
        why = "not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else "JSON nested too deep"
        raise InputError(str(path), "$", f"{why}; not a datagen registry.json? rerun `datagen build`") from exc
    try:
        return Registry.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in first["loc"])
        raise InputError(str(path), where, f"{first['msg']} (not a datagen registry.json? rerun `datagen build`)") from exc


def function_name(endpoint_id: str) -> str:
    """The trainer-safe name of an endpoint id; deterministic and injective in practice.

    `tool::endpoint` with slug parts becomes `tool__endpoint`. Anything else (unexpected characters,
    a `__` inside a part that would make the spelling ambiguous, or over 64 characters) gets
    `_<8 hex of blake2b(id)>` appended to a truncated sanitised prefix.
    """
    tool, sep, endpoint = endpoint_id.partition("::")
    faithful = bool(sep) and all(_SLUG.match(part) and "__" not in part for part in (tool, endpoint))
    name = _UNSAFE.sub("_", endpoint_id.replace("::", "__"))
    if faithful and len(name) <= MAX_NAME:
        return name
    digest = hashlib.blake2b(endpoint_id.encode("utf-8"), digest_size=4).hexdigest()
    return f"{name[:MAX_NAME - len(digest) - 1]}_{digest}"


def _parameter_schema(param: Parameter) -> dict[str, Any]:
    schema = dict(_TYPE_SCHEMA[param.type])
    if param.type is ParamType.ENUM and param.enum:
        schema["enum"] = list(param.enum)
    description = param.description
    hint = _TYPE_HINT.get(param.type)
    if hint:
        description = f"{description} ({hint})" if description else hint
    if description:
        schema["description"] = description
    if param.default is not None:
        schema["default"] = param.default
    return schema


def parameters_schema(endpoint: Endpoint) -> dict[str, Any]:
    """The JSON schema (an object) of an endpoint's arguments; no properties beyond the registry's."""
    return {
        "type": "object",
        "properties": {p.name: _parameter_schema(p) for p in endpoint.parameters},
        "required": [p.name for p in endpoint.parameters if p.required],
        "additionalProperties": False,
    }


def function_description(endpoint: Endpoint, tool_title: str) -> str:
    """The endpoint's description, ending with the datagen id so a name can be mapped back."""
    suffix = f" [datagen endpoint: {endpoint.id}; tool: {tool_title}]"
    text = endpoint.description or endpoint.name
    return text[:MAX_DESCRIPTION - len(suffix)].rstrip() + suffix


class FunctionCatalog:
    """The registry seen as functions: id → name, name → id, and JSON-schema definitions (cached)."""

    def __init__(self, registry: Registry, registry_path: Path | str = "registry.json") -> None:
        self.registry_path = str(registry_path)
        self._endpoints = registry.endpoint_index()
        self._titles = {t.id: t.title or t.name for t in registry.tools}
        self._names: dict[str, str] = {}
        self._ids: dict[str, str] = {}
        self._defs: dict[str, dict[str, Any]] = {}

    def has(self, endpoint_id: str) -> bool:
        return endpoint_id in self._endpoints

    def name(self, endpoint_id: str) -> str:
        """The function name of an endpoint; a second id mapping to a taken name is an error."""
        cached = self._names.get(endpoint_id)
        if cached is not None:
            return cached
        name = function_name(endpoint_id)
        other = self._ids.get(name)
        if other is not None and other != endpoint_id:
            raise ConfigError(f"endpoint ids {other!r} and {endpoint_id!r} both map to function name {name!r}")
        self._names[endpoint_id] = name
        self._ids[name] = endpoint_id
        return name

    def endpoint_id(self, name: str) -> str:
        """The endpoint id behind a function name handed out by `name`."""
        return self._ids[name]

    def mapping(self) -> dict[str, str]:
        """Function name → endpoint id for every name handed out so far, sorted by name."""
        return dict(sorted(self._ids.items()))

    def definition(self, endpoint_id: str, where: tuple[str, str] | None = None) -> dict[str, Any]:
        """`{"name", "description", "parameters"}` of one endpoint; `InputError` if not in the registry."""
        cached = self._defs.get(endpoint_id)
        if cached is not None:
            return cached
        endpoint = self._endpoints.get(endpoint_id)
        if endpoint is None:
            file, path = where or (self.registry_path, "$")
            raise InputError(file, path, f"endpoint {endpoint_id!r} is not in {self.registry_path} "
                                         f"(dataset from another build? pass the matching --registry)")
        definition = {
            "name": self.name(endpoint_id),
            "description": function_description(endpoint, self._titles.get(endpoint.tool_id, endpoint.tool_id)),
            "parameters": parameters_schema(endpoint),
        }
        self._defs[endpoint_id] = definition
        return definition
