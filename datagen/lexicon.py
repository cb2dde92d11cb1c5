"""The one lexicon of generic English vocabularies the pipeline reasons with.

Why one module: role words, verbs, weak concepts and value kinds used to sit in six lists that
disagreed (a role word in one stage was a concept in another). Every list here is generic English
about APIs and data, or generic classes of things (kinds of venue, of creative work, of trade); none
names a tool, an API, a brand, a league, a sport, a ticker or one file's field, because the product is
judged on ToolBench categories we have never seen (tests/unit/test_no_domain_words.py checks the
names). This module sits below every stage and imports nothing
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
    "page", "page_number", "pagenumber", "page_no", "page_num", "pagenum", "page_index", "pageindex", "limit", "offset", "per_page", "page_size",
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
# Words that name a person (a role in a task); `<word>_name` is a person's name.
PERSON_WORDS = frozenset("person people user author artist customer student employee contact member owner "
                         "player actor driver patient instructor guest passenger recipient sender full applicant "
                         "reviewer holder cardholder traveler traveller attendee candidate speaker buyer tenant "
                         "participant subscriber athlete coach manager doctor teacher organizer director creator "
                         "host captain singer writer assignee signer requester reporter first last given family "
                         "middle sur".split())
# Words that name a place; `<word>_name` is a place name.
PLACE_WORDS = frozenset("place city town country region state province county district street location venue "
                        "airport station port area neighborhood neighbourhood village".split())
# Last words of a concept that make it a handle minted by one service (`order_number`, `api_token`).
SERVICE_HANDLE_SUFFIXES = frozenset({"id", "ids", "key", "token", "slug", "number", "no", "code", "uuid",
                                     "guid", "hash", "handle", "ref", "reference", "pk", "sid", "uid", "cursor"})
# Whole concepts that are handles of one service although they do not end like one.
SERVICE_CONCEPTS = frozenset({"user_name", "screen_name", "display_name", "file_name", "slug", "handle",
                              "session", "cursor", "token", "uuid", "guid"})
# Universal values that travel with the task's subject: across categories they link only between
# endpoints that are both about the concept (a geocoder's coordinates into a forecast).
SUBJECT_UNIVERSALS = frozenset({
    "email", "phone", "domain", "ip", "ip_address", "city", "country", "country_code",
    "region", "state", "latitude", "longitude", "postal_code", "address", "symbol", "isbn",
    "iata", "iata_code", "icao", "icao_code", "airport", "airport_code", "vin", "iban",
    "barcode", "upc", "ean", "doi", "issn", "mac_address", "person_name", "full_name", "company",
})
# Universal values incidental to most tasks (any service has a date): across tools they link only
# inside one category, where two services are plausibly steps of one goal.
INCIDENTAL_UNIVERSALS = frozenset({
    "date", "timestamp", "time", "timezone", "amount", "currency", "language", "year", "month",
    "url",  # most outputs carry some link (an image, a profile); only a web-page tool wants one
})
# Words that show an endpoint is about a subject universal, beyond the concept's own words
# (`latitude` → an endpoint about a location, a map, a forecast).
_GEO = frozenset({"location", "coordinate", "geo", "geocode", "geocoding", "map", "nearby", "near",
                  "weather", "forecast", "place", "distance", "elevation", "timezone", "route", "latitude",
                  "longitude"})
_PERSON = frozenset({"person", "people", "gender", "nationality", "age", "biography"})
SUBJECT_HINTS: dict[str, frozenset[str]] = {
    "email": frozenset({"email", "mail", "inbox", "mailbox"}),
    "phone": frozenset({"sms", "call", "caller", "dial", "telephone", "carrier"}),
    "domain": frozenset({"domain", "dns", "whois", "website", "site"}),
    "ip": frozenset({"ip", "network", "geolocation"}),
    "ip_address": frozenset({"ip", "network", "geolocation"}),
    "city": frozenset({"city", "weather", "forecast", "place", "location", "town", "geocode", "geocoding"}),
    "country": frozenset({"country", "nation", "national", "holiday"}),
    "country_code": frozenset({"country", "nation", "national", "holiday"}),
    "region": frozenset({"region", "state", "province"}),
    "state": frozenset({"state", "region", "province"}),
    "latitude": _GEO,
    "longitude": _GEO,
    "postal_code": frozenset({"zip", "postal", "postcode", "zipcode", "location"}),
    "address": frozenset({"geocode", "geocoding", "location", "map", "delivery", "street", "postal"}),
    "symbol": frozenset({"stock", "quote", "ticker", "symbol", "market", "share", "equity", "trading",
                         "dividend", "coin", "crypto", "cryptocurrency", "exchange"}),
    "isbn": frozenset({"book", "isbn", "library"}),
    "iata": frozenset({"airport", "flight", "airline", "iata"}),
    "iata_code": frozenset({"airport", "flight", "airline", "iata"}),
    "airport": frozenset({"airport", "flight", "airline"}),
    "airport_code": frozenset({"airport", "flight", "airline"}),
    "person_name": _PERSON,
    "full_name": _PERSON,
    "company": frozenset({"company", "business", "firm", "employer", "organization"}),
}
# Concepts with several senses that must not meet: a value of one sense means nothing to an endpoint
# of another (an equity ticker sent to a coin exchange, a currency's symbol to a stock quote). Each
# sense is a set of words; an endpoint is of the senses whose words its name, URL, description or
# tool summary use (of all, if none).
SUBJECT_SENSES: dict[str, tuple[frozenset[str], ...]] = {
    "symbol": (frozenset({"stock", "equity", "share", "shareholder", "dividend", "earning", "company", "fund",
                          "etf", "security"}),
               frozenset({"crypto", "cryptocurrency", "coin", "token", "blockchain", "wallet", "defi", "altcoin",
                          "stablecoin", "perpetual"}),
               frozenset({"currency", "forex", "fx", "fiat"})),
}
# Concept words too generic to show what an endpoint is about.
ABOUT_STOPWORDS = frozenset({"code", "name", "id", "number", "no", "full", "first", "last", "value"})

# Words that do not identify a wrapped platform: product words every API listing uses. Domain words
# (`weather`, `news`) need no entry: platform detection also asks the corpus to write a platform
# word as a proper noun (see registry.platforms).
PLATFORM_STOPWORDS = NAME_STOPWORDS | frozenset({
    "unofficial", "official", "free", "fast", "best", "simple", "easy", "real", "time", "realtime",
    "scraper", "scraping", "scrape", "crawler", "downloader", "download", "tool", "tools", "service",
    "services", "app", "apis", "rapidapi", "rapid", "public", "open", "pro", "plus", "lite", "basic",
    "premium", "advanced", "ultimate", "super", "bulk", "live", "web", "online", "finder", "checker",
    "validator", "generator", "converter", "translator", "tracker", "monitor", "manager", "analyzer",
    "scanner", "detector", "analytics", "statistics", "stats", "extractor", "parser", "maker", "builder", "bot", "client", "sdk", "wrapper",
    "gateway", "hub", "io", "ai", "co", "herokuapp", "vercel", "cloud", "host", "server", "dev", "test",
    "demo", "my", "your", "our", "one", "world", "global", "daily", "quick", "smart", "instant", "secure",
})

# === Rubric gates of the offline judge (datagen.evaluator.rubric, value_rules, prose) ==============
# Generic English about values and turns; the judge reads names, types and text, never tool names.
# Values that stand in for data nobody filled (compared case-insensitively, whole value).
PLACEHOLDER_VALUES = frozenset({
    "string", "str", "example", "sample", "test", "testing", "foo", "bar", "baz", "qux", "lorem",
    "ipsum", "dolor", "value", "n/a", "tbd", "todo", "placeholder", "dummy", "xxx", "xyz", "asdf",
    "changeme", "your value", "insert here", "lorem ipsum",
})
# Name words that make a field a yes/no answer: `is_valid`, `hasMore`, `isValidDns`, `valid_format`.
BOOLEAN_LEADS = frozenset({"is", "has", "have", "can", "should", "was", "were", "does", "did", "allow",
                           "allows", "needs", "must"})
BOOLEAN_WORDS = frozenset({"valid", "invalid", "enabled", "disabled", "verified", "exists", "deliverable",
                           "disposable", "blocked", "deleted"})
# … unless a range word follows: `validFrom`, `valid_through` are dates.
RANGE_WORDS = frozenset({"from", "to", "until", "till", "through", "thru", "since", "after", "before", "start",
                         "end", "begin"})
# Words that never follow "the" in a sentence: "the is valid format", "get the by source new".
NOT_AFTER_THE = frozenset({"is", "has", "was", "are", "can", "by", "whether", "of", "for", "to", "with",
                           "from", "if", "and", "or", "get", "the", "a", "an"})
# Last name words of fields that hold a number (a count, a total, an amount, a coordinate).
NUMBER_WORDS = frozenset({"count", "total", "quantity", "qty", "amount", "price", "cost", "fee", "bytes",
                          "latitude", "longitude", "lat", "lng", "lon", "population", "balance",
                          "percent", "percentage", "kcal", "calories"})
NUMBER_LEADS = frozenset({"num", "number", "total", "count"})  # `num_pages`, `number_of_items`
# Last name words of fields that hold a date or a moment.
DATE_WORDS = frozenset({"date", "timestamp", "datetime", "birthday", "dob", "birthdate"})
# Last name words of fields whose value names or addresses something, so a lone lowercase common
# word (`airline: "orbit"`, `timezone: "cobalt"`) cannot be it.
SHAPED_WORDS = frozenset({
    "name", "names", "airline", "carrier", "company", "team", "author", "artist", "city", "country",
    "location", "place", "venue", "address", "street", "region", "timezone", "tz", "email", "url",
    "link", "website", "domain", "phone", "id", "ids", "uuid", "guid", "sku", "isbn", "ean", "upc",
    "vin", "iban", "symbol", "ticker", "iata", "icao", "owner", "manufacturer", "publisher", "brand",
    "organization", "organisation", "employer", "school", "university", "hotel", "restaurant",
})
# Last name words of fields whose value is a category word (`status: "active"`, `type: "movie"`):
# a lone lowercase word there is normal, not filler.
CATEGORY_WORDS = frozenset({
    "status", "state", "type", "kind", "category", "categories", "mode", "format", "level", "unit",
    "units", "method", "gender", "sex", "language", "lang", "locale", "role", "tier", "plan",
    "condition", "conditions", "weather", "sentiment", "label", "labels", "tag", "tags", "genre",
    "result", "verdict", "reason", "message", "currency", "action", "direction", "visibility",
    "privacy", "platform", "os", "device", "source", "channel", "medium", "period", "interval",
    "frequency", "day", "weekday", "month", "season", "color", "colour", "size", "shape", "style",
    "difficulty", "answer", "response", "class", "grade", "word", "keyword", "keywords", "query",
    "term", "topic", "subject", "icon", "mood", "tone", "priority", "severity", "risk", "quality",
    "availability", "permission", "permissions", "scope", "version", "license", "sort", "order",
    "description", "summary", "text", "content", "comment", "note", "title", "slug", "username",
    "nickname", "handle", "login", "password", "pos", "position", "part", "material", "cuisine",
    "diet", "flavor", "flavour", "ingredient", "ingredients", "symptom", "species", "breed", "industry",
    "sector", "segment",
})
# Verbs of endpoint names that act on one item (the user must have chosen it) …
ACTION_VERBS = frozenset({
    "buy", "purchase", "book", "reserve", "order", "checkout", "pay", "apply", "enrol", "enroll",
    "register", "subscribe", "unsubscribe", "join", "delete", "remove", "cancel", "send", "transfer",
    "submit", "rent", "hire", "vote", "follow", "unfollow", "claim", "redeem", "accept", "reject",
    "approve", "sell", "bid", "donate", "adopt", "schedule", "add", "refund", "archive", "block",
})
# … unless the name says it only reads (`get_booking`, `list_orders`).
READ_VERBS = frozenset({"get", "list", "search", "find", "fetch", "retrieve", "lookup", "look", "query",
                        "show", "read", "check", "view", "status", "details", "info", "history"})
# Words of endpoint names that return other items than the one looked up (so a lookup of X may
# rightly return Y): `similar_images(image_id)`, `related_videos(video_id)`.
NEIGHBOUR_WORDS = frozenset({"similar", "related", "recommend", "recommendations", "recommended",
                             "suggest", "suggestions", "nearby", "neighbors", "neighbours", "other",
                             "alternative", "alternatives", "children", "replies", "parent", "next",
                             "previous", "random", "search", "list", "find", "browse"})
# Phrases of API descriptions that no person says in a chat turn.
DESCRIPTION_DEBRIS = (
    "this field", "this parameter", "this endpoint", "this api", "do not edit", "(optional)",
    "(required)", "required parameter", "optional parameter", "default value", "e.g.", "eg.",
    "ex:", "example:", "<br", "</", "```", "**", "__",
)

# === Value kinds of mock values (datagen.generator.semantic, fake; registry.fields) ==================
# What a field holds, read from the last words of its name. The yes/no and number words extend the
# judge's lists above (built on them, so the two cannot disagree, only the generator knows more).
# Last word of a string field → the kind of value (see generator.fake.KINDS).
VALUE_KIND_WORDS: dict[str, str] = {
    "timezone": "timezone", "tz": "timezone", "mime": "mime", "mimetype": "mime", "filename": "file_name",
    "extension": "file_ext", "ext": "file_ext", "airline": "airline", "company": "company",
    "employer": "company", "organization": "company", "organisation": "company", "publisher": "company",
    "brand": "company", "manufacturer": "company", "vendor": "company", "seller": "company", "merchant": "company",
    "agency": "company", "job": "job", "occupation": "job", "profession": "job", "jobtitle": "job",
    "street": "street", "address": "address", "useragent": "user_agent", "uuid": "uuid", "guid": "uuid",
    "isbn": "isbn", "ean": "ean", "upc": "ean", "gtin": "ean", "barcode": "ean", "iban": "iban", "swift": "swift",
    "bic": "swift", "plate": "plate", "mac": "mac", "ipv6": "ipv6", "color": "colour", "colour": "colour",
    "hex": "hex_colour", "region": "region", "province": "region", "county": "region", "slogan": "slogan",
    "tagline": "slogan", "motto": "slogan", "hashtag": "hashtag", "html": "html", "product": "product",
    "model": "product", "make": "company", "sha256": "hash", "checksum": "hash", "md5": "md5", "sha1": "sha1", "etag": "md5",
}
# Two-word names whose last word alone says less (`user_agent`, `mime_type`, `job_title`, `file_type`).
VALUE_KIND_PAIRS: dict[str, str] = {
    "user_agent": "user_agent", "mime_type": "mime", "media_type": "mime", "content_type": "mime",
    "file_type": "mime", "job_title": "job", "time_zone": "timezone", "file_name": "file_name",
    "mac_address": "mac", "ip_address": "ip", "zip_code": "postcode", "post_code": "postcode",
    "postal_code": "postcode", "company_name": "company", "business_name": "company", "product_name": "product",
    "first_name": "first_name", "given_name": "first_name", "last_name": "last_name", "family_name": "last_name",
    "full_name": "person", "display_name": "person", "screen_name": "username", "user_name": "username",
    "calling_code": "calling_code", "dial_code": "calling_code", "phone_code": "calling_code",
    "country_code": "country_code", "license_plate": "plate", "color_code": "hex_colour",
}
# Leads and words of yes/no fields (`supportsTls`, `catch_all`), beyond the judge's.
VALUE_BOOLEAN_LEADS = BOOLEAN_LEADS | frozenset("enable enabled do supports include includes show use accept "
                                                "accepts".split())
VALUE_BOOLEAN_WORDS = BOOLEAN_WORDS | frozenset("success successful ok active available found free public private "
                                                "premium live online offline spam suspicious safe nsfw adult "
                                                "catchall reachable registered taken expired trusted official "
                                                "explicit paid sponsored secure hidden archived locked pinned "
                                                "featured".split())
# Words that make a field a count (`followers`, `views`, `num_pages`).
COUNT_WORDS = frozenset("count counts num number total views likes dislikes followers following friends "
                        "subscribers shares comments replies retweets downloads installs reviews votes pages "
                        "members employees stars forks watchers tracks episodes seasons players items "
                        "results hits records occurrences attempts visits clicks quantity qty stock "
                        "inventory capacity population".split())
# Units and measures that make a field a number (`size_bytes`, `length_seconds`, `width`).
MEASURE_WORDS = frozenset("seconds secs sec minutes mins hours days weeks months ms millis milliseconds bytes "
                          "kb mb gb size width height length depth weight duration distance km miles meters "
                          "metres elevation altitude area volume speed temperature temp humidity pressure "
                          "calories kcal protein carbs carbohydrates fat fiber sugar sodium age year "
                          "percentage percent pct ratio rate score rank ranking level".split())
# Participles and suffixes that make a field a moment (`published`, `created_at`, `expires_on`).
MOMENT_WORDS = frozenset("at on created updated modified published released posted deleted expires expiry "
                         "expiration timestamp datetime time date since until joined started ended scheduled "
                         "uploaded".split())
# Words that make a string field a free-text message or description.
TEXT_WORDS = frozenset("message text body content comment caption review note description summary bio "
                       "sentence definition example answer reply snippet excerpt headline about overview "
                       "details instructions reason explanation error warning remark feedback".split())
# Words of endpoint names and descriptions, grouped by the shape of answer they imply (registry.fields).
ENDPOINT_SHAPES: dict[str, frozenset[str]] = {
    "verdict": frozenset("validate validation validator verify verification verifier check checker "
                         "test".split()),
    "conversion": frozenset("convert converter conversion calculate calculator compute exchange".split()),
    "image": frozenset("thumbnail screenshot snapshot render qr qrcode chart capture avatar placeholder".split()),
    "file": frozenset("download export pdf upload".split()),
    "translation": frozenset("translate translation translator transliterate".split()),
}


# Trailing words that qualify a name or title without changing what it is (`nameEn`, `title_short`).
NAME_QUALIFIERS = frozenset("en fr de es it pt ar ru zh ja ko short long full official common native local "
                            "original display formatted alt alternative translated".split())
# Words of fields that hold a picture: their value is an image URL.
IMAGE_WORDS = frozenset("image img photo picture avatar thumbnail thumbnails thumb logo icon cover banner poster "
                        "screenshot artwork".split())
# Counts of an audience run into thousands; other counts (seasons, pages, members) stay small.
AUDIENCE_WORDS = frozenset("views likes dislikes followers following subscribers shares downloads installs visits "
                           "clicks plays streams impressions reach".split())
# Things people write: a `message` inside one is their text, elsewhere a status line.
WRITTEN_NOUNS = frozenset({"message", "chat", "comment", "post", "reply", "review", "conversation", "thread",
                           "email", "mail", "sms", "note"})
# Words of endpoints about traded securities, where a bare `symbol` is a ticker.
MARKET_WORDS = frozenset("stock stocks ticker tickers market markets quote quotes share shares equity equities "
                         "trading trade trades finance financial crypto coin coins kline candle candles dividend "
                         "dividends earnings portfolio forex".split())
# Things named after their city (`Lisbon Museum`); other things are named after a person or a colour.
VENUE_WORDS = frozenset("hotel restaurant store shop museum park school university club team hospital library "
                        "market gallery theatre theater cinema stadium arena bar cafe gym office branch".split())
# Words of an endpoint name that name the listing's version or tier, not the thing asked for
# (`product_beta`, `event_statistics_alt`, `company_insights_premium`): a request leaves them out.
VERSION_WORDS = frozenset("beta alpha alt v1 v2 v3 v4 v5 api premium pro lite free basic single simple new2 "
                          "old2 legacy deprecated test".split())
# Adjectives an endpoint name puts after its noun (`electricity_price_hourly`, `match_list_live`);
# English says them before it ("the hourly electricity price").
TRAILING_ADJECTIVES = frozenset("hourly daily weekly monthly yearly annual quarterly live latest current recent "
                                "upcoming historical past popular trending top random nearby".split())
# Words after which an endpoint name says what it filters by, not what it returns (`players_by_team`).
PREPOSITIONS = frozenset("by for of from in with on using via at per to".split())
# Concepts of inputs a listing filters its items by, so each item repeats them (`city`, `category`).
FILTER_CONCEPTS = frozenset({"city", "country", "country_code", "category", "type", "genre", "date", "language",
                             "currency", "symbol", "region", "state", "postal_code", "year", "status", "sport"})
# Words of endpoints about jobs, where a `title` is a job title.
JOB_WORDS = frozenset("job jobs salary salaries career careers hiring employment employee employer resume "
                      "vacancy vacancies recruiter position".split())
# Kinds of things an endpoint without a schema returns, by the words of its name and description, so
# an inferred answer carries the attributes of its kind (registry.fields).
ENTITY_CLASSES: dict[str, frozenset[str]] = {
    "measure": frozenset("indicator indicators statistic statistics stats metric metrics rate index economy "
                         "economic health agriculture climate energy debt inflation gdp population performance "
                         "rating ratings forecast score scores valuation yield emission emissions".split()),
    "person": frozenset("person people profile author artist player actor user member customer employee "
                        "athlete driver coach".split()),
    "place": frozenset("place places location locations venue venues station stations airport airports store "
                       "stores hotel hotels restaurant restaurants address".split()),
    "work": frozenset("article articles news post posts video videos episode episodes season seasons book books "
                      "song songs track tracks album albums movie movies film films title titles filing filings "
                      "recipe recipes podcast story stories document documents report reports".split()),
    "event": frozenset("event events match matches game games fixture fixtures duel race races tournament "
                       "tournaments lineup lineups schedule schedules concert concerts".split()),
    "transaction": frozenset("order orders payment payments transaction transactions booking bookings invoice "
                             "invoices transfer transfers parcel parcels shipment shipments delivery tracking "
                             "quote quotes".split()),
}
# Creative works, named by a title (`The Amber Harbour`), never by a person's surname.
WORK_WORDS = frozenset("movie movies film films book books novel novels song songs track tracks album albums "
                       "anime manga show shows series episode episodes podcast podcasts game games video videos "
                       "playlist playlists course courses story stories comic comics poem poems".split())
# Nouns that fictional titles of works are made of, with a colour from Faker in front.
TITLE_NOUNS = ("Harbour", "Garden", "River", "Letters", "Summer", "Lantern", "Road", "Echoes", "Horizon",
               "Orchard", "Tide", "Frontier", "Window", "Mountain", "Stranger", "Promise", "Voyage", "Kingdom",
               "Island", "Season", "Signal", "Compass", "Valley", "Storm")
# Concepts whose value an earlier step returning it does not make that step a means to the next: a
# date, a time, coordinates or an amount a step happens to show is a coincidence, not what a person
# looks up to go on (a horoscope's date is no reason to open a calendar, a sale price no rent budget).
INCIDENTAL_CONCEPTS = frozenset({"date", "time", "timestamp", "year", "month", "day", "latitude", "longitude",
                                "amount", "price", "cost", "radius", "count", "quantity", "rate", "page", "limit"})
# The two ends of a range among a call's parameters (`min_price`/`max_price`, `verse_from`/`verse_to`) …
LOWER_ENDS = frozenset({"min", "from", "start", "begin", "since", "in", "earliest", "lowest"})
UPPER_ENDS = frozenset({"max", "to", "end", "until", "through", "thru", "out", "latest", "highest"})
# … unless they name places: the start and end of a route may lie either way (`start_lat`, `from_city`).
ROUTE_ENDS = frozenset({"lat", "lng", "lon", "long", "latitude", "longitude", "location", "point", "address", "city",
                        "station", "stop", "airport", "place", "coordinates", "x", "y", "country", "currency",
                        "language", "lang", "node", "port"})
# Words of an id that points at another thing (`home_team_id`, `parent_id`, `owner_id`): not the object's own.
RELATION_WORDS = frozenset({"home", "away", "parent", "owner", "author", "creator", "user", "customer", "sender",
                            "recipient", "account", "category", "league", "sport", "country", "region", "tournament",
                            "season", "competition", "venue", "seller", "buyer", "related", "ref", "source", "target"})
# Universal values an answer repeats under a qualified name (`normalized_email`, `formatted_phone`).
ECHOED_KINDS = frozenset({"email", "phone", "domain", "url", "ip", "city", "country", "currency", "symbol", "ticker",
                          "username", "vin", "isbn", "iban"})
# Keys of a response's envelope: they say how the request went, not what it found.
ENVELOPE_KEYS = frozenset({"status", "success", "message", "code", "error", "errors", "ok", "status_code", "msg",
                           "request_id", "ret_code", "ret_msg", "time_now"})
# Parts of an answer that repeat the request (`parameters: {query, lat, lng}`), not what it found.
REQUEST_ECHO_KEYS = frozenset({"parameters", "params", "request", "query", "input", "meta", "metadata", "envelope",
                               "pagination", "paging"})
# Words of a field that hold a moment (a Unix time under one is said as a date).
TIME_FIELD_WORDS = frozenset({"time", "timestamp", "date", "at", "on", "created", "updated", "published", "released",
                              "modified", "posted", "expires", "start", "end"})
# Names of coordinate fields: where a thing is, rarely what a person reports first.
COORDINATE_KEYS = frozenset({"lat", "lng", "lon", "long", "latitude", "longitude"})
# Words that make a description's first clause documentation rather than a request: conditions,
# fallbacks and what the API "returns" (`get the season schedule for the date or now returns ...`).
DOC_VOICE_WORDS = frozenset({"if", "when", "whether", "unless", "returns", "return", "returned", "plus", "or",
                             "specified", "otherwise", "etc", "via", "using", "allows", "endpoint"})
