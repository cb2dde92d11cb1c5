"""Round-trip checks of exported rows, shared by the unit and integration export tests.

`schema_errors` is a small JSON-schema validator for exactly the subset `datagen.export.tools`
emits (type, enum, properties, required, additionalProperties, format date); when `jsonschema` is
installed the same arguments are also checked by it, so the subset validator cannot drift lenient.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

NAME = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")
_TYPES: dict[str, Any] = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
    "null": lambda v: v is None,
}
_ALLOWED_KEYS = {"type", "enum", "properties", "required", "additionalProperties", "format", "description", "default"}


def schema_errors(value: Any, schema: dict[str, Any], path: str = "$") -> list[str]:
    """Why `value` does not match `schema` (empty when it does)."""
    unknown = set(schema) - _ALLOWED_KEYS
    assert not unknown, f"schema uses keywords the checker does not know: {unknown}"
    errors: list[str] = []
    kind = schema.get("type")
    if kind is not None and not _TYPES[kind](value):
        return [f"{path}: expected {kind}, got {type(value).__name__}"]
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{path}: {value!r} not in enum")
    if schema.get("format") == "date" and isinstance(value, str):
        try:
            date.fromisoformat(value)
        except ValueError:
            errors.append(f"{path}: {value!r} is not an ISO date")
    if kind == "object":
        props = schema.get("properties", {})
        errors += [f"{path}: missing required {name!r}" for name in schema.get("required", []) if name not in value]
        for key, item in value.items():
            if key in props:
                errors += schema_errors(item, props[key], f"{path}.{key}")
            elif schema.get("additionalProperties") is False:
                errors.append(f"{path}: unexpected property {key!r}")
    return errors


def _jsonschema_errors(value: Any, schema: dict[str, Any]) -> list[str]:
    try:
        import jsonschema  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        return []
    jsonschema.Draft202012Validator.check_schema(schema)
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    return [e.message for e in jsonschema.Draft202012Validator(schema, format_checker=checker).iter_errors(value)]


def check_openai_row(row: dict[str, Any]) -> None:
    """Ids resolve one-to-one, every called function is defined, arguments match their schema."""
    assert set(row) == {"messages", "tools"}
    definitions: dict[str, dict[str, Any]] = {}
    for tool in row["tools"]:
        assert tool["type"] == "function" and set(tool["function"]) == {"name", "description", "parameters"}
        fn = tool["function"]
        assert NAME.match(fn["name"]), fn["name"]
        assert fn["name"] not in definitions, f"{fn['name']} defined twice"
        assert fn["parameters"]["type"] == "object" and "::" in fn["description"]
        definitions[fn["name"]] = fn["parameters"]
    calls: dict[str, str] = {}
    answered: set[str] = set()
    used: set[str] = set()
    for message in row["messages"]:
        assert message["role"] in ("system", "user", "assistant", "tool")
        assert isinstance(message["content"], str)
        for call in message.get("tool_calls", []):
            assert call["type"] == "function" and call["id"] not in calls, call
            calls[call["id"]] = call["function"]["name"]
            name = call["function"]["name"]
            assert name in definitions, f"{name} called but not defined in tools"
            used.add(name)
            arguments = json.loads(call["function"]["arguments"])
            assert isinstance(arguments, dict)
            assert schema_errors(arguments, definitions[name]) == [], (name, arguments)
            assert _jsonschema_errors(arguments, definitions[name]) == [], (name, arguments)
        if message["role"] == "tool":
            cid = message["tool_call_id"]
            assert cid in calls, f"tool message {cid} answers no earlier call"
            assert cid not in answered, f"{cid} answered twice"
            answered.add(cid)
    assert answered == set(calls), f"calls never answered: {set(calls) - answered}"
    assert used == set(definitions), f"tools defined but never called: {set(definitions) - used}"


def check_sharegpt_row(row: dict[str, Any], openai_row: dict[str, Any]) -> None:
    """Valid alternation, calls name defined tools with schema-valid arguments, same calls as OpenAI."""
    turns = row["conversations"]
    for i, turn in enumerate(turns):
        assert set(turn) == {"from", "value"} and isinstance(turn["value"], str)
        assert turn["from"] in (("human", "observation") if i % 2 == 0 else ("gpt", "function_call")), (i, turn)
    assert turns[-1]["from"] == "gpt"
    tools = {t["name"]: t["parameters"] for t in json.loads(row["tools"])}
    assert tools == {t["function"]["name"]: t["function"]["parameters"] for t in openai_row["tools"]}
    flat: list[tuple[str, dict[str, Any]]] = []
    for i, turn in enumerate(turns):
        if turn["from"] != "function_call":
            continue
        assert turns[i + 1]["from"] == "observation"
        value = json.loads(turn["value"])
        items = value if isinstance(value, list) else [value]
        for item in items:
            assert set(item) == {"name", "arguments"} and item["name"] in tools
            assert schema_errors(item["arguments"], tools[item["name"]]) == []
            flat.append((item["name"], item["arguments"]))
    expected = [(c["function"]["name"], json.loads(c["function"]["arguments"]))
                for m in openai_row["messages"] for c in m.get("tool_calls", [])]
    assert flat == expected
