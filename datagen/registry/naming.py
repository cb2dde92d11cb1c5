"""Names, slugs, ranking keys and concept keys.

The concept key is what decides which output can fill which input, so it is the heart of the
graph: `hotelId`, `hotel_id` and `id` inside a `hotels` array all become `hotel_id`; `lat` and
`latitude` both become `latitude`; `from_currency` becomes `currency`. The rules are generic
(casing, plurals, role prefixes, a small synonym table of cross-domain concepts) so that they hold
for ToolBench categories we have never seen.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

import inflect
from wordfreq import zipf_frequency

from datagen.lexicon import (
    CONCEPT_SYNONYMS as _SYNONYMS,
    CONTROL_PARAMS,
    GENERIC_CONTAINERS,
    INVARIANT_NOUNS,
    PERSON_WORDS,
    NAME_STOPWORDS as _VERBS,
    VERBS,
    ROLE_KEPT_CONCEPTS as _ROLE_KEPT,
    ROLE_PREFIXES as _ROLE_PREFIXES,
    WEAK_CONCEPTS,
)

_CAMEL_1 = re.compile(r"([A-Z]+)([A-Z][a-z])")
_CAMEL_2 = re.compile(r"([a-z0-9])([A-Z])")
_NON_WORD = re.compile(r"[^a-z0-9_\u4e00-\u9fff]+")
_UNDERSCORES = re.compile(r"_+")

# Re-exported for modules that import them from here; the lists themselves live in `datagen.lexicon`.
__all__ = ["CONTROL_PARAMS", "GENERIC_CONTAINERS", "SAYABLE_ZIPF", "WEAK_CONCEPTS", "concept_of", "is_control",
           "rank_key", "sayable", "singular", "slug", "snake", "standardize", "subject_noun"]


def standardize(name: str) -> str:
    """ToolBench's `standardize()`: lowercase, non-word runs to `_`, `get_` before a leading digit."""
    text = name.strip().replace("/", "").lower()
    text = _NON_WORD.sub("_", text)
    text = _UNDERSCORES.sub("_", text).strip("_")
    if text and text[0].isdigit():
        text = "get_" + text
    return text


def slug(name: str, max_len: int = 64) -> str:
    """A stable, readable id part: `standardize`, shortened with a hash suffix when long."""
    text = standardize(name) or "unnamed"
    if len(text) > max_len:
        digest = hashlib.blake2b(text.encode(), digest_size=4).hexdigest()
        text = f"{text[: max_len - 9].rstrip('_')}_{digest}"
    return text


