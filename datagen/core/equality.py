"""The one value equality of datagen: when is an argument "the same value" as its source?

Why one: the generator's Validator accepts a record and `datagen validate` and the judge re-check it;
if they compared values differently, `generate` could write a record the checker then rejects. The
Assistant coerces values to the parameter's type (7 ↔ "7", [a, b] ↔ "a,b", True ↔ "true"), so the
comparison key forgives exactly those coercions and nothing else.
"""

from __future__ import annotations

import json
import re
from typing import Any

_NUMERIC_TEXT = re.compile(r"^-?\d+(\.\d+)?$")


def loose(value: Any) -> str:
    """A comparison key that treats 3, 3.0 and "3", True and "true", lists and "a,b" as the same value."""
    if isinstance(value, list):
        return ",".join(loose(v) for v in value)
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str) and _NUMERIC_TEXT.match(value.strip()):
        value = float(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return value if isinstance(value, str) else json.dumps(value, sort_keys=True, ensure_ascii=False)


def same_value(a: Any, b: Any) -> bool:
    """Whether two JSON values are equal up to the Assistant's type coercions."""
    return loose(a) == loose(b)
