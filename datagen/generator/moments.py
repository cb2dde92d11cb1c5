"""Agreement rules about moments: calendar parts of a date, a server's clock after
its own timestamps, what closes before a start and settles after it, market events on weekdays, a
part made with a thing not before it. Applied by `agree.agree`, object by object (the order of a
thing's lifecycle moments, ends after starts, is `generator.lifecycle`).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import Any

from datagen.generator.numeric import num
from datagen.registry.naming import snake

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def calendar_parts(obj: dict[str, Any], sent: frozenset[str] = frozenset()) -> None:
    """`year`, `month`, `month_name` and a numeric `day` beside a date are that date's parts. A year
    that differs moves the date into it (the thing's year is what a search showed and a lookup of it
    carries: "year 2022" in a list, then "released 2026-07-17, year 2026" in its details, is two
    films), unless the date is one the call was sent (`sent`): then the year follows the date."""
    found = next(((k, m) for k, v in obj.items() if isinstance(v, str) and (m := _ISO_DATE.match(v))), None)
    if found is None:
        return
    date_key, match = found
    stated = next((v for k, v in obj.items() if snake(k) == "year" and (
        num(v) and not isinstance(v, float) or isinstance(v, str) and v.isdigit() and len(v) == 4)), None)
    text = obj[date_key]
    if stated is not None and 1900 <= int(stated) <= 2100 and int(stated) != int(match.group(1)) \
            and text not in sent and text[:10] not in sent:
        day = match.group(3) if match.group(2) + match.group(3) != "0229" else "28"
        obj[date_key] = f"{int(stated):04d}-{match.group(2)}-{day}{text[10:]}"
        match = _ISO_DATE.match(obj[date_key]) or match
    year, month, day_of_month = (int(match.group(i)) for i in (1, 2, 3))
    for name, key in {snake(k): k for k in obj}.items():
        value = obj[key]
        if name == "year" and (num(value) or isinstance(value, str) and value.isdigit()):
            obj[key] = year if num(value) else str(year)
        elif name == "month" and (num(value) or isinstance(value, str) and value.isdigit()):
            obj[key] = month if num(value) else str(month)
        elif name == "month" and isinstance(value, str) and value in _MONTHS or name == "month_name":
            obj[key] = _MONTHS[month - 1]
        elif name == "day" and num(value):
            obj[key] = day_of_month


_START_KEYS = frozenset({"starts", "start", "start_time", "start_date", "starts_at", "begins"})
_BEFORE_START = frozenset({"cutoff", "deadline", "closes", "close_time", "cutoff_time"})
_AFTER_START = frozenset({"settled_at", "ended_at", "finished_at", "completed_at", "result_at", "settled"})


def _parse_moment(text: str) -> datetime | None:
    for fmt in ("%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%dT%H:%MZ", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    return None


_SEQUENCE_KEYS = frozenset({"number", "num", "period", "sequence", "seq", "order", "position", "index", "part"})


def _sequence(item: dict[str, Any], position: int) -> int:
    """A part's place in its whole: its own sequence number (`number: 2`), else its list position."""
    found = next((v for k, v in item.items() if snake(k) in _SEQUENCE_KEYS and isinstance(v, int)
                  and not isinstance(v, bool)), None)
    return found if found is not None else position


def results_of_parts(obj: dict[str, Any]) -> None:
    """Results are given for parts the thing has: beside `periods` numbered 1 and 2, a
    `period_results` entry numbered 3 is a result of nothing and goes."""
    numbered = {k: v for k, v in obj.items() if isinstance(v, list) and v and all(isinstance(i, dict) for i in v)
                and all(_sequence(i, -1) >= 0 for i in v)}
    parts = [k for k in numbered if "result" not in snake(k) and "settle" not in snake(k)]
    if len(parts) != 1:
        return
    have = {_sequence(i, -1) for i in numbered[parts[0]]}
    for key, items in numbered.items():
        if key != parts[0] and ("result" in snake(key) or "settle" in snake(key)):
            kept = [i for i in items if _sequence(i, -1) in have]
            obj[key] = kept


def around_start(obj: dict[str, Any]) -> None:
    """Under a thing that starts at a moment, its parts close when it starts (a part's `cutoff` or
    `deadline` is the thing's start, not weeks before it) and are settled in their order within hours
    after it (part 2 after part 1, the same day), never before it."""
    start_key = next((k for k in obj if snake(k) in _START_KEYS and isinstance(obj[k], str)), None)
    start = _parse_moment(obj[start_key]) if start_key else None
    if start is None:
        return
    for child in obj.values():
        for position, item in enumerate(child if isinstance(child, list) else []):
            if not isinstance(item, dict):
                continue
            step = max(0, _sequence(item, position))
            for key, value in item.items():
                moment = _parse_moment(value) if isinstance(value, str) else None
                if moment is None:
                    continue
                name = snake(key)
                if name in _BEFORE_START:
                    item[key] = _like_moment(value, start - timedelta(minutes=moment.minute % 10 + 1))
                elif name in _AFTER_START:
                    late = timedelta(minutes=50 * step + 40 + moment.minute % 15)
                    item[key] = _like_moment(value, start + late)


def _like_moment(old: str, new: datetime) -> str:
    return new.strftime("%Y-%m-%d") if len(old) == 10 else new.strftime("%Y-%m-%dT%H:%M:%SZ" if old.count(":") == 2 else "%Y-%m-%dT%H:%MZ")


