"""One thing, one description across calls: a call sent a key an earlier answer showed answers
about the thing that answer described.

Why: readers rejected a profile looked up by the username a post showed that came back under
another person's name, a product page scraped at the URL a review list showed that named another
product, a channel whose counts changed between two calls. Inside one object the relations of
`generator.relations` hold; this carries a thing's descriptive fields from the object an argument
came from to the objects of the new answer that echo that argument. It reads key shapes only
(`name`/`full_name` are one concept; other keys match by their normalised spelling), never a
tool's words, and it changes values in place without adding or removing a key.
"""

from __future__ import annotations

import re
from typing import Any

from datagen.core.json_objects import outside_in
from datagen.generator.known import OWN_KEYS, names_one_thing
from datagen.lexicon import ENVELOPE_KEYS
from datagen.registry.naming import snake

_CODE = re.compile(r"^(?=.*\d)\S+$|^[A-Z0-9]{3,}$")
"""A value that is a code or an id: it has a digit, or it is written in capitals."""
NAME_KEYS = frozenset({"name", "fullname", "displayname", "title"})
"""Spellings of a thing's name once underscores go: one concept in every answer."""


def _norm(key: str) -> str:
    return snake(key).replace("_", "")


_NOT_THE_THING = frozenset({"first", "last", "middle", "given", "family", "sur", "user", "screen", "file", "domain",
                            "host", "nick", "display", "short"})
"""Words before `name` that make it a part of a person's name or a name of another kind."""


def _is_name(key: str) -> bool:
    """A key that holds the thing's own name: `name`, `title`, or `<noun>_name` (`company_name`,
    `channel_name`), not a part of a person's name or a user's handle (`first_name`, `user_name`)."""
    words = [w for w in snake(key).split("_") if w]
    if _norm(key) in NAME_KEYS:
        return True
    return len(words) == 2 and words[1] in ("name", "title") and words[0] not in _NOT_THE_THING


def _holding(value: Any, key_value: str | int, also: str | None = None) -> dict[str, Any] | None:
    """The object that names itself by this value: under one of `OWN_KEYS`, or under `also`, the
    parameter an earlier call was sent this same value as (two calls sent `product_code` 7203 are
    about one product; a video's `channelId` sent to a channel call is still a reference)."""
    keys = OWN_KEYS | ({_norm(also)} if also else set())
    return next((o for o in outside_in(value) if any(v == key_value and _norm(k) in keys for k, v in o.items())),
                None)


def _scalar(value: Any) -> bool:
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


def carry(output: dict[str, Any], arguments: dict[str, Any], earlier: list[Any],
          earlier_arguments: list[dict[str, Any]] | None = None) -> None:
    """Give the objects of `output` that echo an argument the descriptive fields of the object
    (in `earlier` outputs, most recent first) the argument was taken from, or of the object an
    earlier call answered when it was sent the same value as the same parameter
    (`earlier_arguments`, one per earlier output)."""
    sent_before = earlier_arguments or [{} for _ in earlier]
    for param, sent in arguments.items():
        if not names_one_thing(sent):
            continue
        coded = _CODE.match(str(sent)) is not None  # `7203`, `QZX`, `usr_829`: a code, not a word like `peninsular`
        source = next((found for out, args in zip(reversed(earlier), reversed(sent_before))
                       if (found := _holding(out, sent, param if coded and args.get(param) == sent else None))
                       is not None), None)
        if source is None:
            continue
        by_norm = {_norm(k): k for k, v in source.items() if _scalar(v)}
        name_key = next((k for k in by_norm.values() if _is_name(k) and isinstance(source[k], str)), None)
        targets = [o for o in outside_in(output) if any(v == sent for v in o.values())]
        if len(targets) != 1:
            continue  # several objects echo it: a list filtered by the value, none of them that one thing
        for target in targets:
            for key, value in target.items():
                norm = _norm(key)
                if not _scalar(value) or snake(key) in ENVELOPE_KEYS or norm.endswith("id") or value == sent:
                    continue
                if _is_name(key) and name_key is not None and isinstance(value, str):
                    target[key] = source[name_key]
                elif norm in by_norm and type(source[by_norm[norm]]) is type(value):
                    target[key] = source[by_norm[norm]]
