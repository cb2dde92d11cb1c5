"""Which concepts may carry a value from one endpoint to another: the one "may this link" rule.

A value means the same thing at the receiving API only when it is either universal (an email, a
city, a currency code, a date: meaningful outside any service) or minted by the same service (an
order id of one shop means nothing to another shop). Tools that wrap the same public platform count
as one service: their `platform` (`registry.platforms`, decided from the corpus, never from a list
of brands) is equal.

The rule, in order (see `may_link`):

1. Same service (same tool, or same non-empty platform): any concept links.
2. Otherwise only a universal concept links, and only into a REQUIRED input of the target (an
   optional input filled from an unrelated service is how chains glued by a shared word start).
3. (Removed in session 9.) Two tools of one category sharing a topic word used to link any
   universal. Read on the whole corpus, that rule made most of the glued chains readers reject: a
   rental page's URL fed into another property service, a market chart's ticker into a prediction
   exchange, a profile's interface language into another service's caption language. An incidental
   value (a date, an amount, a link, a language) is an attribute of the first answer, not the thing
   the user asked about: across services the user states it, it never links.
4. A subject universal (`city`, `latitude`, `email`, `domain`, `symbol`, `isbn` …) links across
   services when both endpoints are about it, in any category. "About" means the endpoint's name or URL
   path names it (a geocoder's coordinates into a map search by coordinates; not an expert
   listing's contact email into an email validator, nor a film calendar's release country into a
   country's economic indicators). Until session 8 the target alone being about it was enough
   inside one category; read on the whole corpus that paired a property page's country with a
   ranking of video creators by country: the value was an attribute of the first answer, not the
   thing the user asked about, and the first call was made only to obtain it.
   Incidental universals (`date`, `amount`, `currency`, `language`, `url` …) never link across services.

Across services, a concept of several senses (`symbol`: an equity ticker or a coin) links only
between endpoints that may mean the same sense (`senses`). Everything else (service handles such
as `order_id`, `user_name`, and concepts of no known kind) links only inside one service. Precision over coverage: see DESIGN.md §3 for what this costs.

The rule is written once, as link keys (`source_keys`, `target_keys`): two endpoints may link a
concept when their keys meet. The graph stores the keys on ResponseField/Parameter nodes and joins
on them (CAN_FILL, FEEDS); the Assistant and the judge call `may_link`, which compares the same keys.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache
from urllib.parse import urlsplit

from datagen.lexicon import (
    ABOUT_STOPWORDS,
    INCIDENTAL_UNIVERSALS,
    PERSON_WORDS,
    PLACE_WORDS,
    PLATFORM_STOPWORDS,
    SERVICE_CONCEPTS,
    SERVICE_HANDLE_SUFFIXES,
    SUBJECT_HINTS,
    SUBJECT_SENSES,
    SUBJECT_UNIVERSALS,
)
from datagen.registry.models import Endpoint, Parameter
from datagen.registry.naming import singular, snake

ABOUT_TEXT_CHARS = 300  # how much of a description says what an endpoint is about
_WORD = re.compile(r"[a-z]+")


class Scope(StrEnum):
    UNIVERSAL = "universal"  # meaningful outside any service: may link across tools (rules 2 and 4)
    SERVICE = "service"      # minted by a service: links only within one tool / one platform
    NONE = "none"            # of no known kind: links only within one service too


def _is_name_of(concept: str, words: frozenset[str]) -> bool:
    parts = concept.split("_")
    return len(parts) >= 2 and parts[-1] == "name" and all(p in words for p in parts[:-1])


@lru_cache(maxsize=65536)
def concept_scope(concept: str) -> Scope:
    """The scope of a concept key (as `registry.naming.concept_of` makes them)."""
    if concept in SERVICE_CONCEPTS:
        return Scope.SERVICE
    if concept in SUBJECT_UNIVERSALS or concept in INCIDENTAL_UNIVERSALS:
        return Scope.UNIVERSAL
    parts = concept.split("_")
    if len(parts) >= 2 and parts[-1] == "code" and "_".join(parts[:-1]) in SUBJECT_UNIVERSALS:
        return Scope.UNIVERSAL  # `state_code`, `region_code`: an ISO code of a universal
    if _is_name_of(concept, PERSON_WORDS) or _is_name_of(concept, PLACE_WORDS):
        return Scope.UNIVERSAL  # `author_name`, `venue_name`: a person's or a place's name
    if parts[-1] in SERVICE_HANDLE_SUFFIXES:
        return Scope.SERVICE
    return Scope.NONE


def is_incidental(concept: str) -> bool:
    """Whether a universal concept is incidental (never links across services) rather than a task's subject (rule 4)."""
    return concept in INCIDENTAL_UNIVERSALS


