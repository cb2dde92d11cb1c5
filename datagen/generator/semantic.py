"""What a parameter or field means, read from its name, concept, type and description, and a value for it.

Why separate from `values`: `values` is the typed contract (coerce, defaults, pairs); this module is
the long list of generic meaning rules. Every rule looks at generic words (the vocabularies live in
`datagen.lexicon`), never at a tool, an API, a brand, a league or a ticker, because the corpus is
judged on unseen categories; where a value's kind has no generic source (a ticker, a thing's status,
what a kind of thing costs) it gets a generic shape or is left out, never a list of real ones. A field no rule places still gets a value shaped by its name (`isValidDns` → boolean,
`size_bytes` → integer, `*_url` → URL, `*_at` → timestamp), never a filler word.
"""

from __future__ import annotations

import random
import re
from datetime import date, timedelta
from typing import Any

from datagen import reference
from datagen.generator import fake
from datagen.generator.fake import Place
from datagen.generator.measures import measure
from datagen.generator.pools import CURRENCIES, FIRST, GENERIC_QUERIES, LAST, SENTENCES, TOPICS
from datagen.lexicon import (SUBJECT_SENSES, AUDIENCE_WORDS, COUNT_WORDS, IMAGE_WORDS, JOB_WORDS, MARKET_WORDS, MEASURE_WORDS,
                             MOMENT_WORDS, NAME_QUALIFIERS, PERSON_WORDS, PLACE_WORDS, ROLE_WORDS, TEXT_WORDS,
                             VALUE_BOOLEAN_LEADS, VALUE_BOOLEAN_WORDS, VALUE_KIND_PAIRS, VALUE_KIND_WORDS,
                             VENUE_WORDS, WRITTEN_NOUNS)
from datagen.registry.models import Endpoint, ParamType
from datagen.registry.naming import singular, snake, subject_noun
from datagen.registry.understood import core_tokens

BASE_DATE = date(2026, 3, 2)
DATE_WINDOW_DAYS = 150
EPOCH_BASE = 1772409600  # BASE_DATE at midnight UTC

_EXAMPLE = re.compile(r"\b(?:e\.g\.?|i\.e\.?|for example|example:|such as|ex:)\s*[:,]?\s*[`'\"]?([\w .@:/+-]{2,40}?)\s*(?:[`'\".,;)]|$)", re.I)
# Person words that alone name something else (`last` price, `host` name, `player` object).
_NOT_ALONE_PERSON = frozenset("full user member owner contact player host first last given family middle sur".split())
_NAME_PARTS = frozenset("full first last given family middle sur".split())
ID_WORDS = frozenset({"id", "ids", "identifier", "oid", "tid", "userid"})


def fake_date(rng: random.Random, birth: bool = False) -> str:
    """A YYYY-MM-DD date in the fixed window (or an adult's birth date)."""
    if birth:
        return date(1960 + rng.randint(0, 40), rng.randint(1, 12), rng.randint(1, 28)).isoformat()
    return (BASE_DATE + timedelta(days=rng.randint(0, DATE_WINDOW_DAYS))).isoformat()


def id_prefix(concept: str) -> str:
    """`hotel_id` → `htl`, `course_id` → `crs`: the first letter then the next consonants."""
    stem = re.sub(r"[^a-z]", "", concept.removesuffix("_id").split("_")[-1] if concept.endswith("_id") else concept)
    if not stem:
        return "id"
    letters = stem[0] + "".join(c for c in stem[1:] if c not in "aeiou")
    return (letters if len(letters) >= 3 else stem)[:3]


def query_phrase(rng: random.Random, endpoint: Endpoint | None) -> str:
    """A short search phrase matching what the endpoint is about."""
    text = "" if endpoint is None else f"{endpoint.tool_id} {endpoint.name} {endpoint.description}"
    words = set(re.findall(r"[a-z]+", snake(text).replace("_", " ")))
    words |= {singular(w) for w in words}
    for keys, phrases in TOPICS:
        if words & set(keys.split()):
            return rng.choice(phrases)
    return rng.choice(GENERIC_QUERIES)


