"""Answers a converter computes from what it was sent: a time in another zone, a rate, an amount.

Why: the relations inside one answer (`relations`, `agree`) cannot see the call's arguments, so a
time converter answered 09:15 for 16:30 Shanghai → New York, a rate was a draw (100 CNY → 403.05 CAD
"at 7.06") and a converted amount was no product of the amount sent and the rate shown. Readers know
these facts; here they are computed: the zone change by `zoneinfo`, the rate from the ECB reference
rates (`reference.money`), the amount as amount × rate. Which argument is the source and which the
target is read from English role words of the keys (`from`, `base`, `to`, `target`), never from a
tool's names. Values change in place; no key is added or removed.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from datagen import reference
from datagen.core.json_objects import inside_out
from datagen.generator.numeric import num, set_number
from datagen.reference.money import rate as ecb_rate
from datagen.generator.keys import words
from datagen.generator.timeline import iso_day

TARGET_WORDS = frozenset({"to", "target", "destination", "dest", "into", "quote", "converted", "result", "want"})
"""Words of a key that make its value the far end of a conversion."""
SOURCE_WORDS = frozenset({"from", "source", "src", "base", "origin", "have", "original"})
_NOT_A_RATE = frozenset({"interest", "tax", "apr", "discount", "growth", "inflation", "heart", "error", "success",
                         "bit", "frame", "sample", "refresh"})
_CLOCK = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$")
Pairs = list[tuple[str, Any]]


def _words(key: str) -> set[str]:
    return set(words(key))


def _role(key: str) -> str:
    words = _words(key)
    return "target" if words & TARGET_WORDS else "source" if words & SOURCE_WORDS else "plain"


def _ends(values: list[tuple[str, Any]], test: Any) -> tuple[str | None, str | None]:
    """The source and the target among (key, value) pairs whose value passes `test`: a plain key is
    the source when a target is named elsewhere."""
    found = [(k, v) for k, v in values if isinstance(v, str) and test(v)]
    target = next((v for k, v in found if _role(k) == "target"), None)
    source = next((v for k, v in found if _role(k) == "source"), None) or next(
        (v for k, v in found if _role(k) == "plain" and v != target), None)
    return source, target


def _pairs(output: Any, arguments: dict[str, Any]) -> Pairs:
    """The call's arguments, then every scalar of the answer, as (key, value)."""
    out = list(arguments.items())
    for obj in inside_out(output):
        out.extend((k, v) for k, v in obj.items() if not isinstance(v, (dict, list)))
    return out


def convert(output: Any, arguments: dict[str, Any], now: datetime) -> None:
    """`convert_times` and `convert_money`, reading the call's and the answer's values once."""
    pairs = _pairs(output, arguments)
    convert_times(output, arguments, now, pairs)
    convert_money(output, arguments, now, pairs)


def _sent_day(arguments: dict[str, Any], now: datetime) -> date:
    """The day a call names (its first `YYYY-MM-DD` argument, of a date or a moment), else the call's own."""
    return next((d for v in arguments.values() if isinstance(v, str) and (d := iso_day(v[:10])) is not None),
                now.date())


def convert_times(output: Any, arguments: dict[str, Any], now: datetime, pairs: Pairs | None = None) -> None:
    """A time sent with a source zone and a target zone comes back as that moment in the target
    zone: `converted_time`, `target_time`, `result` (and the date beside it) are computed."""
    source, target = _ends(_pairs(output, arguments) if pairs is None else pairs, reference.is_zone)
    sent = next((v for k, v in arguments.items() if isinstance(v, str) and _CLOCK.match(v.strip())
                 and "time" in _words(k)), None)
    if source is None or target is None or sent is None or source == target:
        return
    day = _sent_day(arguments, now)
    match = _CLOCK.match(sent.strip())
    assert match is not None
    there = datetime.combine(day, time(int(match.group(1)), int(match.group(2))), ZoneInfo(source)
                             ).astimezone(ZoneInfo(target))
    for obj in inside_out(output):
        for key, value in list(obj.items()):
            if not isinstance(value, str) or not _words(key) & TARGET_WORDS:
                continue
            if _CLOCK.match(value):
                obj[key] = there.strftime("%H:%M")
            elif iso_day(value) is not None:
                obj[key] = there.date().isoformat()


def convert_money(output: Any, arguments: dict[str, Any], now: datetime, pairs: Pairs | None = None) -> None:
    """A rate between the two currencies of the call is the ECB's on the day; an amount converted
    at it is the amount sent × the rate. A pair the ECB does not publish keeps what it had."""
    source, target = _ends(_pairs(output, arguments) if pairs is None else pairs,
                           lambda v: reference.currency(v) is not None and v.isupper())
    if source is None or target is None or source == target:
        return
    real = ecb_rate(source, target, _sent_day(arguments, now))
    if real is None:
        return
    amount = next((v for k, v in arguments.items() if num(v) and _words(k) & {"amount", "value", "quantity", "sum"}),
                  None)
    for obj in inside_out(output):
        for key, value in list(obj.items()):
            words = _words(key)
            if not num(value) or words & _NOT_A_RATE:
                continue
            if words & {"rate", "fx"} and not words & {"percent", "percentage"}:
                obj[key] = real
            elif amount is not None and words & {"converted", "result", "conversion"}:
                set_number(obj, key, float(amount) * real)
