"""One value, one thing: what the conversation already knows a value (an id, a handle, a URL, an
e-mail) names, so that every later answer shows that thing under the same name.

Why: readers rejected a person picked as "Alex Castro (kmills77)" whose profile, fetched by
kmills77, was "Tomás Patel"; a username shown under several names across calls; a product scraped
at the URL a listing showed that came back as another product. `identity.carry` copies a thing's
description only into an object that echoes the key; a profile answer often does not repeat the
handle it was asked for, and an answer that also lists the person's posts echoes it several times.
Here the names a conversation has shown are read back from its earlier answers (nothing is stored
outside them, so the same calls give the same bytes), and an answer gets them:

- every object that names itself by a known value (`OWN_KEYS`, or its first `…_id`) carries the
  known name;
- the one thing a lookup answers about (the top object, or the single object under it) carries the
  name of the one identifying value the call was sent, even when it does not repeat that value;
- a value nothing has named yet keeps the name its first answer gave it.

A name is a person's (first, last and whole name) or a thing's (its `name` or `title`); a person's
name never goes into a `title`, nor a title into a first and last name. A value held under a handle
or an e-mail names a person or an account, never the post that shows it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from datagen.core.json_objects import outside_in
from datagen.generator.keys import words
from datagen.generator.people import FIRST_NAME_KEYS, LAST_NAME_KEYS
from datagen.lexicon import GENERIC_CONTAINERS, PERSON_WORDS

Obj = dict[str, Any]

_KEYLIKE = re.compile(r"^(?=\S{5,}$)(?=.*[\d/@_.])\S+$|^[a-z][a-z0-9]{4,}$")
"""A value that names one thing (`usr_829`, `https://x.org/p/1`, `ana@x.org`, `vfoster76`), not a
word or a place many things share (`US`, `Paris`, `en`)."""
OWN_KEYS = frozenset({"id", "url", "uri", "link", "permalink", "username", "handle", "screenname", "email", "slug",
                      "domain", "website"})
"""Keys by which an object names itself (a `channelId` inside a video names another thing: the
video's description is no description of the channel)."""


def names_one_thing(value: Any) -> bool:
    """A string shaped like a key (`_KEYLIKE`) or a number of at least four digits (a code, an id)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return abs(value) >= 1000
    return isinstance(value, str) and bool(_KEYLIKE.match(value))



HANDLE_WORDS = (["username"], ["user", "name"], ["handle"], ["screen", "name"], ["screenname"], ["login"],
                ["user", "login"], ["email"], ["email", "address"])
"""Keys of an account's handle: the value names a person or an account, not the post showing it."""
PERSON_WHOLE = (["full", "name"], ["fullname"], ["display", "name"], ["displayname"])
"""Keys that hold a person's whole name (a plain `name` may be a person's or a thing's)."""
_NOT_OWN_NOUN = frozenset({"first", "last", "middle", "given", "family", "sur", "user", "screen", "file", "domain",
                           "host", "nick", "display", "short", "full", "long", "original", "company", "brand"})
"""Words before `name`/`title` that make it a part of a name or another thing's name."""


def norm(key: str) -> str:
    """A key without case or separators (`screen_name` and `screenName` are one key)."""
    return "".join(words(key))


def key_of(value: Any) -> str:
    """How a value is remembered: `617996` sent as text and shown as a number is one value."""
    return str(value).strip().lower()


@dataclass(frozen=True)
class Name:
    """A thing's name as an answer showed it."""

    whole: str
    person: bool
    first: str | None = None
    last: str | None = None


def _own_id_key(obj: Obj) -> str | None:
    """The key of the object's own id: a bare `id`, else its first `…_id` (`videoId` of a video)."""
    ids = [k for k in obj if words(k)[-1:] in (["id"], ["uuid"])]
    return next((k for k in ids if words(k) in (["id"], ["uuid"])), ids[0] if ids else None)


def own_values(obj: Obj) -> list[tuple[bool, Any]]:
    """(held under a handle, value) for every value by which the object names itself."""
    own = _own_id_key(obj)
    out = []
    for key, value in obj.items():
        handle = words(key) in HANDLE_WORDS
        if (key == own or handle or norm(key) in OWN_KEYS) and names_one_thing(value):
            out.append((handle, value))
    return out


def _noun(obj: Obj) -> str | None:
    own = _own_id_key(obj)
    head = words(own)[:-1] if own else []
    return head[-1] if head else None


def thing_keys(obj: Obj) -> list[str]:
    """Keys of a thing's own name: `name`, `title`, `<its noun>_name` (`videoTitle` beside `videoId`),
    or a lone `<noun>_name` (`product_name`) when it has no plain one."""
    plain = [k for k, v in obj.items() if isinstance(v, str) and words(k) in (["name"], ["title"])]
    noun = _noun(obj)
    nouned = [k for k, v in obj.items() if isinstance(v, str) and len(words(k)) == 2
              and words(k)[1] in ("name", "title") and words(k)[0] not in _NOT_OWN_NOUN
              and words(k)[0] not in PERSON_WORDS]
    mine = [k for k in nouned if words(k)[0] == noun]
    return plain + mine if plain or mine else nouned[:1] if len(nouned) == 1 else []


def person_keys(obj: Obj) -> tuple[list[str], list[str], list[str]]:
    """(whole-name keys, first-name keys, last-name keys) of a person's name in the object."""
    strs = {k: words(k) for k, v in obj.items() if isinstance(v, str) and v}
    whole = [k for k, w in strs.items() if w in PERSON_WHOLE or w == ["name"]
             or (len(w) == 2 and w[1] == "name" and w[0] in PERSON_WORDS and w[0] not in _NOT_OWN_NOUN)]
    return (whole, [k for k, w in strs.items() if w in FIRST_NAME_KEYS],
            [k for k, w in strs.items() if w in LAST_NAME_KEYS])


def _is_person(obj: Obj) -> bool:
    """A person or an account: a first or last name, a full or display name, or a handle beside a name."""
    whole, first, last = person_keys(obj)
    return bool(first or last or any(words(k) != ["name"] for k in whole)
                or any(words(k) in HANDLE_WORDS for k in obj))


def name_of(obj: Obj) -> Name | None:
    """The name the object shows for itself, or None."""
    if _is_person(obj):
        whole, first, last = person_keys(obj)
        f = obj[first[0]] if first else None
        la = obj[last[0]] if last else None
        text = obj[whole[0]] if whole else f"{f} {la}" if f and la else None
        return Name(text, True, f, la) if text else None
    keys = thing_keys(obj)
    return Name(obj[keys[0]], False) if keys else None


def give(obj: Obj, name: Name) -> None:
    """Show `name` in the object's name fields of the same kind (a person's or a thing's)."""
    if name.person != _is_person(obj):
        return
    if not name.person:
        for key in thing_keys(obj):
            obj[key] = name.whole
        return
    whole, first, last = person_keys(obj)
    parts = name.whole.split()
    for key in whole:
        obj[key] = name.whole
    for key in first:
        obj[key] = name.first or parts[0]
    for key in last:
        obj[key] = name.last or parts[-1]


def _looked_up(arguments: dict[str, Any]) -> Any:
    """The one identifying value a call was sent (None for none or several: then no one thing)."""
    sent = [v for v in arguments.values() if names_one_thing(v)]
    return sent[0] if len(sent) == 1 else None


def the_thing(output: Any) -> Obj | None:
    """The one object a lookup's answer describes: the top object when it shows a name, else the one
    object under it (`data: {…}`), or the single item of a one-item list under a container word
    (`results`, `data`), down to two levels. A one-item list under a noun (`tracks` of an album)
    lists other things."""
    for _ in range(3):
        if not isinstance(output, dict):
            return None
        if name_of(output) is not None:
            return output
        under = [(k, v) for k, v in output.items() if isinstance(v, dict) or isinstance(v, list) and v
                 and all(isinstance(i, dict) for i in v)]
        if len(under) != 1:
            return None
        key, inner = under[0]
        if isinstance(inner, list):
            if len(inner) != 1 or words(key)[-1:] not in [[w] for w in GENERIC_CONTAINERS]:
                return None
            inner = inner[0]
        output = inner
    return None


def learn(known: dict[str, Name], output: Any, arguments: dict[str, Any]) -> None:
    """Remember the names one answer shows for its values (the first name a value got stays)."""
    for obj in outside_in(output):
        name = name_of(obj)
        if name is None:
            continue
        values = [v for handle, v in own_values(obj) if name.person or not handle]
        # an object that names itself by a value already known is that thing, under all its values
        name = next((known[key_of(v)] for v in values if key_of(v) in known and known[key_of(v)].person == name.person),
                    name)
        for value in values:
            known.setdefault(key_of(value), name)
    sent = _looked_up(arguments)
    thing = the_thing(output) if sent is not None else None
    if thing is not None and (name := name_of(thing)) is not None:
        known.setdefault(key_of(sent), name)


def known_names(history: list[tuple[Any, dict[str, Any]]]) -> dict[str, Name]:
    """The names the earlier answers (each with the arguments of its call) showed, by value."""
    known: dict[str, Name] = {}
    for output, arguments in history:
        learn(known, output, arguments)
    return known


def keep_known(output: Any, arguments: dict[str, Any], known: dict[str, Name]) -> None:
    """Every object of the answer that names itself by a known value, and the one thing a lookup by a
    known value answers about, show the name the conversation knows."""
    holders = set()
    for obj in outside_in(output):
        for handle, value in own_values(obj):
            name = known.get(key_of(value))
            if name is not None and (name.person or not handle):
                give(obj, name)
                holders.add(key_of(value))
    sent = _looked_up(arguments)
    if sent is None or key_of(sent) in holders or key_of(sent) not in known:
        return
    thing = the_thing(output)
    if thing is None:
        return
    others = [known[key_of(v)] for _, v in own_values(thing) if key_of(v) in known]
    if not others:  # an object that names itself by another known value is that other thing
        give(thing, known[key_of(sent)])
