"""The moments of one thing's life come in the order of its life: it is created before it is
updated, updated before it expires, starts before it ends; and an answer to a thing (a comment
under a review, a reply under a post) is made after the thing.

Why: readers reject a record whose `lastModified` is before its `created`, a job that ends before
it starts, a listing that expires before it was listed, a comment dated before the review it
answers. Each field name is read as words; a lifecycle word puts the field on a track (the life of
a record, a span of time, a trip, a stay, an order, a life) at a stage (early, middle, late). Two
moment-valued fields of one object on one track whose stages differ are put in stage order: the
values are reordered, every field keeping its own format. Fields on different tracks are not
compared (a record made today describes a job that started years ago).

A moment is an ISO date or date-time text, a Unix time in seconds or milliseconds when the name
says it is a time (`at`, `time`, `date`, `timestamp`), a bare year when the name says `year` or a
span word (`start: 2012`), or an object with a numeric `year` (`{"year": 2012, "month": 5}`).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import Any

from datagen.registry.naming import singular, snake

EARLY, MIDDLE, LATE = 0, 1, 2

# (words, track, stage, why). A word may sit on several tracks: then its field is on each of them.
STAGES: tuple[tuple[frozenset[str], str, int, str], ...] = (
    (frozenset({"created", "create", "creation", "registered", "registration", "joined", "join", "signup",
                "issued", "issue", "list", "listed", "listing", "published", "publish", "publication", "released",
                "release", "posted", "post", "uploaded", "upload", "opened", "first", "added", "submitted"}),
     "record", EARLY, "a record is made, issued, listed or published before anything else happens to it"),
    (frozenset({"since"}), "record", EARLY, "a member since a day joined then, before they were last seen"),
    (frozenset({"updated", "update", "modified", "modify", "modification", "edited", "edit", "renewed",
                "renewal", "last"}),
     "record", MIDDLE, "a record is changed (and last seen or used) after it was made and before it ends"),
    (frozenset({"expires", "expire", "expired", "expiry", "expiration", "deleted", "delete", "deletion",
                "closed", "close", "sold", "sale", "archived", "cancelled", "canceled", "next"}),
     "record", LATE, "a record expires, closes, is sold or deleted after it was made and changed"),
    (frozenset({"start", "started", "starts", "starting", "begin", "begins", "began", "beginning", "from",
                "since", "commence", "commenced"}),
     "span", EARLY, "a span of time (a job, a course, a validity) starts before it ends"),
    (frozenset({"end", "ended", "ends", "ending", "finish", "finished", "finishes", "to", "until", "till",
                "through", "thru"}),
     "span", LATE, "a span of time ends after it starts"),
    (frozenset({"departure", "depart", "departs", "departed", "departing", "takeoff"}),
     "trip", EARLY, "one leg of a trip departs before it arrives"),
    (frozenset({"arrival", "arrive", "arrives", "arrived", "arriving", "landing"}),
     "trip", LATE, "one leg of a trip arrives after it departs"),
    (frozenset({"checkin"}), "stay", EARLY, "a stay begins at check-in"),
    (frozenset({"checkout"}), "stay", LATE, "a stay ends at check-out, after check-in"),
    (frozenset({"ordered", "order", "placed", "purchased", "purchase"}),
     "order", EARLY, "an order is placed before it ships"),
    (frozenset({"shipped", "ship", "dispatched", "dispatch"}),
     "order", MIDDLE, "an order ships after it was placed and before it is delivered"),
    (frozenset({"delivered", "delivery", "received"}), "order", LATE, "an order is delivered after it ships"),
    (frozenset({"born", "birth", "founded", "established", "incorporated", "inception"}),
     "life", EARLY, "a person is born and a body founded before it dies or closes"),
    (frozenset({"died", "death", "deceased", "dissolved", "closed"}),
     "life", LATE, "a person dies and a body is dissolved after it was born or founded"),
)

_BY_WORD: dict[str, list[tuple[str, int]]] = {}
for _words, _track, _stage, _why in STAGES:
    for _word in _words:
        _BY_WORD.setdefault(_word, []).append((_track, _stage))

_GLUED = ("at", "on", "date", "time", "timestamp", "ts")
"""Endings glued to a lifecycle word in one token (`expireat`, `createdate`)."""
_TIME_WORDS = frozenset({"at", "time", "date", "timestamp", "ts", "on", "datetime", "when"})
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?")


def stages_of(key: str) -> list[tuple[str, int]]:
    """(track, stage) of a field name, one per track its words are on; on one track the last such
    word decides (`order_shipped_at` is the shipping of an order, `sale_end_date` the end of a span)."""
    words = snake(key).split("_")
    found: dict[str, int] = {}
    for index, word in enumerate(words):
        glued = word + words[index + 1] if index + 1 < len(words) else ""
        if glued in ("checkin", "checkout"):
            word = glued
        elif word not in _BY_WORD:
            word = next((word[:-len(end)] for end in _GLUED if word.endswith(end) and word[:-len(end)] in _BY_WORD),
                        word)
        for track, stage in _BY_WORD.get(word, ()):
            found[track] = stage
    return sorted(found.items())


def read_moment(key: str, value: Any) -> datetime | None:
    """The moment a field's value names, or None (see the module docstring for what counts)."""
    words = set(snake(key).split("_"))
    if isinstance(value, str):
        found = _ISO.match(value)
        if found is None:
            return None
        parts = [int(p) for p in found.groups() if p is not None]
        try:
            return datetime(*parts)  # type: ignore[arg-type]
        except ValueError:
            return None
    if isinstance(value, dict):
        year = value.get("year")
        if isinstance(year, int) and not isinstance(year, bool) and 1000 <= year <= 2999:
            month, day = value.get("month"), value.get("day")
            month = month if isinstance(month, int) and 1 <= month <= 12 else 1
            day = day if isinstance(day, int) and 1 <= day <= 28 else 1
            return datetime(year, month, day)
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        return None
    timed = bool(words & _TIME_WORDS) or any(w.endswith(_GLUED) for w in words)
    if timed and 10**9 <= value < 2 * 10**9:
        return datetime.fromtimestamp(value, tz=timezone.utc).replace(tzinfo=None)
    if timed and 10**12 <= value < 2 * 10**12:
        return datetime.fromtimestamp(value / 1000, tz=timezone.utc).replace(tzinfo=None)
    if 1000 <= value <= 2999 and (words & {"year", "yr"} or any(t == "span" for t, _ in stages_of(key))):
        return datetime(value, 1, 1)
    return None


