"""One quantity written in several units inside one object is one amount.

Why: readers reject `totalDays: 299.15` beside `totalHours: 255.47` and `totalMilliseconds: 359.35`,
and `days: 26, minutes: 144, seconds: 309`. Keys whose names differ only by a unit word
(`duration_ms` beside `duration_sec`, `total_days` beside `total_hours`, `distance_km` beside
`distance_m`) say one amount in different units: every one is computed from the first, in the type
and precision the field had. Bare unit words side by side (`days`, `hours`, `minutes`, `seconds`)
are a breakdown of one span (3 h 20 min), so each part stays below its next larger unit, and a
`total_<unit>` beside a breakdown is the whole span. Units are general facts (an hour is 3,600 s),
never a tool's words.
"""

from __future__ import annotations

from typing import Any

from datagen.generator.numeric import ranged
from datagen.registry.naming import snake

UNITS: tuple[tuple[str, str, float, str], ...] = (
    ("ms", "time", 0.001, "milliseconds"), ("millis", "time", 0.001, "milliseconds"),
    ("millisecond", "time", 0.001, "milliseconds"), ("milliseconds", "time", 0.001, "milliseconds"),
    ("sec", "time", 1.0, "seconds"), ("secs", "time", 1.0, "seconds"), ("second", "time", 1.0, "seconds"),
    ("seconds", "time", 1.0, "seconds"), ("mins", "time", 60.0, "minutes"), ("minute", "time", 60.0, "minutes"),
    ("minutes", "time", 60.0, "minutes"), ("hr", "time", 3600.0, "hours"), ("hrs", "time", 3600.0, "hours"),
    ("hour", "time", 3600.0, "hours"), ("hours", "time", 3600.0, "hours"), ("day", "time", 86400.0, "days"),
    ("days", "time", 86400.0, "days"), ("week", "time", 604800.0, "weeks"), ("weeks", "time", 604800.0, "weeks"),
    ("mm", "length", 0.001, "millimetres"), ("cm", "length", 0.01, "centimetres"), ("m", "length", 1.0, "metres"),
    ("meter", "length", 1.0, "metres"), ("meters", "length", 1.0, "metres"), ("metres", "length", 1.0, "metres"),
    ("km", "length", 1000.0, "kilometres"), ("kilometers", "length", 1000.0, "kilometres"),
    ("kilometres", "length", 1000.0, "kilometres"), ("mi", "length", 1609.344, "miles (international mile)"),
    ("miles", "length", 1609.344, "miles (international mile)"), ("ft", "length", 0.3048, "feet (international foot)"),
    ("feet", "length", 0.3048, "feet (international foot)"),
    ("mg", "mass", 0.001, "milligrams"), ("g", "mass", 1.0, "grams"), ("grams", "mass", 1.0, "grams"),
    ("kg", "mass", 1000.0, "kilograms"), ("kilograms", "mass", 1000.0, "kilograms"),
    ("lb", "mass", 453.59237, "pounds (avoirdupois)"), ("lbs", "mass", 453.59237, "pounds (avoirdupois)"),
    ("pounds", "mass", 453.59237, "pounds (avoirdupois)"), ("oz", "mass", 28.349523125, "ounces (avoirdupois)"),
)
"""(unit word, dimension, size in the dimension's base unit, what it is). `min` is left out: it is
minimum as often as minutes; `s` and `in` are too often other words."""
_UNIT = {word: (dim, size) for word, dim, size, _ in UNITS}
_BREAKDOWN = (("weeks", 7), ("days", 24), ("hours", 60), ("minutes", 60), ("seconds", 1000), ("milliseconds", 0))
"""The time units a span is broken down into, largest first, each with how many of the next it holds."""
SPANS = frozenset({"total", "duration", "elapsed", "time", "runtime", "length", "uptime", "downtime", "wait",
                   "delay", "latency", "age", "period", "interval", "timeout", "ttl", "remaining", "left"})
"""Words naming one span: `total_days` beside `total_hours` is one span in two units. Other words
(`work_days` beside `work_hours`: days a week, hours a day) name two quantities unless both units
are below a day (`render_ms` beside `render_sec`)."""
_PLAIN = {"week": "weeks", "weeks": "weeks", "day": "days", "days": "days", "hour": "hours", "hours": "hours",
          "hr": "hours", "hrs": "hours", "minute": "minutes", "minutes": "minutes", "mins": "minutes",
          "second": "seconds", "seconds": "seconds", "sec": "seconds", "secs": "seconds", "ms": "milliseconds",
          "milliseconds": "milliseconds", "millis": "milliseconds"}


