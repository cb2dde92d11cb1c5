"""Borrow a documented sibling's response shape for an endpoint that has none.

An endpoint with no schema, example or observed answer would get fields guessed from its name. When
another endpoint of the same tool says nearly the same thing in its name and description (`Get
player stats` beside `Get player stats by season`), the sibling's documented fields are a better
guess than generic ones: the same service names its keys the same way. The borrowed fields keep
`inferred: true` (they are still a guess, so the samplers' documented-only default leaves them out)
and `source: borrowed`; `Endpoint.shape_source` names the endpoint they came from.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from datagen.lexicon import ENVELOPE_KEYS, NAME_STOPWORDS, READ_VERBS, VERBS
from datagen.registry.models import Endpoint, FieldSource, ResponseField
from datagen.registry.naming import singular, snake

MIN_OVERLAP = 0.5
"""Jaccard overlap of content words from which two endpoints say the same thing: half of all their
words in common. Below it siblings mostly share the tool's subject (`team` of `team stats` and
`team logo`), not what they answer."""

DOCUMENTED = frozenset({FieldSource.SCHEMA, FieldSource.EXAMPLE, FieldSource.OBSERVED})


class _Words(NamedTuple):
    """What an endpoint says: the content words of its name, of name and description, and its acts."""

    name: frozenset[str]
    text: frozenset[str]
    acts: frozenset[str]


def _content(tokens: list[str]) -> frozenset[str]:
    return frozenset(singular(t) for t in tokens if len(t) > 1 and t not in NAME_STOPWORDS and not t.isdigit())


def _words(e: Endpoint) -> _Words:
    """Content words (singular, without verbs and filler: `lexicon.NAME_STOPWORDS`), and the verbs of the
    name that do something other than read (`download`, `convert`), which change what an answer is."""
    name = [t for t in snake(e.name).split("_") if t]
    acts = frozenset(t for t in name if t in VERBS and t not in READ_VERBS)
    return _Words(_content(name), _content(name + re.findall(r"[a-z]+", e.description.lower())), acts)


def _overlap(a: _Words, b: _Words) -> float:
    """Jaccard overlap of name-and-description words, 0 unless the two names have the same content words
    and do the same (`Get Open Interest` and `Open Interest`, `GetTask` and `GetTasks`; not `Player
    Season Statistics` and `Team Season Statistics`, `League Details` and `League Logo Image`, `Get
    Task Document` and `Get Tasks`, nor `Convert File` and `Get File`)."""
    if not a.name or a.name != b.name or a.acts != b.acts:
        return 0.0
    return len(a.text & b.text) / len(a.text | b.text)


def _documented(e: Endpoint) -> bool:
    """Documented, and about something: a shape of only envelope keys (`status`, `message`) says nothing."""
    return bool(e.response_fields) and e.response_fields[0].source in DOCUMENTED and any(
        snake(f.path.split(".", 1)[0].removesuffix("[]")) not in ENVELOPE_KEYS for f in e.response_fields)


def _copy(field: ResponseField) -> ResponseField:
    return field.model_copy(update={"source": FieldSource.BORROWED, "inferred": True})


def borrow_shapes(endpoints: list[Endpoint]) -> int:
    """Give each undocumented endpoint of one tool its most similar documented sibling's fields.

    The lender is the documented endpoint with the highest overlap of content words, at least
    `MIN_OVERLAP` (ties: the lower endpoint id); only documented shapes are lent, so borrowing never
    chains. Returns how many endpoints borrowed.
    """
    lenders = sorted((e for e in endpoints if _documented(e)), key=lambda e: e.id)
    if not lenders:
        return 0
    words = {e.id: _words(e) for e in endpoints}
    borrowed = 0
    for e in endpoints:
        if e.response_fields and e.response_fields[0].source in DOCUMENTED:
            continue
        best = max(lenders, key=lambda lender: _overlap(words[e.id], words[lender.id]))  # first of a tie
        if _overlap(words[e.id], words[best.id]) >= MIN_OVERLAP:
            e.response_fields = [_copy(f) for f in best.response_fields]
            e.shape_source = f"borrowed from {best.id} ({best.shape_source})"
            borrowed += 1
    return borrowed