def rank_key(key: str) -> int:
    """A 40-bit integer from blake2b of `key`; the Cypher seeded shuffle orders by it."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=5).digest(), "big")


@lru_cache(maxsize=65536)
def snake(name: str) -> str:
    """`hotelID`, `Hotel-Id`, `hotel id` → `hotel_id`."""
    text = _CAMEL_1.sub(r"\1_\2", name.strip())
    text = _CAMEL_2.sub(r"\1_\2", text).lower()
    text = re.sub(r"[^a-z0-9]+", "_", text)
    return _UNDERSCORES.sub("_", text).strip("_")


_INFLECT = inflect.engine()


@lru_cache(maxsize=65536)
def singular(word: str) -> str:
    """The English singular of a concept word: `hotels`→`hotel`, `categories`→`category`.

    `inflect` knows the irregular plurals (`people`, `criteria`, `matches`); words of three letters
    or fewer and `lexicon.INVARIANT_NOUNS` (`data`, `news`, `series`, `status`) are kept as they are,
    because inflect reads `data` as a plural of `datum` and `bus` as a plural of `bu`.
    """
    if len(word) <= 3 or word in INVARIANT_NOUNS or word.endswith(("ss", "us", "is")) or not word.isalpha():
        return word
    result = _INFLECT.singular_noun(word)
    return result if isinstance(result, str) and result else word


def _canonical(norm: str) -> str:
    if norm in _SYNONYMS:
        return _SYNONYMS[norm]
    parts = norm.split("_")
    if len(parts) > 1 and parts[0] in _ROLE_PREFIXES:
        rest = "_".join(parts[1:])
        if rest in _SYNONYMS:
            return _SYNONYMS[rest]
        if rest in _ROLE_KEPT:
            return rest
    if len(parts) > 1 and parts[-1] == "date":
        return "date"
    if norm.endswith("_id") or norm.endswith("_ids"):
        stem = norm.rsplit("_", 1)[0]
        return f"{'_'.join(singular(p) for p in stem.split('_'))}_id"
    if len(parts) > 1 and parts[0] == "id":
        return f"{'_'.join(singular(p) for p in parts[1:])}_id"
    return norm


@lru_cache(maxsize=65536)
def concept_of(name: str, context_noun: str | None = None) -> str:
    """The concept key of a parameter or field name.

    A bare `id` (or `ids`) is qualified by `context_noun` (the array it sits in, or the endpoint's
    subject) so `hotels[].id` and `get_hotel(id)` meet as `hotel_id`. So is a bare `name` of a thing
    (`/planets` → `[].name` and `/planets/{name}` meet as `planet_name`: the name is the key the detail
    endpoint takes); a person's or a generic container's `name` stays bare, too vague to link.
    """
    norm = snake(name)
    if norm in {"id", "ids", "uuid", "identifier"} and context_noun:
        return f"{context_noun}_id"
    if norm == "name" and context_noun and context_noun not in PERSON_WORDS | GENERIC_CONTAINERS | {"name"}:
        return f"{context_noun}_name"
    return _canonical(norm) or "unnamed"


@lru_cache(maxsize=65536)
def subject_noun(*names: str) -> str | None:
    """The main noun of an endpoint or container name: `getHotelDetails` → `hotel`."""
    for name in names:
        tokens = snake(name).split("_")
        # `currencies_get_countries` is about countries: a verb inside a name starts what it returns
        verb_at = next((i for i, t in enumerate(tokens) if i > 0 and t in VERBS and i + 1 < len(tokens)), None)
        if verb_at is not None:
            tokens = tokens[verb_at + 1:] + tokens[:verb_at]
        for token in tokens:
            if token and token not in _VERBS and not token.isdigit() and len(token) > 2:
                noun = singular(token)
                if noun not in GENERIC_CONTAINERS:
                    return noun
    return None


def is_control(name: str) -> bool:
    """Whether a parameter is a paging/format/auth knob no output should fill."""
    return snake(name) in CONTROL_PARAMS


PLAIN_WORD_ZIPF = 2.0
"""Zipf frequency (wordfreq) under which a word of an endpoint name is not plain English: `cedula`,
`getmediadata`, `heizgradtage` fall under it, `autocomplete` and `numerology` stay above it."""


SAYABLE_ZIPF = 3.0
"""Zipf frequency every word needs for a person to say it aloud as a label or ask for it by name
(`href` 2.9 and `zz` 2.8 fail; `isbn` 3.1, `mx`, `is`, `id` pass): above the plain-word bar, because
a label or a parameter's name is said without the context of a whole endpoint name."""


def sayable(text: str) -> bool:
    """Whether every word of a label or a name (split at spaces and underscores; numbers pass) is
    one a person says (`SAYABLE_ZIPF`)."""
    return all(zipf_frequency(w, "en") >= SAYABLE_ZIPF for w in re.split(r"[\s_]+", text.lower())
               if w and not w.isdigit())


REST_ACTIONS = frozenset({"read", "list", "create", "update", "delete", "destroy", "retrieve"})
"""Last words of generated REST operation ids (`countries_subdivisions_read`): the resource path
comes first, so the name reads backwards and its docs are the framework's ("GET handler")."""


@lru_cache(maxsize=None)
def plain_name(name: str) -> bool:
    """Whether an endpoint's name is made of plain words, so a user can ask for what it does.

    Names glued into one token (`getpilebysessionidandname`), in another language, or repeating a
    word (`units_units_list`, `CashRegisterController_getCashRegisters`) or ending in a REST verb
    (`units_custom_read`) are API-speak: a user who asks for them recites the API. Words of two
    letters or fewer (`id`, `by`, `tv`) always pass.
    """
    words = [w for w in re.split(r"[^a-z]+", re.sub(r"([a-z])([A-Z])", r"\1 \2", name).lower()) if w]
    if not words or len(words) != len(set(words)):
        return False
    if len(words) >= 2 and words[-1] in REST_ACTIONS and words[0] not in _VERBS:
        return False  # `units_custom_read`: a generated REST operation id, resource first, verb last
    return all(len(w) <= 2 or zipf_frequency(w, "en") >= PLAIN_WORD_ZIPF for w in words)


@lru_cache(maxsize=None)
def unglue(token: str) -> tuple[str, ...]:
    """A token of run-together words split in two when both halves are common words and the whole is
    not (`hasevents` → has, events; `getearningsdate` stays, being three); else the token itself."""
    if zipf_frequency(token, "en") >= PLAIN_WORD_ZIPF or len(token) < 6:
        return (token,)
    best: tuple[float, tuple[str, ...]] = (0.0, (token,))
    for cut in range(2, len(token) - 2):
        head, tail = token[:cut], token[cut:]
        score = min(zipf_frequency(head, "en"), zipf_frequency(tail, "en"))
        if score >= 3.0 and score > best[0]:
            best = (score, (head, tail))
    return best[1]