def write_moment(old: Any, new: datetime) -> Any:
    """`new` written the way `old` was (a date stays a date, a Unix time in milliseconds stays one)."""
    if isinstance(old, str) and _CLOCK.match(old):
        return new.strftime("%H:%M") + old[5:]
    if isinstance(old, str):
        found = _ISO.match(old)
        if found is None:
            return old
        head = found.group(0)
        sep = head[10] if len(head) > 10 else "T"
        text = new.strftime("%Y-%m-%d") if len(head) == 10 else new.strftime(
            f"%Y-%m-%d{sep}%H:%M" + (":%S" if found.group(6) is not None else ""))
        return text + old[len(head):]
    if isinstance(old, dict):
        out = dict(old)
        out["year"] = new.year
        for part, number in (("month", new.month), ("day", new.day)):
            if isinstance(out.get(part), int) and not isinstance(out.get(part), bool):
                out[part] = number
        return out
    if isinstance(old, int) and old >= 10**12:
        return int(new.replace(tzinfo=timezone.utc).timestamp()) * 1000
    if isinstance(old, int) and old >= 10**9:
        return int(new.replace(tzinfo=timezone.utc).timestamp())
    return new.year


def _coarse(value: Any, moment: datetime) -> tuple[int, ...]:
    """The moment to the precision the value states: a bare year compares by its year only."""
    if isinstance(value, int) and value < 10**9 or isinstance(value, dict) and not isinstance(value.get("month"), int):
        return (moment.year,)
    if isinstance(value, str) and len(value) <= 10 and _ISO.match(value):
        return (moment.year, moment.month, moment.day)
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)


