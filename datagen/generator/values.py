"""Typed, seeded mock values for parameters and response fields.

One function, `value_for`, serves both the UserProxy (values the user states), the Assistant (the
typed fallback of a required parameter) and the OfflineExecutor (every leaf of a mock output). The
value fits the declared type and, where the name, concept or description say what it means, looks
like the real thing (`generator.semantic` reads the meaning, `generator.fake` draws it from Faker and
phonenumbers, seeded per value). Rules look at generic words only, never at particular tools, because
the corpus is judged on unseen categories. Dates live in a fixed window (never today's date), so the
same seed gives the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import logging
import random
import re
from datetime import date, timedelta
from typing import Any

from datagen import reference
from datagen.generator import fake
from datagen.registry.documented import documented
from datagen.generator.fake import PLACE_ANCHORS, Place
from datagen.registry.phrase import head_phrase
from datagen.registry.understood import understood_name
from datagen.generator.pools import CURRENCIES, FIRST, GENERIC_QUERIES, LAST
from datagen.generator.semantic import (BASE_DATE, DATE_WINDOW_DAYS, example, fake_date, id_prefix, is_boolean_name,
                                        query_phrase, semantic_value, shaped_fallback)
from datagen.lexicon import NAME_QUALIFIERS, PERSON_WORDS, ROLE_WORDS
from datagen.registry.models import Endpoint, Parameter, ParamType, ResponseField
from datagen.registry.naming import singular, snake

__all__ = ["UNPLACED", "BASE_DATE", "DATE_WINDOW_DAYS", "PERSON_WORDS", "ROLE_WORDS", "clean_default", "coerce", "derive_rng",
           "different_value", "fake_date", "id_prefix", "knob_default", "query_phrase", "value_for"]

log = logging.getLogger(__name__)

Spec = Parameter | ResponseField

_EXAMPLE_PREFIX = re.compile(r"^(?:e\.g\.?|i\.e\.?|for example|example|ex)\s*[:,]\s*", re.I)
# Defaults that are template slots or type names, not values: `{address}`, `<id>`, `string`, `YOUR_KEY`.
_PLACEHOLDER = re.compile(r"^(?:\{+\s*[\w .-]*\s*\}+|<[^<>]*>|\[[\w ]*\]|:\w+|\$\{?\w+\}?|%\w+%|string|str|text|value|"
                          r"integer|int|number|float|boolean|bool|object|array|null|none|nil|undefined|n/?a|"
                          r"your[\s_-].*|.*[\s_-]here|x{3,}|\.{3}|…|\?+|-+|todo|tbd|(?:replace|insert|enter|put)[\s_-].*)$", re.I)
_GENERIC_CATEGORIES = frozenset({"general", "standard", "featured", "other"})
_RELATIVE = re.compile(r"^(?:now|today|tomorrow|yesterday|latest|current|live)$", re.I)
_PROSE = re.compile(r"^[A-Z][^{}\[\]]*\s\S+\s\S+\s\S+.*[.!?]$")  # a sentence pasted where a value goes
_INT = re.compile(r"^-?\d+$")
_NUM = re.compile(r"^-?\d+(\.\d+)?$")


class _Unplaced:
    """The value of an answer's field whose meaning no rule recognises (see `value_for(strict=True)`)."""

    def __repr__(self) -> str:
        return "UNPLACED"


UNPLACED: Any = _Unplaced()
"""Left out of an answer: a real API's field holds something that means what the field says; an
opaque code or a number drawn for a field nobody understood teaches a model to report noise."""


