"""A list of the things related to X never lists X itself.

Why: readers rejected the "recommenders" of a person that were that person, the "similar people"
of a user that held the user's own username, the suggestions for a movie that held the movie's own
id. The mock answer echoes the call's arguments into every field of their name, and so into the
items of such a list. A list is of related things when its key, or the call's name, has one of the
`RELATED_STEMS`; an item (or an object inside it) that names itself by the value the call was sent,
or shows the name the conversation knows for it, is drawn again: its own id or handle becomes
another value of the same shape, its name another name.

The same holds inside the one thing a lookup answers about: its artists and its album are not the
track named in the call, the schools and employers on a profile fetched by its link do not have
that link (`others_inside`). Only objects nested in that thing are touched: a search's results, one
of which is the thing searched for, are left to `lookups.found_first`.
"""

from __future__ import annotations

import random
import re
from typing import Any

from datagen.core.json_objects import outside_in
from datagen.generator.fake import make
from datagen.generator.keys import words
from datagen.generator.known import (Name, key_of, name_of, names_one_thing, own_values, person_keys, the_thing,
                                    thing_keys)
from datagen.registry.naming import singular

RELATED_STEMS: tuple[tuple[str, str], ...] = (
    ("related", "a related thing is another thing than the one it relates to"),
    ("similar", "nothing is listed as similar to itself"),
    ("recommend", "recommendations, recommenders, recommendees: someone or something else"),
    ("follower", "nobody is listed among their own followers"),
    ("following", "nor among the accounts they follow"),
    ("followee", "the same, in the other direction"),
    ("friend", "nobody is their own friend in a friends list"),
    ("suggest", "a suggestion for X is something other than X"),
    ("also", "'also bought', 'also watched': other things than the one looked at"),
    ("other", "'other' things are by definition not this one"),
    ("peer", "a thing's peers are other things of its kind"),
    ("neighbo", "a neighbour is another place or thing next to this one"),
    ("alternative", "an alternative to X is not X"),
    ("connection", "a person's connections are other people"),
)
"""Word stems of a list (or a call) of things other than the one asked about, with why."""


def _related(text: str) -> bool:
    return any(w.startswith(stem) for w in words(text) for stem, _ in RELATED_STEMS)


def _other(value: Any, rng: random.Random) -> Any:
    """Another value of the same shape: digits redrawn, or another handle, e-mail or link."""
    if isinstance(value, int):
        digits = len(str(abs(value)))
        return next(v for v in iter(lambda: rng.randint(10 ** (digits - 1), 10 ** digits - 1), None) if v != value)
    text = str(value)
    if re.search(r"\d", text) and not text.startswith("http"):
        for _ in range(8):
            again = re.sub(r"\d", lambda _m: str(rng.randint(0, 9)), text)
            if again != text:
                return again
    kind = "url" if text.startswith("http") else "email" if "@" in text else "username"
    return make(kind, rng)


def _redraw(obj: dict[str, Any], sent: Any, name: Name | None, noun: str | None, rng: random.Random) -> None:
    """The object as another thing: its own values equal to `sent` and its known name drawn again (a
    thing's name as names of its list's noun are drawn: `similar_movies` lists movies)."""
    for key, value in list(obj.items()) if sent is not None else []:
        if key_of(value) == key_of(sent) and any(key_of(v) == key_of(sent) for _, v in own_values(obj)):
            obj[key] = _other(value, rng)
    shown = name_of(obj)
    if name is None or shown is None or shown.whole != name.whole:
        return
    if shown.person:
        whole, first, last = person_keys(obj)
        new = str(make("person", rng)).split()
        for key in whole:
            obj[key] = " ".join(new)
        for key in first:
            obj[key] = new[0]
        for key in last:
            obj[key] = new[-1]
    else:
        for key in thing_keys(obj):
            obj[key] = str(make("entity_name", rng, context=noun))


def _is_it(obj: dict[str, Any], sent: Any, name: Name | None) -> bool:
    if any(key_of(v) == key_of(sent) for _, v in own_values(obj)):
        return True
    shown = name_of(obj)
    return name is not None and shown is not None and shown.whole == name.whole


def _lists(value: Any, related: bool) -> list[tuple[str | None, list[Any]]]:
    """(the noun of its key, list) for the lists of the answer that list related things (all of them
    when the call itself is about related things), outermost first."""
    found: list[tuple[str | None, list[Any]]] = []
    if isinstance(value, dict):
        for key, child in value.items():
            inner = related or _related(key)
            if isinstance(child, list) and inner:
                found.append((singular(words(key)[-1]) if words(key) else None, child))
            found.extend(_lists(child, inner))
    elif isinstance(value, list):
        for child in value:
            found.extend(_lists(child, related))
    return found


def not_itself(output: Any, arguments: dict[str, Any], call_name: str, known: dict[str, Name],
               rng: random.Random) -> None:
    """Items of a list of related things that are the thing the call was sent are drawn again."""
    sent = [v for v in arguments.values() if names_one_thing(v)]
    for noun, listing in _lists(output, _related(call_name)):
        for item in listing:
            for obj in outside_in(item):
                for value in sent:
                    if _is_it(obj, value, known.get(key_of(value))):
                        _redraw(obj, value, known.get(key_of(value)), noun, rng)


_PICTURE_WORDS = frozenset({"image", "img", "pic", "picture", "photo", "logo", "avatar", "thumbnail", "icon", "cover"})
"""Words of a link to a picture: another link of that kind is drawn for it."""


def _inside(value: Any, noun: str | None) -> list[tuple[str | None, dict[str, Any]]]:
    """(noun of its key, object) for every object nested in `value`, outermost first."""
    found: list[tuple[str | None, dict[str, Any]]] = []
    if isinstance(value, dict):
        for key, child in value.items():
            inner = singular(words(key)[-1]) if words(key) else noun
            if isinstance(child, dict):
                found.append((inner, child))
            elif isinstance(child, list):
                found.extend((inner, item) for item in child if isinstance(item, dict))
            found.extend(_inside(child, inner) if isinstance(child, (dict, list)) else [])
    elif isinstance(value, list):
        for child in value:
            found.extend(_inside(child, noun))
    return found


def others_inside(output: Any, arguments: dict[str, Any], rng: random.Random) -> None:
    """Objects nested in the thing a call looked up do not carry the link or the name it was sent:
    they are other things, so the link or name is drawn again for them."""
    thing = the_thing(output)
    if thing is None:
        return
    links = {v for v in arguments.values() if isinstance(v, str) and v.startswith(("http://", "https://"))}
    names = {v for k, v in arguments.items() if isinstance(v, str) and words(k)[-1:] in (["name"], ["title"])}
    seen: set[int] = set()
    for noun, obj in _inside(thing, None):
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        for key, value in list(obj.items()):
            if isinstance(value, str) and value in links:
                obj[key] = make("image_url" if set(words(key)) & _PICTURE_WORDS else "url", rng)
        shown = name_of(obj)
        if shown is not None and shown.whole in names:
            _redraw(obj, None, shown, noun, rng)
