"""Field names as people say them: `priceMin` → "minimum price", `pack_items: 34` → "number of pack
items", `starts` → "start date", `is_valid: false` → "it is not valid". Shared by the final answer
and anything else that reads an output aloud.
"""

from __future__ import annotations

import re
from typing import Any

from datagen.generator import phrases as ph
from datagen.lexicon import MEASURE_WORDS
from datagen.registry.naming import singular

_VERB_LABELS = frozenset({"starts", "ends", "opens", "closes", "begins", "expires", "departs", "arrives"})
# A field named by a verb is said by its noun: "with the start date 2026-03-19", not "with starts …".
VERB_NOUNS = {"starts": "start date", "begins": "start date", "ends": "end date", "opens": "opening time",
              "closes": "closing time", "expires": "expiry date", "departs": "departure time",
              "arrives": "arrival time"}
BOOL_HEADS = ("is", "has", "can", "was", "are", "does", "did", "should", "allow", "allows")


def bool_fact(label: str, value: bool) -> str:
    """A yes/no field as a sentence part: "it has no events", "it is not valid", "it was delivered"."""
    words = label.split()
    if len(words) > 2 and words[0] == "is" and words[1] in ("have", "has"):
        words = ["has"] + words[2:]  # `is_have_access`: "it has access", not "it is have access"
    if len(words) == 1 and words[0].endswith("ed"):
        return f"it was {label}" if value else f"it was not {label}"  # `opened`, `delivered`
    if words and words[0] in BOOL_HEADS and len(words) > 1:
        head, rest = words[0], " ".join(words[1:])
        label = " ".join(words)
        if head == "has":
            return f"it has {rest}" if value else f"it has no {rest}"
        if head == "is":
            return f"it is {rest}" if value else f"it is not {rest}"
        return f"{label}: {'yes' if value else 'no'}"
    return f"{label}: {'yes' if value else 'no'}"


_QUALIFIERS = {"min": "minimum", "max": "maximum", "avg": "average", "mean": "mean", "total": "total",
               "minimum": "minimum", "maximum": "maximum", "average": "average"}


def field_label(key: str, value: Any = None) -> str:
    """A field name as a noun phrase: `numVotes` → "number of votes", `priceMin` → "minimum price"
    (a qualifier the API put last goes first, where English puts it), a whole number under a plural
    name is a count (`pack_items: 34` → "number of pack items")."""
    label = re.sub(r"^(?:num|no|nb|n) (?=\w)", "number of ", ph.humanize(key))
    words = label.split()
    if len(words) > 1 and words[-1] in _QUALIFIERS and words[0] not in _QUALIFIERS:
        words = [words[-1]] + words[:-1]
    words = [_QUALIFIERS[words[0]]] + words[1:] if len(words) > 1 and words[0] in _QUALIFIERS else words
    if isinstance(value, int) and not isinstance(value, bool) and words and words[0] not in ("number", *_QUALIFIERS) \
            and len(words[-1]) > 3 and singular(words[-1]) != words[-1] and words[-1] not in _VERB_LABELS \
            and words[-1] not in MEASURE_WORDS:  # "eta minutes" is a measure, not a count
        words = ["number", "of"] + words
    return " ".join(words)
