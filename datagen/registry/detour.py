"""Whether a planned chain takes a detour no person would ask for: the chain rules of a plan.

`scope.may_link` says whether a value *means* the same thing at the receiving API; this module asks
whether passing it there is something a user *wants*. A cross-service step is taken only when the
user's goal needs both answers and the value passed is about the thing the user asked about. A call
made only to obtain a value to pass on is not a chain: read on the whole corpus, matches on a date
were fetched only to pass their locale ("en") to a rankings call of another tool; a list of posts
only to pass a link to another service's comments; a run of four services each handing the next a
handle of the last answer. A setting (a language, a country or region code, a currency, a date, a
unit, a format, a page, a link beside the answer) is something the user says; no call is needed
to find it. The rules are rows of `CHAIN_RULES`, walked in order by `detour`, each with its reason.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from datagen.registry.linking import is_action, linkable, links, via_pairs
from datagen.registry.models import Endpoint, Parameter, ResponseField
from datagen.registry.naming import singular, subject_noun
from datagen.registry.scope import about, same_service


class Setting(NamedTuple):
    """A kind of value a user states rather than a call finds: the words of its concept, and why."""

    kind: str
    words: frozenset[str]
    reason: str


SETTINGS: tuple[Setting, ...] = (
    Setting("language", frozenset({"language", "lang", "locale", "hl"}),
            "the language to answer in is the user's choice; an answer that happens to show one is no source"),
    Setting("place code", frozenset({"country", "region", "gl", "cc", "market"}),
            "a country or region used as a filter or a market is the user's to say, not an attribute to copy"),
    Setting("currency", frozenset({"currency"}),
            "the currency to see amounts in is the user's choice, whatever currency another answer used"),
    Setting("time", frozenset({"date", "timestamp", "time", "year", "month", "week", "timezone", "tz",
                               "utc_offset"}),
            "a date shown beside one thing (a match, a post) is no reason to ask another service about that day"),
    Setting("unit or format", frozenset({"unit", "units", "format"}),
            "a unit or an output format is how the user wants the answer, not something found"),
    Setting("paging", frozenset({"page", "limit", "offset", "size", "cursor", "sort", "order", "count"}),
            "a page, a limit or an order is a knob of the request, never a finding"),
    Setting("link", frozenset({"url", "link", "href", "website"}),
            "a link shown beside an answer (a bio link, an article's address) is not the thing the user asked about"),
)
"""The setting-like kinds of value, matched on a concept's last word (or the word before a `_code`)."""

MAX_CROSS_HOPS = 2
"""More hops from one service to another than this is a relay (user info → its handle → another
service's profile → its link → a third service's comments…): the user asked for one thing."""


def setting_of(concept: str) -> Setting | None:
    """The setting kind of a concept (`language`, `country_code`, `bio_link`, `start_date`), if any."""
    parts = [singular(p) for p in concept.split("_") if p]
    if not parts:
        return None
    heads = {parts[-1], concept}
    if len(parts) >= 2 and parts[-1] == "code":
        heads.add(parts[-2])
    return next((s for s in SETTINGS if heads & s.words), None)


def crosses(a: Endpoint, b: Endpoint) -> bool:
    """Whether two endpoints are of different services for a setting: another tool, or another
    platform. One platform makes a service's ids mean the same at both; it does not make a
    setting worth a call of its own (two tools wrapping one federation's data passed a locale)."""
    return a.tool_id != b.tool_id or not same_service(a, b)


def setting_link(param: Parameter, field_concept: str, source: Endpoint, target: Endpoint) -> bool:
    """Whether a link passes a setting-like value: its concept (the input's, else the field's) is a
    setting, and the value is not what the target is asked about (a country's details take the
    country: the country is then the user's subject) nor what both calls are about."""
    if param.control:
        return True
    concept = next((c for c in (param.concept, field_concept) if setting_of(c) is not None), None)
    if concept is None:
        return False
    subject = subject_noun(target.name, target.slug)
    if subject is not None and subject in set(concept.split("_")):
        return False  # `country_details(country)`: the value is what the target is about
    return not (about(concept, source, strict=True) and about(concept, target, strict=True))


class Hop(NamedTuple):
    """One link of a plan: step `source` feeds step `target` by these (input, field) pairs."""

    source: int
    target: int
    pairs: list[tuple[Parameter, ResponseField]]


