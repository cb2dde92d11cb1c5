"""The generic vocabularies of the rubric gates (`evaluator.rubric`, `value_rules`, `prose`).

The lists the judge shares with the generator (boolean, number and date words, placeholders,
action and read verbs, description debris) are the lexicon's own, imported from `datagen.lexicon`
so the two cannot drift; the lists here are the judge's alone. Every list is generic English about
values and turns, or generic kinds of parts and moments (a stage, a deadline): none names a tool,
an API, a brand, a league, a sport or a ticker (tests/unit/test_no_domain_words.py checks the names).
"""

from __future__ import annotations

from datagen.lexicon import (ACTION_VERBS, BOOLEAN_LEADS, BOOLEAN_WORDS, CATEGORY_WORDS, DATE_WORDS,
                             DESCRIPTION_DEBRIS, LOWER_ENDS, NOT_AFTER_THE, NUMBER_LEADS, NUMBER_WORDS,
                             PLACEHOLDER_VALUES, RANGE_WORDS, READ_VERBS, ROUTE_ENDS, SHAPED_WORDS, UPPER_ENDS)

__all__ = ["ACTION_VERBS", "BOOLEAN_LEADS", "BOOLEAN_WORDS", "CATEGORY_WORDS", "DATE_WORDS", "DESCRIPTION_DEBRIS",
           "LOWER_ENDS", "NOT_AFTER_THE", "NUMBER_LEADS", "NUMBER_WORDS", "PLACEHOLDER_VALUES", "RANGE_WORDS",
           "READ_VERBS", "ROUTE_ENDS", "SHAPED_WORDS", "UPPER_ENDS"]

# Words of a parameter description that ask for something a bare common word never is.
DESCRIBED_SHAPES = frozenset({"number", "id", "ids", "identifier", "code", "json", "url", "uri", "email",
                              "uuid", "hash", "token", "isbn", "coordinates", "latitude", "longitude"})
# Words of endpoint names that return other items than the one looked up (so a lookup of X may
# rightly return Y): `similar_images(image_id)`, `related_videos(video_id)`.
NEIGHBOUR_WORDS = frozenset({"similar", "related", "recommend", "recommendations", "recommended",
                             "suggest", "suggestions", "nearby", "neighbors", "neighbours", "other",
                             "alternative", "alternatives", "children", "replies", "parent", "next",
                             "previous", "random"})
# Words of endpoint names that list items, so a one-item answer of `{id, name}` is a listing, not a
# hollow answer. (A search still returns what matches its filters: `lookup_mismatch` applies.)
LISTING_WORDS = frozenset({"search", "list", "find", "browse", "all"})
# Keys of a JSON schema: an output made of them is the API's documentation, not its answer.
SCHEMA_KEYS = frozenset({"allOf", "anyOf", "oneOf", "additionalProperties", "$ref", "$schema", "patternProperties"})
# Verbs of endpoint names that are never also nouns, so a name ending with one ("email validate")
# is an API name read aloud, while "address book" or "blog post" are plain English.
VERBS_NOT_NOUNS = frozenset({"get", "search", "find", "fetch", "retrieve", "lookup", "create", "update", "delete",
                             "remove", "validate", "verify", "convert", "calculate", "compute", "generate",
                             "send", "cancel", "read"})
# Last name words of identifier fields, whose values may rightly be codes (`ORD-1001`).
IDENTIFIER_WORDS = frozenset({"id", "ids", "code", "codes", "number", "no", "num", "key", "ref", "reference", "sku",
                              "uuid", "guid", "token", "serial", "isbn", "ean", "upc", "vin", "iban"})
# Public identifiers (meaningful outside any service): a lookup of one must still return it.
PUBLIC_IDS = frozenset({"isbn", "issn", "doi", "symbol", "iata", "icao", "vin", "iban", "ean", "upc", "barcode"})
# Words of endpoint names that only an API has: a turn reading such a name aloud recites the API.
API_WORDS = frozenset({"api", "apis", "endpoint", "endpoints", "json", "xml", "controller", "http", "https", "v1",
                       "v2", "v3", "rest", "webhook", "callback"})
