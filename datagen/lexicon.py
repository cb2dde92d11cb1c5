"""The one lexicon of generic English vocabularies the pipeline reasons with.

Why one module: role words, verbs, weak concepts and value kinds used to sit in six lists that
disagreed (a role word in one stage was a concept in another). Every list here is generic English
about APIs and data; none names a tool, an API, a brand or a category, because the product is judged
on ToolBench categories we have never seen. This module sits below every stage and imports nothing
from the package.
"""

from __future__ import annotations

# --- Role words: they say which end of a thing a parameter is, not what the thing is. -------------
# `from_currency` is still a currency; `end_date` is still a date.
ROLE_PREFIXES: tuple[str, ...] = (
    "from", "to", "base", "target", "source", "src", "dest", "destination", "origin", "start",
    "end", "departure", "arrival", "min", "max", "new", "old", "input", "output", "selected",
)
ROLE_WORDS = frozenset(ROLE_PREFIXES) | frozenset(
    "dst begin since until first last return in out".split())
# The second of a pair (`to`, `end`, `max` …) and the roles whose value must come after the first.
SECOND_ROLES = frozenset("to dst target dest destination end until max last arrival return out new".split())
LATER_ROLES = frozenset("to end until max last arrival return out".split())
# Bare concepts that keep their identity behind a role prefix (`origin_airport` → `airport`).
ROLE_KEPT_CONCEPTS = frozenset({"date", "time", "currency", "city", "country", "country_code", "airport",
                                "language"})

# --- Words of endpoint names that are not its subject noun. ---------------------------------------
VERBS = frozenset({
    "get", "list", "search", "find", "fetch", "retrieve", "lookup", "look", "query", "show", "read",
    "create", "add", "post", "put", "update", "delete", "remove", "check", "validate", "verify",
    "convert", "calculate", "compute", "generate", "send", "book", "cancel",
})
NAME_STOPWORDS = VERBS | frozenset({
    "all", "by", "for", "of", "the", "a", "an", "and", "or", "with", "from", "to", "in", "on", "v1",
    "v2", "v3", "api", "id", "ids", "details", "detail", "info", "information", "data", "new",
    "single", "latest", "top", "random", "specific", "endpoint", "request", "http", "https", "www",
    "com", "net", "org",
})

