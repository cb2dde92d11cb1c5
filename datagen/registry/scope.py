"""Which concepts may carry a value from one endpoint to another: the one "may this link" rule.

A value means the same thing at the receiving API only when it is either universal (an email, a
city, a currency code, a date: meaningful outside any service) or minted by the same service (an
order id of one shop means nothing to another shop). Tools that wrap the same public platform
(several ToolBench tools wrap one video site and accept its ids) count as one service: their
`platform` key, decided at registry time from the tools' own names, descriptions and hosts, is equal.

Used by the graph rows (CAN_FILL/FEEDS), the Assistant (grounding from session memory) and the
offline judge (service ids crossing to an unrelated tool), so all three agree.

NOTE: first cut; the link-scope work refines `concept_scope` and `platform_of`.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol


class Scope(StrEnum):
    UNIVERSAL = "universal"  # meaningful outside any service: may link across tools
    SERVICE = "service"      # minted by a service: links only within one tool / one platform
    NONE = "none"            # too vague to link at all


class _Linked(Protocol):
    @property
    def tool_id(self) -> str: ...

    @property
    def platform(self) -> str: ...


_UNIVERSAL = frozenset({
    "email", "phone", "url", "domain", "ip", "ip_address", "city", "country", "country_code", "region",
    "state", "latitude", "longitude", "postal_code", "date", "timestamp", "time", "timezone", "amount",
    "currency", "symbol", "language", "isbn", "imdb_id", "iata", "address",
})


def concept_scope(concept: str) -> Scope:
    """The scope of a concept key (as `registry.naming.concept_of` makes them)."""
    if concept in _UNIVERSAL:
        return Scope.UNIVERSAL
    if concept.endswith("_id") or concept.endswith(("_key", "_token", "_slug", "_number", "_code")):
        return Scope.SERVICE
    return Scope.NONE


def same_service(a: _Linked, b: _Linked) -> bool:
    """Whether two endpoints belong to one service: the same tool or the same wrapped platform."""
    return a.tool_id == b.tool_id or bool(a.platform) and a.platform == b.platform


def may_link(concept: str, source: _Linked, target: _Linked) -> bool:
    """Whether a value of `concept` returned by `source` may fill an input of `target`."""
    scope = concept_scope(concept)
    if scope is Scope.UNIVERSAL:
        return True
    if scope is Scope.SERVICE:
        return same_service(source, target)
    return False