# Nouns a text uses to describe a stored row rather than the thing itself ("An offer record from
# Bangkok, last updated 2022."): an API's description field describes the thing, never its row.
META_NOUNS = frozenset({"record", "entry", "row"})
META_PHRASES = ("last updated", "last modified", "record from", "entry from")
# Words real proper names end with ("Grand Hotel", "Central Park", "City Bank"), so a two-word name
# ending with one is not made from its kind; any other kind noun as the last word of a two-word
# name ("Smith Review", "Wells Url") is a surname glued to the kind, which no real item is called.
PROPER_NAME_HEADS = frozenset({
    "hotel", "hostel", "inn", "motel", "resort", "park", "garden", "gardens", "school", "college", "university",
    "academy", "institute", "hospital", "clinic", "bank", "bridge", "street", "road", "avenue", "lane", "square",
    "airport", "station", "stadium", "arena", "museum", "gallery", "library", "church", "cathedral", "temple",
    "club", "team", "city", "town", "village", "county", "river", "lake", "mountain", "mount", "island", "bay",
    "beach", "tower", "center", "centre", "market", "mall", "restaurant", "cafe", "bar", "bakery", "theatre",
    "theater", "cinema", "company", "group", "corporation", "inc", "ltd", "llc", "plc", "partners", "studio",
    "studios", "records", "press", "media", "foundation", "association", "society", "council", "house", "hall",
    "place", "court", "palace", "castle", "port", "harbour", "harbor", "valley", "forest", "field", "fields",
    "festival", "cup", "league", "championship", "open", "games", "award", "awards", "prize", "day", "week",
    "project", "lab", "labs", "network", "farm", "store", "shop", "pharmacy", "office",
    # publications and companies: "Sky News", "Daily Herald", "Duke Energy", "Acme Systems"
    "news", "radio", "tv", "times", "post", "journal", "magazine", "daily", "weekly", "herald", "tribune",
    "gazette", "express", "airlines", "airways", "energy", "capital", "holdings", "systems", "technologies",
    "solutions", "foods", "motors", "industries", "ventures", "bros", "sons", "music", "pictures", "films",
    "entertainment", "sports", "exchange", "insurance", "health",
})
# Last name words of fields whose values are codes by nature (`flight: "BA2490"`, `model: "XR500"`),
# besides `IDENTIFIER_WORDS`; any other field holding a letters-and-digits code (`suit: "NG62169"`,
# `venue: "C584291"`) holds a made-up stand-in for a word.
CODE_FIELD_WORDS = frozenset({
    "mid", "cid", "uid", "pid", "sid", "gid", "hash", "ref", "zip", "postal", "postcode", "zipcode", "plate",
    "model", "version", "build", "flight", "route", "seat", "gate", "callsign", "locator", "registration",
    "license", "licence", "tag", "barcode", "isin", "cusip", "sedol", "figi", "bic", "swift", "iata", "icao",
    "symbol", "ticker", "pair", "market", "instrument", "asin", "gtin", "mpn", "part", "lot", "batch", "track",
    "tracking", "voucher", "coupon", "promo", "pin", "otp", "password", "secret", "signature", "cursor", "page",
    "next", "previous", "prev", "offset", "etag", "checksum", "digest", "fingerprint", "nonce", "sku",
})
# Nouns of endpoint names whose answer is a text (a review says something, a verse has its words):
# an answer about one of them with no sentence in it has not answered. ("quote" and "summary" are
# left out: a stock quote and an account summary are numbers.) Endpoints that write one
# (`submit_review`) answer a receipt, so `WRITE_VERBS` exempts them; a review may be only its
# rating (`RATING_WORDS`). Short texts by nature (a translation, a caption) are left out.
TEXT_KINDS = frozenset({
    "review", "reviews", "lyric", "lyrics", "verse", "verses", "comment", "comments", "joke", "jokes", "poem",
    "poems", "definition", "definitions", "article", "articles", "transcript", "transcription", "summarize",
    "summarization", "fact", "facts", "riddle", "proverb", "horoscope", "advice", "paraphrase", "essay",
})
# Fields that hold the subject a call is about: an argument there the user never gave, filled by
# the schema's default, makes the call about something nobody asked for (a phone number, a url).
SUBJECT_WORDS = frozenset({
    "phone", "mobile", "msisdn", "email", "url", "uri", "link", "website", "domain", "host", "hostname", "ip",
    "username", "user", "handle", "address", "wallet", "account", "isbn", "ean", "upc", "barcode", "vin", "iban",
})
# Phrases of endpoint descriptions that speak to the developer ("the pile you want to get
# information about", "with various sorting and filtering options"): no user says them of a request.
USER_DEBRIS = ("you want to", "you wish to", "you would like to", "various sorting", "filtering options",
               "sorting options", "filter options", "the date specified", "the specified", "as specified")
