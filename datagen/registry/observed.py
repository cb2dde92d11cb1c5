"""Turn an observed response structure (ToolBench's `response_examples`) into a JSON Schema.

An observed structure is an answer the API really gave, with each value replaced by its Python type
name. Rewritten as the JSON Schema it implies, it goes through the same walker as a documented
schema (`registry.fields`), so its fields get the same paths (`items[].id`), names and concepts.
What a type name says, and what it leaves unknown, is one table below; an unknown type is left out
rather than guessed, and a structure that says only how the request went (an error body) is no
documentation of what the API answers.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any

from datagen.lexicon import ENVELOPE_KEYS
from datagen.registry.naming import snake

# Type name → JSON-Schema type. Why each row: these are the names Python's `type(value).__name__`
# gives for JSON values; a name not in the table (`NoneType`, `empty list`) says no type.
_TYPE_NAMES: dict[str, str] = {
    "str": "string",      # a JSON string
    "int": "integer",     # a JSON number without a fraction
    "float": "number",    # a JSON number with a fraction
    "bool": "boolean",    # true / false
}
# `null` was observed: the field exists, but its type is unknown, so it is left out.
_UNKNOWN = frozenset({"NoneType"})
# `[]` was observed: an array whose items are unknown is no documentation of them, so it is left out.
_EMPTY_LIST = "empty list"
# A list of scalars is written as text: `list of str with length 3` → an array of strings.
_LIST_OF = re.compile(r"^list of (\w+) with length \d+$")


class Verdict(StrEnum):
    """What an observed structure documents."""

    FIELDS = "fields"            # at least one field that is not envelope
    ERROR_BODY = "error_body"    # every top-level key is an envelope word (message, code, status, error…)
    NO_FIELDS = "no_fields"      # nothing with a known type once unknowns and empty lists are left out


def _scalar(name: str) -> dict[str, Any] | None:
    kind = _TYPE_NAMES.get(name)
    return None if kind is None else {"type": kind}


def to_schema(node: Any) -> dict[str, Any] | None:
    """The JSON Schema an observed structure implies, or None when it says no known type.

    An object keeps the keys whose values have a known type; a list is described by its first item
    (ToolBench kept one); an object or list left with nothing known is None, like an unknown type.
    """
    if isinstance(node, dict):
        props = {str(k): s for k, v in node.items() if (s := to_schema(v)) is not None}
        return {"type": "object", "properties": props} if props else None
    if isinstance(node, list):
        item = to_schema(node[0]) if node else None
        return {"type": "array", "items": item} if item is not None else None
    if not isinstance(node, str) or node == _EMPTY_LIST or node in _UNKNOWN:
        return None
    listed = _LIST_OF.match(node)
    if listed:
        item = _scalar(listed.group(1))
        return {"type": "array", "items": item} if item is not None else None
    return _scalar(node)


def _envelope_only(node: Any) -> bool:
    return isinstance(node, dict) and bool(node) and all(snake(str(k)) in ENVELOPE_KEYS for k in node)


def verdict(structure: Any) -> Verdict:
    """Whether an observed structure documents fields, is an error body, or says nothing known.

    An error body is judged on the keys as observed (`{"message": "str"}` is an error even though
    `message` has a known type); a structure whose known keys are all envelope words once unknowns
    are left out (`{"status": "str", "data": "empty list"}`) documents nothing either.
    """
    if _envelope_only(structure):
        return Verdict.ERROR_BODY
    schema = to_schema(structure)
    if schema is None or _envelope_only(schema.get("properties")):
        return Verdict.NO_FIELDS
    return Verdict.FIELDS


def observed_schema(structure: Any) -> dict[str, Any] | None:
    """The schema to read fields from, or None when the structure documents no fields."""
    return to_schema(structure) if verdict(structure) is Verdict.FIELDS else None
