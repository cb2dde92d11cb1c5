"""Rubric gate over the counts a conversation states: `count_mismatch` (R3).

Session 5's readers rejected a pack said to hold 12 items by its own lookup and 26 and 43 by the
icons of that same pack in a later search, a grid search of 3 × 3 points answering 1 point, and a
"found 2 of them, 100 %" beside 9 points searched. Three generic readings, from value types and the
roles of field names:

- a count attribute of one entity: in an object holding `<noun>_id`, an int field named for that noun
  and ending with a count word (`pack_items`, `member_count`) belongs to the entity of that id; two
  values for one entity, in one answer or across calls, contradict each other;
- a grid the call asked for (an argument named with both "grid" and "size", n) has n × n points: a list
  of coordinate points of another length, or a percentage of them (`found_percent` beside `found`)
  that is not `found` / n², contradicts the request;
- a percentage beside its count and a `total` of the same object that disagree.
"""

from __future__ import annotations

from typing import Any

from datagen.evaluator.lineage import Call, calls, loose
from datagen.evaluator.rubric_base import Record, issue, lists_in, objects_in
from datagen.evaluator.rubric_words import COUNT_WORDS, PERCENT_WORDS
from datagen.evaluator.types import Issue
from datagen.registry.naming import snake

_ID_WORDS = frozenset({"id", "uuid", "guid"})
_COORDINATES = frozenset({"lat", "latitude"})
_SLACK = 1.5  # percentage points of rounding


def _words(key: str) -> list[str]:
    return [w for w in snake(key).split("_") if w]


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _entity_counts(call: Call, seen: dict[tuple[str, str, str], dict[int, str]]) -> None:
    for path, obj in objects_in(call.output):
        for id_key, id_value in obj.items():
            words = _words(str(id_key))
            noun = words[:-1]
            if not noun or words[-1] not in _ID_WORDS or isinstance(id_value, (dict, list, bool)) or id_value is None:
                continue
            for key, value in obj.items():
                kw = _words(str(key))
                count = _int(value) if not isinstance(value, str) else None
                if count is None or len(kw) != len(noun) + 1 or kw[:-1] != noun or kw[-1] not in COUNT_WORDS:
                    continue
                entity = ("_".join(noun), loose(id_value).lower(), snake(str(key)))
                seen.setdefault(entity, {}).setdefault(count, f"call {call.index} ({call.name}) '{path or 'output'}'")


def _grid_size(call: Call) -> int | None:
    for key, value in call.parameters.items():
        words = set(_words(str(key)))
        size = _int(value)
        if {"grid", "size"} <= words and size is not None and 1 <= size <= 50:
            return size
    return None


def _percent_issues(call: Call, points: int | None) -> list[Issue]:
    found: list[Issue] = []
    for path, obj in objects_in(call.output):
        for key, value in obj.items():
            words = _words(str(key))
            if not words or words[-1] not in PERCENT_WORDS or isinstance(value, bool) or not isinstance(value, (int, float)):
                continue
            part = next((_int(v) for k, v in obj.items() if _words(str(k)) == words[:-1]), None)
            whole = points or next((_int(v) for k, v in obj.items() if _words(str(k)) == ["total"]), None)
            if part is None or not whole or abs(100 * part / whole - value) <= _SLACK:
                continue
            found.append(issue("count_mismatch", f"call {call.index} ({call.name}) '{path or 'output'}' says "
                               f"{'_'.join(words[:-1])} {part} is {key} {value} of {whole}", call.index))
    return found


def _grid_issues(call: Call) -> list[Issue]:
    size = _grid_size(call)
    if size is None:
        return _percent_issues(call, None)
    found = _percent_issues(call, size * size)
    for path, items in lists_in(call.output):
        points = [x for x in items if isinstance(x, dict) and set(snake(str(k)) for k in x) & _COORDINATES]
        if points and len(points) == len(items) and len(items) != size * size:
            found.append(issue("count_mismatch", f"call {call.index} ({call.name}) asked for a grid of size {size} "
                               f"({size * size} points) and '{path}' holds {len(items)}", call.index))
    return found


def count_issues(record: Record) -> list[Issue]:
    """`count_mismatch`: one entity with two counts, or a grid or percentage that contradicts its own numbers."""
    made = [c for c in calls(record) if c.answered and not (isinstance(c.output, dict) and "error" in c.output)]
    seen: dict[tuple[str, str, str], dict[int, str]] = {}
    found: list[Issue] = []
    for call in made:
        _entity_counts(call, seen)
        found += _grid_issues(call)
    for (noun, value, key), said in seen.items():
        if len(said) > 1:
            (first, at), (second, there) = list(said.items())[:2]
            found.append(issue("count_mismatch", f"{noun} {value!r} has {key} {first} in {at} and {second} in {there}"))
    return found
