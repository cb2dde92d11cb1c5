"""A value as the ends of a range compare it: a number, an ISO moment (as text), else None.

Shared by the generator (answers kept inside a requested range) and the judge (`inverted_range`),
so both read `"3"`, `3` and `3.0` as the same end and compare ISO dates as text.
"""

from __future__ import annotations

import re
from typing import Any


def ordinal(value: Any) -> float | str | None:
    """A number (from a number or numeric text), the first 19 characters of an ISO date, or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    text = str(value).strip()
    if re.fullmatch(r"-?\d+(\.\d+)?", text):
        return float(text)
    return text[:19] if re.match(r"^\d{4}-\d{2}-\d{2}", text) else None
