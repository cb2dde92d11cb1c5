"""How realisable an endpoint is in a conversation: a score from 0 to 1, computed once at build.

A conversation through an endpoint is as good as the answer made for it (the rubric's R3: right
types, values that mean what the field says) and as the user's request for it (R1, R5: asked for in
plain words). Three things the build knows decide both; the weights and values are the table below
and in DESIGN.md §2 ("Realisability").
"""

from __future__ import annotations

import re
from collections import Counter

from datagen.lexicon import DATE_WORDS, ENVELOPE_KEYS, GENERIC_CONTAINERS, NUMBER_LEADS, REQUEST_ECHO_KEYS
from datagen.registry.models import Endpoint, FieldSource, Registry
from datagen.registry.documented import documents_itself
from datagen.registry.naming import plain_name, snake
from datagen.registry.understood import understood_name

# Term → weight. Why each row: the shape decides whether an answer can be what the API says at all,
# so it weighs most; plain field names and an askable name each decide half of what is left.
WEIGHTS: dict[str, float] = {
    "shape": 0.5,         # answers are made from the fields: documented ones are what the API would say
    "plain_fields": 0.25,  # a value can be told only when its field's name says what it holds (`understood`)
    "askable": 0.25,      # a user can ask for the endpoint without reciting API names or copied text
}
# Shape provenance → value of the `shape` term. Why each row:
SHAPE_VALUE: dict[FieldSource | None, float] = {
    FieldSource.SCHEMA: 1.0,    # the API's own documented schema
    FieldSource.EXAMPLE: 1.0,   # an answer the API's author pasted: real keys
    FieldSource.OBSERVED: 1.0,  # an answer the API really gave when called (keys and types, no values)
    FieldSource.BORROWED: 0.5,  # a sibling endpoint's documented shape: right vocabulary, maybe not this answer
    FieldSource.INFERRED: 0.2,  # guessed from the name and description: generic keys at best
    None: 0.0,                  # no fields at all: nothing to answer with
}
BUCKETS = 10
"""The manifest's histogram has this many equal-width buckets over 0..1."""


def shared_descriptions(registry: Registry) -> set[tuple[str, str]]:
    """(tool id, description) pairs that more than one endpoint of the tool carries: copied text that
    says what none of them does in particular (`Retrieve a Country based on its alpha 2 code` on four
    different endpoints)."""
    seen: Counter[tuple[str, str]] = Counter()
    for e in registry.endpoints():
        key = (e.tool_id, " ".join(e.description.lower().split()))
        if key[1]:
            seen[key] += 1
    return {key for key, count in seen.items() if count > 1}


def is_askable(e: Endpoint, shared: set[tuple[str, str]]) -> bool:
    """A user can ask for it in plain words: a plain name and a description of its own."""
    return plain_name(e.name) and (e.tool_id, " ".join(e.description.lower().split())) not in shared


def shape_of(e: Endpoint) -> FieldSource | None:
    """The provenance of the endpoint's shape: its first field's source (all share one), None without fields."""
    return e.response_fields[0].source if e.response_fields else None


_BOOKKEEPING = (ENVELOPE_KEYS | REQUEST_ECHO_KEYS | GENERIC_CONTAINERS | NUMBER_LEADS | DATE_WORDS
               | frozenset("id ids uuid key page pages per limit offset size count counts total totals time "
                           "took elapsed format version api timestamp source sources".split()))
"""Words of fields that say how a request went or where its answer is (status, errors, paging, the
time it took, the request echoed, an id, where the data came from), not what it found."""

