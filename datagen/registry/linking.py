"""Whether one endpoint's output can supply an input of another, and whether a chain holds together.

Built on `scope.may_link` (does the value mean the same thing there?) plus two checks a reader
makes: the types fit, and a link between two different tools fills a *required* input (a chain
glued only by an optional filter is two unrelated requests). The planner uses `coherent_prefix`
to keep only chains in which every step follows from the ones before it; the Assistant and the
user's goal use `compatible` and `feeds` so they agree with it.
"""

from __future__ import annotations

from collections.abc import Sequence

from datagen.lexicon import ACTION_VERBS, IMAGE_WORDS, INCIDENTAL_CONCEPTS, READ_VERBS
from datagen.registry.models import Endpoint, Parameter, ParamType, ResponseField
from datagen.registry.naming import WEAK_CONCEPTS, snake
from datagen.registry.scope import about, may_link, same_service

_NUMERIC = (ParamType.INTEGER, ParamType.NUMBER)


def linkable(concept: str) -> bool:
    """Whether a concept is specific enough to ground a value by concept alone (as the graph does)."""
    return concept not in WEAK_CONCEPTS and not concept.isdigit() and len(concept) > 1


def compatible(field_type: ParamType, param: Parameter) -> bool:
    """Whether a field of this type can be expected to fill the param once coerced."""
    if param.enum or field_type in (ParamType.NULL, ParamType.OBJECT) and param.type is not ParamType.OBJECT:
        return False
    if param.type is ParamType.INTEGER:
        return field_type is ParamType.INTEGER  # 20.02 cannot become an integer without changing it
    if param.type is ParamType.NUMBER:
        return field_type in _NUMERIC
    if param.type is ParamType.BOOLEAN:
        return field_type is ParamType.BOOLEAN
    if param.type is ParamType.OBJECT:
        return field_type is ParamType.OBJECT
    return True


def is_action(name: str) -> bool:
    """Whether an endpoint (by name, `tool::endpoint` or not) changes something for the user: it
    books, buys, sends, deletes… rather than reads. Such a step is never a silent means to an end."""
    words = set(snake(name.rsplit("::", 1)[-1]).split("_"))
    return bool(words & ACTION_VERBS) and not words & READ_VERBS


def feeds(source: Endpoint, target: Endpoint, via: dict[str, str] | None = None) -> bool:
    """Whether `source` finds a value that fills an input of `target` with the same meaning.

    `via` maps a target param to the source field path the graph's FEEDS edge named. Across two
    tools only a required input counts. A field of a concept the source itself takes as input is an
    echo (`search_hotels(city)` → `hotels[].city`): passing it on is passing on the user's own value,
    which makes the source a detour, not a means; so is a date, a point or an amount it happens to
    show (`INCIDENTAL_CONCEPTS`), unless the source is about it (a geocoder's coordinates).
    """
    return bool(links(source, target, via, first=True))


def links(source: Endpoint, target: Endpoint, via: dict[str, str] | None = None,
          *, first: bool = False) -> list[tuple[Parameter, ResponseField]]:
    """The (target input, source field) pairs by which `source` feeds `target` (see `feeds`), in the
    target's parameter order; with `first`, at most one (all `feeds` needs to know)."""
    same_tool = source.tool_id == target.tool_id
    echoed = {p.concept for p in source.parameters if linkable(p.concept)}
    found: list[tuple[Parameter, ResponseField]] = []
    for param in target.parameters:
        if param.control or not (param.required or same_tool):
            continue
        for f in source.response_fields:
            if f.concept in echoed:
                continue  # the source repeats its own input: the value was the user's, not found by it
            if f.concept in INCIDENTAL_CONCEPTS and not about(f.concept, source, strict=True):
                continue  # a date or a point the source happens to show does not make it a means
                # (a geocoder's coordinates are not incidental: they are what it is about)
            if not same_owner(f.path, target, param):
                continue  # a picture's address is no other thing's
            named = via is not None and via.get(param.name) == f.path
            same = linkable(param.concept) and f.concept == param.concept
            if (named or same) and compatible(f.type, param) and may_link(f.concept, source, target, param):
                found.append((param, f))
                if first:
                    return found
    return found


