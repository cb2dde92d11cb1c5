"""A field name read as an English noun phrase: which word is its head, which words modify it.

Why: value makers chose a value by any word of a name, so `priceWithCurrency` got a currency code
(its last word), `wasPrice` a yes/no (`was` leads a question), `name_of_city` a person's name. A
reader takes the head noun: `price` with a currency, the former `price`, the `name` of a `city`
(`city_name`). `head_phrase` rewrites a name's words so the maker sees the head noun last, as in an
ordinary compound (`city_name`, `price`), by the rows of `RULES`, each with its reason. It knows
English only: prepositions, tense, the units a measure is given in; never a tool's words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from datagen.lexicon import MEASURE_WORDS, MOMENT_WORDS

Words = list[str]

_ATTACHING = frozenset({"with", "for", "by", "via", "using", "including", "incl", "per"})
_POSSESSIVE = frozenset({"of"})
_FORMER = frozenset({"was", "were", "previous", "prev", "old", "former", "original"})
_NOUN_AFTER_FORMER = frozenset({"price", "cost", "amount", "fee", "name", "title", "value", "rate", "total",
                                "address", "email", "url", "status", "date", "time"})


def _attached(words: Words) -> Words | None:
    """`price_with_currency`, `views_per_day`, `tickets_for_adults`: the head comes before the
    preposition and the words after it only say more about it (`per` keeps a unit: `per_second`
    stays a rate of something, the maker reads its head). Not at the start or the end
    (`by_date`, `sort_by` are a different grammar: a knob, not a value)."""
    for i, word in enumerate(words):
        if word in _ATTACHING and 0 < i < len(words) - 1:
            return words[:i]
    return None


def _possessive(words: Words) -> Words | None:
    """`name_of_city` is a `city_name`, `number_of_items` an `items_number` (the maker reads a count);
    a unit after `of` is a measure, not an owner (`length_of_minutes` is rare; left alone)."""
    if len(words) == 3 and words[1] in _POSSESSIVE and words[2] not in MEASURE_WORDS:
        return [words[2], words[0]]
    return None


def _former(words: Words) -> Words | None:
    """`was_price`, `old_price`, `previous_name`: the value it had before, of the same kind as the
    noun (not a yes/no because `was` can start a question: `was_price` is no question)."""
    if len(words) >= 2 and words[0] in _FORMER and words[-1] in _NOUN_AFTER_FORMER:
        return words[1:]
    return None


_NAME_QUALIFIERS = frozenset({"full", "short", "official", "common", "long", "display", "native", "local"})


def _qualified_name(words: Words) -> Words | None:
    """`country_full_name` is the name of a country (its full form), not a person's full name: a
    qualifier between a noun and `name` says which form of the noun's name, so the maker reads
    `country_name`. Alone (`full_name`, `display_name`) it stays a person's or a thing's name."""
    if len(words) >= 3 and words[-1] == "name" and words[-2] in _NAME_QUALIFIERS:
        return words[:-2] + ["name"]
    return None


_QUESTION_LEADS = frozenset({"is", "was", "were", "are", "has", "have", "had", "can", "does", "did", "not"})


def _participle(words: Words) -> Words | None:
    """`calories_burned`, `items_sold`, `points_earned`: a past participle after its noun says which
    of them; the noun is the head (`burned calories`). Moments (`created`, `updated`) are heads of
    their own: `time_created` is a time, and the makers read those words as moments."""
    last = words[-1] if words else ""
    if len(words) >= 2 and last.endswith("ed") and len(last) > 4 and last not in MOMENT_WORDS \
            and words[0] not in _QUESTION_LEADS:
        return [last, *words[:-1]]
    return None


@dataclass(frozen=True)
class PhraseRule:
    """One row: how a name's words are rewritten, and why."""

    name: str
    rewrite: Callable[[Words], Words | None]
    reason: str


RULES: tuple[PhraseRule, ...] = (
    PhraseRule("attached", _attached, "words after with/for/by/per modify the head before them"),
    PhraseRule("possessive", _possessive, "X of Y is Y's X: the owner first, the head last"),
    PhraseRule("former", _former, "a former value is of the kind its noun says, not a question"),
    PhraseRule("qualified_name", _qualified_name, "a full or short name of a noun is that noun's name"),
    PhraseRule("participle", _participle, "a participle after a noun says which of them: the noun is the head"),
)


def head_phrase(words: Words) -> Words:
    """The words of a field name with its head noun last (every row that applies, in order)."""
    out = list(words)
    for rule in RULES:
        rewritten = rule.rewrite(out)
        if rewritten:
            out = rewritten
    return out
