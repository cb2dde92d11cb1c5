"""Relations between the fields of one answer object that any field names imply, as one table.

Why: readers rejected answers whose parts contradict each other in ways no API would produce: an
e-mail check whose `domain` is not the e-mail's domain, `Asia/Tokyo` with `utc_offset: "0"`, an age
that contradicts the birth date beside it, a `name` that is not `first_name last_name`, `is_video:
false` beside a `video_url`, `success: false` beside a full answer. Each row below reads generic
field-name phrases only (no tool, brand or domain), says why it holds for every API, and is applied
by one walker (`relate`) to every object of an output, innermost first. A row changes values in
place and never adds a key (one removes an IBAN of a country that has none: no value is right); it
leaves an object alone when the names do not say enough.

The rows run after `generator.agree` (numbers that agree: totals, ranges, counts) and before the
answer is remembered, so the conversation's later calls see the related values.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from datagen.core.json_objects import inside_out
from datagen.generator.semantic import BASE_DATE
from datagen.lexicon import ENVELOPE_KEYS
from datagen.generator.people import gender_of_name, person_names
from datagen.generator.series import in_time_order
from datagen.generator.attributes import reference_attributes
from datagen.generator.bank_codes import bank_codes
from datagen.generator.keys import first_key_where as _first_key, keys_where as _keys, words as _words
from datagen.registry.naming import snake

Obj = dict[str, Any]


# --- e-mail and its domain -------------------------------------------------------------------

def _email_domain(obj: Obj, now: datetime) -> None:
    """`domain` beside an e-mail address is that address's domain."""
    email = next((v for w, v in ((_words(k), v) for k, v in obj.items())
                  if isinstance(v, str) and "@" in v and ("email" in w or "mail" in w or w == ["address"])), None)
    if email is None or email.count("@") != 1:
        return
    domain = email.split("@", 1)[1].strip().lower()
    for key in _keys(obj, lambda w, v: isinstance(v, str) and w[-1:] == ["domain"] and len(w) <= 2):
        obj[key] = domain


# --- time zone and its offset ------------------------------------------------------------------

def _zone(value: Any) -> ZoneInfo | None:
    if not isinstance(value, str) or "/" not in value or " " in value:
        return None
    try:
        return ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _moment(obj: Obj, now: datetime) -> datetime:
    """The moment an object's offset is for: its own date where it shows one, else the call's time."""
    for key, value in obj.items():
        if isinstance(value, str) and len(value) >= 10 and value[4:5] == "-" and value[7:8] == "-":
            try:
                return datetime.fromisoformat(value[:10])
            except ValueError:
                continue
    return now.replace(tzinfo=None)


def _offset_text(seconds: int, like: str) -> str:
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    if like.upper().startswith(("UTC", "GMT")):
        return f"{like[:3]}{sign}{hours:02d}:{rest // 60:02d}"
    return f"{sign}{hours:02d}:{rest // 60:02d}"


def _zone_offset(obj: Obj, now: datetime) -> None:
    """An offset beside a time-zone name is that zone's offset on the object's date (computed by
    `zoneinfo`, daylight saving included), and a daylight-saving flag says whether it is in force."""
    zone_key = _first_key(obj, lambda w, v: _zone(v) is not None)
    if zone_key is None:
        return
    zone = _zone(obj[zone_key])
    assert zone is not None
    moment = _moment(obj, now).replace(tzinfo=zone)
    offset = moment.utcoffset() or timedelta(0)
    seconds = int(offset.total_seconds())
    for key in _keys(obj, lambda w, v: "offset" in w and not isinstance(v, bool)):
        value, words = obj[key], _words(key)
        if isinstance(value, str):
            obj[key] = _offset_text(seconds, value)
        elif isinstance(value, (int, float)):
            in_seconds = "seconds" in words or "sec" in words or abs(value) > 24
            in_minutes = "minutes" in words or "min" in words
            obj[key] = seconds if in_seconds else seconds // 60 if in_minutes else (
                seconds // 3600 if isinstance(value, int) and seconds % 3600 == 0 else seconds / 3600)
    dst = bool(moment.dst())
    for key in _keys(obj, lambda w, v: isinstance(v, bool) and w in (["dst"], ["is", "dst"], ["daylight", "saving"],
                                                                      ["is", "daylight", "saving"])):
        obj[key] = dst


# --- a person's age and birth date; a name and its parts ----------------------------------------

def _birth_key(words: list[str], value: Any) -> bool:
    return isinstance(value, str) and len(value) >= 10 and value[4:5] == "-" and (
        "birth" in words or "dob" in words or "birthday" in words or "birthdate" in words)


