"""One quantity of one thing is one number across the calls of a conversation.

Why: readers reject a channel with 1,204 subscribers in a search and `subscribers_count: 87` when it
is looked up, a film of 2018 in a listing and of 2026 on its own page. When a call is sent a value
that an earlier answer's object names itself by (its `id`, `url`, `username`, or the one id-like key
it has, as `mId`), and exactly one object of the new answer repeats that value, the new object's
quantities carry the earlier object's values. Quantities match by their names normalised (snake
case, each word singular, the count words read as one: `commentCount` ≈ `comment_count` ≈
`comments_count` ≈ `num_comments` ≈ `comments`), and the carried number is written in the type the
new field has (`"17502"` stays text). `generator.identity` carries names and like-spelt facts; this
adds quantities whose spellings differ.
"""

from __future__ import annotations

import re
from typing import Any

from datagen.core.json_objects import outside_in
from datagen.generator.known import OWN_KEYS, names_one_thing
from datagen.generator.lifecycle import read_moment
from datagen.generator.listed import counted_list
from datagen.lexicon import ENVELOPE_KEYS
from datagen.registry.naming import singular, snake

_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")

COUNT_FORMS: tuple[tuple[str, str], ...] = (
    ("num_", "`num_comments` is the number of comments"),
    ("number_of_", "`number_of_comments` is the number of comments"),
    ("total_", "`total_comments` (a plural after it) is the number of comments"),
    ("_count", "`comments_count` and `comment_count` are the number of comments"),
    ("_total", "`comment_total` is the number of comments"),
)
"""Spellings of "the number of X" that are one quantity, each with an example."""

NOT_QUANTITIES = frozenset({"page", "limit", "offset", "per_page", "page_size", "rank", "position", "index",
                            "order", "sequence", "version", "zoom", "width", "height"})
"""Numbers that place an object in one answer or one request (its rank in this list, this page)
rather than say something about the thing; they may differ between calls."""
_CALENDAR = frozenset({"year", "month", "day", "hour", "minute", "second", "week", "date", "time"})
"""Words of a calendar part: a moment of the thing (kept with its other moments), not a quantity."""


def quantity_name(key: str) -> str | None:
    """The normalised name of a quantity key, or None for ids and placing numbers."""
    name = snake(key)
    if not name or name in ENVELOPE_KEYS or name in NOT_QUANTITIES or name == "id" or name.endswith(("_id", "_ids")):
        return None
    words = name.split("_")
    if words[-1] in _CALENDAR:
        return None
    counted = False
    for prefix, _ in COUNT_FORMS:
        if prefix.endswith("_") and name.startswith(prefix) and len(name) > len(prefix):
            rest = name[len(prefix):].split("_")
            if prefix != "total_" or singular(rest[-1]) != rest[-1]:
                words, counted = rest, True
        elif prefix.startswith("_") and name.endswith(prefix) and len(name) > len(prefix):
            words, counted = name[: -len(prefix)].split("_"), True
    if not counted and singular(words[-1]) != words[-1]:
        counted = True  # `comments: 12` is a count of comments
    stem = "_".join(singular(w) for w in words)
    return f"{stem}#count" if counted else stem


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str) and _NUMBER.match(value):
        return float(value)
    return None


def _as(old: Any, new: float) -> Any:
    """`new` in the type and shape the field had."""
    if isinstance(old, int):
        return int(round(new))
    if isinstance(old, float):
        return new
    text = str(int(new)) if new == int(new) else str(new)
    return text if "." in text or "." not in old else f"{new:.{len(old.split('.')[1])}f}"


def _own_key(obj: dict[str, Any], key: str) -> bool:
    """Whether the object names itself by this key: an own key (`id`, `url`, `username` …) or the
    one id-like key it has (`mId`); `developerId` beside an `id` names another thing."""
    if snake(key).replace("_", "") in OWN_KEYS:
        return True
    ids = [k for k in obj if snake(k) == "id" or snake(k).endswith("_id")]
    return ids == [key]


def _named_by(output: Any, sent: Any) -> list[dict[str, Any]]:
    return [o for o in outside_in(output) if any(v == sent and _own_key(o, k) for k, v in o.items())]


def same_tallies(output: dict[str, Any], arguments: dict[str, Any], earlier: list[Any]) -> None:
    """Give the one object of `output` that repeats a sent value the quantities the most recent
    earlier object named by that value stated (see the module docstring)."""
    for sent in arguments.values():
        if not names_one_thing(sent):
            continue
        targets = [o for o in outside_in(output) if any(v == sent or str(v) == str(sent) for v in o.values())]
        if len(targets) != 1:
            continue  # several objects repeat it: a list filtered by the value, none of them that thing
        source = next((found[0] for out in reversed(earlier) if (found := _named_by(out, sent)
                       or _named_by(out, str(sent)))), None)
        if source is None or source is targets[0]:
            continue
        known: dict[str, float] = {}
        for key, value in source.items():
            name, number = quantity_name(key), _number(value)
            if name is not None and number is not None and read_moment(key, value) is None:
                known.setdefault(name, number)
        target = targets[0]
        lists = {snake(k): v for k, v in target.items() if isinstance(v, list)}
        for key, value in target.items():
            name, number = quantity_name(key), _number(value)
            if counted_list(snake(key), lists) is not None:
                continue  # a count beside the list it counts agrees with that list (`listed.counts`)
            if name in known and number is not None and number != known[name] and read_moment(key, value) is None:
                target[key] = _as(value, known[name])
