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

_CAMEL_1 = re.compile(r"([A-Z]+)([A-Z][a-z])")
_CAMEL_2 = re.compile(r"([a-z0-9])([A-Z])")
_NON_WORD = re.compile(r"[^a-z0-9_\u4e00-\u9fff]+")
_UNDERSCORES = re.compile(r"_+")

# Whole-name synonyms of concepts that recur across domains.
_SYNONYMS: dict[str, str] = {
    "lat": "latitude", "latitude": "latitude",
    "lng": "longitude", "lon": "longitude", "long": "longitude", "longitude": "longitude",
    "city_name": "city", "town": "city", "city": "city",
    "country_name": "country", "nation": "country",
    "countrycode": "country_code", "country_iso": "country_code", "iso_country": "country_code",
    "zip": "postal_code", "zipcode": "postal_code", "zip_code": "postal_code", "postcode": "postal_code",
    "postal": "postal_code", "postalcode": "postal_code",
    "email_address": "email", "mail": "email", "e_mail": "email",
    "phone_number": "phone", "telephone": "phone", "mobile": "phone", "mobile_number": "phone",
    "currency_code": "currency", "ccy": "currency",
    "ticker": "symbol", "stock_symbol": "symbol", "ticker_symbol": "symbol",
    "link": "url", "website": "url", "web_url": "url",
    "lang": "language", "language_code": "language", "locale": "language",
    "q": "query", "keyword": "query", "keywords": "query", "search": "query", "term": "query",
    "search_term": "query", "search_query": "query", "text_query": "query",
    "username": "user_name", "login": "user_name", "handle": "user_name",
    "amount": "amount", "price": "amount", "total_price": "amount", "cost": "amount",
    "day": "date", "checkin": "date", "check_in": "date", "checkout": "date", "check_out": "date",
    "datetime": "timestamp", "date_time": "timestamp", "time_stamp": "timestamp",
}

# Prefixes that name a role rather than a concept: `from_currency` is still a currency.
_ROLE_PREFIXES = (
    "from", "to", "base", "target", "source", "src", "dest", "destination", "origin", "start",
    "end", "departure", "arrival", "min", "max", "new", "old", "input", "output", "selected",
)

# Concepts too vague to link two endpoints by themselves.
WEAK_CONCEPTS = frozenset({
    "id", "name", "title", "type", "status", "description", "message", "data", "result", "value",
    "text", "code", "count", "total", "success", "error", "query", "key", "content", "info",
    "details", "label", "note", "image", "num", "number", "response", "body", "item", "object",
})

# Knobs about how to return data, never data another endpoint produces.
CONTROL_PARAMS = frozenset({
    "page", "page_number", "pagenumber", "page_no", "limit", "offset", "per_page", "page_size",
    "pagesize", "size", "skip", "start_index", "cursor", "format", "output_format", "callback",
    "sort", "sort_by", "sortby", "order", "order_by", "orderby", "sort_order", "direction", "fields",
    "pretty", "api_key", "apikey", "key", "token", "access_token", "rapidapi_key", "x_rapidapi_key",
    "secret", "json", "indent", "max_results", "maxresults", "num_results", "results", "count",
})

# Containers whose elements are "the thing the endpoint is about", not a noun of their own.
GENERIC_CONTAINERS = frozenset({
    "results", "result", "data", "items", "item", "list", "response", "records", "rows", "entries",
    "hits", "values", "content", "payload", "output", "body", "objects", "docs", "documents",
})

_VERBS = frozenset({
    "get", "list", "search", "find", "fetch", "retrieve", "lookup", "look", "query", "show", "read",
    "create", "add", "post", "put", "update", "delete", "remove", "check", "validate", "verify",
    "convert", "calculate", "compute", "generate", "send", "book", "cancel", "all", "by", "for",
    "of", "the", "a", "an", "and", "or", "with", "from", "to", "in", "on", "v1", "v2", "v3", "api",
    "id", "ids", "details", "detail", "info", "information", "data", "new", "single", "latest",
    "top", "random", "specific", "endpoint", "request", "http", "https", "www", "com", "net", "org",
})


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


@lru_cache(maxsize=65536)
def singular(word: str) -> str:
    """A light English singular: `hotels`→`hotel`, `categories`→`category`, `addresses`→`address`."""
    if len(word) <= 3 or word.endswith(("ss", "us", "is", "news", "series", "data")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zes")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


def _canonical(norm: str) -> str:
    if norm in _SYNONYMS:
        return _SYNONYMS[norm]
    parts = norm.split("_")
    if len(parts) > 1 and parts[0] in _ROLE_PREFIXES:
        rest = "_".join(parts[1:])
        if rest in _SYNONYMS:
            return _SYNONYMS[rest]
        if rest in {"date", "time", "currency", "city", "country", "country_code", "airport", "language"}:
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
    subject) so `hotels[].id` and `get_hotel(id)` meet as `hotel_id`.
    """
    norm = snake(name)
    if norm in {"id", "ids", "uuid", "identifier"} and context_noun:
        return f"{context_noun}_id"
    return _canonical(norm) or "unnamed"


@lru_cache(maxsize=65536)
def subject_noun(*names: str) -> str | None:
    """The main noun of an endpoint or container name: `getHotelDetails` → `hotel`."""
    for name in names:
        for token in snake(name).split("_"):
            if token and token not in _VERBS and not token.isdigit() and len(token) > 2:
                noun = singular(token)
                if noun not in GENERIC_CONTAINERS:
                    return noun
    return None


def is_control(name: str) -> bool:
    """Whether a parameter is a paging/format/auth knob no output should fill."""
    return snake(name) in CONTROL_PARAMS