def _age_and_birth(obj: Obj, now: datetime) -> None:
    """An age and a birth date beside it agree: the birth date moves to the age's year (a person
    of 66 was not born this spring)."""
    age_key = _first_key(obj, lambda w, v: w == ["age"] and isinstance(v, int) and not isinstance(v, bool))
    birth_key = _first_key(obj, _birth_key)
    if age_key is None or birth_key is None:
        return
    text, age = obj[birth_key], obj[age_key]
    try:
        born = date.fromisoformat(text[:10])
    except ValueError:
        return
    year = BASE_DATE.year - age - (1 if (born.month, born.day) > (BASE_DATE.month, BASE_DATE.day) else 0)
    try:
        moved = born.replace(year=year)
    except ValueError:  # 29 February
        moved = born.replace(year=year, day=28)
    obj[birth_key] = moved.isoformat() + text[10:]


_FORMS = ("short", "display", "official", "common", "long", "full")


def _name_forms(obj: Obj, now: datetime) -> None:
    """A short, display or full name beside a thing's own `name` is a form of that name, not another
    thing's: a team named Chengdu has no short name "Wuhan". With no rule for abbreviating a name, a
    form is the name itself (`people.person_names` has already made a person's full name first + last)."""
    name = _first_key(obj, lambda w, v: isinstance(v, str) and w == ["name"])
    if name is None:
        return
    for key in _keys(obj, lambda w, v: isinstance(v, str) and len(w) == 2 and w[0] in _FORMS and w[1] == "name"
                     or isinstance(v, str) and w in (["shortname"], ["displayname"], ["fullname"])):
        obj[key] = obj[name]


# --- flags that say what the answer holds --------------------------------------------------------

def _has_content(value: Any) -> bool:
    return value not in (None, "", [], {}, 0)


def _presence_flags(obj: Obj, now: datetime) -> None:
    """`is_X` / `has_X` says whether X is there: `has_video: false` beside a `video_url` is wrong.
    Only a flag whose X names another key of the object (`X`, `X_url`, `X_id`, `X_count`, `Xs`) is
    changed; a flag about something the object does not show is left as drawn."""
    for key, value in list(obj.items()):
        words = _words(key)
        if not isinstance(value, bool) or len(words) < 2 or words[0] not in ("is", "has"):
            continue
        thing = "_".join(words[1:])
        related = [k for k in obj if k != key and snake(k) in (thing, f"{thing}s", f"{thing}_url", f"{thing}_id",
                                                               f"{thing}_count", f"{thing}_urls", f"{thing}_ids")]
        if related and words[0] == "has":
            obj[key] = any(_has_content(obj[k]) for k in related)
        elif related and words[0] == "is" and any(snake(k).endswith(("_url", "_urls")) and _has_content(obj[k])
                                                   for k in related):
            obj[key] = True


def _success_with_data(obj: Obj, now: datetime) -> None:
    """A success flag beside an answer full of data is true: an API that failed sends no data."""
    data = [k for k, v in obj.items() if snake(k) not in ENVELOPE_KEYS and _has_content(v)]
    if not data:
        return
    for key in _keys(obj, lambda w, v: isinstance(v, bool) and w in (["success"], ["ok"], ["status"],
                                                                      ["is", "success"], ["successful"])):
        obj[key] = True
    for key in _keys(obj, lambda w, v: w in (["error"], ["errors"]) and isinstance(v, (str, list))
                     and bool(v) and all(x in ("", None) for x in (v if isinstance(v, list) else [v]))):
        obj[key] = [] if isinstance(obj[key], list) else ""  # `errors: [""]` is not an error list


@dataclass(frozen=True)
class Relation:
    """One row: what it relates, the rule, and why it holds for any API."""

    name: str
    apply: Callable[[Obj, datetime], None]
    reason: str


RELATIONS: tuple[Relation, ...] = (
    Relation("reference_attributes", reference_attributes,
             "a named country or city has its real population, capital, money, tongues and place"),
    Relation("bank_codes", bank_codes, "a BIC's and an IBAN's country letters are its country's; an IBAN passes its "
             "ISO 7064 check and exists only where the country uses IBANs"),
    Relation("email_domain", _email_domain, "the domain of an address is the part after its @"),
    Relation("zone_offset", _zone_offset, "an offset is a fact of the zone and the date, never a draw"),
    Relation("age_and_birth", _age_and_birth, "age is the years since the birth date"),
    Relation("name_parts", person_names, "one person has one name: the whole name is first + last"),
    Relation("gender_of_name", gender_of_name, "a gender beside a first name is that first name's gender"),
    Relation("name_forms", _name_forms, "a short or display name beside a thing's name is a form of it"),
    Relation("time_order", in_time_order, "entries that each carry a moment are a series: in order, one per moment"),
    Relation("presence_flags", _presence_flags, "a flag about X agrees with whether X is shown"),
    Relation("success_with_data", _success_with_data, "a failed call does not return a full answer"),
)


_NOON = datetime(BASE_DATE.year, BASE_DATE.month, BASE_DATE.day, 12)


def relate(value: Any, now: datetime = _NOON) -> Any:
    """Apply every row to every object of `value`, innermost first; returns `value`. `now` is the
    call's time (the executor's clock): an offset of an object that shows no date is today's."""
    for obj in inside_out(value):
        for relation in RELATIONS:
            relation.apply(obj, now)
    return value
