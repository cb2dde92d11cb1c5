"""A whole is no smaller than its named parts, and a yes/no over listed things agrees with them.

Why: readers reject 40 recommended and 35 not recommended reviews beside a review count of 12, and
`is_in_stock: true` while every variant is out of stock. Names say part-of: a key that is another
key's name with words in front (`recommended_review_count` beside `review_count`, `positive_reviews`
beside `total_reviews`) counts some of what that key counts: each part is at most the whole, and so
are a part and its complement together (`recommended_…` and `not_recommended_…`; such a pair
beside a `total_…_count` splits that total); parts that
overflow shrink in proportion (the whole may already be pinned to a list's length by
`listed.counts`). An aggregate flag is the same flag of its listed items read over them: in stock
when any item is. Units and breakdowns of one amount are `units.one_amount`'s.
"""

from __future__ import annotations

from typing import Any

from datagen.generator.numeric import num
from datagen.generator.units import one_amount
from datagen.registry.naming import snake

NOT_PARTS = frozenset({"average", "avg", "mean", "max", "maximum", "min", "minimum", "median", "daily", "weekly",
                       "monthly", "yearly", "annual", "per", "expected", "estimated", "previous", "last", "prior",
                       "next", "total", "percent", "percentage", "pct", "rate", "ratio", "share"})
"""Words in front of a count that make it no part of it: an average, a bound, a count of another
period (`previous_review_count`), or a share; such a number may exceed the whole."""
_GENERIC = frozenset({"count", "total", "number", "amount", "num", "value", "sum"})
"""A whole named only by a generic word (`total_count`) says not what it counts: no parts are read."""

AGGREGATE_FLAGS: tuple[tuple[str, str, str], ...] = (
    ("in_stock", "any", "a thing is in stock when one of its variants is"),
    ("instock", "any", "a thing is in stock when one of its variants is"),
    ("available", "any", "a thing is available when one of its options is"),
    ("has_availability", "any", "a thing has availability when one of its options has"),
    ("out_of_stock", "all", "a thing is out of stock only when every variant is"),
    ("sold_out", "all", "a thing is sold out only when every option is"),
    ("unavailable", "all", "a thing is unavailable only when every option is"),
)
"""(flag name without `is_`, how the items' flags combine, why)."""
_FLAGS = {name: how for name, how, _ in AGGREGATE_FLAGS}


def _core(name: str) -> str:
    return name.removeprefix("total_").removeprefix("number_of_").removeprefix("num_")


def part_groups(obj: dict[str, Any]) -> list[tuple[str, list[str]]]:
    """(whole key, part keys) of every count whose parts sit beside it in `obj`."""
    names = {snake(k): k for k, v in obj.items() if num(v)}
    found = []
    for name, key in names.items():
        core = _core(name)
        if core in _GENERIC or "_" not in core and core == name:
            continue  # `count` alone, or a bare noun that is no count (`reviews` beside `total_reviews` is)
        if not (core.endswith(("_count", "_total")) or core != name):
            continue
        parts = [k for n, k in names.items() if n != name and n.endswith("_" + core) and _core(n) == n
                 and not set(n[: -len(core) - 1].split("_")) & NOT_PARTS]
        if name.startswith("total_"):  # a pair that splits one set (`recommended_count`, `not_recommended_count`)
            last = "_" + name.split("_")[-1]  # beside the one total of the object splits that total
            parts += [k for n, k in names.items() if k not in parts and n.endswith(last) and n != name
                      and (f"not_{n}" in names or n.startswith("not_") and n[4:] in names)]
        if parts:
            found.append((key, parts))
    return found


def _over(obj: dict[str, Any], whole: str, parts: list[str]) -> list[list[str]]:
    """Sets of parts that together exceed the whole: each part alone, and a part with its
    complement (`not_recommended_X` beside `recommended_X`: disjoint, so they add up). Other parts
    may overlap (rated and filtered reviews), so only each is bounded."""
    sets = [[p] for p in parts]
    names = {snake(p): p for p in parts}
    sets += [[p, names[f"not_{n}"]] for n, p in names.items() if f"not_{n}" in names]
    return [s for s in sets if sum(obj[p] for p in s) > obj[whole]]


def parts_within(obj: dict[str, Any]) -> None:
    """Parts that add up to more than their whole shrink in proportion to fit it."""
    for whole, parts in part_groups(obj):
        for group in _over(obj, whole, parts):
            total = sum(obj[p] for p in group)
            if total <= obj[whole] or total <= 0:
                continue
            scale = max(obj[whole], 0) / total
            for p in group:
                obj[p] = int(obj[p] * scale) if isinstance(obj[p], int) else round(obj[p] * scale, 2)


def _flag(key: str) -> str:
    return snake(key).removeprefix("is_")


def aggregate_flags(obj: dict[str, Any]) -> None:
    """An aggregate yes/no (`is_in_stock`) is its listed items' same flag read over them."""
    for key, value in obj.items():
        how = _FLAGS.get(_flag(key))
        if how is None or not isinstance(value, bool):
            continue
        for items in obj.values():
            if not (isinstance(items, list) and items and all(isinstance(i, dict) for i in items)):
                continue
            flags = [v for i in items for k, v in i.items() if _flag(k) == _flag(key) and isinstance(v, bool)]
            if len(flags) == len(items):
                obj[key] = any(flags) if how == "any" else all(flags)
                break


def one_whole(obj: dict[str, Any]) -> None:
    """Every rule of this module and `units` on one object."""
    one_amount(obj)
    parts_within(obj)
    aggregate_flags(obj)


def violations(obj: dict[str, Any]) -> int:
    """How many parts-over-whole groups and disagreeing flags `obj` has (a measure for dev checks)."""
    bad = sum(1 for whole, parts in part_groups(obj) if _over(obj, whole, parts))
    for key, value in obj.items():
        how = _FLAGS.get(_flag(key))
        if how is None or not isinstance(value, bool):
            continue
        for items in obj.values():
            if isinstance(items, list) and items and all(isinstance(i, dict) for i in items):
                flags = [v for i in items for k, v in i.items() if _flag(k) == _flag(key) and isinstance(v, bool)]
                if len(flags) == len(items) and value != (any(flags) if how == "any" else all(flags)):
                    bad += 1
    return bad
