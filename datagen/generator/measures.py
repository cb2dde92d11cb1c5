"""Numbers of measured things (durations, sizes, temperatures, nutrients), in ranges that fit the unit.

Why separate from `semantic`: it is one table of generic units and their plausible ranges, looked up
by the last word of a field's name; a reader rejects 57 °C or 2,051,293 grid cells.
"""

from __future__ import annotations

import random

from datagen.registry.models import ParamType


def _number(rng: random.Random, ptype: ParamType, low: float, high: float) -> int | float:
    return round(rng.uniform(low, high), 2) if ptype is ParamType.NUMBER else rng.randint(int(low), int(high))


def measure(last: str, rng: random.Random, ptype: ParamType, sized: bool = True) -> int | float:
    ranges: dict[str, tuple[float, float]] = {
        "seconds": (30, 600), "secs": (30, 600), "sec": (30, 600), "ms": (40, 900), "millis": (40, 900),
        "milliseconds": (40, 900), "minutes": (5, 180), "mins": (5, 180), "hours": (1, 12), "days": (1, 30),
        "weeks": (1, 12), "months": (1, 24), "bytes": (20_000, 5_000_000), "kb": (20, 5000), "mb": (1, 500),
        "gb": (1, 64), "size": (20_000, 5_000_000), "width": (320, 1920), "height": (240, 1080),
        "percentage": (1, 99), "percent": (1, 99), "pct": (1, 99), "ratio": (0.1, 0.9), "age": (18, 75),
        "year": (2015, 2025), "temperature": (-5, 35), "temp": (-5, 35), "humidity": (20, 95),
        "pressure": (990, 1030), "score": (1, 100), "rank": (1, 100), "ranking": (1, 100), "level": (1, 10),
        "elevation": (5, 2500), "altitude": (5, 2500), "speed": (5, 120), "rate": (0.5, 12),
        "calories": (80, 900), "kcal": (80, 900), "protein": (1, 40), "carbs": (1, 80), "carbohydrates": (1, 80),
        "fat": (0, 30), "fiber": (0, 12), "sugar": (0, 30), "sodium": (5, 900),
    }
    low, high = ranges.get(last, (1, 100))
    if last == "size" and not sized:  # a `grid_size` or a `page_size` is a small count, not bytes
        low, high = 1, 20
    whole = last in ("year", "age", "rank", "ranking", "level", "bytes", "width", "height", "ms", "milliseconds")
    return _number(rng, ParamType.INTEGER if whole else ptype, low, high)
