"""What one conversation's world already knows, read by later calls: the names its entities have,
the facts items state about a thing they name by id, and the places it showed.

No rule here knows what any kind of thing is (an order, a listing): each relation is read from the
structure of the answers (ids that name the same thing, coordinates that are the same point).
"""

from __future__ import annotations

from typing import Any

from datagen.generator.ranges import LAT_KEYS, LNG_KEYS, dict_lists, number
from datagen.registry.naming import snake


def names_in(world: dict[str, dict[str, Any]]) -> dict[str, str]:
    """Id (as text) → the name that entity already has in this conversation's world."""
    names: dict[str, str] = {}
    for entity, facts in world.items():
        ident = entity.split("|", 1)[-1]
        label = next((v for k, v in facts.items() if isinstance(v, str) and (
            snake(k) in ("name", "title", "full_name", "team") or snake(k).endswith("_name"))), None)
        if label is not None:
            names.setdefault(ident, label)
    return names


def referenced_facts(output: Any, world: dict[str, dict[str, Any]]) -> None:
    """A fact an item states about a thing it names by id (`pack_id: 7, pack_items: 12`) is that
    thing's: every item and call that names the thing says the same (a reader rejects a pack that
    holds 12 items in its own lookup and 26 beside each of its icons)."""
    if isinstance(output, list):
        for item in output:
            referenced_facts(item, world)
        return
    if not isinstance(output, dict):
        return
    for ref_key, ref in output.items():
        name = snake(ref_key)
        if not name.endswith("_id") or name in ("id", "_id") or isinstance(ref, (bool, dict, list)) or ref is None:
            continue
        prefix = name.removesuffix("_id") + "_"
        known = world.setdefault(f"ref:{prefix}|{ref}", {})
        for key, value in output.items():
            own = snake(key)
            if key == ref_key or not own.startswith(prefix) or own.endswith(("_id", "_ids")) \
                    or isinstance(value, (dict, list)) or value is None:
                continue
            output[key] = known.setdefault(key, value)
    for value in output.values():
        if isinstance(value, (dict, list)):
            referenced_facts(value, world)


def remember(output: Any, world: dict[str, dict[str, Any]]) -> None:
    """What an answer finally says about an entity the world knows (after an archive moved its dates,
    a filter renamed it) is what later calls repeat: event 541701 does not start on 2025-10-30 in the
    archive and on 2026-03-29 when the markets call lists it."""
    if isinstance(output, list):
        for item in output:
            remember(item, world)
        return
    if not isinstance(output, dict):
        return
    for key, value in output.items():
        if isinstance(value, (dict, list)):
            remember(value, world)
        elif snake(key).endswith("id") and isinstance(value, (str, int)) and not isinstance(value, bool):
            known = world.get(f"{snake(key)}|{value}")
            if known is not None:
                known.update({k: v for k, v in output.items() if k in known and not isinstance(v, (dict, list))})


def here_first(output: Any, arguments: dict[str, Any], world: dict[str, dict[str, Any]]) -> None:
    """A search at the very point of a place the conversation showed lists that place first (a
    reader rejects a "pizza restaurant" search at Alvarez Pizza Restaurant's own coordinates that
    leaves Alvarez out)."""
    point = [_coordinate(next((v for k, v in arguments.items() if snake(k) in keys), None)) for keys in (LAT_KEYS, LNG_KEYS)]
    if point[0] is None or point[1] is None:
        return
    place = next((facts for facts in world.values() if _point_of(facts) == (point[0], point[1])), None)
    if place is None:
        return
    for items in dict_lists(output):
        first = items[0]
        shared = [k for k in first if k in place and not isinstance(first[k], (dict, list))]
        if len(shared) < 3 or any(all(item.get(k) == place[k] for k in shared) for item in items):
            continue
        first.update({k: _as(first[k], place[k]) for k in shared})


def _as(old: Any, new: Any) -> Any:
    """`new` in the type the field had (a coordinate the schema writes as text stays text)."""
    return str(new) if isinstance(old, str) and not isinstance(new, str) else new


def _coordinate(value: Any) -> float | None:
    found = number(value)
    return round(found, 4) if found is not None else None


def _point_of(facts: dict[str, Any]) -> tuple[float | None, float | None]:
    lat = next((_coordinate(v) for k, v in facts.items() if snake(k) in LAT_KEYS), None)
    lng = next((_coordinate(v) for k, v in facts.items() if snake(k) in LNG_KEYS), None)
    return lat, lng

