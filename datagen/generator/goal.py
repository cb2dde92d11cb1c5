"""The user's goal in plain words: what they want, not the chain of calls that gets it.

A step whose output feeds a later step is a means (the assistant looks a list up to find the id it
needs); the steps whose outputs nobody consumes are what the user came for. The opening turn names
only those ends, as a person would ask for them ("the news for a series"), and leaves the means to
the assistant, who announces them when it makes the calls.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from datagen.generator import phrases as ph
from datagen.generator.intent import noun_phrase, request
from datagen.core.plan import ConversationPlan
from datagen.registry.linking import end_indices, feeds, via_pairs
from datagen.registry.models import Endpoint
from datagen.lexicon import GENERIC_CONTAINERS, PREPOSITIONS, TRAILING_ADJECTIVES
from datagen.registry.naming import singular, snake



def feeds_later(plan: ConversationPlan, step: int) -> bool:
    """Whether a later group needs something this step returns (it is then a means, not an end)."""
    source, group = plan.endpoints[step], plan.steps[step].group
    return any(feeds(source, target, declared_via(plan, later))
               for later, target in enumerate(plan.endpoints) if plan.steps[later].group > group)


def declared_via(plan: ConversationPlan, step: int) -> dict[str, str]:
    """The step's FEEDS pairs as param → declared field path."""
    return via_pairs(plan.steps[step].via)


def end_steps(plan: ConversationPlan) -> list[int]:
    """Steps the user asked for, in call order (`registry.linking.end_indices`)."""
    ends = set(end_indices(plan.endpoints, [s.group for s in plan.steps], [s.via for s in plan.steps]))
    return [s for s in plan.call_order() if s in ends]


def asked_steps(plan: ConversationPlan) -> list[int]:
    """The steps the opening names: the ends, and a means that takes nothing the user could state
    (a listing called with no input, made to pick from): a call the user did not ask for and gave
    nothing to is a call made only to obtain a value, which is no chain a person asks for."""
    ends = set(end_steps(plan))
    browse = {step for step, endpoint in enumerate(plan.endpoints)
              if step not in ends and not plan.steps[step].via
              and not any(p.required and not p.control for p in endpoint.parameters)}
    return [s for s in plan.call_order() if s in ends | browse]


GENERIC_WISH = "look this up"
"""The wish of an endpoint whose name says nothing plain: true of any call, never its docs."""


def wish(endpoint: Endpoint, among: Sequence[Endpoint] = ()) -> str:
    """What the user asks for, as a verb phrase built from what the endpoint returns: `get the
    stop sequence`, `send the sms`; `look this up` when nothing plain can be said. Beside the other
    endpoints of the conversation (`among`), one that would read as another keeps its tail."""
    req = request(endpoint, among)
    return GENERIC_WISH if req.generic else req.phrase()


_WRAPPER_WORDS = GENERIC_CONTAINERS | frozenset({"details", "detail", "info", "information", "overview", "summary"})
"""Last words of a request's object that name the answer's wrapping, not the thing: "the runtime of
the movie", not "of the movie details"."""


_AFTER_THE_NOUN = frozenset({"long", "short", "new", "old", "full", "raw", "high", "low", "main", "alt", "local",
                             "original", "formatted", "plain", "clean", "en"})
"""Qualifiers an API writes after the noun (`title_long`, `price_new`): said as the API names it,
"the title long" is a field name, not words a person asks with."""


def _askable_label(label: str) -> bool:
    """Whether a person would ask for a value by this label: a plain noun phrase of common words
    (`comment count`, `exchange rate`), not a field name read aloud (`title long`, `as date`)."""
    words = label.split()
    return bool(words) and noun_phrase(words) is not None and words[-1] not in _AFTER_THE_NOUN


_QUALIFIER_WORDS = TRAILING_ADJECTIVES | frozenset({"average", "mean", "minimum", "maximum", "total", "median"})
"""Words an endpoint's name puts after the noun they qualify (`electricity_price_daily_average`)."""


def _qualifiers_first(words: list[str]) -> list[str]:
    """English order for a thing named like an endpoint: qualifiers at the end go first ("electricity
    price daily average" → "daily average electricity price")."""
    tail: list[str] = []
    while len(words) > 1 and words[-1] in _QUALIFIER_WORDS:
        tail.insert(0, words.pop())
    return tail + words