def _before(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    size = min(len(a), len(b))
    return a[:size] < b[:size]


_CLOCK = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?$")
_CLOCK_TRACKS = frozenset({"span", "record"})
"""Tracks whose times of day compare within one day (a stay or a flight runs over midnight)."""


def _clock(value: Any) -> datetime | None:
    """A time of day (`09:30`) as a moment of one fixed day; compared only with other times of day."""
    found = _CLOCK.match(value) if isinstance(value, str) else None
    return datetime(2000, 1, 1, int(found.group(1)), int(found.group(2))) if found else None


def staged(obj: dict[str, Any]) -> None:
    """Put the moments of each track of one object in stage order (values reordered, formats kept)."""
    tracks: dict[str, list[tuple[int, int, str, datetime]]] = {}
    for position, (key, value) in enumerate(obj.items()):
        clock = _clock(value)
        moment = read_moment(key, value) if clock is None else clock
        if moment is None:
            continue
        for track, stage in stages_of(key):
            if clock is not None and track not in _CLOCK_TRACKS:
                continue
            tracks.setdefault(track if clock is None else f"{track} clock", []).append((stage, position, key, moment))
    for fields in tracks.values():
        fields.sort()
        coarse = [_coarse(obj[key], moment) for _, _, key, moment in fields]
        wrong = any(fields[i][0] < fields[j][0] and _before(coarse[j], coarse[i])
                    for i in range(len(fields)) for j in range(len(fields)))
        if not wrong:
            continue
        moments = sorted(moment for _, _, _, moment in fields)
        for (_, _, key, _), moment in zip(fields, moments):
            obj[key] = write_moment(obj[key], moment)


ANSWERS: tuple[tuple[frozenset[str], str], ...] = (
    (frozenset({"comment", "reply", "answer", "response", "reaction", "followup"}),
     "an answer to a thing is written after the thing it answers"),
    (frozenset({"review", "rating", "bid", "offer"}),
     "a thing is reviewed, rated or bid on after it was listed or released"),
    (frozenset({"revision", "version", "edit", "change", "update", "history", "event", "log", "activity"}),
     "what happens to a record is recorded after the record was made"),
    (frozenset({"message", "post"}), "the messages of a thread or an account come after it was opened"),
    (frozenset({"transaction", "payment", "refund", "shipment"}),
     "the payments and shipments of an account or an order follow its opening"),
)
"""Nouns of a list whose items answer or follow the object they sit under (singular; matched on the
list key's last word). A collection (`items`, `videos`, `results`) may hold things older than itself
and is not here."""
_ANSWER_WORDS = frozenset(w for words, _ in ANSWERS for w in words)


def _answers(key: str) -> bool:
    """Whether a list under this key holds answers to the object (its last word names them)."""
    return singular(snake(key).split("_")[-1]) in _ANSWER_WORDS


def _made(obj: dict[str, Any]) -> list[tuple[str, datetime]]:
    """(key, moment) of the fields that say when a record was made (early on the record track)."""
    return [(key, moment) for key, value in obj.items() if ("record", EARLY) in stages_of(key)
            and (moment := read_moment(key, value)) is not None]


def _shift(obj: dict[str, Any], by: timedelta) -> None:
    """Move every record-track moment of an item (and of the answers under it) by `by`."""
    for key, value in obj.items():
        moment = read_moment(key, value)
        if moment is not None and any(track == "record" for track, _ in stages_of(key)):
            obj[key] = write_moment(value, moment + by)
        elif isinstance(value, list) and _answers(key):
            for item in value:
                if isinstance(item, dict):
                    _shift(item, by)


def answers_after(obj: dict[str, Any]) -> None:
    """An item of a list of answers (`comments`, `replies`) under an object is made after the object:
    an item made before it moves, with everything dated under it, to some hours after it."""
    made = _made(obj)
    if not made:
        return
    parent = max(moment for _, moment in made)
    for key, value in obj.items():
        if not isinstance(value, list) or not _answers(key):
            continue
        for item in value:
            if not isinstance(item, dict):
                continue
            own = _made(item)
            if not own or min(moment for _, moment in own) >= parent:
                continue
            first = min(moment for _, moment in own)
            hours = 1 + sum(ord(c) for c in str(item.get(own[0][0]))) % 47  # stable: no Random needed
            _shift(item, parent - first + timedelta(hours=hours))
