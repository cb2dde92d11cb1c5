"""Answers that follow from what a call was sent, as one table of rows: a lookup at a moment answers
for that moment, a difference of two clock times is hours and minutes, a converted point stays near
the point sent, and a bank code sent is the code the answer describes.

Why: the relations inside one answer (`relations`) cannot see the call's arguments, and readers
rejected answers that ignore them: a price "at timestamp 1777358317" (08:38 in Madrid) for 15:45, a
time difference of 10:45 and 15:00 given as "12 months 9 days", a datum conversion landing on another
continent, an IBAN sent for checking answered with another one. Each row reads generic words of the
call's name and of the keys (hourly, daily, diff, convert, lat, lon, iban), never a tool's name, and
changes values in place; the place's zone is the call's place (`places.call_place`) or UTC.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from datagen import reference
from datagen.core.json_objects import inside_out, outside_in
from datagen.generator.bank_codes import BIC_WORDS, IBAN_WORDS, set_country
from datagen.generator.fake import Place
from datagen.generator.keys import words
from datagen.generator.semantic import BASE_DATE
from datagen.reference.banking import bic_country, iban_country

Obj = dict[str, Any]
_CLOCK = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$")
_ISO = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")

MOMENT_ARG_WORDS = frozenset({"timestamp", "time", "ts", "date", "datetime", "at", "when", "moment", "unix", "epoch"})
"""Words of an argument whose Unix number is the moment the call asks about."""
RANGE_WORDS = frozenset({"from", "since", "after", "before", "until", "to", "start", "end", "min", "max", "begin"})
"""An argument with one of these words bounds a span (the answer lists what falls in it): no one moment."""
MOMENT_FIELD_WORDS = frozenset({"time", "hour", "date", "datetime", "timestamp", "day"})
"""Words of an answer key that report the moment an answer is for."""
OTHER_MOMENT_WORDS = frozenset({"created", "updated", "modified", "sunrise", "sunset", "start", "end", "next", "last",
                                "expires", "expiry", "open", "close", "opening", "closing", "now", "server", "current",
                                "birth", "published", "posted", "zone", "timezone", "format", "taken", "first", "due"})
"""A key with one of these words is another moment (a record's changes, a day's sunrise, the server's clock)."""
PERIOD_WORDS = (({"hourly", "hour", "hours"}, "hour"), ({"daily", "day", "days", "date"}, "day"))
"""The period an endpoint's name implies: its answers are for the hour or the day of the moment."""
DIFFERENCE_WORDS = frozenset({"diff", "difference", "between", "duration", "elapsed", "gap"})
CONVERT_WORDS = frozenset({"convert", "conversion", "converter", "transform", "transformation", "datum", "reproject"})
_LAT, _LON = frozenset({"lat", "latitude"}), frozenset({"lon", "lng", "long", "longitude"})


def _words(key: str) -> set[str]:
    return set(words(key))


def sent_moment(arguments: Obj) -> datetime | None:
    """The UTC moment a call asks about: a Unix time (seconds or milliseconds) in an argument whose
    name says it is a moment, or an ISO date-time with its clock."""
    for key, value in arguments.items():
        if _words(key) & RANGE_WORDS:
            continue
        text = str(value).strip() if isinstance(value, (int, str)) and not isinstance(value, bool) else ""
        if text.isdigit() and _words(key) & MOMENT_ARG_WORDS and len(text) in (10, 13):
            seconds = int(text) // (1000 if len(text) == 13 else 1)
            if 10**9 <= seconds < 2 * 10**9:
                return datetime.fromtimestamp(seconds, tz=timezone.utc)
        match = _ISO.match(text)
        if match:
            zone = match.group(6)
            moment = datetime.fromisoformat(f"{match.group(1)}T{match.group(2)}:{match.group(3)}:{match.group(4) or '00'}"
                                            + ("+00:00" if zone in (None, "Z") else zone))
            return moment.astimezone(timezone.utc)
    return None


def _zone_name(arguments: Obj, place: Place | None) -> str:
    stated = next((v for v in arguments.values() if isinstance(v, str) and reference.is_zone(v) and "/" in v), None)
    return stated or (place.timezone if place is not None and reference.is_zone(place.timezone) else "UTC")


def _period(name: str) -> str:
    named = _words(name)
    return next((period for said, period in PERIOD_WORDS if named & said), "minute")


def _floor(local: datetime, period: str) -> datetime:
    if period == "hour":
        return local.replace(minute=0, second=0, microsecond=0)
    if period == "day":
        return local.replace(hour=0, minute=0, second=0, microsecond=0)
    return local.replace(microsecond=0)


def _written(old: Any, local: datetime, key: str) -> Any:
    """`local` written in the form the old value had, or the old value when it is no moment."""
    if isinstance(old, bool):
        return old
    if isinstance(old, int) and 10**9 <= old < 2 * 10**9:
        return int(local.timestamp())
    if isinstance(old, int) and 10**12 <= old < 2 * 10**12:
        return int(local.timestamp()) * 1000
    if isinstance(old, int) and _words(key) == {"hour"} and 0 <= old <= 23:
        return local.hour
    if not isinstance(old, str):
        return old
    clock, iso = _CLOCK.match(old), _ISO.match(old)
    if clock:
        return local.strftime("%H:%M:%S" if clock.group(3) else "%H:%M")
    if _DAY.match(old):
        return local.date().isoformat()
    if iso:
        shown = local.astimezone(timezone.utc) if iso.group(6) == "Z" else local
        text = shown.strftime("%Y-%m-%dT%H:%M" + (":%S" if iso.group(4) else ""))
        return text + ("Z" if iso.group(6) == "Z" else shown.strftime("%z")[:3] + ":" + shown.strftime("%z")[3:]
                       if iso.group(6) else "")
    return old


def _moment_keys(obj: Obj) -> list[str]:
    return [k for k in obj if _words(k) & MOMENT_FIELD_WORDS and not _words(k) & OTHER_MOMENT_WORDS]


def at_moment(output: Any, arguments: Obj, name: str, place: Place | None) -> None:
    """The time, hour and date fields of an answer to a call sent a moment are that moment in the
    call's place's zone, rounded to the period the endpoint's name implies (hourly: the hour; daily:
    the day); entries of a list that each carry such a field are successive periods from it."""
    moment = sent_moment(arguments)
    if moment is None:
        return
    period = _period(name)
    start = _floor(moment.astimezone(reference.zone(_zone_name(arguments, place))), period)
    _stamp(output, start, timedelta(days=1) if period == "day" else timedelta(hours=1))


def _stamp(value: Any, at: datetime, step: timedelta) -> None:
    """Write `at` into the moment fields of every object; the n-th entry of a list is n periods on
    (a clock-time entry n hours on: the hours of a day)."""
    if isinstance(value, list):
        for position, item in enumerate(i for i in value if isinstance(i, dict)):
            clock = any(isinstance(item[k], str) and _CLOCK.match(item[k]) for k in _moment_keys(item))
            _stamp(item, at + position * (timedelta(hours=1) if clock else step), step)
    elif isinstance(value, dict):
        for key in _moment_keys(value):
            value[key] = _written(value[key], at, key)
        for child in value.values():
            if isinstance(child, (dict, list)):
                _stamp(child, at, step)


def _zone_of(text: Any) -> str | None:
    if not isinstance(text, str) or "/" not in text:
        return None
    spelled = "/".join("_".join(w[:1].upper() + w[1:] for w in part.split("_")) for part in text.strip().split("/"))
    return next((z for z in (text.strip(), spelled) if reference.is_zone(z)), None)


def _ends(pairs: list[tuple[str, Any]], test: Callable[[Any], Any]) -> tuple[Any, Any]:
    found = [(k, t) for k, v in pairs if (t := test(v))]
    source = next((t for k, t in found if _words(k) & {"from", "source", "start", "begin"}), None)
    target = next((t for k, t in found if _words(k) & {"to", "target", "end", "until"}), None)
    return source, target


_SOURCE, _TARGET = frozenset({"from", "source", "start", "begin"}), frozenset({"to", "target", "end", "until"})


def _sent_zones(arguments: Obj) -> tuple[str | None, str | None]:
    """The zones of the two ends a call names: a zone sent, else a city's (by name), else the zone of
    the city a sent point is in."""
    ends: list[str | None] = []
    for role in (_SOURCE, _TARGET):
        mine = [(k, v) for k, v in arguments.items() if _words(k) & role]
        zone = next((z for _, v in mine if (z := _zone_of(v))), None)
        named = next((v for k, v in mine if isinstance(v, str) and _words(k) & {"city", "place", "location"}), None)
        if zone is None and named:
            city = reference.city(named.split(",")[0].strip())
            zone = city.timezone if city is not None else None
        lat, lon = _coordinate(mine, _LAT), _coordinate(mine, _LON)
        if zone is None and lat is not None and lon is not None and abs(lat) <= 90 and abs(lon) <= 180:
            city = reference.nearest_city(lat, lon)
            zone = city.timezone if city is not None else None
        ends.append(zone)
    return ends[0], ends[1]


def clock_difference(output: Any, arguments: Obj, name: str, place: Place | None) -> None:
    """A difference between two clock times (each in its zone where zones are named) is hours and
    minutes: longer units are 0, and the time fields an answer repeats are the times sent."""
    if not _words(name) & DIFFERENCE_WORDS:
        return
    start, end = _ends(list(arguments.items()), lambda v: isinstance(v, str) and _CLOCK.match(v.strip()))
    if not start or not end:
        return
    pairs = list(arguments.items()) + [(k, v) for o in inside_out(output) for k, v in o.items()]
    found = _ends(pairs, _zone_of)
    zones = tuple(z or f for z, f in zip(_sent_zones(arguments), found))
    day = BASE_DATE
    moments = []
    for match, zone in ((start, zones[0]), (end, zones[1])):
        clock = datetime(day.year, day.month, day.day, int(match.group(1)), int(match.group(2)))
        moments.append(clock.replace(tzinfo=reference.zone(zone) if zone else timezone.utc).astimezone(timezone.utc))
    minutes = abs(int((moments[1] - moments[0]).total_seconds()) // 60)
    sent: dict[str, Any] = {k.lower(): v.strip() for k, v in arguments.items()
                            if isinstance(v, str) and _CLOCK.match(v.strip())}
    sent.update({k.lower(): z for k, v in arguments.items() if (z := _zone_of(v))})
    for role, zone in zip((_SOURCE, _TARGET), zones):
        mine = [(k, v) for k, v in arguments.items() if _words(k) & role]
        for said, value in ((frozenset({"timezone", "zone", "tz"}), zone), (_LAT, _coordinate(mine, _LAT)),
                            (_LON, _coordinate(mine, _LON))):
            sent.update({k.lower(): value for o in inside_out(output) for k in o
                         if value is not None and _words(k) & role and _words(k) & said})
    for obj in inside_out(output):
        keys = {k: _words(k) for k in obj}
        has_hours = any(w & {"hours", "hour", "h"} for w in keys.values())
        for key, named in keys.items():
            value = obj[key]
            if key.lower() in sent and (isinstance(value, str) and (_CLOCK.match(value) or _zone_of(value))
                                        or isinstance(value, (int, float)) and not isinstance(value, bool)):
                obj[key] = sent[key.lower()]
            elif isinstance(value, bool) or not isinstance(value, (int, float, str)):
                continue
            elif named & {"years", "year", "months", "month", "weeks", "week", "days", "day"} and not isinstance(value, str):
                obj[key] = 0
            elif named & {"hours", "hour", "h"} and not isinstance(value, str):
                obj[key] = minutes // 60
            elif named & {"minutes", "minute", "min", "mins"} and not isinstance(value, str):
                obj[key] = minutes % 60 if has_hours else minutes
            elif named & {"seconds", "second", "sec", "secs"} and not isinstance(value, str):
                obj[key] = 0 if has_hours or any(w & {"minutes", "minute"} for w in keys.values()) else minutes * 60
            elif named & DIFFERENCE_WORDS and isinstance(value, str):
                obj[key] = f"{minutes // 60} hours {minutes % 60} minutes"


def _coordinate(pairs: list[tuple[str, Any]], names: frozenset[str]) -> float | None:
    return next((float(v) for k, v in pairs if _words(k) & names and isinstance(v, (int, float))
                 and not isinstance(v, bool)), None)


def point_near(output: Any, arguments: Obj, name: str, place: Place | None) -> None:
    """A datum or coordinate conversion of a point answers with a point a few metres from the one
    sent (a datum shift is metres, not a continent): its latitude and longitude fields are the sent
    ones moved by less than 0.003 degrees."""
    if not _words(name) & CONVERT_WORDS:
        return
    sent = list(arguments.items())
    lat, lon = _coordinate(sent, _LAT), _coordinate(sent, _LON)
    if lat is None or lon is None:
        return
    for obj in inside_out(output):
        for key, value in obj.items():
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                continue
            base = lat if _words(key) & _LAT else lon if _words(key) & _LON else None
            if base is not None and abs(value - base) > 0.01:
                obj[key] = round(base + ((int(abs(base) * 10**6) % 29) + 1) * 0.0001, 6)


def sent_codes(output: Any, arguments: Obj, name: str, place: Place | None) -> None:
    """An IBAN or BIC sent to be checked or read is the one the answer describes, with its real
    country (the country its letters name)."""
    for names, country_of_code in ((IBAN_WORDS, iban_country), (BIC_WORDS, bic_country)):
        sent = next(((v, c) for k, v in arguments.items() if isinstance(v, str) and _words(k) & names
                     and (c := country_of_code(v.replace(" ", "").upper())) and reference.country(c)), None)
        if sent is None:
            continue
        for obj in outside_in(output):
            keys = [k for k, v in obj.items() if isinstance(v, str) and _words(k) & names
                    and not _words(k) & {"name", "bank", "url"}]
            for key in keys:
                obj[key] = sent[0]
            if keys:
                set_country(obj, sent[1])


@dataclass(frozen=True)
class Asked:
    """One row: what of the call it reads, the rule, and why it holds for any API."""

    name: str
    apply: Callable[[Any, Obj, str, Place | None], None]
    reason: str


ASKED: tuple[Asked, ...] = (
    Asked("at_moment", at_moment, "a lookup at a moment answers for that moment, in the place's zone"),
    Asked("clock_difference", clock_difference, "two clock times differ by hours and minutes, not by months"),
    Asked("point_near", point_near, "a datum or coordinate conversion moves a point metres, not continents"),
    Asked("sent_codes", sent_codes, "a code sent to be read is the code described, in its own country"),
)


def answer_asked(output: Any, arguments: Obj, name: str, place: Place | None) -> Any:
    """Apply every row to an answer, given the call's arguments, its endpoint's name and its place."""
    for row in ASKED:
        row.apply(output, arguments, name, place)
    return output