def wanted_phrase(endpoint: Endpoint, labels: Sequence[str], among: Sequence[Endpoint] = ()) -> str | None:
    """A lookup asked for by what its answer tells: "find out the caption, comment count and forward
    count of the post", not "get the post" (the endpoint's name). A label that is the object itself
    is said as the object ("the exchange rate and date", not "the rate and date of the exchange
    rate"). None for an act (`send the sms`), asked for by what it does, and for a label that is no
    noun ("delivered at", "released"): it cannot follow "find out the"."""
    req = request(endpoint, among)
    labels = [label for label in labels if _askable_label(label)]
    if not labels or not req.generic and req.verb not in ("get", "find") or any(
            label.split()[-1] in PREPOSITIONS or label.endswith("ed") for label in labels):
        return None
    thing = req.thing()
    words = thing.removeprefix("the ").split() if thing else []
    while len(words) > 1 and words[-1] in _WRAPPER_WORDS:
        words.pop()
    said = list(labels)
    if words and words[-1] in _WRAPPER_WORDS:
        words = []  # "the details of the details" says nothing
    words = _qualifiers_first(words)
    for i, label in enumerate(said):
        if words and (label == words[-1] or set(label.split()) <= set(words)):
            said[i], words = " ".join(words), []  # the object is one of the things asked for
    told = ph.join_words([f"the {label}" if i == 0 else label for i, label in enumerate(dict.fromkeys(said))])
    return f"{_FIND}{told} of the {' '.join(words)}" if words else f"{_FIND}{told}"


def ask_phrase(plan: ConversationPlan, wanted: Mapping[int, Sequence[str]] | None = None) -> list[str]:
    """The wishes of the end steps, in call order, without repeats; a step fed from one side of a
    match says which side the user means ("the team details for the away team"). A generic wish
    beside a plain one is left out: "get the order and look this up" asks for nothing more. A step
    in `wanted` (step → the labels its answer tells) is asked for by those labels (`wanted_phrase`)."""
    out: list[str] = []
    for step in asked_steps(plan):
        told = wanted_phrase(plan.endpoints[step], (wanted or {}).get(step, ()), plan.endpoints)
        phrase = told or wish(plan.endpoints[step], plan.endpoints)
        side = _side(plan, step)
        phrase = f"{phrase} for the {side}" if side and phrase != GENERIC_WISH else phrase
        if phrase not in out:
            out.append(phrase)
    plain = [p for p in out if p != GENERIC_WISH]
    return _one_verb(_merged(plain) or out)


_FIND = "find out "


def _one_verb(phrases: list[str]) -> list[str]:
    """"find out the type of the place and the utc offset of the timezone": the verb said once for
    consecutive things asked by what they tell."""
    return [p.removeprefix(_FIND) if i and p.startswith(_FIND) and phrases[i - 1].startswith(_FIND) else p
            for i, p in enumerate(phrases)]


def repeated_wish(plan: ConversationPlan) -> tuple[int, int] | None:
    """Two steps the user asks for in the same words (`get the country` and `get the countries`):
    the second call is one the user did not ask for; None when every asked step says something else."""
    said: dict[tuple[str, ...], int] = {}
    for step in asked_steps(plan):
        phrase = wish(plan.endpoints[step], plan.endpoints)
        if phrase == GENERIC_WISH:
            continue
        key = tuple(singular(w) for w in phrase.split())
        if key in said:
            return said[key], step
        said[key] = step
    return None


def _merged(phrases: list[str]) -> list[str]:
    """Requests for one thing said once: "get the country" and "get the countries" are one wish
    (singular and plural of the same words), and wishes that share a verb and a noun phrase say it
    once with their differences after it ("get the electricity price hourly, daily and daily
    average", not three requests that recite three endpoint names)."""
    out: list[str] = []
    keys: list[tuple[str, ...]] = []
    for phrase in phrases:
        key = tuple(singular(w) for w in phrase.split())
        if key not in keys:
            keys.append(key)
            out.append(phrase)
    merged: list[str] = []
    i = 0
    while i < len(out):
        words = out[i].split()
        group = [out[i]]
        j = i + 1
        while j < len(out) and len(words) >= 4 and out[j].split()[:len(words) - 1] == words[:-1] \
                and len(out[j].split()) > len(words) - 1:
            group.append(out[j])
            j += 1
        if len(group) > 1:
            head = " ".join(words[:-1])
            tails = [g.split(maxsplit=len(words) - 1)[-1] for g in group]
            merged.append(f"{head} {', '.join(tails[:-1])} and {tails[-1]}")
        else:
            merged.append(out[i])
        i = j
    return merged


_SIDE_WORDS = ("home", "away")


def _side(plan: ConversationPlan, step: int) -> str | None:
    """`away team` when the step's link takes its value from `…awayTeam.id` (one of two sides)."""
    for path in declared_via(plan, step).values():
        for segment in path.replace("[]", "").split("."):
            words = snake(segment).split("_")
            if len(words) >= 2 and words[0] in _SIDE_WORDS:
                return " ".join(words[:2])
    return None
