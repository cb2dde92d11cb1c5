"""The one walker over nested JSON answers (dicts and lists) that the answer rules share.

Why at the bottom: the executor's agreement rules (`generator.agree`), the relations table
(`generator.relations`) and the identity carry (`generator.identity`) each visit every object of an
answer; written three times the walks drifted in order. Rules that change an object's values from
its children's (totals, averages) need the children done first (`inside_out`); lookups that find
the object naming a key want the outermost first (`outside_in`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def inside_out(value: Any) -> Iterator[dict[str, Any]]:
    """Every object of a JSON value, each after the objects inside it (a rule may then change its
    values, never its keys, before the walk moves on)."""
    if isinstance(value, list):
        for item in value:
            yield from inside_out(item)
    elif isinstance(value, dict):
        for child in value.values():
            yield from inside_out(child)
        yield value


def outside_in(value: Any) -> Iterator[dict[str, Any]]:
    """Every object of a JSON value, each before the objects inside it."""
    if isinstance(value, dict):
        yield value
        for child in value.values():
            yield from outside_in(child)
    elif isinstance(value, list):
        for child in value:
            yield from outside_in(child)
