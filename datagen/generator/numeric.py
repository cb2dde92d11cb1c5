"""Small readers of mock values shared by the agreement rules (`agree`, `moments`)."""

from __future__ import annotations

import re
from typing import Any

from datagen.registry.naming import snake

NUMERIC_TEXT = re.compile(r"^-?\d+(\.\d+)?$")


def num(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def ranged(value: Any) -> bool:
    """A number, or a number written as text (`"15"`): bounds agree either way."""
    return num(value) or isinstance(value, str) and bool(NUMERIC_TEXT.match(value))


def numeric_keys(obj: dict[str, Any]) -> dict[str, str]:
    """snake name → actual key, numeric leaves only."""
    return {snake(k): k for k, v in obj.items() if num(v)}


def set_number(obj: dict[str, Any], key: str, value: float) -> None:
    old = obj[key]
    obj[key] = int(round(value)) if isinstance(old, int) else round(value, 2)