def derive_rng(seed: int, purpose: str) -> random.Random:
    """A sub-Random for one purpose, stable across processes (blake2b, not the salted `hash()`)."""
    digest = hashlib.blake2b(f"{seed}:{purpose}".encode(), digest_size=8).digest()
    return random.Random(int.from_bytes(digest, "big"))


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def coerce(value: Any, ptype: ParamType, enum: list[str] | None = None) -> Any:
    """`value` converted to `ptype` without changing what it says; ValueError when it cannot be."""
    if value is None:
        raise ValueError("no value")
    if ptype in (ParamType.NULL, ParamType.BINARY):
        return value
    if ptype is ParamType.BOOLEAN:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in ("true", "false"):
            return value.lower() == "true"
        raise ValueError("not a boolean")
    if isinstance(value, bool) and ptype in (ParamType.INTEGER, ParamType.NUMBER):
        raise ValueError("a boolean is not a number")
    if ptype is ParamType.INTEGER:
        if isinstance(value, int) or isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, str) and _INT.match(value.strip()):
            return int(value.strip())
        raise ValueError("not an integer")
    if ptype is ParamType.NUMBER:
        if isinstance(value, (int, float)):
            return value
        if isinstance(value, str) and _NUM.match(value.strip()):
            return float(value.strip())
        raise ValueError("not a number")
    if isinstance(value, str) and value.strip()[:1] in ("[", "{") and ptype in (ParamType.ARRAY, ParamType.OBJECT):
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
            pass
    if ptype is ParamType.ARRAY:
        return value if isinstance(value, list) else [value]
    if ptype is ParamType.OBJECT:
        if isinstance(value, dict):
            return value
        raise ValueError("not an object")
    if isinstance(value, dict) or isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
        raise ValueError("not a scalar")
    text = ",".join(_text(v) for v in value) if isinstance(value, list) else _text(value)
    if ptype is ParamType.ENUM and enum and text not in enum:
        raise ValueError("not one of the enum values")
    return text


def clean_default(spec: Spec) -> Any:
    """A parameter's default in its own type, or None when absent, empty or unusable."""
    default = getattr(spec, "default", None)
    if isinstance(default, str):
        default = _EXAMPLE_PREFIX.sub("", default).strip()
    if default is None or default == "" or isinstance(default, str) and _PLACEHOLDER.match(default.strip()):
        return None
    if isinstance(default, str) and snake(default) in (snake(spec.name), spec.concept) and not getattr(spec, "enum", None):
        return None  # `username` for `username`: the slot's own name, not a value anyone has
    if isinstance(default, str) and (spec.type in (ParamType.DATE, ParamType.TIME) or spec.concept in (
            "date", "time", "timestamp")) and _RELATIVE.match(default.strip()):
        return None  # `now`, `today`: a real call names the day
    if isinstance(default, str) and len(default) > 40 and _PROSE.match(default.strip()):
        return None  # the parameter's description pasted as its default
    try:
        default = coerce(default, spec.type, getattr(spec, "enum", None))
    except ValueError:
        return None
    return None if default in ("", [], {}) else default


_FOREIGN = frozenset({"fr", "de", "es", "it", "pt", "ar", "ru", "zh", "ja", "ko"}) & NAME_QUALIFIERS
"""Language qualifiers of a name (`name_ru`): the lexicon's, less English."""
_CONSTANT = re.compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$")  # an identifier in capitals, words joined by `_`
_WEB = re.compile(r"^https?://[^/\s]+\.[a-z]{2,}(/\S*)?$", re.I)
_CODE = re.compile(r"^(?=.*\d)[A-Za-z0-9_-]{5,}$|^[A-Za-z0-9_-]{9,}$")


