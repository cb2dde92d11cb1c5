"""Normalise ToolBench parameter types, defaults and enum values.

ToolBench writes types as `STRING`, `string`, `NUMBER`, `DATE (YYYY-MM-DD)`, `GEOPOINT (latitude,
longitude)`, `ENUM` (values only in the description, if anywhere) or `null`; defaults arrive as
strings, numbers, booleans, lists or objects. Unknown type names fall back to `string` with the raw
name kept, so nothing is lost and nothing downstream has to know the spellings.
"""

from __future__ import annotations

import json
import re
from typing import Any

from datagen.registry.models import ParamType

_TYPE_WORDS: dict[str, ParamType] = {
    "string": ParamType.STRING, "str": ParamType.STRING, "text": ParamType.STRING,
    "number": ParamType.NUMBER, "float": ParamType.NUMBER, "double": ParamType.NUMBER,
    "decimal": ParamType.NUMBER,
    "integer": ParamType.INTEGER, "int": ParamType.INTEGER, "long": ParamType.INTEGER,
    "boolean": ParamType.BOOLEAN, "bool": ParamType.BOOLEAN,
    "date": ParamType.DATE, "datetime": ParamType.DATE,
    "time": ParamType.TIME,
    "enum": ParamType.ENUM,
    "array": ParamType.ARRAY, "list": ParamType.ARRAY,
    "object": ParamType.OBJECT, "dict": ParamType.OBJECT, "json": ParamType.OBJECT,
    "geopoint": ParamType.GEOPOINT,
    "binary": ParamType.BINARY, "file": ParamType.BINARY,
    "null": ParamType.NULL,
}

_ENUM_LIST = re.compile(
    r"(?:one of|possible values|allowed values|available values|valid values|options|values|"
    r"either|choose from|can be|supported)\s*(?:are|is|:|include)?\s*[:\-]?\s*(.+)",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[`'\"]([^`'\"]{1,40})[`'\"]")


def normalise_type(raw: str | None) -> ParamType:
    """Map a raw ToolBench type name to a `ParamType` (unknown or missing → string)."""
    if not raw:
        return ParamType.STRING
    word = re.split(r"[\s(]", raw.strip().lower(), maxsplit=1)[0]
    return _TYPE_WORDS.get(word, ParamType.STRING)


def schema_type(raw: Any) -> ParamType:
    """Map a JSON-Schema `type` (a string, or a list such as `["array", "null"]`) to a ParamType."""
    if isinstance(raw, list):
        raw = next((t for t in raw if isinstance(t, str) and t != "null"), "null")
    if not isinstance(raw, str):
        return ParamType.STRING
    return _TYPE_WORDS.get(raw.lower(), ParamType.STRING)


def value_type(value: Any) -> ParamType:
    """The type of an example value."""
    if isinstance(value, bool):
        return ParamType.BOOLEAN
    if isinstance(value, int):
        return ParamType.INTEGER
    if isinstance(value, float):
        return ParamType.NUMBER
    if isinstance(value, list):
        return ParamType.ARRAY
    if isinstance(value, dict):
        return ParamType.OBJECT
    if value is None:
        return ParamType.NULL
    return ParamType.STRING


def normalise_default(value: Any, ptype: ParamType) -> Any:
    """An empty-string default means "no default"; numeric strings become numbers for numeric types."""
    if value is None or value == "":
        return None
    if isinstance(value, str) and ptype in (ParamType.NUMBER, ParamType.INTEGER):
        try:
            number = float(value)
        except ValueError:
            return value
        return int(number) if number.is_integer() and ptype is ParamType.INTEGER else number
    if isinstance(value, (dict, list)):
        return json.loads(json.dumps(value))
    return value


def refine_numeric(ptype: ParamType, default: Any) -> ParamType:
    """ToolBench's NUMBER with an integer default is an integer."""
    if ptype is ParamType.NUMBER and isinstance(default, int) and not isinstance(default, bool):
        return ParamType.INTEGER
    if ptype is ParamType.NUMBER and isinstance(default, str) and re.fullmatch(r"-?\d+", default.strip()):
        return ParamType.INTEGER
    return ptype


def enum_values(description: str, default: Any) -> list[str] | None:
    """Allowed values of an ENUM parameter, read from its description (and default) when stated."""
    values: list[str] = []
    match = _ENUM_LIST.search(description or "")
    if match:
        tail = match.group(1).split(".")[0] if "`" not in match.group(1) else match.group(1)
        quoted = _QUOTED.findall(tail)
        items = quoted or [p.strip(" `'\"()[]") for p in re.split(r",|\bor\b|/|\|", tail)]
        values = [v for v in items if v and len(v) <= 40 and len(v.split()) <= 3]
    if isinstance(default, str) and default and default not in values:
        values.insert(0, default)
    deduped = list(dict.fromkeys(values))
    return deduped or None