_MARKET_DAY_WORDS = frozenset({"earnings", "dividend", "exdividend", "ex", "payment", "settlement", "trade", "trading",
                               "filing", "ipo", "report", "record", "payable"})


_MADE_KEYS = frozenset({"taken_at", "created_at", "published_at", "posted_at", "uploaded_at", "created"})


def parts_after_whole(obj: dict[str, Any]) -> None:
    """A part made with a thing (a post's caption) is made within the hour after the thing was, not
    before it and not weeks later."""
    whole = next((v for k, v in obj.items() if snake(k) in _MADE_KEYS and num(v) and 10**9 <= v < 2 * 10**9), None)
    if whole is None:
        return
    for child in obj.values():
        if isinstance(child, dict):
            for key, value in child.items():
                if snake(key) in _MADE_KEYS and num(value) and 10**9 <= value < 2 * 10**9 \
                        and not whole <= value <= whole + 3600:
                    child[key] = int(whole) + 60 + int(value) % 3540


_SAME_MOMENT_WORDS = frozenset({"timestamp", "taken", "device", "posted", "captured", "uploaded"})
_OTHER_MOMENT_WORDS = frozenset({"updated", "modified", "edited", "expires", "expiry", "end", "last", "next",
                                 "deleted", "until", "now"})


def one_moment(obj: dict[str, Any]) -> None:
    """Fields of one object that stamp the moment it was made agree with it: a post `taken_at`
    2026-05-25 has no `device_timestamp` of 2026-04-01 (a device clock is a few seconds ahead)."""
    made = next(((k, v) for k, v in obj.items() if snake(k) in _MADE_KEYS and (
        num(v) and 10**9 <= v < 2 * 10**9 or isinstance(v, str) and _ISO_MOMENT.match(v))), None)
    if made is None:
        return
    value = made[1]
    at = datetime.fromtimestamp(value, tz=timezone.utc).replace(tzinfo=None) if num(value) \
        else _parse_moment(str(value)[:16] + ":00Z")
    if at is None:
        return
    for key, value in obj.items():
        words = set(snake(key).split("_"))
        if key == made[0] or not words & _SAME_MOMENT_WORDS or words & _OTHER_MOMENT_WORDS or isinstance(value, bool):
            continue
        ahead = at + timedelta(seconds=3 + _stable(key) % 20)
        if num(value) and 10**9 <= value < 2 * 10**9:
            obj[key] = int(ahead.replace(tzinfo=timezone.utc).timestamp())
        elif num(value) and 10**12 <= value < 2 * 10**12:
            obj[key] = int(ahead.replace(tzinfo=timezone.utc).timestamp()) * 1000
        elif isinstance(value, str) and _ISO_MOMENT.match(value):
            obj[key] = _like_moment(value, ahead)


def _stable(text: str) -> int:
    """A small stable number from a text (Python's `hash` changes between runs)."""
    return sum(ord(c) * (i + 1) for i, c in enumerate(text))


def business_days(obj: dict[str, Any]) -> None:
    """Dates of market events (an earnings date, an ex-dividend date) fall on weekdays: a Saturday
    moves to the Monday after."""
    for key, value in obj.items():
        if not (isinstance(value, str) and _ISO_DATE.match(value) and len(value) == 10):
            continue
        if not set(snake(key).split("_")) & _MARKET_DAY_WORDS:
            continue
        day = datetime.strptime(value, "%Y-%m-%d")
        if day.weekday() >= 5:
            obj[key] = (day + timedelta(days=7 - day.weekday())).strftime("%Y-%m-%d")


NOW_KEYS = frozenset({"time_now", "server_time", "current_time", "now", "timestamp_now"})
_ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?Z?$")


def _moments(value: Any) -> list[str]:
    """Every ISO moment and Unix time (as ISO) in a subtree."""
    if isinstance(value, dict):
        return [m for v in value.values() for m in _moments(v)]
    if isinstance(value, list):
        return [m for v in value for m in _moments(v)]
    if isinstance(value, str) and _ISO_MOMENT.match(value):
        return [value[:16]]
    if isinstance(value, int) and not isinstance(value, bool) and 1_000_000_000 <= value < 2_000_000_000:
        return [datetime.fromtimestamp(value, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M")]
    return []


def server_time(obj: dict[str, Any]) -> None:
    """The server's `time_now` is not earlier than any moment its own answer reports."""
    for key, value in obj.items():
        if snake(key) not in NOW_KEYS or not isinstance(value, (str, int)) or isinstance(value, bool):
            continue
        others = [m for k, v in obj.items() if k != key for m in _moments(v)]
        mine = _moments(value)
        if not others or not mine or mine[0] >= max(others):
            continue
        latest = datetime.strptime(max(others), "%Y-%m-%dT%H:%M").replace(tzinfo=timezone.utc)
        obj[key] = int(latest.timestamp()) + 60 if isinstance(value, int) else latest.strftime("%Y-%m-%dT%H:%M:00Z")


_WINDOW = re.compile(r"^(.+)_(?:\d+(?:d|days|h|hours)|recent|recently)$")


def within_window(obj: dict[str, Any]) -> None:
    """A yes/no and the same yes/no within a window say one thing: `is_new_member_30d: true`
    beside `is_new_member: false` cannot both be so, and readers reject the reverse too; the
    overall flag follows the windowed one."""
    names = {snake(k): k for k, v in obj.items() if isinstance(v, bool)}
    for name, key in names.items():
        match = _WINDOW.match(name)
        base = names.get(match.group(1)) if match else None
        if base is not None:
            obj[base] = obj[key]
