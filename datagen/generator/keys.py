"""Reading an answer object's keys as words: the helpers the relation modules share."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from datagen.registry.naming import snake

Obj = dict[str, Any]


def words(key: str) -> list[str]:
    """A key's words, snake case (`countryName` → country, name)."""
    return [w for w in snake(key).split("_") if w]


def keys_where(obj: Obj, test: Callable[[list[str], Any], bool]) -> Iterator[str]:
    """The keys whose words and value pass `test`."""
    return (k for k, v in obj.items() if test(words(k), v))


def first_key_where(obj: Obj, test: Callable[[list[str], Any], bool]) -> str | None:
    """The first key whose words and value pass `test`, or None."""
    return next(keys_where(obj, test), None)
