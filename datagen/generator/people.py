"""One person, one name and one gender across the fields of an object.

Why: readers rejected a coach named "Ashley Clark" with firstName "Yuki" and lastName "Larsen", a
user whose first_name is "Oscar" and full_name "Robert Mcdonald", and a "Katherine Taylor" of
gender "male". The names and genders here are Faker's, so Faker's own lists of male and female first
names (every locale it ships) say which a first name is; a name in both lists, or in neither, leaves
the gender as it is. Rows of `generator.relations.RELATIONS`.
"""

from __future__ import annotations

import importlib
import pkgutil
from datetime import datetime
from functools import lru_cache
from typing import Any

import faker.providers.person as person_providers

from datagen.generator.keys import words as _words
from datagen.lexicon import PERSON_WORDS

_PARTS = frozenset({"first", "last", "given", "family", "middle", "sur", "nick", "user", "screen", "file"})
"""Words before `name` that name a part of a name or a handle, not a person's whole name."""


FIRST_NAME_KEYS = (["first", "name"], ["firstname"], ["given", "name"])
"""A key's words (`keys.words`) when it holds a first name."""
LAST_NAME_KEYS = (["last", "name"], ["lastname"], ["family", "name"], ["surname"])
"""A key's words when it holds a last name."""


def _first(obj: dict[str, Any]) -> str | None:
    return next((k for k, v in obj.items() if isinstance(v, str) and _words(k) in FIRST_NAME_KEYS), None)


def _last(obj: dict[str, Any]) -> str | None:
    return next((k for k, v in obj.items() if isinstance(v, str) and _words(k) in LAST_NAME_KEYS), None)


def _whole_keys(obj: dict[str, Any]) -> list[str]:
    """Keys that hold a person's whole name: `full_name`, `display_name`, `<person word>_name`
    (`coach_name`, `author_name`), and `name` beside a first or a last name."""
    out = []
    for key, value in obj.items():
        words = _words(key)
        if not isinstance(value, str) or len(value.split()) < 2:
            continue
        if words in (["full", "name"], ["fullname"], ["display", "name"], ["name"]) or (
                len(words) == 2 and words[1] == "name" and words[0] in PERSON_WORDS and words[0] not in _PARTS):
            out.append(key)
    return out


def person_names(obj: dict[str, Any], _now: datetime) -> None:
    """A whole name beside a first and a last name is those two names; with only one of the parts
    beside a whole name, the part is taken from the whole name."""
    first, last, wholes = _first(obj), _last(obj), _whole_keys(obj)
    if not wholes:
        return
    if first is not None and last is not None:
        for key in wholes:
            obj[key] = f"{obj[first]} {obj[last]}"
        return
    words = obj[wholes[0]].split()
    if first is not None:
        obj[first] = words[0]
    if last is not None:
        obj[last] = words[-1]


@lru_cache(maxsize=1)
def _genders() -> dict[str, str]:
    """First name → "male" or "female", from every Faker person locale; names in both are left out."""
    male: set[str] = set()
    female: set[str] = set()
    for module in pkgutil.iter_modules(person_providers.__path__):
        provider = getattr(importlib.import_module(f"{person_providers.__name__}.{module.name}"), "Provider", None)
        male.update(getattr(provider, "first_names_male", ()) or ())
        female.update(getattr(provider, "first_names_female", ()) or ())
    out = {name.lower(): "male" for name in male - female}
    out.update({name.lower(): "female" for name in female - male})
    return out


def gender_of_name(obj: dict[str, Any], _now: datetime) -> None:
    """A gender beside a first name (or a whole name) is the gender of that first name."""
    gender = next((k for k, v in obj.items() if isinstance(v, str) and _words(k) in (["gender"], ["sex"])
                   and v.lower() in ("male", "female", "m", "f")), None)
    if gender is None:
        return
    first = _first(obj)
    name = obj[first] if first is not None else next((obj[k].split()[0] for k in _whole_keys(obj)), None)
    said = _genders().get(str(name).lower()) if name else None
    if said is not None:
        value = obj[gender]
        obj[gender] = said if len(value) > 1 else said[0].upper() if value.isupper() else said[0]