def hops(endpoints: Sequence[Endpoint], groups: Sequence[int], vias: Sequence[Sequence[str]]) -> list[Hop]:
    """Every link from an earlier group's step to a later group's step (`linking.links`, with the
    graph's FEEDS `via` of the receiving step naming the fields)."""
    found: list[Hop] = []
    for target in range(len(endpoints)):
        via = via_pairs(vias[target]) if target < len(vias) else {}
        for source in range(len(endpoints)):
            if groups[source] < groups[target]:
                pairs = links(endpoints[source], endpoints[target], via)
                if pairs:
                    found.append(Hop(source, target, pairs))
    return found


def _setting_only(hop: Hop, endpoints: Sequence[Endpoint]) -> bool:
    source, target = endpoints[hop.source], endpoints[hop.target]
    return all(setting_link(p, f.concept, source, target) for p, f in hop.pairs)


Plan = tuple[Sequence[Endpoint], Sequence[int], list[Hop]]


def _means_for_a_setting(plan: Plan) -> str | None:
    endpoints, groups, found = plan
    last = max(groups)
    for step in range(len(endpoints)):
        out = [h for h in found if h.source == step]
        if groups[step] == last or not out or is_action(endpoints[step].name):
            continue  # asked for in its own right: the last answer, an action, or a step feeding nothing
        if all(_setting_only(h, endpoints) for h in out) and any(crosses(endpoints[step], endpoints[h.target])
                                                                 for h in out):
            return f"step {step} is called only to pass a setting to another service"
    return None


def _glued_by_a_setting(plan: Plan) -> str | None:
    endpoints, _, found = plan
    for step in range(len(endpoints)):
        into = [h for h in found if h.target == step]
        if into and all(crosses(endpoints[h.source], endpoints[step]) and _setting_only(h, endpoints)
                        for h in into):
            return f"step {step} is joined to the chain only by a setting another service's answer showed"
    return None


def _relay(plan: Plan) -> str | None:
    endpoints, _, found = plan
    crossed = {h.target for h in found if not same_service(endpoints[h.source], endpoints[h.target])}
    if len(crossed) > MAX_CROSS_HOPS:
        return f"{len(crossed)} hops from one service to another: a relay, not one goal"
    return None


def _shared_input(a: Endpoint, b: Endpoint) -> bool:
    """Two calls share the user's subject: one tool, or a required input of one concept that is
    neither a setting nor too vague to name a thing (both take the city, the symbol, the email)."""
    if not crosses(a, b):
        return True
    def concepts(e: Endpoint) -> set[str]:
        return {p.concept for p in e.parameters
                if p.required and not p.control and linkable(p.concept) and setting_of(p.concept) is None}
    return bool(concepts(a) & concepts(b))


def _unrelated_siblings(plan: Plan) -> str | None:
    endpoints, groups, _ = plan
    for i in range(len(endpoints)):
        for k in range(i + 1, len(endpoints)):
            if groups[i] == groups[k] and not _shared_input(endpoints[i], endpoints[k]):
                return f"steps {i} and {k} are called together but share neither a tool nor the user's subject"
    return None


class ChainRule(NamedTuple):
    """One rule a chain must keep: its name, its check (a reason when broken) and why it exists."""

    name: str
    check: Callable[[Plan], str | None]
    reason: str


CHAIN_RULES: tuple[ChainRule, ...] = (
    ChainRule("means for a setting", _means_for_a_setting,
              "a call made only to obtain a language, a country, a date or a link for another service is a "
              "detour: the user could have said the value, and never asked for the first answer"),
    ChainRule("glued by a setting", _glued_by_a_setting,
              "a step that takes from another service's answer nothing but a setting is a second, unrelated "
              "request (rankings asked for in the locale a list of matches showed)"),
    ChainRule("relay", _relay,
              f"more than {MAX_CROSS_HOPS} hops between services, each taking a value of the last answer, is a "
              "walk through the graph, not a goal"),
    ChainRule("unrelated siblings", _unrelated_siblings,
              "calls made together must share the user's subject (one tool, or an input of the same thing); "
              "otherwise they are two requests glued together"),
)


def detour(endpoints: Sequence[Endpoint], groups: Sequence[int], vias: Sequence[Sequence[str]]) -> str | None:
    """Why a planned chain is no chain a person asks for (the first broken `CHAIN_RULES` row), or None."""
    if len(endpoints) < 2:
        return None
    plan: Plan = (endpoints, groups, hops(endpoints, groups, vias))
    for rule in CHAIN_RULES:
        found = rule.check(plan)
        if found is not None:
            return f"{rule.name}: {found}"
    return None
