"""Typed, seeded mock values for parameters and response fields.

One function, `value_for`, serves both the UserProxy (values the user states), the Assistant (the
typed fallback of a required parameter) and the OfflineExecutor (every leaf of a mock output). The
value fits the declared type and, where the name, concept or description say what it means, looks
like the real thing (a city, an ISO code, a ticker, an id with a prefix from its concept). Rules look
at generic words only, never at particular tools, because the corpus is judged on unseen categories.
Dates live in a fixed window (never today's date), so the same seed gives the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import logging
import random
import re
from datetime import date, timedelta
from typing import Any

from datagen.generator.phrases import (ADJ, CITIES, COLORS, CURRENCIES, FIRST, GENERIC_QUERIES, LAST, NOUN, SENTENCES,
                                       TICKERS, TOPICS, WORDS)
from datagen.registry.models import Endpoint, Parameter, ParamType, ResponseField
from datagen.registry.naming import singular, snake

log = logging.getLogger(__name__)

Spec = Parameter | ResponseField

BASE_DATE = date(2026, 3, 2)
DATE_WINDOW_DAYS = 150

_EXAMPLE = re.compile(r"\b(?:e\.g\.?|i\.e\.?|for example|example:|such as|ex:)\s*[:,]?\s*[`'\"]?([\w .@:/+-]{2,40}?)\s*(?:[`'\".,;)]|$)", re.I)
_EXAMPLE_PREFIX = re.compile(r"^(?:e\.g\.?|i\.e\.?|for example|example|ex)\s*[:,]\s*", re.I)
# Defaults that are template slots or type names, not values: `{address}`, `<id>`, `string`, `YOUR_KEY`.
_PLACEHOLDER = re.compile(r"^(?:\{+\s*[\w .-]*\s*\}+|<[^<>]*>|\[[\w ]*\]|:\w+|\$\{?\w+\}?|%\w+%|string|str|text|value|"
                          r"integer|int|number|float|boolean|bool|object|array|null|none|nil|undefined|n/?a|"
                          r"your[\s_-].*|.*[\s_-]here|x{3,}|\.{3}|…|\?+|-+|todo|tbd|(?:replace|insert|enter|put)[\s_-].*)$", re.I)
# Role words of paired params (`from`/`to`, `start_date`/`end_date`): the value follows the concept.
ROLE_WORDS = frozenset("from to src dst source target dest destination origin start end begin since until "
                       "base min max first last departure arrival return in out old new".split())
_INT = re.compile(r"^-?\d+$")
_NUM = re.compile(r"^-?\d+(\.\d+)?$")
PERSON_WORDS = frozenset("person people user author artist customer student employee contact member owner "
                         "player actor driver patient instructor guest passenger recipient sender full applicant "
                         "reviewer holder cardholder traveler traveller attendee candidate speaker buyer tenant "
                         "participant subscriber athlete coach manager doctor teacher organizer director creator "
                         "host captain singer writer assignee signer requester reporter".split())


def derive_rng(seed: int, purpose: str) -> random.Random:
    """A sub-Random for one purpose, stable across processes (blake2b, not the salted `hash()`)."""
    digest = hashlib.blake2b(f"{seed}:{purpose}".encode(), digest_size=8).digest()
    return random.Random(int.from_bytes(digest, "big"))


def id_prefix(concept: str) -> str:
    """`hotel_id` → `htl`, `course_id` → `crs`: the first letter then the next consonants."""
    stem = re.sub(r"[^a-z]", "", concept.removesuffix("_id").split("_")[-1] if concept.endswith("_id") else concept)
    if not stem:
        return "id"
    letters = stem[0] + "".join(c for c in stem[1:] if c not in "aeiou")
    return (letters if len(letters) >= 3 else stem)[:3]


def fake_date(rng: random.Random, birth: bool = False) -> str:
    """A YYYY-MM-DD date in the fixed window (or an adult's birth date)."""
    if birth:
        return date(1960 + rng.randint(0, 40), rng.randint(1, 12), rng.randint(1, 28)).isoformat()
    return (BASE_DATE + timedelta(days=rng.randint(0, DATE_WINDOW_DAYS))).isoformat()


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def query_phrase(rng: random.Random, endpoint: Endpoint | None) -> str:
    """A short search phrase matching what the endpoint is about."""
    text = "" if endpoint is None else f"{endpoint.tool_id} {endpoint.name} {endpoint.description}"
    words = set(re.findall(r"[a-z]+", snake(text).replace("_", " ")))
    words |= {singular(w) for w in words}
    for keys, phrases in TOPICS:
        if words & set(keys.split()):
            return rng.choice(phrases)
    return rng.choice(GENERIC_QUERIES)


def _example(description: str) -> str | None:
    match = _EXAMPLE.search(description or "")
    return match.group(1).strip() if match and match.group(1) and match.group(1).strip() else None


def _semantic(tokens: list[str], concept: str, ptype: ParamType, desc: str, rng: random.Random,
              endpoint: Endpoint | None, context: str | None, anchor: int | None) -> Any:
    """The value the name says, or None when the name says nothing we recognise."""
    t = set(tokens)
    core = [w for w in tokens if w not in ROLE_WORDS] or tokens
    last = core[-1] if core else ""
    city = CITIES[anchor % len(CITIES)] if anchor is not None else rng.choice(CITIES)
    numeric = ptype in (ParamType.INTEGER, ParamType.NUMBER)
    if concept == "latitude" or last in ("lat", "latitude"):
        return round(city[4] + rng.uniform(-0.02, 0.02), 4)
    if concept == "longitude" or last in ("lng", "lon", "longitude"):
        return round(city[5] + rng.uniform(-0.02, 0.02), 4)
    if ptype is ParamType.GEOPOINT or last in ("coordinates", "coords", "latlng", "geo", "point"):
        return f"{city[4]},{city[5]}"
    if concept.endswith("_id") or last in ("id", "ids", "uuid", "identifier", "zpid", "oid", "tid", "userid"):
        if numeric:
            return rng.randint(1000, 999999)
        return f"{id_prefix(concept if concept.endswith('_id') else (context or concept))}_{rng.randint(1000, 99999)}"
    if t & {"dob", "birthday", "birthdate", "birth"}:
        return fake_date(rng, birth=True)
    if ptype is ParamType.DATE or concept == "date" or last == "date":
        return fake_date(rng)
    if ptype is ParamType.TIME or last == "time":
        return f"{rng.randint(7, 21):02d}:{rng.choice(['00', '15', '30', '45'])}"
    if concept == "timestamp" or last in ("at", "timestamp", "datetime", "updated", "created"):
        if numeric:
            return 1772409600 + rng.randint(0, DATE_WINDOW_DAYS * 86400)
        return f"{fake_date(rng)}T{rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}:00Z"
    if t & {"md5", "sha1", "sha256", "hash", "checksum"} and not numeric:
        size = 64 if "sha256" in t else 40 if "sha1" in t else 32
        return "".join(rng.choice("0123456789abcdef") for _ in range(size))
    if concept == "email" or "email" in t:
        return f"{rng.choice(FIRST).lower()}.{rng.choice(LAST).lower()}@{rng.choice(['example.com', 'mail.com', 'inbox.org'])}"
    if concept == "phone" or t & {"phone", "msisdn"}:
        return f"+{rng.choice(['1', '44', '49', '33', '351'])} {rng.randint(200, 999)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
    if concept == "url" or last in ("url", "uri", "link", "href"):
        return f"https://www.{rng.choice(['example.com', 'sample.org', 'demo.net'])}/{rng.choice(WORDS)}-{rng.randint(10, 999)}"
    if concept == "domain" or last in ("domain", "hostname", "host"):
        return f"{rng.choice(WORDS)}{rng.choice(['.com', '.io', '.org'])}"
    if last in ("ip", "ipv4") or "ip_address" in concept:
        return f"{rng.randint(23, 212)}.{rng.randint(1, 254)}.{rng.randint(1, 254)}.{rng.randint(1, 254)}"
    if concept in ("country_code", "alpha_2", "iso2", "cc") or (t & {"iso", "alpha"} and "country" in t):
        return city[2]
    if concept == "currency" or last in ("currency", "currencies") or concept in ("base", "target") and not numeric:
        return city[3] if anchor is not None else rng.choice(CURRENCIES)
    if concept == "currency_pair" or last == "pair":
        return "/".join(rng.sample(CURRENCIES[:6], 2))
    if concept == "city" or last in ("city", "town", "place", "destination", "origin") or last == "name" and "city" in t:
        return city[0]
    if concept == "country" or last == "country" or last == "name" and "country" in t:
        return city[1]
    if concept == "language" or last in ("language", "lang", "locale"):
        return "en"
    if concept == "symbol" or last in ("symbol", "symb", "ticker", "stock"):
        return rng.choice(TICKERS)
    if concept == "postal_code":
        return str(rng.randint(10000, 99999))
    if last in ("address", "street", "wallet", "contract") and re.search(
            r"blockchain|wallet|ethereum|crypto|token|contract|0x", f"{desc} {endpoint.description if endpoint else ''}", re.I):
        return "0x" + "".join(rng.choice("0123456789abcdef") for _ in range(40))
    if last in ("address", "street"):
        return f"{rng.randint(1, 240)} {rng.choice(NOUN)} {rng.choice(['Street', 'Avenue', 'Road'])}, {city[0]}"
    if numeric and t & {"rate", "apr", "interest", "percent", "percentage", "pct", "yield", "tax", "discount"}:
        return round(rng.uniform(0.5, 12), 2) if ptype is ParamType.NUMBER else rng.randint(1, 12)
    if t & {"amount", "price", "cost", "budget", "salary", "fare", "fee", "total"} or concept == "amount":
        return rng.randint(5, 500) if ptype is ParamType.INTEGER else round(rng.uniform(5, 500), 2)
    if last in ("rating", "stars", "score"):
        return rng.randint(1, 5) if ptype is ParamType.INTEGER else round(rng.uniform(3.0, 5.0), 1)
    if numeric and last in ("quantity", "qty", "adults", "children", "guests", "people", "rooms", "passengers",
                            "nights", "seats", "occupancy", "beds", "servings"):
        return rng.randint(1, 4)
    if last in ("page", "offset", "skip", "start"):
        return 1 if last == "page" else 0
    if last in ("limit", "size", "count", "results", "max", "num", "top", "per"):
        return rng.choice([5, 10, 20])
    if last == "year" or "year" in t:
        return rng.randint(2018, 2025)
    if last in ("hour", "hours_of_day"):
        return rng.randint(0, 23)
    if last == "month":
        return rng.randint(1, 12)
    if last in ("age",):
        return rng.randint(18, 75)
    if t & {"first", "given", "firstname"} and t & {"name", "firstname"}:
        return rng.choice(FIRST)
    if t & {"last", "surname", "family", "lastname"} and t & {"name", "lastname", "surname"}:
        return rng.choice(LAST)
    if concept == "user_name" or last in ("username", "handle", "screenname", "nickname"):
        return f"{rng.choice(FIRST).lower()}_{rng.choice(WORDS)}{rng.randint(1, 99)}"
    if last in (PERSON_WORDS - {"full", "user", "member", "owner", "contact", "player", "host"}) | {"fullname"} \
            or last == "name" and (t & PERSON_WORDS or (context or "") in PERSON_WORDS):
        return person(rng)
    if last in ("team", "club", "opponent") or t & {"home", "away"} and "team" in t:
        return f"{city[0]} {rng.choice(NOUN)}s"
    if concept == "query" or last in ("query", "q", "keyword", "keywords", "search", "term", "searchtopic", "topic"):
        return _example(desc) or query_phrase(rng, endpoint)
    if last in ("image", "img", "photo", "picture", "avatar", "thumbnail", "thumb", "logo", "icon", "cover", "banner"):
        return f"https://images.example.com/{rng.choice(WORDS)}_{rng.randint(100, 9999)}.{rng.choice(['jpg', 'png'])}"
    if last in ("filename", "file", "path", "attachment", "document"):
        return f"{rng.choice(WORDS)}_{rng.randint(100, 9999)}.{rng.choice(['jpg', 'png', 'pdf'])}"
    if last in ("name", "title", "label"):
        noun = (context or "").replace("_", " ").title()
        return f"{rng.choice(ADJ)} {rng.choice(NOUN)}" + (f" {noun}" if noun and len(noun) < 16 else "")
    if last in ("message", "text", "body", "content", "comment", "caption", "review", "note", "description", "summary", "bio", "sentence",
                "definition", "example", "answer", "reply", "snippet", "excerpt", "headline"):
        return rng.choice(SENTENCES)
    if last in ("code", "ref", "reference", "sku", "hash", "slug", "coupon", "voucher", "pnr"):
        return "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6))
    if last in ("status", "state"):
        return rng.choice(["ok", "active", "confirmed", "completed"])
    if last in ("color", "colour"):
        return rng.choice(COLORS)
    if last in ("gender", "sex"):
        return rng.choice(["female", "male"])
    if last in ("category", "genre", "tag", "type", "kind", "sport", "industry"):
        return _example(desc) or rng.choice(["general", "technology", "sports", "travel", "business", "health"])
    if last in ("interval", "period", "timeframe", "resolution"):
        return rng.choice(["1d", "1h", "1wk"])
    if last in ("unit", "units", "system"):
        return rng.choice(["metric", "imperial"])
    if last in ("password", "passwd", "secret", "token", "key", "apikey"):
        return f"{rng.choice(WORDS).title()}#{rng.randint(1000, 9999)}"
    if last == "format" or last == "extension":
        named = re.findall(r"\b(json|xml|csv|png|jpe?g|pdf|gif|bmp|tiff|webp|svg|html|txt|mp3|mp4)\b", desc.lower())
        return named[0] if named else "json"
    if not numeric and ptype is not ParamType.BOOLEAN and re.search(r"\bdate\b|yyyy", desc, re.I):
        return fake_date(rng)
    if last in ("duration", "minutes", "hours", "days", "radius", "distance"):
        return rng.choice([5, 10, 15, 30, 45]) if ptype is not ParamType.NUMBER else float(rng.choice([1.5, 5, 10, 25]))
    return None


def _by_type(ptype: ParamType, name: str, rng: random.Random) -> Any:
    if ptype is ParamType.INTEGER:
        return rng.randint(1, 100)
    if ptype is ParamType.NUMBER:
        return round(rng.uniform(1, 100), 2)
    if ptype is ParamType.BOOLEAN:
        return rng.random() < 0.6
    if ptype is ParamType.DATE:
        return fake_date(rng)
    if ptype is ParamType.TIME:
        return f"{rng.randint(7, 21):02d}:00"
    if ptype is ParamType.ARRAY:
        return [rng.choice(WORDS) for _ in range(rng.randint(1, 3))]
    if ptype is ParamType.OBJECT:
        return {"value": rng.choice(WORDS)}
    if ptype is ParamType.NULL:
        return None
    return rng.choice(WORDS)


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
    try:
        default = coerce(default, spec.type, getattr(spec, "enum", None))
    except ValueError:
        return None
    return None if default in ("", [], {}) else default


def value_for(spec: Spec, rng: random.Random, *, endpoint: Endpoint | None = None,
              context: str | None = None, prefer_default: float = 0.0, anchor: int | None = None) -> Any:
    """A value for a parameter or response field that fits its type and, if known, its meaning.

    Args:
        spec: the parameter or response field.
        rng: the caller's seeded Random (the only source of randomness).
        endpoint: the endpoint it belongs to (search phrases follow its description).
        context: the noun the value belongs to (`hotel` for `hotels[].name`), for names and ids.
        prefer_default: probability of returning a parameter's own default when it has one.
        anchor: an index into the city pool, so the place fields of one object agree.
    """
    enum = getattr(spec, "enum", None)
    default = clean_default(spec)
    if default is not None and rng.random() < prefer_default:
        return default
    if enum:
        return rng.choice(enum)
    if spec.type is ParamType.BOOLEAN:
        return isinstance(default, bool) and default or rng.random() < 0.5
    tokens = [t for t in snake(spec.name).split("_") if t]
    found = _semantic(tokens, spec.concept, spec.type, spec.description, rng, endpoint, context, anchor)
    if found is None and spec.type in (ParamType.STRING, ParamType.ENUM):
        found = _example(spec.description)
    if found is None and spec.type is ParamType.ARRAY:
        named = re.search(r"\b([a-z]+)[ _]?ids?\b", spec.description or "", re.I)
        if named and named.group(1).lower() not in ("the", "of", "an", "a", "and", "or"):
            prefix = id_prefix(f"{named.group(1).lower()}_id")
            return [f"{prefix}_{rng.randint(1000, 99999)}" for _ in range(rng.randint(1, 3))]
    if found is not None:
        if spec.type is ParamType.ARRAY and not isinstance(found, list):
            return [found]
        try:
            return coerce(found, spec.type, enum)
        except ValueError:
            log.debug("value %r does not fit %s %s; typed fallback", found, spec.type, spec.name)
    if default is not None:
        return default
    return _by_type(spec.type, spec.name, rng)


def knob_default(spec: Spec) -> Any:
    """A required parameter's default when it is a structure or a long blob (a JSON `features`
    object, a query template): the assistant sends it as is, no user would dictate it."""
    default = clean_default(spec)
    if isinstance(default, (dict, list)) and default:
        return default
    if isinstance(default, str) and (default.strip()[:1] in ("{", "[") or len(default) > 60):
        return default
    return None


def _pool_alternative(value: Any, rng: random.Random) -> Any:
    """Another member of the pool the value comes from (a currency for a currency, a city for a city)."""
    text = str(value)
    pools: list[list[str]] = [CURRENCIES, [c[0] for c in CITIES], sorted({c[1] for c in CITIES}),
                              sorted({c[2] for c in CITIES}), TICKERS, FIRST, LAST, WORDS]
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
