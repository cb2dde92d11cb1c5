"""The value an answer's field documents for itself: a range, a list of its values, an example.

Why before any maker: a field's own description is the API author's word on what it holds
(`aqi`: "Air quality index (0-500)"; `aqi_category`: "good, moderate, unhealthy, hazardous";
`dominant_pollutant`: "e.g. pm25, o3, no2"). Where it says so, the value follows it even when the
name alone is not understood (`registry.understood`); where it does not, this gives nothing.
"""

from __future__ import annotations

import random
import re
from typing import Any

from datagen.registry.models import ParamType, ResponseField

_NUMBER = r"-?\d+(?:\.\d+)?"
_RANGE = re.compile(rf"(?:\(\s*({_NUMBER})\s*(?:-|–|to)\s*({_NUMBER})\s*\)|\bfrom\s+({_NUMBER})\s+to\s+({_NUMBER})\b"
                    rf"|\bbetween\s+({_NUMBER})\s+and\s+({_NUMBER})\b)", re.I)
_LIST = re.compile(r"^\s*[`'\"]?[a-z][\w-]{0,24}[`'\"]?(?:\s*(?:,|\||/|\bor\b)\s*[`'\"]?[a-z][\w-]{0,24}[`'\"]?){2,}\s*\.?\s*$")
_EXAMPLE = re.compile(r"\b(?:e\.g\.?|for example|example:|such as)\s*[:,]?\s*[`'\"]?([\w.@:/+-]{1,40})", re.I)


_NOT_A_VALUE = frozenset({"the", "and", "for", "with", "from", "this", "that", "value", "values", "string", "number"})
"""Words an example phrase starts with that are prose, not a value (`e.g. in USD` gives no value)."""


def described_range(description: str) -> tuple[float, float] | None:
    """The range a description states (`(0-500)`, `from 1 to 5`, `between 0 and 100`), low first."""
    match = _RANGE.search(description or "")
    if match is None:
        return None
    low, high = (float(v) for v in match.groups() if v is not None)
    return (low, high) if low < high else None


def listed_values(description: str) -> list[str]:
    """The values a description is nothing but a list of (`good, moderate, hazardous`)."""
    if not _LIST.match(description or ""):
        return []
    return [v.strip(" `'\".") for v in re.split(r",|\||/|\bor\b", description) if v.strip(" `'\".")]


def documents_itself(spec: ResponseField) -> bool:
    """Whether the field's description says what it holds (see `documented`)."""
    return documented(spec, random.Random(0)) is not None


def documented(spec: ResponseField, rng: random.Random) -> Any:
    """A value the field's description documents, or None."""
    text = spec.description or ""
    if spec.type in (ParamType.INTEGER, ParamType.NUMBER):
        span = described_range(text)
        if span is None:
            return None
        low, high = span
        return rng.randint(int(low), int(high)) if spec.type is ParamType.INTEGER else round(rng.uniform(low, high), 2)
    if spec.type in (ParamType.STRING, ParamType.ENUM):
        values = listed_values(text)
        if values:
            return rng.choice(values)
        example = _EXAMPLE.search(text)
        said = example.group(1).rstrip(".,;") if example else None
        return said if said and len(said) > 2 and said.lower() not in _NOT_A_VALUE else None
    return None
