"""The ranges a call asks for, and its answer kept inside them.

A call that sends both ends of a range (`verse_from`/`verse_to`, `min_price`/`max_price`,
`start_date`/`end_date`) gets an answer whose values of that thing lie inside it: a reader rejects
verses 27 and 41 for a request of verses 1 to 3. Range words are the lexicon's (shared with the judge's
`inverted_range` gate); routes (`start_lat`, `from_city`) are no ranges.
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta
from typing import Any

from datagen.core.ordinal import ordinal
from datagen.lexicon import LOWER_ENDS, ROUTE_ENDS, UPPER_ENDS
from datagen.registry.naming import snake


def requested_ranges(arguments: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """(head word, low, high) of every range the call sends both ends of (`verse_from`/`verse_to` →
    verse 1..3; `start_date`/`end_date` → date …), so its answer stays inside what was asked."""
    ends: dict[tuple[str, ...], dict[str, Any]] = {}
    for name, value in arguments.items():
        words = [w for w in snake(name).split("_") if w]
        for i, w in enumerate(words):
            side = "low" if w in LOWER_ENDS else "high" if w in UPPER_ENDS else None
            if side and ordinal(value) is not None:
                ends.setdefault(tuple(words[:i] + words[i + 1:]), {})[side] = ordinal(value)
    out = []
    for stem, pair in ends.items():
        if "low" in pair and "high" in pair and not set(stem) & ROUTE_ENDS \
                and type(pair["low"]) is type(pair["high"]) and pair["low"] <= pair["high"]:
            heads = [w for w in stem if w not in ("num", "number", "no", "value", "id")]
            out.append((heads[-1] if heads else "date", pair["low"], pair["high"]))
    return out


def within(value: Any, head: str, low: Any, high: Any, index: int) -> None:
    """Moves the answer's values of a requested range inside it (the i-th item of a list gets low + i)."""
    if isinstance(value, list):
        for i, item in enumerate(value):
            within(item, head, low, high, i)
        return
    if not isinstance(value, dict):
        return
    for key, leaf in value.items():
        if isinstance(leaf, (dict, list)):
            within(leaf, head, low, high, index)
            continue
        if head not in snake(key).split("_") or ordinal(leaf) is None or type(ordinal(leaf)) is not type(low):
            continue
        current = ordinal(leaf)
        if low <= current <= high:  # type: ignore[operator]
            continue
        if isinstance(low, float):
            # a short range (verses 1–3) is walked in order, a wide one (prices) is spread over
            moved: Any = min(low + index, high) if high - low <= 20 else low + (high - low) * ((index % 5) + 1) / 6
            whole = isinstance(leaf, int) or isinstance(leaf, str) and "." not in leaf
            moved = int(moved) if whole else round(moved, 2)
            value[key] = str(moved) if isinstance(leaf, str) else moved
        elif isinstance(low, str) and isinstance(high, str):
            day = min(date.fromisoformat(low[:10]) + timedelta(days=index), date.fromisoformat(high[:10]))
            value[key] = day.isoformat() + (leaf[10:] if isinstance(leaf, str) else "")


def dict_lists(value: Any) -> list[list[dict[str, Any]]]:
    """Every list of objects in an answer."""
    if isinstance(value, dict):
        return [found for v in value.values() for found in dict_lists(v)]
    if isinstance(value, list):
        own = [value] if value and all(isinstance(v, dict) for v in value) else []
        return own + [found for v in value for found in dict_lists(v)]
    return []


def one_sided(arguments: dict[str, Any]) -> list[tuple[str, str, float]]:
    """(head word, side, bound) of every range the call sends one end of (`minPrice` → price ≥ …)."""
    found: list[tuple[str, str, float]] = []
    both = {head for head, _, _ in requested_ranges(arguments)}
    for name, value in arguments.items():
        words = [w for w in snake(name).split("_") if w]
        if not isinstance(value, (int, float)) or isinstance(value, bool) or len(words) < 2:
            continue
        for i, w in enumerate(words):
            side = "low" if w in LOWER_ENDS else "high" if w in UPPER_ENDS else None
            rest = words[:i] + words[i + 1:]
            if side and rest and rest[-1] not in both and not set(rest) & ROUTE_ENDS:
                found.append((rest[-1], side, float(value)))
    return found


def keep_filters(output: Any, arguments: dict[str, Any], names: dict[str, str],
                 world: dict[str, dict[str, Any]] | None = None) -> None:
    """Listed items match what the call filtered on: a `minPrice` holds for every price, and a
    `team_id` sent to a schedule is one of each game's two teams (`home_team_id`/`away_team_id`),
    under the name that team already has (`names`: id as text → name)."""
    for items in dict_lists(output):
        for head, side, bound in one_sided(arguments):
            for i, item in enumerate(items):
                key = next((k for k in item if snake(k) == head and isinstance(item[k], (int, float))
                            and not isinstance(item[k], bool)), None)
                if key is None:
                    continue
                step = max(1.0, abs(bound) * 0.07) * (i + 1)
                if side == "low" and item[key] < bound:
                    item[key] = _like(item[key], bound + step)
                elif side == "high" and item[key] > bound:
                    item[key] = _like(item[key], max(bound - step, 0))
        _named_first(items, arguments, world)
        for name, value in arguments.items():
            param = snake(name)
            if not isinstance(value, (str, int)) or isinstance(value, bool):
                continue
            own = next((k for k in items[0] if param.endswith("_ids") and snake(k) == param[:-1]), None)
            if own is not None and not any(str(item.get(own)) == str(value) for item in items):
                # `event_ids=447250` asks for that one event: the answer lists it, not others
                del items[1:]
                items[0][own] = type(items[0][own])(value) if isinstance(items[0][own], (str, int)) else value
                seen = (world or {}).get(f"{snake(own)}|{value}", {})
                items[0].update({k: v for k, v in seen.items() if k in items[0]})  # the event as it was shown
                continue
            if not param.endswith("_id") or param == "id":
                continue
            slots = [k for k in items[0] if snake(k).endswith("_" + param)]
            if not slots or any(str(item.get(k)) == str(value) for item in items for k in slots):
                continue
            del items[1:]  # one side of one game: the thing filtered for takes part once in the answer
            for i, item in enumerate(items):
                slot = slots[i % len(slots)]
                item[slot] = type(item[slot])(value) if isinstance(item[slot], (str, int)) else value
                label = next((k for k in item if snake(k) == snake(slot).removesuffix("_id")), None)
                if label is not None and str(value) in names:
                    item[label] = names[str(value)]


