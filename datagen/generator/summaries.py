"""An average, a minimum or a maximum one call gives agrees with the values another call listed.

Why: readers reject a daily average price of 438.73 beside the same day's prices 252–313 returned by
another endpoint of the same tool for the same arguments. Two calls are about one subject when they
are endpoints of one tool and every parameter they share was sent the same value (as text). A
summary field (`average_price`, `min_price`, `high`) of one call and the listed items' field of the
same quantity (`price`) in the other are then one set of numbers: when the summary comes later it is
set from the list (the mean, the lowest, the highest, when the list is the whole set; else kept
inside the listed range), and when the list comes later its values are scaled so their mean is the
average and kept within the bounds. Items that carry the summary's own key (candles with their own
`high`) are periods of their own and are left alone. `tallies` carries one thing's counts; this
carries a set's summary.
"""

from __future__ import annotations

from typing import Any

from datagen.generator.listed import more_exist
from datagen.generator.numeric import num, set_number
from datagen.generator.ranges import dict_lists
from datagen.registry.naming import snake

SUMMARY_WORDS: tuple[tuple[str, str, str], ...] = (
    ("average", "mean", "the mean of the values listed"), ("avg", "mean", "the mean of the values listed"),
    ("mean", "mean", "the mean of the values listed"),
    ("min", "low", "no value listed is below it"), ("minimum", "low", "no value listed is below it"),
    ("lowest", "low", "no value listed is below it"), ("low", "low", "no value listed is below it"),
    ("max", "high", "no value listed is above it"), ("maximum", "high", "no value listed is above it"),
    ("highest", "high", "no value listed is above it"), ("high", "high", "no value listed is above it"),
)
"""(word in a field's name, what the field is of the listed values, why)."""
_KIND = {word: kind for word, kind, _ in SUMMARY_WORDS}


def _tool(name: str) -> str:
    return name.split("::")[0]


def same_subject(a: tuple[str, dict[str, Any]], b: tuple[str, dict[str, Any]]) -> bool:
    """Two calls (endpoint id, arguments) of one tool whose shared parameters were sent the same value."""
    if _tool(a[0]) != _tool(b[0]) or a[0] == b[0] and a[1] != b[1]:
        return False
    shared = set(a[1]) & set(b[1])
    if not shared and (a[1] or b[1]):
        return False
    return all(str(a[1][k]) == str(b[1][k]) for k in shared)


def summary_fields(output: Any) -> list[tuple[dict[str, Any], str, str, str]]:
    """(object, key, kind, quantity) of every summary number outside lists (`average_price` → mean, price)."""
    found = []
    stack = [output] if isinstance(output, dict) else []
    while stack:
        obj = stack.pop()
        for key, value in obj.items():
            if isinstance(value, dict):
                stack.append(value)
            words = snake(key).split("_")
            kinds = [_KIND[w] for w in words if w in _KIND]
            if num(value) and len(kinds) == 1:
                found.append((obj, key, kinds[0], "_".join(w for w in words if w not in _KIND)))
    return found


def listed_values(output: Any, key: str, quantity: str) -> list[tuple[dict[str, Any], str, list[dict[str, Any]]]]:
    """(container, value key, items) of each list of items giving the quantity (`price` for `average_price`)."""
    found = []
    for items in dict_lists(output):
        if any(snake(k) == snake(key) for k in items[0]) or len(items) < 2:
            continue  # items with their own `high` are periods of their own
        names = [k for k in items[0] if num(items[0][k]) and quantity and (
            snake(k) == quantity or snake(k).split("_")[-1] == quantity.split("_")[-1])]
        if len(names) == 1 and all(num(i.get(names[0])) for i in items):
            found.append((_parent(output, items), names[0], items))
    return found


def _parent(output: Any, items: list[Any]) -> dict[str, Any]:
    if isinstance(output, dict):
        for value in output.values():
            if value is items:
                return output
            if isinstance(value, (dict, list)):
                found = _parent(value, items)
                if found:
                    return found
    if isinstance(output, list):
        for value in output:
            found = _parent(value, items)
            if found:
                return found
    return {}


def calls_of(outputs: list[dict[str, Any]], calls: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any], Any]]:
    """(endpoint id, arguments, output) of each call made so far (`tool_outputs` beside `tool_calls`)."""
    return [(o["name"], c.get("parameters") or {}, o["output"]) for o, c in zip(outputs, calls)]


def summaries_agree(output: dict[str, Any], endpoint_id: str, arguments: dict[str, Any],
                    outputs: list[dict[str, Any]], calls: list[dict[str, Any]]) -> None:
    """Make `output`'s summaries agree with earlier listings of its subject, and its listings with
    earlier summaries (`outputs`, `calls`: the conversation's tool outputs and calls so far)."""
    for name, sent, before in calls_of(outputs, calls):
        if not same_subject((endpoint_id, arguments), (name, sent)):
            continue
        for obj, key, kind, quantity in summary_fields(output):
            for parent, value_key, items in listed_values(before, key, quantity):
                values = [float(i[value_key]) for i in items]
                whole = not more_exist(parent)
                target = {"mean": sum(values) / len(values), "low": min(values), "high": max(values)}[kind]
                now = float(obj[key])
                if not whole:
                    target = min(max(now, min(values)), max(values)) if kind == "mean" else (
                        min(now, target) if kind == "low" else max(now, target))
                set_number(obj, key, target)
        for obj, key, kind, quantity in summary_fields(before):
            for _, value_key, items in listed_values(output, key, quantity):
                _fit(items, value_key, kind, float(obj[key]))


def _fit(items: list[dict[str, Any]], key: str, kind: str, bound: float) -> None:
    """Listed values moved to agree with a summary stated earlier."""
    values = [float(i[key]) for i in items]
    if kind == "mean":
        mean = sum(values) / len(values)
        if mean > 0 and bound > 0 and not min(values) <= bound <= max(values):
            for item, value in zip(items, values):
                set_number(item, key, value * bound / mean)
    else:
        for item, value in zip(items, values):
            if kind == "low" and value < bound or kind == "high" and value > bound:
                set_number(item, key, bound)


def violations(earlier: list[tuple[str, dict[str, Any], Any]]) -> int:
    """How many summaries disagree with a listing of the same subject in another call (dev measure)."""
    bad = 0
    for i, (name, sent, output) in enumerate(earlier):
        for other, other_sent, listing in earlier[:i] + earlier[i + 1:]:
            if not same_subject((name, sent), (other, other_sent)):
                continue
            for obj, key, kind, quantity in summary_fields(output):
                for _, value_key, items in listed_values(listing, key, quantity):
                    values = [float(x[value_key]) for x in items]
                    now = float(obj[key])
                    bad += int(kind == "mean" and not min(values) - 0.01 <= now <= max(values) + 0.01
                               or kind == "low" and now > min(values) + 0.01
                               or kind == "high" and now < max(values) - 0.01)
    return bad