def _split(key: str) -> tuple[str, str, float] | None:
    """(stem, dimension, size) of a key ending in a unit word (`total_hours` → ("total", time, 3600))."""
    words = snake(key).split("_")
    unit = _UNIT.get(words[-1])
    if unit is None or (words[-1] == "m" and len(words) == 1):
        return None
    return "_".join(words[:-1]), unit[0], unit[1]


def _write(old: Any, value: float) -> Any:
    """`value` in the type of `old`, with as many decimals as it had (at least three significant digits)."""
    if isinstance(old, int):
        return int(round(value))
    text = str(old)
    places = len(text.split(".")[1]) if "." in text else 0
    while places < 6 and value and abs(value) < 10 ** (2 - places):
        places += 1
    new = round(value, places)
    if isinstance(old, str):
        return f"{new:.{places}f}" if places else str(int(round(value)))
    return new


def unit_groups(obj: dict[str, Any]) -> list[list[tuple[str, float]]]:
    """Keys of one object that are one amount in several units: (key, unit size) per group, in key order.
    Bare unit words (`hours`, `minutes`) are a breakdown, not a group (see `breakdown_parts`)."""
    groups: dict[tuple[str, str], list[tuple[str, float]]] = {}
    for key, value in obj.items():
        split = _split(key)
        if split is None or not ranged(value) or not split[0] or split[0].split("_")[-1] in ("max", "min", "avg"):
            continue
        groups.setdefault((split[0], split[1]), []).append((key, split[2]))
    return [g for (stem, dim), g in groups.items() if len({size for _, size in g}) > 1
            and (dim != "time" or stem.split("_")[-1] in SPANS or all(size < 86400 for _, size in g))]


def breakdown_parts(obj: dict[str, Any]) -> dict[str, str]:
    """Plain time unit → key, for an object whose bare keys break one span down (`days`, `hours` …)."""
    parts = {_PLAIN[snake(k)]: k for k, v in obj.items()
             if snake(k) in _PLAIN and ranged(v) and not isinstance(v, bool)}
    return parts if len(parts) > 1 else {}


def one_amount(obj: dict[str, Any]) -> None:
    """Make every unit group and breakdown of `obj` one amount (see the module docstring)."""
    parts = breakdown_parts(obj)
    order = [unit for unit, _ in _BREAKDOWN if unit in parts]
    for larger, unit in zip(order, order[1:]):
        limit = _SECONDS[larger] / _SECONDS[unit]
        value = float(obj[parts[unit]])
        if not 0 <= value < limit:  # 144 minutes beside hours is 24 minutes
            obj[parts[unit]] = _write(obj[parts[unit]], abs(value) % limit // 1)
    span = sum(float(obj[parts[u]]) * _SECONDS[u] for u in order) if order else None
    for group in unit_groups(obj):
        first, size = group[0]
        whole = float(obj[first]) * size
        timed = _split(first)
        if span is not None and timed is not None and timed[1] == "time" and timed[0] == "total":
            whole, group = span, [("", 0.0), *group]  # `total_hours` beside a breakdown is its span
        for key, each in group[1:]:
            obj[key] = _write(obj[key], whole / each)


_SECONDS = {"weeks": 604800.0, "days": 86400.0, "hours": 3600.0, "minutes": 60.0, "seconds": 1.0, "milliseconds": 0.001}


def disagreeing(obj: dict[str, Any]) -> int:
    """How many unit groups and breakdown parts of `obj` disagree (a measure for dev checks)."""
    bad = 0
    for group in unit_groups(obj):
        first, size = group[0]
        whole = float(obj[first]) * size
        if any(abs(float(obj[k]) * s - whole) > max(0.02 * abs(whole), s) for k, s in group[1:]):
            bad += 1
    parts = breakdown_parts(obj)
    order = [unit for unit, _ in _BREAKDOWN if unit in parts]
    bad += sum(1 for larger, unit in zip(order, order[1:])
               if not 0 <= float(obj[parts[unit]]) < _SECONDS[larger] / _SECONDS[unit])
    return bad