# --- Concepts and parameters. ---------------------------------------------------------------------
# Whole-name synonyms of concepts that recur across domains.
CONCEPT_SYNONYMS: dict[str, str] = {
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

# Nouns whose singular is the word itself (inflect would turn `data` into `datum`).
INVARIANT_NOUNS = frozenset({"data", "news", "series", "species", "media", "metadata", "status", "analytics",
                             "sms", "gps", "dns", "os", "ios", "us", "uk", "bus", "lens", "canvas",
                             "atlas", "alias", "address", "business", "access", "class", "stats"})

# --- Value kinds and link scope (see registry.scope). ---------------------------------------------
# Last words of a concept that make it a handle minted by one service.
SERVICE_HANDLE_SUFFIXES = ("id", "ids", "key", "token", "slug", "number", "no", "code", "uuid", "guid",
                           "hash", "handle", "ref", "reference", "pk", "sid", "uid", "cursor")
# Universal values that travel with the task's subject: they may cross categories, but only into
# an endpoint that is about that concept.
SUBJECT_UNIVERSALS = frozenset({
    "email", "phone", "url", "domain", "ip", "ip_address", "city", "country", "country_code",
    "region", "state", "latitude", "longitude", "postal_code", "address", "symbol", "isbn",
    "imdb_id", "iata", "icao", "airport", "user_name", "person_name", "full_name", "company",
    "hashtag", "vin", "iban", "barcode", "upc", "ean", "doi", "issn", "mac_address", "coin",
})
# Universal values that are incidental to most tasks (any service has a date): across tools they
# link only inside one category, where the two services are plausibly steps of one goal.
INCIDENTAL_UNIVERSALS = frozenset({
    "date", "timestamp", "time", "timezone", "amount", "currency", "language", "year", "month",
    "unit", "color",
})
# Words that name each subject universal in an endpoint's name, description or subject noun, so
# `may_link` can tell that the receiving endpoint is about the concept (`latitude` → a map lookup).
SUBJECT_HINTS: dict[str, frozenset[str]] = {
    "email": frozenset({"email", "mail", "inbox", "mailbox"}),
    "phone": frozenset({"phone", "sms", "call", "mobile", "telephone", "carrier"}),
    "url": frozenset({"url", "link", "website", "webpage", "page", "site", "web"}),
    "domain": frozenset({"domain", "dns", "whois", "website", "site"}),
    "ip": frozenset({"ip", "address", "network", "geolocation"}),
    "ip_address": frozenset({"ip", "address", "network", "geolocation"}),
    "city": frozenset({"city", "weather", "forecast", "place", "location", "hotel", "local", "town",
                       "geocode", "geocoding"}),
    "country": frozenset({"country", "countries", "nation", "national", "holiday", "holidays"}),
    "country_code": frozenset({"country", "countries", "nation", "national", "holiday", "holidays"}),
    "region": frozenset({"region", "state", "province", "area"}),
    "state": frozenset({"state", "region", "province"}),
    "latitude": frozenset({"location", "coordinate", "coordinates", "geo", "geocode", "map", "nearby",
                           "near", "weather", "forecast", "place", "places", "distance", "elevation",
                           "timezone", "reverse", "route", "radius"}),
    "longitude": frozenset({"location", "coordinate", "coordinates", "geo", "geocode", "map", "nearby",
                            "near", "weather", "forecast", "place", "places", "distance", "elevation",
                            "timezone", "reverse", "route", "radius"}),
    "postal_code": frozenset({"zip", "postal", "postcode", "zipcode", "address", "location"}),
    "address": frozenset({"address", "geocode", "geocoding", "location", "map", "delivery"}),
    "symbol": frozenset({"stock", "stocks", "quote", "ticker", "symbol", "market", "price", "share",
                         "equity", "finance", "financial", "crypto", "coin", "trading", "dividend"}),
    "isbn": frozenset({"book", "books", "isbn", "library"}),
    "imdb_id": frozenset({"movie", "movies", "film", "title", "imdb", "show", "series"}),
    "iata": frozenset({"airport", "flight", "flights", "airline", "iata", "travel"}),
    "icao": frozenset({"airport", "flight", "flights", "aircraft", "icao"}),
    "airport": frozenset({"airport", "flight", "flights", "airline", "travel"}),
}
# Words that do not identify a wrapped platform: product words every RapidAPI listing uses.
PLATFORM_STOPWORDS = NAME_STOPWORDS | frozenset({
    "unofficial", "official", "free", "fast", "best", "simple", "easy", "real", "time", "realtime",
    "scraper", "scraping", "scrape", "crawler", "downloader", "download", "tool", "tools", "service",
    "services", "app", "apis", "data", "rapidapi", "rapid", "public", "open", "pro", "plus", "lite",
    "basic", "premium", "advanced", "ultimate", "super", "v4", "v5", "bulk", "live", "web", "online",
    "video", "videos", "search", "user", "users", "profile", "post", "posts", "media", "info", "finder",
    "checker", "validator", "generator", "converter", "translator", "lookup", "tracker", "monitor",
    "manager", "analyzer", "analytics", "stats", "statistics", "scanner", "detector", "extractor",
    "parser", "maker", "builder", "bot", "client", "sdk", "wrapper", "gateway", "hub", "io", "ai",
    "net", "com", "org", "co", "p", "rapidapi", "herokuapp", "vercel", "app", "cloud", "host",
    "server", "dev", "test", "demo", "my", "your", "our", "new", "all", "one", "world", "global",
    "news", "daily", "quick", "smart", "easy", "instant", "secure", "mail", "email", "phone", "sms",
    "text", "image", "images", "photo", "photos", "music", "movie", "movies", "weather", "stock",
    "stocks", "crypto", "finance", "sports", "game", "games", "travel", "hotel", "hotels", "flight",
    "flights", "food", "recipe", "recipes", "jobs", "job", "car", "cars", "health", "fitness",
})
