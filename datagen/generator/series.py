"""A list of entries that each carry a moment is a series: in time order, one entry per moment.

Why: readers rejected a trip whose stops arrive at 19:30, 18:30, 13:45, a day of prices all stamped
08:45, a price history with two rows of one date. A list whose items all carry one clock time or one
date (and no rank, which orders a list by something else) is put in time order, and an entry that
repeats the moment before it moves one step on (a quarter of an hour, or a day); a list of dates that
starts with its latest (a feed, newest first) keeps that direction, times of one day run forward. Row of
`generator.relations.RELATIONS`.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

from datagen.generator.timeline import iso_day
from datagen.registry.naming import snake

_CLOCK = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
_ORDERED_BY = frozenset({"rank", "position", "pos", "index", "order", "seq", "sequence", "place", "ranking"})
"""Keys that order a list by something other than time: such a list keeps its order."""
STEP_MINUTES = 15


def _kind(value: Any) -> str | None:
    """"clock" for `HH:MM`, "day" for `YYYY-MM-DD`, else None."""
    if isinstance(value, str) and _CLOCK.match(value):
        return "clock"
    return "day" if iso_day(value) is not None else None


def _moment_key(items: list[dict[str, Any]]) -> str | None:
    """The one key every item carries a clock time or a date under (the first such key)."""
    for key, value in items[0].items():
        kind = _kind(value)
        if kind is not None and all(_kind(i.get(key)) == kind for i in items):
            return key
    return None


def _step(value: str, sign: int) -> str:
    """The moment one step after (`sign` 1) or before (-1) `value`; a clock never passes midnight."""
    day = iso_day(value)
    if day is not None:
        return (day + timedelta(days=sign)).isoformat()
    moment = datetime.strptime(value, "%H:%M") + timedelta(minutes=sign * STEP_MINUTES)
    return moment.strftime("%H:%M") if moment.day == 1 else value


def in_time_order(obj: dict[str, Any], _now: datetime) -> None:
    """Every list of objects in `obj` that is a series: sorted by its moment, no moment twice."""
    for key, value in obj.items():
        if not isinstance(value, list) or len(value) < 2 or not all(isinstance(i, dict) and i for i in value):
            continue
        if any(w in _ORDERED_BY for item in value for k in item for w in snake(k).split("_")):
            continue
        moment = _moment_key(value)
        if moment is None:
            continue
        # a feed of dates listed newest first stays so; the times of one day run forward
        newest_first = _kind(value[0][moment]) == "day" and value[0][moment] > value[-1][moment]
        value.sort(key=lambda item: item[moment], reverse=newest_first)
        for before, item in zip(value, value[1:]):
            if item[moment] == before[moment] or (item[moment] < before[moment]) != newest_first:
                item[moment] = _step(before[moment], -1 if newest_first else 1)
