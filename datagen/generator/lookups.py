"""A search for a name or a title the user stated finds that thing first.

Why: readers rejected a search for "The Silver Promise" that listed "Cornsilk Stranger", a people
search for "Trang Bui" whose hit was "Matthew Gordon DVM": a lookup of X returns X. When the call's
search text is written like a name (every word capitalised, at most six words) and no item of the
first list already carries it, the first item is that thing: its name or title is the text, and a
person's first and last names are its first and last words. A lower-case search (`ana`, `heist
thrillers`) names no one thing and is left alone.
"""

from __future__ import annotations

import re
from typing import Any

from datagen.generator.keys import words
from datagen.generator.people import FIRST_NAME_KEYS, LAST_NAME_KEYS
from datagen.generator.ranges import dict_lists

QUERY_WORDS = frozenset({"query", "q", "search", "keyword", "keywords", "term", "title", "name", "text", "lookup"})
_NAMED = re.compile(r"^(?:[A-Z0-9][\w'’.&-]*)(?: (?:[A-Z0-9][\w'’.&-]*|of|the|and|de|la|von|van|in|on)){0,5}$")


def found_first(output: Any, arguments: dict[str, Any]) -> None:
    """The first item of the answer's first list is the thing a name-like search named."""
    query = next((v.strip() for k, v in arguments.items() if isinstance(v, str) and set(words(k)) & QUERY_WORDS
                  and _NAMED.match(v.strip()) and " " in v.strip()), None)
    lists = dict_lists(output)
    if query is None or not lists:
        return
    items = lists[0]
    key = next((k for k in items[0] if words(k)[-1:] in (["name"], ["title"]) and words(k)[:1] not in (
        ["first"], ["last"], ["user"], ["file"]) and isinstance(items[0][k], str)), None)
    if key is None or any(query.lower() in str(item.get(key, "")).lower() for item in items):
        return
    first = items[0]
    first[key] = query
    parts = query.split()
    for name_key in first:
        if words(name_key) in FIRST_NAME_KEYS:
            first[name_key] = parts[0]
        elif words(name_key) in LAST_NAME_KEYS:
            first[name_key] = parts[-1]