def example(description: str) -> str | None:
    """The example value a description gives (`e.g. 'python basics'`), if any."""
    match = _EXAMPLE.search(description or "")
    return match.group(1).strip() if match and match.group(1) and match.group(1).strip() else None


def code(rng: random.Random, size: int = 6) -> str:
    return "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(size))


def ticker(rng: random.Random, size: int | None = None) -> str:
    """A trading symbol's shape, 3 or 4 capitals: no list of real tickers, which would be tuning."""
    return "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(size or rng.choice((3, 4))))


def is_boolean_name(tokens: list[str]) -> bool:
    """`is_valid_dns`, `has_mx`, `disposable`, `catch_all`: a yes/no answer."""
    if len(tokens) > 1 and tokens[0] in VALUE_BOOLEAN_LEADS:
        return True
    return bool(tokens) and all(t in VALUE_BOOLEAN_WORDS or t in ("email", "not") for t in tokens) \
        and any(t in VALUE_BOOLEAN_WORDS for t in tokens)






def _about(endpoint: Endpoint | None, words: frozenset[str] | set[str]) -> bool:
    """Whether the endpoint's name or description uses one of these words."""
    if endpoint is None:
        return False
    return bool(set(snake(f"{endpoint.tool_id} {endpoint.name} {endpoint.description}").split("_")) & words)


_SETTLEMENTS = frozenset({"place", "town", "village", "locality", "settlement", "municipality", "city"})
"""Nouns whose name is the name of a populated place: the reference world's city, never a made name."""

PRICE_RANGE = (5.0, 500.0)
"""The range of a price drawn fresh for a thing of no kind below. A price a conversation already
showed is kept near its level (`quotes`), and a range the user asked for bounds it (`ranges`)."""

PRICE_LEVELS: tuple[tuple[str, frozenset[str], tuple[float, float], str], ...] = (
    ("rent", frozenset({"rent", "rental", "rentals", "lease", "letting"}), (800.0, 4500.0),
     "a home's rent is a few thousand a month"),
    ("home", frozenset({"property", "properties", "house", "houses", "home", "homes", "apartment", "condo",
                        "realty", "estate"}), (150000.0, 1200000.0),
     "a home for sale costs hundreds of thousands"),
    ("car", frozenset({"car", "cars", "vehicle", "vehicles"}), (8000.0, 70000.0), "a car costs tens of thousands"),
    ("flight", frozenset({"flight", "flights", "airfare"}), (80.0, 1200.0), "a ticket costs hundreds"),
    ("stay", frozenset({"hotel", "hotels", "room", "rooms"}), (60.0, 450.0), "a night's stay costs tens to hundreds"),
)
"""What kinds of things cost, by the plain English nouns that name the kind (never a brand or a
service): a reader rejects a house for 312.55. The first row whose words the endpoint's name or the
priced object's noun uses gives the range; rent before home, as a rental is also a home."""


def _price_level(endpoint: Endpoint | None, context: str | None) -> tuple[float, float]:
    """The range of a fresh price of what the endpoint or the priced object is about (`PRICE_LEVELS`)."""
    words = set(snake(f"{endpoint.name} {endpoint.slug}").split("_")) if endpoint is not None else set()
    words |= {singular(context)} if context else set()
    return next((level for _, kind, level, _ in PRICE_LEVELS if words & kind), PRICE_RANGE)


def _about_summary(endpoint: Endpoint, words: frozenset[str] | set[str]) -> bool:
    """Whether the endpoint, or the summary of its tool, uses one of these words."""
    return _about(endpoint, words) or bool(set(snake(endpoint.tool_summary).split("_")) & words)


