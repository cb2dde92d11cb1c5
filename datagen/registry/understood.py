"""Whether an answer's field name is understood well enough to hold a value at all.

A value means what its field says, or there is no value. The makers (`semantic`) read a name's
head noun; a word before the head can change what the value is, and no maker knows it: a
`price_rating` is neither a price nor a 1–5 rating, a `tamil_month` no Gregorian month, a
`max_takeoff_weight` no weight a generic scale fits, a `filtered_total_ratings` no total, a
`price_reduced_amount` no price. Read on the whole corpus in session 8, such fields made most of
what readers reject under R3: numbers that mean nothing, values that contradict their siblings.

So a field of an answer gets a value only when
- its head keeps its meaning whatever modifies it (`HEADS_THAT_KEEP`: an id of anything is an id,
  a date of anything a date, a link a link, a country a country), or
- every word before the head only says which one, when or which aggregate (`NEUTRAL`), or is the
  noun of the object it sits in (`hotel_name` inside a hotel), or names the kind of a name or a
  code (`city_name`, `author_name`, `currency_code`).
A head that says nothing by itself (`value`, `data`, `info`) is never understood. Everything else
is left out by the executor (`values.UNPLACED`). The words are English, never a tool's.
"""

from __future__ import annotations

from functools import lru_cache

from datagen.lexicon import IMAGE_WORDS, MOMENT_WORDS, NAME_QUALIFIERS, PERSON_WORDS, PLACE_WORDS, ROLE_WORDS, VALUE_KIND_WORDS
from datagen.registry.naming import singular, snake
from datagen.registry.phrase import head_phrase

# (words, reason): heads whose meaning no modifier changes.
_KEEP_ROWS: tuple[tuple[str, str], ...] = (
    ("id ids identifier uuid guid slug username handle login reference ref code sku locator",
     "a handle of anything is a handle: the word before it says whose (`booking_reference`, `promo_code`);"
     " not `number`, which is as often a quantity or a shirt's number as a handle"),
    ("now today", "a moment is one whatever it dates (`time_now`)"),
    ("count counts", "a count of anything is a count: the word before it says what is counted"),
    ("url uri link href website homepage permalink email phone ip domain hostname",
     "an address reaches something; what it reaches does not change its form"),
    ("latitude lat longitude lng lon coordinates country city currency timezone tz language locale",
     "places and codes come from the reference world, whichever role they play"),
    ("seconds secs minutes mins hours days weeks ms millis milliseconds bytes kb mb gb km miles meters metres "
     "calories kcal kg grams lbs", "a number given in a unit has the unit's scale, whatever it measures"),
)
HEADS_THAT_KEEP: frozenset[str] = frozenset(
    w for words, _ in _KEEP_ROWS for w in words.split()) | IMAGE_WORDS | MOMENT_WORDS

# Words before a head that only say which one, when, or which aggregate: they keep the head's kind.
NEUTRAL: frozenset[str] = frozenset(
    "first last full display short long main primary secondary current total min max minimum maximum avg "
    "average mean median lowest highest low high start end begin created updated modified published release "
    "released posted home away local original default new old previous next latest official public given "
    "family middle sur nick screen real num number count is has can was".split()) | frozenset(
    # the words by which `agree` finds the numbers it computes (`converted_amount` = amount × rate,
    # `line_total` = quantity × `unit_price`, `grand_total` = `subtotal` + tax): computed, not guessed
    "converted conversion unit line grand sub base net each item result results".split())

# Heads whose kind is said by the word before them (`city_name`, `author_name`, `currency_code`).
_KINDED_HEADS = frozenset({"name", "names", "title", "label", "code", "iso", "abbr", "abbreviation"})
_KINDS = PERSON_WORDS | PLACE_WORDS | frozenset(VALUE_KIND_WORDS) | frozenset(
    "currency country language month day weekday alpha iso zip postal post area dial calling".split())

# Heads that name no kind of value by themselves: a `value` holds whatever its owner means.
SAY_NOTHING = frozenset({"value", "values", "data", "info", "detail", "details", "item", "items", "result",
                         "extra", "meta", "metadata", "misc", "other", "attributes", "properties", "stat", "stats"})


# Things the reference world has no table of: a value would be a guess in the right shape for the
# wrong place (readers: "Ankara codes start with 06", "Tehran codes have 10 digits").
NO_REFERENCE = frozenset({("postal", "code"), ("zip", "code"), ("post", "code"), ("zip",), ("zipcode",),
                          ("postcode",), ("postal",), ("pincode",), ("pin", "code")})


def understood(tokens: list[str], context: str | None = None) -> bool:
    """Whether a field whose words are `tokens` (head noun last, as `phrase.head_phrase` gives them)
    may hold a value; `context` is the noun of the object it sits in."""
    words = [w for w in tokens if w and not w.isdigit()]
    if not words:
        return False
    head, before = words[-1], words[:-1]
    if tuple(words[-2:]) in NO_REFERENCE or (head,) in NO_REFERENCE:
        return False
    if head in SAY_NOTHING:
        return False
    if head in HEADS_THAT_KEEP or singular(head) in HEADS_THAT_KEEP:
        return True
    own = {context, singular(context)} if context else set()
    for word in before:
        if word in NEUTRAL or word in own or singular(word) in own:
            continue
        if head in _KINDED_HEADS and (word in _KINDS or singular(word) in _KINDS):
            continue
        return False
    return True


def core_tokens(tokens: list[str]) -> list[str]:
    """The name's words without role words and without trailing qualifiers of a name (`name_en`)."""
    core = [w for w in tokens if w not in ROLE_WORDS] or list(tokens)
    while len(core) > 1 and core[-1] in NAME_QUALIFIERS and core[-2] in ("name", "title", "label", "description"):
        core.pop()
    return core


def name_words(name: str) -> list[str]:
    """A field name's words as the makers read them: head noun last, role words and a name's
    trailing qualifiers dropped (`price_with_currency` → price, `name_en` → name)."""
    return core_tokens(head_phrase([t for t in snake(name).split("_") if t]))


@lru_cache(maxsize=65536)
def understood_name(name: str, context: str | None = None) -> bool:
    """`understood` for a field's name as written. A ratio (`net_income_per_ebt`, `price_per_sq_ft`)
    is no amount of its head: only a rate per a unit of time or of things counted (`price_per_night`,
    `views_per_day`) keeps its head's kind."""
    words = [t for t in snake(name).split("_") if t]
    if "per" in words[1:-1] and words[words.index("per") + 1] not in PER_UNITS:
        return False
    return understood(name_words(name), context)


PER_UNITS = frozenset("second minute hour day night week month year unit item person adult guest share "
                      "capita".split())
"""What a rate may be per and keep its head's kind: time and counted things, not another quantity."""