def like_link(example: str, rng: random.Random) -> str:
    """A link on the example's site with the example's path shape and fresh codes in it
    (`https://www.example.com/p/CzJ8wrfsgmH/` → `…/p/Qk3vTb8mXaL/`), its query dropped."""
    head, _, rest = example.partition("://")
    host, _, path = rest.partition("/")
    path = path.split("?", 1)[0].split("#", 1)[0]
    parts = []
    for part in path.split("/"):
        if _CODE.match(part):
            part = "".join(rng.choice("0123456789") if c.isdigit() else
                           rng.choice("abcdefghijklmnopqrstuvwxyz") if c.islower() else
                           rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") if c.isupper() else c for c in part)
        parts.append(part)
    return f"{head}://{host}/{'/'.join(parts)}"


_CITY_KEY = re.compile(r"^[A-Z][A-Za-z.'-]+(?:[ -][A-Z][A-Za-z.'-]+)*_[A-Z]{2}$")
_STATED = re.compile(r"\b(?:allowed|possible|valid|accepted|supported) values\W*(?:are|include)?\W*([^\n]+)", re.I)


def stated_values(description: str | None) -> list[str]:
    """The values a parameter's description lists as the only ones allowed (`**Allowed values:** 3,
    5, 7.`), for a parameter whose type does not say so; empty when it lists none."""
    match = _STATED.search(description or "")
    if match is None:
        return []
    items = [p.strip(" *`'\"().") for p in re.split(r",|\bor\b|\|", match.group(1))]
    items = [i for i in items if i and len(i) <= 30 and len(i.split()) <= 2]
    return items if len(items) >= 2 else []


def value_for(spec: Spec, rng: random.Random, *, endpoint: Endpoint | None = None,
              context: str | None = None, prefer_default: float = 0.0, anchor: int | None = None,
              place: Place | None = None, strict: bool = False) -> Any:
    """A value for a parameter or response field that fits its type and, if known, its meaning.

    Args:
        spec: the parameter or response field.
        rng: the caller's seeded Random (the only source of randomness; Faker is seeded from it).
        endpoint: the endpoint it belongs to (search phrases follow its description).
        context: the noun the value belongs to (`hotel` for `hotels[].name`), for names and ids.
        prefer_default: probability of returning a parameter's own default when it has one.
        anchor: an index into the place table, so the place fields of one object agree.
        place: the place itself (wins over `anchor`), e.g. the country of a phone number the call named.
        strict: for fields of an answer: `UNPLACED` instead of a weak guess or a shaped fallback.
    """
    enum = getattr(spec, "enum", None)
    default = clean_default(spec)
    if isinstance(default, str) and isinstance(spec, Parameter) and _CITY_KEY.match(default) \
            and reference.subdivision("US", default[-2:]) is not None:
        # a key written like its example (`Detroit_MI`), naming a city the world can place
        city = reference.draw_city(rng, "US")
        return f"{city.name.replace(' ', '-')}_{city.subdivision_code}" if city is not None else default
    if isinstance(default, str) and isinstance(spec, Parameter) and _WEB.match(default) and not spec.name.lower().endswith("host"):
        # a link of the kind its example is (a post on the site the tool reads), not any web page
        return default if rng.random() < prefer_default else like_link(default, rng)
    if default is not None and rng.random() < prefer_default:
        return default
    if enum:
        return rng.choice(enum)
    allowed = stated_values(spec.description) if isinstance(spec, Parameter) else []
    if allowed:  # "Allowed values: 3, 5, 7": the documented default when it is one of them
        return default if default is not None and str(default) in allowed else rng.choice(allowed)
    tokens = head_phrase([t for t in snake(spec.name).split("_") if t])  # the head noun last (`registry.phrase`)
    if strict and isinstance(spec, ResponseField):
        said = documented(spec, rng)  # the field's own description says what it holds
        if said is not None:
            return coerce(said, spec.type, enum)
        if not understood_name(spec.name, context):
            return UNPLACED  # a word before the head that no maker knows changes what the value is
    if spec.type is ParamType.BOOLEAN:
        return isinstance(default, bool) and default or rng.random() < 0.5
    if strict and len(tokens) >= 2 and tokens[-2] in ("name", "title") and tokens[-1] in _FOREIGN:
        return UNPLACED  # `placeNameRu`: a name written in another language, which no maker here writes
    if isinstance(spec, ResponseField) and spec.type is not ParamType.ARRAY and is_boolean_name(tokens):
        # an answer's yes/no field is a boolean where its example spelt it as text, 0/1 where a number
        verdict = rng.random() < 0.7
        return int(verdict) if spec.type in (ParamType.INTEGER, ParamType.NUMBER) else verdict
    where = place or fake.place_at(anchor if anchor is not None else rng.randrange(PLACE_ANCHORS))
    found = semantic_value(tokens, spec.concept, spec.type, spec.description, rng, endpoint, context, where, strict)
    if found is None and spec.type in (ParamType.STRING, ParamType.ENUM):
        found = example(spec.description)
    if found is None and spec.type is ParamType.ARRAY:
        named = re.search(r"\b([a-z]+)[ _]?ids?\b", spec.description or "", re.I)
        if named and named.group(1).lower() not in ("the", "of", "an", "a", "and", "or"):
            prefix = id_prefix(f"{named.group(1).lower()}_id")
            return [f"{prefix}_{rng.randint(1000, 99999)}" for _ in range(rng.randint(1, 3))]
        item = spec.model_copy(update={"type": ParamType.STRING, "name": singular(spec.name)})
        first = anchor if anchor is not None else rng.randrange(PLACE_ANCHORS)
        found = [value_for(item, rng, endpoint=endpoint, context=context, place=place, anchor=first + i,
                           strict=strict) for i in range(rng.randint(1, 3))]
        found = [v for v in found if v is not UNPLACED] or (UNPLACED if strict else None)
        if found is UNPLACED:
            return UNPLACED
    if isinstance(found, str) and (found in _GENERIC_CATEGORIES or found in GENERIC_QUERIES) and default is not None:
        return default  # the parameter's own default says more than a generic category word
    if isinstance(found, bool) and isinstance(spec, ResponseField) and spec.type is not ParamType.ARRAY:
        return found  # an answer's yes/no field is a boolean even where the example spelt it as text
    if found is not None:
        if spec.type is ParamType.ARRAY and not isinstance(found, list):
            return [found]
        try:
            return coerce(found, spec.type, enum)
        except ValueError:
            log.debug("value %r does not fit %s %s; typed fallback", found, spec.type, spec.name)
    if default is not None:
        return default
    return UNPLACED if strict else shaped_fallback(spec.name, spec.type, rng)


def knob_default(spec: Spec) -> Any:
    """A required parameter's default when it is a structure or a long blob (a JSON `features`
    object, a query template): the assistant sends it as is, no user would dictate it."""
    default = clean_default(spec)
    if isinstance(default, (dict, list)) and default:
        return default
    if isinstance(default, str) and _CONSTANT.match(default):
        return default  # `CURRENCY_EXCHANGE_RATE`: a function name the API wants, which no user would say
    if isinstance(default, str) and (default.strip()[:1] in ("{", "[") or len(default) > 60
                                     and not _PROSE.match(default.strip())):
        return default
    return None


def _other_place(text: str, rng: random.Random) -> str | None:
    """Another real place written as the text is: a city for a city's name, a country for a country's
    name, alpha-2 or alpha-3 code (drawn by population, so a known one); None when the text is neither."""
    country = reference.country(text) if len(text) > 3 or text.isupper() else None
    is_city = country is None and reference.city(text, other_names=False) is not None
    if country is None and not is_city:
        return None
    for _ in range(16):
        drawn = reference.draw_city(rng)
        other = reference.country(drawn.country_code) if drawn is not None else None
        if drawn is None or other is None:
            continue
        if is_city and drawn.name != text:
            return drawn.name
        if country is not None and other.alpha2 != country.alpha2:
            return other.alpha2 if text == country.alpha2 else other.alpha3 if text == country.alpha3 else other.name
    return None


def _pool_alternative(value: Any, rng: random.Random) -> Any:
    """Another member of the pool the value comes from (a currency for a currency, a city for a city)."""
    text = str(value)
    other = _other_place(text, rng)
    if other is not None:
        return other
    pools: list[list[str]] = [CURRENCIES, FIRST, LAST]
    for pool in pools:
        if text in pool:
            return rng.choice([p for p in pool if p != text])
        if text.upper() in pool and text.lower() == text:
            return rng.choice([p for p in pool if p != text.upper()]).lower()
    return None


def different_value(value: Any, spec: Spec, rng: random.Random, *, endpoint: Endpoint | None = None,
                    after: bool = False) -> Any:
    """A value for `spec` that differs from `value` (the other end of a from/to pair); with `after`,
    a later date or a larger number, as an end or a maximum should be."""
    if isinstance(value, str) and re.match(r"^\d{4}-\d{2}-\d{2}$", value):
        try:
            shifted = date.fromisoformat(value) + timedelta(days=rng.randint(1, 7))
            return coerce(shifted.isoformat(), spec.type, getattr(spec, "enum", None))
        except ValueError:
            pass
    enum = getattr(spec, "enum", None)
    if enum and len(enum) > 1:
        others = [e for e in enum if e != str(value)]
        return rng.choice(others)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        bigger = value + max(1, abs(value)) * rng.choice([1, 2, 3]) if after else value + rng.randint(1, 9)
        try:
            return coerce(round(bigger, 2) if isinstance(bigger, float) else bigger, spec.type, enum)
        except ValueError:
            pass
    alternative = _pool_alternative(value, rng)
    if alternative is not None:
        try:
            return coerce(alternative, spec.type, enum)
        except ValueError:
            pass
    for _ in range(6):
        candidate = value_for(spec, rng, endpoint=endpoint)
        if json.dumps(candidate, sort_keys=True, default=str) != json.dumps(value, sort_keys=True, default=str):
            return candidate
    return value
