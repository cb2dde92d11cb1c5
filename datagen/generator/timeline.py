"""Dated answers about one subject agree with a yes/no about them: "has events before D" is true
exactly when a date of that subject shown in the conversation lies before D.

A reader rejects "hasEvents: false before 2026-05-03" next to a date of 2026-03-26 shown for the
same subject. The executor keeps, per conversation, the dates its answers showed with the arguments
they were answers to; a `has_*`/`is_*` verdict of a call with a `before…`/`after…` date argument is
set from the dates seen for the same subject (an argument value both calls share), and a later date
of that subject is kept on the side of the cutoff that an earlier verdict stated.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any

from datagen.generator.moments import NOW_KEYS
from datagen.registry.naming import snake

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
BEFORE_WORDS = frozenset({"before", "until", "till", "to", "end"})
AFTER_WORDS = frozenset({"after", "since", "from", "start"})


def iso_day(value: Any) -> date | None:
    """The date a `YYYY-MM-DD` text names, else None."""
    return date.fromisoformat(value) if isinstance(value, str) and _ISO_DAY.match(value) else None


class Timeline:
    """Dates and verdicts seen in one conversation, by the argument values of their calls."""

    def __init__(self) -> None:
        self.dates: list[tuple[frozenset[str], date]] = []
        self.verdicts: list[tuple[frozenset[str], str, date, bool]] = []

    def apply(self, output: dict[str, Any], arguments: dict[str, Any]) -> None:
        """Make `output` agree with what was seen, then remember its dates and verdicts."""
        cutoff = cutoff_of(arguments)
        subject = frozenset(str(v) for v in arguments.values() if isinstance(v, (str, int)) and not isinstance(v, bool)
                            and iso_day(v) is None)
        if cutoff is not None and subject:
            side, when = cutoff
            for key, value in output.items():
                if isinstance(value, bool) and snake(key).split("_")[0] == "has":
                    seen = [d for args, d in self.dates if args & subject]
                    if seen:
                        output[key] = any(d < when for d in seen) if side == "before" else any(d > when for d in seen)
                    self.verdicts.append((subject, side, when, bool(output[key])))
        sent = {str(v) for v in arguments.values()}
        for key, value in output.items():
            day = iso_day(value)
            if day is None or value in sent:
                continue
            for args, side, when, verdict in self.verdicts:
                if args & subject and not verdict:  # "no events before D": this one is on or after D
                    if side == "before" and day < when:
                        day = when + timedelta(days=(when - day).days % 20 + 1)
                    elif side == "after" and day > when:
                        day = when - timedelta(days=(day - when).days % 20 + 1)
            output[key] = day.isoformat()
            self.dates.append((subject, day))


def cutoff_of(arguments: dict[str, Any]) -> tuple[str, date] | None:
    """("before" or "after", the day) of a call that asks about one side of a date (`beforeDate`)."""
    for name, value in arguments.items():
        day = iso_day(value)
        words = set(snake(name).split("_"))
        if day is not None and words & BEFORE_WORDS:
            return "before", day
        if day is not None and words & AFTER_WORDS:
            return "after", day
    return None


CALL_SECONDS = 40
"""Seconds between two calls of one conversation on the server clock (`time_now` of each answer)."""


def set_clock(value: Any, now: datetime) -> None:
    """Every `time_now`-like field says the conversation's clock, as text or as a Unix time like the
    field had (two calls a minute apart never report times months apart)."""
    if isinstance(value, list):
        for item in value:
            set_clock(item, now)
    elif isinstance(value, dict):
        for key, child in value.items():
            if snake(key) in NOW_KEYS and isinstance(child, int) and not isinstance(child, bool):
                value[key] = int(now.timestamp()) * (1000 if child > 10**11 else 1)
            elif snake(key) in NOW_KEYS and isinstance(child, str):
                value[key] = now.strftime("%Y-%m-%dT%H:%M:%SZ")
            else:
                set_clock(child, now)


PAST_WORDS = frozenset({"archive", "archived", "history", "historical", "past", "previous"})
_ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?Z?)?$")


def into_the_past(value: Any, days: int) -> None:
    """An archive lists what is over: every date of its answer moves `days` back (their order kept),
    so archived events come before the ones another call lists as current."""
    if isinstance(value, list):
        for item in value:
            into_the_past(item, days)
    elif isinstance(value, dict):
        for key, child in value.items():
            if isinstance(child, str) and _ISO_MOMENT.match(child):
                moment = datetime.fromisoformat(child.replace("Z", "+00:00")) - timedelta(days=days)
                value[key] = moment.strftime("%Y-%m-%d") if len(child) == 10 else (
                    moment.strftime("%Y-%m-%dT%H:%M:%SZ") if child.count(":") == 2 else moment.strftime("%Y-%m-%dT%H:%MZ"))
            else:
                into_the_past(child, days)


_STARTS = frozenset({"starts", "start", "start_time", "start_date", "starts_at", "begins"})
_SETTLED = frozenset({"settled_at", "settled", "result_at", "finished_at", "ended_at"})


def unsettled_ahead(value: Any, days: int, now: datetime) -> bool:
    """A current listing of things that start and get settled (not an archive) lists what is still
    ahead: its dates move `days` forward, past the server clock, and nothing starting after the
    clock has results yet (a reader rejects results settled for things that have not started).
    Returns whether it applied."""
    if not _holds(value, _STARTS) or not _holds(value, _SETTLED):
        return False
    into_the_past(value, -days)
    _drop_settled(value, now.strftime("%Y-%m-%dT%H:%M"))
    return True


def _holds(value: Any, keys: frozenset[str]) -> bool:
    if isinstance(value, dict):
        return any(snake(k) in keys for k in value) or any(_holds(v, keys) for v in value.values())
    if isinstance(value, list):
        return any(_holds(v, keys) for v in value)
    return False


def _drop_settled(value: Any, now: str) -> None:
    if isinstance(value, dict):
        for child in value.values():
            if isinstance(child, list) and child and all(isinstance(i, dict) for i in child):
                child[:] = [i for i in child if not any(snake(k) in _SETTLED and isinstance(v, str) and v[:16] > now
                                                       for k, v in i.items())]
            _drop_settled(child, now)
    elif isinstance(value, list):
        for item in value:
            _drop_settled(item, now)