WRITE_VERBS = frozenset({"create", "post", "submit", "add", "write", "update", "edit", "upload", "delete", "remove",
                         "send", "save", "put", "patch", "set", "rate", "report", "flag", "like", "reply"})
RATING_WORDS = frozenset({"rating", "ratings", "stars", "star", "score", "scores"})
# Field words that tell two items of one name apart as places (two branches of one chain).
PLACE_WORDS = frozenset({"address", "city", "location", "latitude", "longitude", "lat", "lng", "lon", "street",
                         "branch", "store", "district", "neighborhood", "neighbourhood", "area", "region"})
# Last name words of fields that only file an answer (its id, when it was stored): a final answer
# quoting nothing else reports the filing, not what was asked. (Links are left out: a download
# link or a QR code's URL is often the very thing asked for.)
FILING_WORDS = frozenset({"id", "ids", "uuid", "guid", "updated", "created", "modified", "timestamp"})
# Last name words of fields whose text describes or tells the thing (a definition, a headline, a
# review) ...
TELLING_WORDS = frozenset({"description", "summary", "definition", "headline", "title", "instructions",
                           "instruction", "bio", "biography", "overview", "abstract", "synopsis", "plot", "lyrics",
                           "verse", "review", "note", "notes", "explanation", "meaning", "detail", "details",
                           "chapter", "quote", "fact", "joke", "advice", "answer", "translation"})
# ... where a line of chat addressed to someone ("Please confirm the details when you can.") is a
# canned sentence, not the thing told. (Messages, subjects and bodies may rightly be chat.)
CHAT_MARKERS = ("please", "thanks", "thank you", "let me know", "see you", "when you can", "looking forward",
                "can we", "could you", "happy to help", "great work")
# Last name words of attributes that say which thing an item is (its name, its title, where it is): one id
# holds one of each, so two values for one id are two stories. (Times, counts, ranks and coordinates
# change between reads and are left out.)
IDENTITY_ATTRS = frozenset({"name", "title", "address", "label", "login", "username", "handle", "email"})
# First words of a top-level field holding the server's clock when it answered (`server_time`,
# `current_time`; `time_now` is read by its "now").
CLOCK_LEADS = frozenset({"server", "current", "request", "response"})
# What a final answer says when nothing came back: said over outputs that hold values, it hides them.
EMPTY_CLAIMS = ("nothing to report", "returned nothing", "found nothing", "came back empty", "nothing came back")
# Words a person puts before a thing they want ("the weekly schedule", "all grid points"): an
# endpoint's words said after one are a request in English, said bare they are the name.
DETERMINERS = frozenset({"the", "a", "an", "all", "any", "some", "my", "your", "our", "their", "his", "her", "its",
                         "this", "that", "these", "those", "each", "every", "which", "what", "no"})
# Time-field words (`rubric_times`). Words of a field that says when one thing came to be: two such
# fields of one object (`taken_at`, `device_timestamp`, `created_at`) name one moment.
SAME_MOMENT_WORDS = frozenset({"taken", "created", "creation", "posted", "published", "device", "timestamp",
                               "captured", "uploaded", "recorded"})
# Words of a time field that moves on its own (`updated_at`, `expires`, `end_time`), never that moment.
MOVING_TIME_WORDS = frozenset({"updated", "update", "modified", "edited", "expires", "expiry", "expiration", "end",
                               "ends", "ended", "last", "latest", "next", "deleted", "until", "due", "renewed",
                               "seen", "recent"})
# Words of a field numbering the parts of one thing in order (`number`, `period`, `seq_no`).
PART_ORDER_WORDS = frozenset({"number", "no", "num", "seq", "sequence", "period", "part", "step", "round", "leg",
                              "stage", "phase", "half", "quarter", "lap", "set", "segment"})
# Words of a part's time that closes before its parent starts (`cutoff`), or settles once it is over.
CLOSING_WORDS = frozenset({"cutoff", "deadline"})
SETTLING_WORDS = frozenset({"settled", "settlement", "finished", "completed", "resulted", "graded"})
START_WORDS = frozenset({"start", "starts", "starting", "begin", "begins"})
# Last words of a field counting what one entity holds (`pack_items`, `member_count`).
COUNT_WORDS = frozenset({"count", "items", "size", "total", "num", "members", "length"})
PERCENT_WORDS = frozenset({"percent", "percentage", "pct"})