@lru_cache(maxsize=65536)
def _hints(concept: str) -> frozenset[str]:
    """Words that show an endpoint is about `concept`: the lexicon's hints, else the concept's own words.

    The lexicon's hints leave out a concept's own word where it is ambiguous (`address` is also a
    wallet's or an IP's; `phone` also a handset model)."""
    if concept in SUBJECT_HINTS:
        return SUBJECT_HINTS[concept]
    own = frozenset(singular(p) for p in concept.split("_") if p not in ABOUT_STOPWORDS and len(p) > 1)
    return own | SUBJECT_HINTS["person_name"] if _is_name_of(concept, PERSON_WORDS) else own


@lru_cache(maxsize=65536)
def _words(text: str) -> frozenset[str]:
    return frozenset(singular(w) for w in _WORD.findall(text.lower().replace("_", " ")))


def _url_words(endpoint: Endpoint) -> str:
    """The URL's host and path, less `{placeholders}`, the query and segments that only name one of
    the endpoint's own parameters (`/country/US` says the call takes a country, not that it is about one)."""
    parts = urlsplit(endpoint.url)
    params = {snake(p.name) for p in endpoint.parameters}
    segments = [s for s in parts.path.split("/") if s and not s.startswith("{") and snake(s) not in params]
    return " ".join([parts.hostname or "", *segments])


def about(concept: str, endpoint: Endpoint, *, strict: bool = False) -> bool:
    """Whether an endpoint is about a concept: its name or URL names it (or, unless `strict`, the
    head of its description). Links use `strict`: a description that merely lists a `country`
    filter does not make a catalogue of games about countries."""
    description = "" if strict else endpoint.description[:ABOUT_TEXT_CHARS]
    return bool(_hints(concept) & _words(f"{snake(endpoint.name)} {description} {_url_words(endpoint)}"))


def same_service(a: Endpoint, b: Endpoint) -> bool:
    """Whether two endpoints belong to one service: the same wrapped platform, or the same tool unless
    the tool wraps several platforms and the two endpoints are on different ones (a Chirper handle is
    no Picstagram username because one listing offers both)."""
    if a.platform and b.platform:
        return a.platform == b.platform
    return a.tool_id == b.tool_id


def senses(concept: str, endpoint: Endpoint) -> list[str]:
    """The senses of `concept` an endpoint may mean (`lexicon.SUBJECT_SENSES`): those whose words its
    name, URL, description head or tool summary use, else all; `["0"]` for a concept of one sense."""
    table = SUBJECT_SENSES.get(concept)
    if not table:
        return ["0"]
    words = _words(f"{snake(endpoint.name)} {_url_words(endpoint)} {endpoint.description[:ABOUT_TEXT_CHARS]} "
                   f"{endpoint.tool_summary}")
    matched = [str(i) for i, sense in enumerate(table) if sense & words]
    return matched or [str(i) for i in range(len(table))]


def _keys(concept: str, endpoint: Endpoint, open_across: bool) -> list[str]:
    keys = [f"platform:{endpoint.platform}"] if endpoint.platform else []
    if not (open_across and concept_scope(concept) is Scope.UNIVERSAL):
        return keys
    across = ["about"] if not is_incidental(concept) and about(concept, endpoint, strict=True) else []  # rule 4
    return keys + [f"{key}#{sense}" for key in across for sense in senses(concept, endpoint)]


def source_keys(concept: str, endpoint: Endpoint) -> list[str]:
    """Link keys of an output of `concept` returned by `endpoint` (across tools; the same tool
    always links, so it needs no key)."""
    return _keys(concept, endpoint, open_across=True)


def target_keys(concept: str, endpoint: Endpoint, required: bool) -> list[str]:
    """Link keys of an input of `concept` of `endpoint`; only a required input opens across tools."""
    return _keys(concept, endpoint, open_across=required)


def _required(concept: str, target: Endpoint, param: Parameter | str | None) -> bool:
    if isinstance(param, Parameter):
        return param.required and not param.control
    if isinstance(param, str):
        return any(p.name == param and p.required and not p.control for p in target.parameters)
    return any(p.concept == concept and p.required and not p.control for p in target.parameters)


def may_link(concept: str, source: Endpoint, target: Endpoint, param: Parameter | str | None = None) -> bool:
    """Whether a value of `concept` returned by `source` may fill an input of `target`.

    `param` (the receiving parameter or its name) says which input; without it, the target must
    take the concept as a required input for a cross-service link. See the module docstring.
    """
    if same_service(source, target):
        return True
    wanted = set(target_keys(concept, target, _required(concept, target, param)))
    return any(key in wanted for key in source_keys(concept, source))
