"""A thing's title fields agree with each other, and a title is never its own field's word.

Why: readers rejected a movie whose `title` and `title_long` named two films, and a movie titled
"Williams Genre": a filler word before the name of a field of the same object is no title anyone
gives a thing; it tells the reader the data is made up. The long form of a title (`LONG_WORDS`)
contains the short one; a two-word title whose last word restates such a key is left out (no name
is better than a made-up one).
"""

from __future__ import annotations

from typing import Any

from datagen.core.json_objects import outside_in
from datagen.generator.keys import words
from datagen.registry.naming import singular

LONG_WORDS: tuple[tuple[str, str], ...] = (
    ("long", "`title_long`: the title with what tells it apart, such as its year"),
    ("full", "`full_title`, `name_full`: the whole title the short one abbreviates"),
    ("complete", "`complete_title`: the same as a full title"),
)
"""Words that make a key the long form of the title or name beside it, with why."""
_BASES = ("title", "name")
_YEAR_WORDS = (["year"], ["release", "year"], ["year", "released"])


def _long_of(obj: dict[str, Any]) -> list[tuple[str, str]]:
    """(short key, long key) pairs: `title` and `title_long`, `name` and `full_name` of a thing."""
    pairs = []
    for key, value in obj.items():
        w = words(key)
        if not isinstance(value, str) or len(w) != 2:
            continue
        base = next((b for b in _BASES if b in w), None)
        extra = [x for x in w if x != base]
        if base is None or not extra or extra[0] not in {word for word, _ in LONG_WORDS}:
            continue
        short = next((k for k, v in obj.items() if words(k) == [base] and isinstance(v, str) and v), None)
        if short is not None:
            pairs.append((short, key))
    return pairs


def _year(obj: dict[str, Any]) -> str | None:
    for key, value in obj.items():
        if words(key) in _YEAR_WORDS and str(value).isdigit() and len(str(value)) == 4:
            return str(value)
    return None


def _restates_a_key(obj: dict[str, Any], key: str) -> bool:
    """A two-word title whose last word is a one-word sibling key (`genre`, `category`): a
    "Williams Genre" beside `genre: "Drama"`. (A list's noun is not enough: "Qingdao Station" is a
    fine name for an item of `stations`.)"""
    value = obj[key]
    parts = value.split() if isinstance(value, str) else []
    if len(parts) != 2:
        return False
    nouns = {singular(words(k)[0]) for k in obj if k != key and len(words(k)) == 1}
    return parts[1].lower() in nouns - set(_BASES)


def _agree(obj: dict[str, Any]) -> None:
    for short, long in _long_of(obj):
        if obj[short] not in obj[long]:
            year = _year(obj)
            obj[long] = f"{obj[short]} ({year})" if year and words(long)[-1] == "long" else obj[short]
    for key in [k for k in obj if words(k) in (["title"], ["name"])]:
        if _restates_a_key(obj, key):
            del obj[key]


def titles_agree(value: Any) -> None:
    """Every object of an answer: long titles contain the short ones, no title restates a key."""
    for obj in list(outside_in(value)):
        _agree(obj)