def _subject(endpoint: Endpoint) -> str | None:
    return subject_noun(endpoint.name, endpoint.slug)


def _about_messages(endpoint: Endpoint | None) -> bool:
    """Whether the endpoint deals in messages people write (so `message` is one, not a status line)."""
    if endpoint is None:
        return True
    words = set(snake(f"{endpoint.name} {endpoint.description}").split("_"))
    return bool(words & {"message", "messages", "chat", "sms", "mail", "email", "inbox", "comment", "comments",
                         "post", "posts", "conversation", "reply", "replies"})


def _about_places(endpoint: Endpoint | None) -> bool:
    """Whether the endpoint deals in places (so a bare `state` is a region, not a status)."""
    if endpoint is None:
        return False
    words = set(snake(f"{endpoint.name} {endpoint.description}").split("_"))
    return bool(words & (PLACE_WORDS | {"geocode", "geocoding", "address", "zip", "postal", "coordinates"}))


def semantic_value(tokens: list[str], concept: str, ptype: ParamType, desc: str, rng: random.Random,
                   endpoint: Endpoint | None, context: str | None, place: Place, strict: bool = False) -> Any:
    """The value the name says, or None when nothing in the name, concept or description is recognised.

    With `strict` (fields of an answer), the weak guesses are None too: a name or description of a
    kind nobody can name plausibly, a bare code or key, a generic category word. The executor leaves
    such fields out; a user still has to state a value for a parameter, so parameters are not strict.
    """
    tokens = [re.sub(r"(?<=[a-z])\d+$", "", w) for w in tokens]  # `team1` is a team, `address2` an address
    t = set(tokens)
    core = core_tokens(tokens)
    last = core[-1] if core else ""
    pair = "_".join(core[-2:]) if len(core) > 1 else ""
    numeric = ptype in (ParamType.INTEGER, ParamType.NUMBER)
    if concept == "latitude" or last in ("lat", "latitude") or numeric and t & {"lat", "latitude"}:
        return round(place.latitude + rng.uniform(-0.02, 0.02), 4)
    if concept == "longitude" or last in ("lng", "lon", "longitude") or numeric and t & {"lng", "lon", "longitude"}:
        return round(place.longitude + rng.uniform(-0.02, 0.02), 4)
    if ptype is ParamType.GEOPOINT or last in ("coordinates", "coords", "latlng", "geo", "point"):
        return f"{place.latitude},{place.longitude}"
    if last in ("uuid", "guid"):
        return fake.make("uuid", rng, place)
    if concept.endswith("_id") or last in ID_WORDS:
        if numeric:
            return rng.randint(1000, 999999)
        return f"{id_prefix(concept if concept.endswith('_id') else (context or concept))}_{rng.randint(1000, 99999)}"
    if not numeric and t & {"from", "until", "through", "till", "since", "thru"} and t & {"valid", "effective", "available"}:
        return fake_date(rng)
    if numeric and (last == "code" and t & {"status", "http", "response"} or last == "status" and
                    (context is None or endpoint is not None and context == _subject(endpoint)
                     or t & {"http", "response"})):
        return 200
    if numeric and last == "code" and t & {"ret", "return", "error", "err", "result", "exit"}:
        return 0
    if ptype is ParamType.BOOLEAN or is_boolean_name(tokens) and ptype in (ParamType.STRING, ParamType.ENUM):
        return rng.random() < 0.7
    if t & {"dob", "birthday", "birthdate", "birth"}:
        return fake_date(rng, birth=True)
    if ptype is ParamType.DATE or concept == "date" or last == "date":
        return fake_date(rng)
    if ptype is ParamType.TIME or last == "time" and not numeric:
        return f"{rng.randint(7, 21):02d}:{rng.choice(['00', '15', '30', '45'])}"
    if concept == "timestamp" or last in MOMENT_WORDS and (len(core) > 1 or last not in ("at", "on")) \
            and last not in ("date", "time"):
        if numeric:
            return EPOCH_BASE + rng.randint(0, DATE_WINDOW_DAYS * 86400)
        return f"{fake_date(rng)}T{rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}:00Z"
    if pair in VALUE_KIND_PAIRS and not numeric:
        return fake.make(VALUE_KIND_PAIRS[pair], rng, place, context)
    if concept == "email" or "email" in t and not numeric:
        return fake.make("email", rng, place)
    if concept == "phone" or t & {"phone", "msisdn", "telephone", "mobile"} and not numeric:
        return fake.make("phone", rng, place)
    if not numeric and t & IMAGE_WORDS and (last in ("url", "uri", "link", "href", "src", "source") or last in IMAGE_WORDS):
        return fake.make("image_url", rng, place)
    if concept == "url" or last in ("url", "uri", "link", "href", "website", "homepage", "permalink", "endpoint") \
            or not numeric and last.endswith(("url", "uri")) and len(last) > 4:
        return fake.make("url", rng, place)
    if concept == "domain" or last in ("domain", "hostname", "host"):
        return fake.make("domain", rng, place)
    if last in ("ip", "ipv4") or "ip_address" in concept:
        return fake.make("ip", rng, place)
    if concept in ("country_code", "alpha_2", "iso2", "cc") or (t & {"iso", "alpha"} and "country" in t):
        return place.country_code
    if last == "code" and not numeric and (re.search(r"\bcurrenc", desc, re.I) or not desc.strip() and _about(
            endpoint, {"currency", "currencies"})):
        return place.currency or rng.choice(CURRENCIES)  # "code: the currency code"
    if last == "code" and not numeric and re.search(r"\bcountry\b", desc, re.I):
        return place.country_code
    if concept == "currency" or last in ("currency", "currencies") or concept in ("base", "target") and not numeric:
        return place.currency or rng.choice(CURRENCIES)
    if concept == "currency_pair" or last == "pair":
        return "/".join(rng.sample(CURRENCIES[:6], 2))
    if concept == "city" or last in ("city", "town", "place", "destination", "origin") or last == "name" and "city" in t:
        return place.city or fake.make("city", rng, place)
    if last in ("capital", "capital_city") and not numeric:
        capital = reference.capital(place.country_code)
        return capital.name if capital is not None else place.city or fake.make("city", rng, place)
    if concept == "country" or last in ("country", "nationality") or last == "name" and "country" in t:
        return place.country
    if last in ("language", "lang", "locale"):
        return fake.make("language_name", rng, place) if "name" in t else "en"
    if (concept == "symbol" or last in ("symbol", "symb", "ticker", "stock")) and not numeric:
        if endpoint is not None and _about_summary(endpoint, SUBJECT_SENSES["symbol"][1]):
            return f"{ticker(rng, 3)}{place.currency or 'USD'}"  # a coin traded against a currency
        if last in ("ticker", "stock") or endpoint is None or _about(endpoint, MARKET_WORDS):
            return ticker(rng)
        return place.currency if _about(endpoint, {"currency", "currencies", "money", "exchange"}) else code(rng, 3)
    if concept == "postal_code":
        # no table of which codes a city has: an answer leaves the code out rather than give a city a
        # code of another (readers: "Ankara codes start with 06"); a user's or a key's code is a shape
        return None if strict else fake.make("postcode", rng, place)
    if last in ("address", "street", "wallet", "contract") and re.search(
            r"blockchain|wallet|crypto|token|contract|0x", f"{desc} {endpoint.description if endpoint else ''}", re.I):
        return "0x" + "".join(rng.choice("0123456789abcdef") for _ in range(40))
    if last == "state" and (t & PLACE_WORDS - {"state"} or context in PLACE_WORDS or _about_places(endpoint)):
        region = fake.make("region", rng, place)
        return None if strict and region == place.country else region  # no region known outside the US
    if t & {"state", "province"} and last in ("abbr", "abbreviation", "code", "iso"):
        return fake.make("state_abbr", rng, place)
    if numeric and t & {"rate", "apr", "interest", "percent", "percentage", "pct", "yield", "tax", "discount"}:
        return round(rng.uniform(0.5, 12), 2) if ptype is ParamType.NUMBER else rng.randint(1, 12)
    if (t & {"amount", "price", "cost", "budget", "salary", "fare", "fee", "total", "subtotal", "balance"}
            or concept == "amount") and (last not in COUNT_WORDS or last == "total"):
        low, high = _price_level(endpoint, context)
        return rng.randint(int(low), int(high)) if ptype is ParamType.INTEGER else round(rng.uniform(low, high), 2)
    if last in ("rating", "stars"):
        return rng.randint(1, 5) if ptype is ParamType.INTEGER else round(rng.uniform(3.0, 5.0), 1)
    if numeric and last in ("quantity", "qty", "adults", "children", "guests", "people", "rooms", "passengers",
                            "nights", "seats", "occupancy", "beds", "servings", "adult", "child", "infant", "infants"):
        return rng.randint(1, 4) if last not in ("children", "child", "infant", "infants") else rng.randint(0, 2)
    if last in ("page", "offset", "skip", "start"):
        return 1 if last == "page" else 0
    if last in ("limit", "size", "results", "max", "num", "top", "per") and len(core) == 1:
        return rng.choice([5, 10, 20])
    if numeric and last in ("order", "position", "index", "step", "sequence", "seq", "priority"):
        return rng.randint(1, 10)
    if numeric and (last == "score" or last in ("goals", "points", "runs") and t & {"team", "home", "away", "1", "2"}):
        return rng.randint(0, 6)  # a match score; the sport decides the scale, few are in the nineties
    if last == "month":
        return rng.randint(1, 12)
    if last in ("hour", "hours_of_day"):
        return rng.randint(0, 23)
    if last in ("number", "no") and len(core) > 1 and core[-2] not in COUNT_WORDS | {"page", "phone"}:
        return rng.randint(10000, 999999) if numeric else f"{code(rng, 3)}{rng.randint(10000, 999999)}"
    if last in COUNT_WORDS or core and core[0] in ("num", "number", "total", "count") and len(core) > 1:
        return rng.randint(50, 90000) if t & AUDIENCE_WORDS else rng.randint(1, 60)
    if last in MEASURE_WORDS or t & MEASURE_WORDS and numeric:  # `calories_burned` is a number of calories
        return measure(last if last in MEASURE_WORDS else sorted(t & MEASURE_WORDS)[0], rng, ptype,
                        sized=bool(t & {"file", "bytes", "byte", "image", "photo", "video", "attachment", "document",
                                        "content", "upload", "download"}))
    if t & {"first", "given", "firstname"} and t & {"name", "firstname"}:
        return rng.choice(FIRST)
    if t & {"last", "surname", "family", "lastname"} and t & {"name", "lastname", "surname"}:
        return rng.choice(LAST)
    if concept == "user_name" or last in ("username", "handle", "screenname", "nickname", "login"):
        return fake.make("username", rng, place)
    if last in (PERSON_WORDS - _NOT_ALONE_PERSON) | {"fullname"} \
            or last in ("name", "user", "owner", "member", "contact") and (
                t & (PERSON_WORDS - _NAME_PARTS) or (context or "") in PERSON_WORDS - _NOT_ALONE_PERSON):
        return fake.make("person", rng, place)
    if last in ("team", "club", "opponent", "home", "away") or t & {"home", "away"} and "team" in t:
        return fake.make("team", rng, place)
    if concept == "query" or last in ("query", "q", "keyword", "keywords", "search", "term", "topic"):
        return example(desc) or query_phrase(rng, endpoint)
    if last in IMAGE_WORDS and not numeric:
        return fake.make("image_url", rng, place)
    if last in ("filename", "file", "path", "attachment", "document"):
        return fake.make("file_name", rng, place)
    if last == "county" and not numeric:
        return None if strict else place.city  # a county needs a county table: an answer leaves it out
    if last in VALUE_KIND_WORDS and not numeric:
        made = fake.make(VALUE_KIND_WORDS[last], rng, place, context)
        return None if strict and VALUE_KIND_WORDS[last] == "region" and made == place.country else made
    if last in ("name", "title", "label") and len(core) > 1 and core[-2] not in NAME_QUALIFIERS | ROLE_WORDS \
            and not numeric and core[-2] not in ("month", "day", "weekday", "file", "user", "display", "screen"):
        context = core[-2]  # `league_name` names a league, whatever object it sits in
    if last in ("name", "title", "label") and context in _SETTLEMENTS and not numeric:
        return place.city or fake.make("city", rng, place)  # a town's or a place's name is a real place's
    if last in ("name", "title", "label", "value", "text") and context and not numeric:
        if context in PERSON_WORDS - {"full", "first", "last", "given", "family", "middle", "sur"}:
            return fake.make("person", rng, place)
        if context == "language":
            return fake.make("language_name", rng, place)
        if context in ("city", "country", "currency", "airline", "company", "team", "region"):
            return semantic_value([context], concept, ptype, desc, rng, endpoint, None, place, strict)
        if VALUE_KIND_WORDS.get(context) in ("company", "airline", "product", "job", "colour", "region"):
            return fake.make(VALUE_KIND_WORDS[context], rng, place, context)
    if last == "title" and not numeric and (context == "job" or _about(endpoint, JOB_WORDS)):
        return fake.make("job", rng, place)
    if t & {"salary", "salaries", "income", "wage", "wages"} and (numeric or ptype is ParamType.STRING):
        return round(rng.uniform(30000, 160000), -2) if ptype is not ParamType.INTEGER else rng.randint(30, 160) * 1000
    if last in ("name", "title", "label") and len(core) > 1 and core[-2] in ("month", "day", "weekday"):
        return fake.make("month_name" if core[-2] == "month" else "weekday", rng, place)
    if last in ("name", "title", "label"):
        noun = context if context and context not in ("name", "title", "value") else (core[-2] if len(core) > 1 else None)
        return fake.make("known_name" if strict else "entity_name", rng, place, noun)
    if last in ("error", "errors", "warning", "warnings") and not numeric:
        return ""
    if "status" in t and last in ("text", "message", "msg", "description") and not numeric:
        return "OK"
    if last in ("message", "msg") and not strict:
        return rng.choice(SENTENCES)  # a message the user sends is words of their own, not a request's outcome
    if last in ("message", "msg") and context not in WRITTEN_NOUNS and (len(core) == 1 or not _about_messages(endpoint)):
        return "Request completed successfully."
    if last in ("bio", "biography") and not numeric:
        return fake.make("about", rng, place, "person")
    if last in TEXT_WORDS:
        if last in ("description", "summary", "about", "overview", "bio"):
            return fake.make("known_about" if strict else "about", rng, place, context)
        return None if strict and not _about_messages(endpoint) else rng.choice(SENTENCES)
    if last in ("ref", "reference", "sku", "coupon", "voucher", "confirmation", "locator") \
            or last in ("code", "slug") and not strict:
        return code(rng)
    if last in ("hash", "signature", "token", "secret", "nonce"):
        return fake.make("md5" if last != "hash" else "hash", rng, place)
    if last in ("status", "state"):
        if context is None or endpoint is not None and context == _subject(endpoint):
            return "success"  # the status of the response, not of a thing in it
        # a thing's own status has values of its kind, which no generic word knows: a guess would
        # contradict the thing (a delivered order "pending"), so an answer leaves it out
        return None if strict else rng.choice(["active", "confirmed", "completed", "pending"])
    if last == "subject" and not numeric:
        return rng.choice(SENTENCES).rstrip(".!?")
    if last == "condition" and not numeric:
        weather = _about(endpoint, {"weather", "forecast", "climate", "temperature", "rain", "snow"})
        return rng.choice(["clear", "partly cloudy", "light rain", "overcast"] if weather else ["new", "used", "good"])
    if last in ("location", "locality", "venue_location") and not numeric:
        return f"{place.city or fake.make('city', rng, place)}, {place.country}"
    if last in ("countries", "nationalities") and not numeric:
        return place.country
    if last in ("source", "publisher", "outlet") and not numeric:
        return fake.make("domain", rng, place)
    if last in VENUE_WORDS and not numeric and last not in ("team", "club"):
        return fake.make("known_name" if strict else "entity_name", rng, place, last)
    if last in ("character", "hero", "protagonist") and not numeric:
        return fake.make("person", rng, place)
    if last in ("now", "start", "end", "begin", "finish") and len(core) <= 2 and not numeric:
        return f"{fake_date(rng)}T{rng.randint(6, 22):02d}:{rng.choice(['00', '30'])}:00Z" if last == "now" \
            else fake_date(rng)
    if last in ("discount", "percent", "percentage") and not numeric:
        return str(rng.choice([5, 10, 15, 20, 25]))
    if last in ("value", "amount", "score", "total") and not numeric:
        return f"{rng.uniform(1, 500):.2f}"
    if last in ("gender", "sex"):
        return rng.choice(["female", "male"])
    if last in ("category", "genre", "tag", "tags", "type", "kind", "sport", "industry"):
        return example(desc) or (None if strict else rng.choice(["general", "standard", "featured", "other"]))
    if last in ("weekday", "dow") or {"day", "week"} <= t and not numeric:
        return fake.make("weekday", rng, place)
    if last in ("direction", "bearing", "heading") and not numeric and not t & {"sort", "order"}:
        return rng.choice(["N", "NE", "E", "SE", "S", "SW", "W", "NW"])
    if last in ("interval", "period", "timeframe", "resolution"):
        return rng.choice(["1d", "1h", "1wk"])
    if last == "unit":
        return None if strict else rng.choice(["%", "USD", "points", "kg"])
    if last in ("units", "system"):
        return rng.choice(["metric", "imperial"])
    if last in ("password", "passwd", "apikey"):
        return f"{fake.make('last_name', rng, place)}#{rng.randint(1000, 9999)}"
    if last == "key":
        return None if strict else code(rng, 10).lower()
    if last in ("format", "extension", "output"):
        named = re.findall(r"\b(json|xml|csv|png|jpe?g|pdf|gif|bmp|tiff|webp|svg|html|txt|mp3|mp4)\b", desc.lower())
        return named[0] if named else "json"
    if not numeric and re.search(r"\bdate\b|yyyy", desc, re.I):
        return fake_date(rng)
    if last in ("duration", "radius", "distance"):
        return rng.choice([5, 10, 15, 30, 45]) if ptype is not ParamType.NUMBER else float(rng.choice([1.5, 5, 10, 25]))
    return None


def shaped_fallback(name: str, ptype: ParamType, rng: random.Random) -> Any:
    """A value no rule placed, shaped by type and name: never a filler word."""
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
    if ptype is ParamType.NULL:
        return None
    words = [w for w in snake(name).split("_") if w and not w.isdigit()]
    if ptype is ParamType.OBJECT:
        return {"name": " ".join(words).capitalize() or "Item", "code": code(rng)}
    if ptype is ParamType.ARRAY:
        return [shaped_fallback(singular(name), ParamType.STRING, rng) for _ in range(rng.randint(1, 3))]
    # an opaque reference, as APIs return where a field's meaning is not stated (never spelt from its name)
    return f"{code(rng, 2)}{rng.randint(1000, 99999)}"