_PIC = frozenset({"pic", "pics", "img", "imgs"})


def image_owned(path: str) -> bool:
    """Whether a field belongs to a picture: one of its containers or the words before its last
    (`thumbnails[].url`, `profile_pic_url`, `cover.link`) name one. Such a value is the picture's."""
    parts = [p for p in path.replace("[]", "").split(".") if p]
    words = {w for part in parts[:-1] for w in snake(part).split("_")}
    words |= set(snake(parts[-1]).split("_")[:-1]) if parts else set()
    return bool(words & (IMAGE_WORDS | _PIC))


def same_owner(path: str, target: Endpoint, param: Parameter) -> bool:
    """Whether a field's value is of the thing the receiving parameter wants: a picture's address
    fills only an input about pictures (a thumbnail's url is no video's url, an avatar's no
    profile's). Read on the whole corpus: a playlist's thumbnail url was sent as a video link."""
    if not image_owned(path):
        return True
    wanted = set(snake(f"{param.name} {target.name}").split("_"))
    return bool(wanted & (IMAGE_WORDS | _PIC))


def same_subject(a: Endpoint, b: Endpoint) -> bool:
    """Two endpoints of one tool asked about the same thing: they share a required input."""
    if a.tool_id != b.tool_id:
        return False
    required_a = {p.name for p in a.parameters if p.required and not p.control}
    return bool(required_a & {p.name for p in b.parameters if p.required and not p.control})


def coherent_prefix(endpoints: Sequence[Endpoint], groups: Sequence[int]) -> list[int]:
    """Indices of the steps that belong to one goal, in order.

    A step of a later group stays when an earlier step feeds it or asks about the same subject in
    the same tool; the chain is cut at the first step that does neither. A second step of the first
    group (parallel) stays only if it feeds a kept later step or shares the first step's subject.
    """
    kept = [0] if endpoints else []
    for i in range(1, len(endpoints)):
        earlier = [j for j in kept if groups[j] < groups[i]]
        if not earlier:
            kept.append(i)  # a sibling in the first group: judged below
            continue
        if any(feeds(endpoints[j], endpoints[i]) or same_subject(endpoints[j], endpoints[i]) for j in earlier):
            kept.append(i)
        else:
            break
    first = groups[0] if groups else 0
    return [i for i in kept if i == 0 or groups[i] != first
            or same_subject(endpoints[0], endpoints[i])
            or any(feeds(endpoints[i], endpoints[k]) for k in kept if groups[k] > first)]


def via_pairs(via: Sequence[str]) -> dict[str, str]:
    """A chain step's FEEDS pairs (`"hotels[].hotel_id->hotel_id"`) as param → declared field path."""
    pairs = [v.rsplit("->", 1) for v in via if "->" in v]
    return {param: path for path, param in pairs}


def end_indices(endpoints: Sequence[Endpoint], groups: Sequence[int], vias: Sequence[Sequence[str]]) -> list[int]:
    """The steps a user asks for: the last group, every step whose output no later group needs,
    every action (nobody wants an enrolment as a side effect of asking for progress), and every
    step that feeds a step of another service: a call to one service made only to obtain a value
    for another is no chain a person asks for, so when two services meet the user wants both
    answers (a geocoder's coordinates and the map search around them)."""
    last = max(groups) if groups else 0
    def feeds_later(step: int, *, across: bool = False) -> bool:
        return any(feeds(endpoints[step], endpoints[later], via_pairs(vias[later]))
                   for later in range(len(endpoints)) if groups[later] > groups[step]
                   and not (across and same_service(endpoints[step], endpoints[later])))
    return [s for s in range(len(endpoints))
            if groups[s] == last or not feeds_later(s) or is_action(endpoints[s].name)
            or feeds_later(s, across=True)]