def _like(old: Any, new: float) -> Any:
    return int(round(new)) if isinstance(old, int) else round(new, 2)


_ACTIVE_WORDS = frozenset({"sell", "sale", "sales", "rent", "rental", "rentals", "available", "active", "listing", "listings"})


def active_only(output: Any, endpoint_words: set[str]) -> None:
    """A search for what is on offer (`searchPropertyForSell`, `…ForRent`) lists things not yet sold:
    their `sold_price`/`sold_date` are left out."""
    if not endpoint_words & _ACTIVE_WORDS or endpoint_words & {"sold", "history", "past", "archive"}:
        return
    for items in dict_lists(output):
        for item in items:
            for key in [k for k in item if snake(k).split("_")[0] == "sold"]:
                del item[key]


_QUERY_PARAMS = frozenset({"query", "q", "name", "keyword", "term", "search", "business_name", "company_name"})
_NAME_KEYS = ("name", "title", "business_name", "company_name", "display_name")


def _named_first(items: list[dict[str, Any]], arguments: dict[str, Any],
                 world: dict[str, dict[str, Any]] | None = None) -> None:
    """A search for a name (`query="Jives Media"`, words in capitals) finds that name first; a search
    for a kind of place ("coffee shop") finds places of that kind ("Kelley Coffee Shop"), wherever
    the conversation shows them again."""
    key = next((k for k in items[0] if snake(k) in _NAME_KEYS and isinstance(items[0][k], str)), None)
    if key is None:
        return
    query = next((v for k, v in arguments.items() if snake(k) in _QUERY_PARAMS and isinstance(v, str)
                  and v.split() and all(w[:1].isupper() for w in v.split())), None)
    if query is not None:
        if not any(query.lower() in str(i.get(key, "")).lower() for i in items):
            items[0][key] = query
        return
    kind = next((v for k, v in arguments.items() if snake(k) in _QUERY_PARAMS and isinstance(v, str)
                 and 0 < len(v.split()) <= 3 and v.islower() and v.replace(" ", "").isalpha()), None)
    placed = {snake(k) for k in items[0]} & {"address", "full_address", "lat", "latitude"}
    if kind is None or not placed:
        return
    for item in items:
        old = item.get(key)
        if not isinstance(old, str) or kind in old.lower():
            continue
        item[key] = f"{re.split(r'[ ,-]', old)[0]} {kind.title()}"
        for facts in (world or {}).values():  # the place keeps its new name in later calls
            if facts.get(key) == old:
                facts[key] = item[key]


LAT_KEYS = ("lat", "latitude")
LNG_KEYS = ("lng", "lon", "long", "longitude")


def grid_points(output: Any, arguments: dict[str, Any]) -> None:
    """A grid of size n asked around a point answers its n × n points, spread over the radius
    around that point (a reader counts 3 points for a 3 × 3 grid as a fault); grids larger than
    7 × 7 keep their sample of points."""
    size = next((int(v) for k, v in arguments.items() if {"grid", "size"} <= set(snake(k).split("_"))
                 and str(v).strip().isdigit()), None)
    center = [number(next((v for k, v in arguments.items() if snake(k) in keys), None)) for keys in (LAT_KEYS, LNG_KEYS)]
    if size is None or not 2 <= size <= 7 or center[0] is None or center[1] is None:
        return
    radius = number(next((v for k, v in arguments.items() if snake(k) == "radius"), None)) or 1.0
    step = radius / 111.0 / (size - 1)  # degrees of latitude between neighbouring points (km)
    # a degree of longitude shrinks with the cosine of the latitude: equal steps on the ground
    steps = (step, step / max(0.1, math.cos(math.radians(center[0]))))
    for items in dict_lists(output):
        lat = next((k for k in items[0] if snake(k) in LAT_KEYS), None)
        lng = next((k for k in items[0] if snake(k) in LNG_KEYS), None)
        if lat is None or lng is None:
            continue
        grid = [dict(items[i % len(items)]) for i in range(size * size)]
        for i, item in enumerate(grid):
            row, col = divmod(i, size)
            for key, base, offset, spacing in ((lat, center[0], row, steps[0]), (lng, center[1], col, steps[1])):
                point = round(base + (offset - (size - 1) / 2) * spacing, 4)
                item[key] = str(point) if isinstance(items[0][key], str) else point
        items[:] = grid


def number(value: Any) -> float | None:
    """A number from a value that may be text ("40.6986"), None when it is none."""
    try:
        return float(value) if value is not None and not isinstance(value, bool) else None
    except (TypeError, ValueError):
        return None