# Word → why a field named by it and a number (`key1`, `value_2`) is a placeholder of the schema's
# author, not a field the API fills with something found.
PLACEHOLDER_STEMS: dict[str, str] = {
    "key": "`key1`, `key2`: a sample object's keys, standing for whatever the API returns",
    "value": "`value1`: a sample value, not what it is a value of",
    "field": "`field1`: a slot numbered in a template",
    "prop": "`prop1`: a template's numbered property",
    "property": "`property1`: a template's numbered property",
    "attr": "`attr1`: a template's numbered attribute",
    "attribute": "`attribute1`: a template's numbered attribute",
    "param": "`param1`: a request template's slot, copied into the answer",
    "string": "`string1`: a type name numbered, no meaning",
    "example": "`example1`: an example, not a field",
    "sample": "`sample1`: a sample, not a field",
}
# Word → why a field of that name alone says nothing found: it describes the answer's layout.
LAYOUT_WORDS: dict[str, str] = {
    "columns": "a table's column names: they say what its rows hold, not what was found",
    "column": "one column's name of a table (as above)",
    "headers": "a table's or a request's header names: layout, not content",
    "header": "one header name (as above)",
}


def content_fields(e: Endpoint) -> int:
    """How many leaf fields say something found: not bookkeeping (`_BOOKKEEPING`), not one of the
    call's own parameters repeated, and understood well enough to hold a value (`registry.understood`,
    or documented by its own description): the executor leaves every other field out. An answer with
    none (`{"errors": [""], "results": 5}` once its item-less list is gone, `{"length": 14,
    "timestamp": …}` for an indicator, `{"price_rating": …}`) is hollow."""
    params = {snake(p.name) for p in e.parameters}
    count = 0
    for f in e.response_fields:
        words = {w for w in snake(f.name).split("_") if w}
        echoed = snake(f.name) in params and "[]" not in f.path  # a listed item's `uri` is its own
        if placeholder(f.name):
            continue
        if words and not words <= _BOOKKEEPING and not echoed and (
                understood_name(f.name, _owner(f.path)) or documents_itself(f)):
            count += 1
    return count


def placeholder(name: str) -> bool:
    """Whether a field's name is a template's placeholder (`PLACEHOLDER_STEMS` and a number:
    `key1`, `value_2`) or a word of layout alone (`LAYOUT_WORDS`: `columns`)."""
    found = re.fullmatch(r"([a-z]+)_?\d+", snake(name))
    return found is not None and found.group(1) in PLACEHOLDER_STEMS or snake(name) in LAYOUT_WORDS


def _owner(path: str) -> str | None:
    """The noun of the object a field sits in (`hotels[].rating` → hotels), as the executor passes it."""
    parts = [p.replace("[]", "") for p in path.split(".")[:-1]]
    return snake(parts[-1]).split("_")[-1] or None if parts else None


def score(e: Endpoint, askable: bool) -> float:
    """The realisability of one endpoint, rounded to 3 decimals (the table above); 0 for an endpoint
    whose documented answer holds nothing found (`content_fields`): nothing to answer the user with."""
    fields = e.response_fields
    if not content_fields(e):
        return 0.0
    # the share of fields the executor can fill: a name understood (`registry.understood`) and plain,
    # or a field its own description documents; every other field is left out of the answer
    plain = sum(1 for f in fields if plain_name(f.name) and understood_name(f.name, _owner(f.path))
                or documents_itself(f)) / len(fields) if fields else 0.0
    total = (WEIGHTS["shape"] * SHAPE_VALUE[shape_of(e)] + WEIGHTS["plain_fields"] * plain
             + WEIGHTS["askable"] * (1.0 if askable else 0.0))
    return round(total, 3)


def set_realisability(registry: Registry) -> None:
    """Stamp every endpoint with `Endpoint.realisability`."""
    shared = shared_descriptions(registry)
    for e in registry.endpoints():
        e.realisability = score(e, is_askable(e, shared))


def histogram(registry: Registry) -> dict[str, int]:
    """Endpoints per score bucket (`0.0-0.1` … `0.9-1.0`, the last one closed), every bucket listed."""
    counts = [0] * BUCKETS
    for e in registry.endpoints():
        counts[min(BUCKETS - 1, int(e.realisability * BUCKETS))] += 1
    return {f"{i / BUCKETS:.1f}-{(i + 1) / BUCKETS:.1f}": n for i, n in enumerate(counts)}
