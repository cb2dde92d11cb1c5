"""Rubric gates over the times one answer states: `timeline_order` and `timestamp_mismatch` (R3).

Session 5's readers rejected answers whose times cannot all be true. Both gates read a time as an
ISO text (`2026-06-02`, `2026-06-02T03:35:00Z`) or, in a field whose name says it is a time, epoch
seconds or milliseconds, and decide what a time means from its field name's words alone:

- `timeline_order`: numbered parts of one thing (siblings of one list with a small distinct
  `number`/`period`/`seq` and one time field) whose times run backwards with the numbers (period 2
  settled before period 1); and a part's time that does not fit its parent's start: a `cutoff` or
  `deadline` after the parent starts, or a part settled before the parent starts or days after it.
- `timestamp_mismatch`: two fields of one object that name the moment it came to be (`taken_at`,
  `device_timestamp`, `created_at`) more than a day apart, or a child object (`caption`) created days
  after its parent was. Times that move on their own (`updated_at`, `expires`, `end_time`) are not
  that moment.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from datagen.evaluator.lineage import Call, calls
from datagen.evaluator.rubric_base import Record, issue, objects_in
from datagen.evaluator.rubric_words import (CLOSING_WORDS, MOVING_TIME_WORDS, PART_ORDER_WORDS, SAME_MOMENT_WORDS,
                                           SETTLING_WORDS, START_WORDS)
from datagen.evaluator.types import Issue
from datagen.registry.naming import snake

_TIME_ENDS = frozenset({"at", "time", "timestamp", "date", "ts", "on", "datetime"})
_DAY = timedelta(days=1)
_SETTLE_SPAN = timedelta(days=2)  # a part of one event is over within the event, not weeks later


def _words(key: str) -> set[str]:
    return {w for w in snake(key).split("_") if w}


def _time_key(key: str) -> bool:
    words = _words(key)
    return bool(words & (_TIME_ENDS | SAME_MOMENT_WORDS | CLOSING_WORDS | SETTLING_WORDS | START_WORDS))


def moment(value: Any, epoch: bool = True) -> datetime | None:
    """A time value as an aware datetime: an ISO date or date-time text, or (with `epoch`) epoch seconds or ms."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if not epoch or not 1e9 <= value < 1e14:
            return None
        return datetime.fromtimestamp(value / 1000 if value > 1e12 else value, tz=timezone.utc)
    text = str(value).strip()
    if not isinstance(value, str) or len(text) < 10 or text[4:5] != "-":
        return None
    try:
        found = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return found if found.tzinfo else found.replace(tzinfo=timezone.utc)


def times_of(obj: dict[str, Any]) -> dict[str, datetime]:
    """An object's own time fields (not its children's), read as moments."""
    found = {}
    for key, value in obj.items():
        if isinstance(value, (dict, list)) or not _time_key(str(key)):
            continue
        at = moment(value)
        if at is not None:
            found[str(key)] = at
    return found


def _same_moment(key: str) -> bool:
    words = _words(key)
    return bool(words & SAME_MOMENT_WORDS) and not words & MOVING_TIME_WORDS


def _day(at: datetime) -> str:
    return at.isoformat(timespec="minutes")


def _mismatch_in(call: Call) -> list[Issue]:
    found: list[Issue] = []
    for path, obj in objects_in(call.output):
        where = f"call {call.index} ({call.name}) '{path or 'output'}'"
        own = {k: t for k, t in times_of(obj).items() if _same_moment(k)}
        if len(own) > 1:
            (early, e), (late, la) = min(own.items(), key=lambda x: x[1]), max(own.items(), key=lambda x: x[1])
            if la - e > _DAY:
                found.append(issue("timestamp_mismatch", f"{where} says {early} {_day(e)} and {late} {_day(la)}: "
                                   f"one moment {(la - e).days} days apart", call.index))
                continue
        if not own:
            continue
        first = min(own.values())
        for child_key, child in obj.items():
            if not isinstance(child, dict) or _words(str(child_key)) & MOVING_TIME_WORDS:
                continue
            made = {k: t for k, t in times_of(child).items() if _same_moment(k)}
            late_key = max(made, key=lambda k: made[k], default=None)
            if late_key is not None and made[late_key] - first > _DAY:
                found.append(issue("timestamp_mismatch", f"{where} was made {_day(first)}, its {child_key} "
                                   f"{late_key} {_day(made[late_key])}: {(made[late_key] - first).days} days later",
                                   call.index))
    return found


def _order(item: dict[str, Any]) -> int | None:
    """A part's number: a small int in a field named only with ordering words (`number`, `period`)."""
    for key, value in item.items():
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 100:
            if _words(str(key)) and _words(str(key)) <= PART_ORDER_WORDS:
                return value
    return None


def _parts_issues(where: str, call: Call, parent: dict[str, Any], key: str, items: list[Any]) -> list[Issue]:
    parts = [x for x in items if isinstance(x, dict)]
    numbers = [_order(x) for x in parts]
    if len(parts) < 1 or None in numbers or len(set(numbers)) != len(numbers):
        return []
    found: list[Issue] = []
    ordered = sorted(zip(numbers, parts), key=lambda x: x[0] or 0)
    shared = set.intersection(*(set(times_of(p)) for _, p in ordered))
    for field in sorted(f for f in shared if not _words(f) & MOVING_TIME_WORDS):
        for (n1, p1), (n2, p2) in zip(ordered, ordered[1:]):
            t1, t2 = times_of(p1)[field], times_of(p2)[field]
            if t2 < t1:
                found.append(issue("timeline_order", f"{where} {key} part {n2} has {field} {_day(t2)}, before part "
                                   f"{n1}'s {_day(t1)}", call.index))
                break
    starts = [t for k, t in times_of(parent).items() if _words(k) & START_WORDS and not _words(k) & MOVING_TIME_WORDS]
    if len(starts) != 1:
        return found
    start = starts[0]
    for n, part in ordered:
        for field, at in times_of(part).items():
            words = _words(field)
            late = words & CLOSING_WORDS and at - start > _DAY
            unsettled = words & SETTLING_WORDS and (start - at > _DAY or at - start > _SETTLE_SPAN)
            if late or unsettled:
                found.append(issue("timeline_order", f"{where} starts {_day(start)} but its {key} part {n} has "
                                   f"{field} {_day(at)}", call.index))
    return found


def _timeline_in(call: Call) -> list[Issue]:
    found: list[Issue] = []
    for path, obj in objects_in(call.output):
        where = f"call {call.index} ({call.name}) '{path or 'output'}'"
        for key, value in obj.items():
            if isinstance(value, list) and value and all(isinstance(x, dict) for x in value):
                found += _parts_issues(where, call, obj, str(key), value)
    return found


def _answered(record: Record) -> list[Call]:
    return [c for c in calls(record) if c.answered and not (isinstance(c.output, dict) and "error" in c.output)]


def timeline_issues(record: Record) -> list[Issue]:
    """`timeline_order`: parts of one thing whose times run backwards or leave their parent's start."""
    return [i for c in _answered(record) for i in _timeline_in(c)]


def timestamp_issues(record: Record) -> list[Issue]:
    """`timestamp_mismatch`: two times of one object (or of a child and its parent) that name one moment."""
    return [i for c in _answered(record) for i in _mismatch_in(c)]
